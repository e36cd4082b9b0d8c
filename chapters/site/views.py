from django.http import Http404
from django.utils import translation

from chapters.events.models import EventIndexPage, EventPage
from chapters.network.content import NetworkEventsPage
from chapters.register.languages import site_languages
from home.publication import is_public
from home.views import route_for_request, serve


def calendar(request, path: str, name: str):
    """iCalendar files beside pages: <events index or network events>/feed.ics, <event>/event.ics.

    Wagtail's page URLs cannot end in a file name, so these are routed here;
    the page must pass the same public gate as the page itself.
    """
    route = route_for_request(request, path)
    if route is None:
        raise Http404
    page = route[0].specific
    # A routable page (the network's events) routes its own address to `index_route`.
    match = getattr(request, "routable_resolver_match", None)
    beyond_page = route[1] and not (match and match.url_name == "index_route")
    if beyond_page or not is_public(page):
        raise Http404
    if name == "feed" and isinstance(page, EventIndexPage | NetworkEventsPage):
        return page.ical_feed(request)
    if name == "event" and isinstance(page, EventPage):
        return page.ical(request)
    raise Http404


def site_root(request):
    """Serve the site's home page at "/" in the language the reader asked for.

    LocaleMiddleware has already picked the language from the browser; a site
    that does not publish in it answers in its own default language. The page
    itself links to its canonical /<lang>/ address.
    """
    languages = site_languages(request)
    if translation.get_language() not in languages:
        translation.activate(languages[0])
        request.LANGUAGE_CODE = languages[0]
    return serve(request, "")
