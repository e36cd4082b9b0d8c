"""The iCalendar files beside event pages."""

from django.http import Http404

from chapters.events.models import EventPage
from home.publication import is_public
from home.views import route_for_request


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
    # A chapter's events index and the network's events page both offer a feed.
    if name == "feed" and hasattr(page, "ical_feed"):
        return page.ical_feed(request)
    if name == "event" and isinstance(page, EventPage):
        return page.ical(request)
    raise Http404
