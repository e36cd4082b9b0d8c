from django.http import Http404
from wagtail import views as wagtail_views
from wagtail.models import Page, Site

from home.locales import active_language, language_of


def route_for_request(request, path: str):
    """Wagtail's page routing, falling back to the site's own language.

    Routes from the site's home in the reader's language; a page not yet
    translated into it is then looked for in the site's original tree (the
    network's default language), and served from there with a notice in the
    reader's language instead of a 404. The result is cached on the request
    as Wagtail's own is, so every later lookup agrees. One query at most to
    find the translated home, where Wagtail spends two.
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
        components = [component for component in path.split("/") if component]
        for candidate in candidates:
            try:
                result = candidate.specific.route(request, components)
                break
            except Http404:
                continue
    request._wagtail_route_for_request = result
    return result


def serve(request, path):
    route_for_request(request, path)
    return wagtail_views.serve(request, path)
