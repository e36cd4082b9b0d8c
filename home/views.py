from django.http import Http404, HttpResponsePermanentRedirect
from wagtail import views as wagtail_views
from wagtail.models import Page, Site

from home import routing
from home.locales import active_language, language_of
from home.pagecache.policy import mark_public
from home.publication import is_public, public_pages


def route_for_request(request, path: str):
    """Wagtail's page routing, falling back to the site's own language.

    Routes from the site's home in the reader's language; a page not yet
    translated into it is then looked for in the site's original tree (the
    network's default language), and served from there with a notice in the
    reader's language instead of a 404. The result is cached on the request
    as Wagtail's own is, so every later lookup agrees. One query at most to
    find the translated home, where Wagtail spends two, and two to route to any page
    (home/routing.py), where Wagtail spends two per level.
    """
    if hasattr(request, "_wagtail_route_for_request"):
        return request._wagtail_route_for_request
    result = None
    site = Site.find_for_request(request)
    if site is not None:
        root = site.root_page
        candidates = [root]
        if language_of(root) != active_language():
            translated = Page.objects.filter(
                translation_key=root.translation_key,
                locale__language_code=active_language(),
                live=True,
            ).first()
            if translated is not None:
                candidates.insert(0, translated)
        # No home in the reader's language: no page of the site has a translation there.
        request._translated_root = candidates[0] if len(candidates) > 1 else None
        components = [component for component in path.split("/") if component]
        found = routing.chains(candidates, components)
        for candidate in candidates:
            try:
                result = routing.route(request, candidate, components, found)
                break
            except Http404:
                continue
    request._wagtail_route_for_request = result
    return result


def serve(request, path):
    result = route_for_request(request, path)
    moved = translated_address(request, result, path)
    if moved is not None:
        return HttpResponsePermanentRedirect(moved)
    page = result[0] if result is not None else None
    if page is not None:
        # The page's own URLs (its structured data's `full_url`, asked without the
        # request) reuse the sites' root paths read for this request: Wagtail reads and
        # unpickles them again for a page without one, 1,000 of them at 500 chapters.
        page._wagtail_cached_site_root_paths = page._get_site_root_paths(request)
    try:
        response = wagtail_views.serve(request, path)
        if response.status_code == 200 and page is not None and is_public(page):
            # Wagtail served a page the shared public query lets everyone see (its
            # routed fetch already asked): to a reader without credentials
            # (policy.storable checks), the response may be shared.
            mark_public(response)
        return response
    finally:
        if page is not None:
            routing.forget(page)


def translated_address(request, result, path: str) -> str | None:
    """Where a page reached by its original (English) address under another language
    lives in that language, when a translator gave it its own slug: /es/stories/x/ ->
    /es/historias/equis/, with the rest of the path (a routable page's sub-route) and the
    query string kept.

    Only when both the page reached and its translation are public (the shared public
    query), so a redirect never tells a stranger that a draft or private page exists.
    """
    if result is None:
        return None
    page = result[0]
    language = active_language()
    if language_of(page) == language or getattr(request, "_translated_root", None) is None:
        return None
    translation = (
        Page.objects.filter(translation_key=page.translation_key, locale__language_code=language)
        .exclude(pk=page.pk)
        .first()
    )
    if translation is None:
        return None
    shown = public_pages(Page.objects.filter(pk__in=[page.pk, translation.pk]))
    if shown.count() != 2:
        return None
    site = Site.find_for_request(request)
    own = page.url_path[len(_root_of(site, page).url_path) :] if site else ""
    rest = path[len(own) :] if path.startswith(own) else ""
    url = translation.get_url(request)
    if not url or url + rest == request.path:
        return None
    query = request.GET.urlencode()  # re-encoded: always a safe ASCII Location
    return url + rest + (f"?{query}" if query else "")


def _root_of(site: Site, page: Page) -> Page:
    """The site's home in the page's own locale (the tree `page` was routed in)."""
    root = site.root_page
    if root.locale_id == page.locale_id:
        return root
    return root.get_translation_or_none(page.locale) or root
