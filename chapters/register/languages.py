"""Which of the network's languages a site publishes in.

Locales are global in Wagtail; each site (a chapter, or the Alliance) chooses
its own in its settings. Its language switcher offers only those, and a
request for another language redirects to the site's default language.
"""

from django.conf import settings
from django.http import HttpResponseRedirect
from django.utils import translation
from wagtail.models import Site

from chapters.register.settings import ChapterSettings

NETWORK_PATHS = ("/admin/", "/documents/", "/static/", "/media/")


def site_languages(request) -> list[str]:
    """The request's site's languages, default first (cached on the request)."""
    if not hasattr(request, "_site_languages"):
        site = Site.find_for_request(request)
        if site is None:
            request._site_languages = [code for code, _name in settings.LANGUAGES]
        else:
            request._site_languages = ChapterSettings.for_request(request).language_codes
    return request._site_languages


def swap_language(path: str, language: str) -> str:
    """The same path under another language prefix: /en/stories/ -> /es/stories/."""
    current = translation.get_language_from_path(path)
    if current is None:
        return f"/{language}{path}"
    return f"/{language}/" + path[len(current) + 2 :]


class SiteLanguageMiddleware:
    """Redirects a request for a language the site does not publish in to its default."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        if not path.startswith(NETWORK_PATHS):
            language = translation.get_language_from_path(path)
            if language is not None:
                languages = site_languages(request)
                if language not in languages:
                    target = swap_language(path, languages[0])
                    query = request.META.get("QUERY_STRING")
                    return HttpResponseRedirect(target + (f"?{query}" if query else ""))
        return self.get_response(request)
