from django.http import Http404
from wagtail.models import Page

from chapters.models import EventIndexPage, EventPage
from home.publication import is_public


def calendar(request, path: str, name: str):
    """iCalendar files beside pages: <events index>/feed.ics and <event>/event.ics.

    Wagtail's page URLs cannot end in a file name, so these are routed here;
    the page must pass the same public gate as the page itself.
    """
    route = Page.route_for_request(request, path)
    if route is None:
        raise Http404
    page = route[0].specific
    if route[1] or not is_public(page):
        raise Http404
    if name == "feed" and isinstance(page, EventIndexPage):
        return page.ical_feed(request)
    if name == "event" and isinstance(page, EventPage):
        return page.ical(request)
    raise Http404
