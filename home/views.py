import contextlib

from django.http import Http404
from wagtail import views as wagtail_views
from wagtail.models import Locale, Page, Site

from home.locales import active_language, default_language, language_of


def route_for_request(request, path: str):
    """Wagtail's page routing, falling back to the default language's tree.

    A page not yet translated into the reader's language is found in the
    network's default language (its template says so, in the reader's
    language) instead of a 404. The result is cached on the request as
    Wagtail's own is, so every later lookup agrees.
    """
    components = [component for component in path.split("/") if component]
    if not hasattr(request, "_wagtail_route_for_request"):
        site = Site.find_for_request(request)
        if site is not None and language_of(site.root_page) == active_language():
            # The site's root is already in the reader's language: route from it
            # directly, sparing Wagtail's Locale lookup on every request.
            request._wagtail_route_for_request = None
            with contextlib.suppress(Http404):
                request._wagtail_route_for_request = site.root_page.specific.route(
                    request, components
                )
    result = Page.route_for_request(request, path)
    if result is None and active_language() != default_language():
        site = Site.find_for_request(request)
        if site is not None:
            root = site.root_page.get_translation_or_none(Locale.get_default()) or site.root_page
            with contextlib.suppress(Http404):
                result = root.specific.route(request, components)
                request._wagtail_route_for_request = result
    return result


def serve(request, path):
    route_for_request(request, path)
    return wagtail_views.serve(request, path)
