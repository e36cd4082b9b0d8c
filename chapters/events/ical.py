"""iCalendar (RFC 5545) for events: one event, a chapter, or the network."""

import datetime

from django.http import HttpRequest, HttpResponse
from wagtail.models import Site

from home.sites import absolute_page_url

# icalendar (about 50 ms to import) loads with the first calendar asked for.
PRODID = "-//US Human Rights Cities Alliance//Network site//EN"


def calendar_response(events, request: HttpRequest, name: str, filename: str) -> HttpResponse:
    from icalendar import Calendar

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    # `events` may be a queryset over many chapters: iterate it once, and look
    # the site up once, so the calendar costs the same queries at any size.
    site = Site.find_for_request(request)
    for event in events:
        calendar.add_component(vevent(event, request, site))
    calendar.add_missing_timezones()
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def vevent(page, request: HttpRequest, site: Site | None = None):
    """The page as one VEVENT (an icalendar Event)."""
    from icalendar import Event

    site = site or Site.find_for_request(request)
    event = Event()
    event.add("uid", f"event-{page.translation_key}@{site.hostname if site else 'localhost'}")
    event.add("dtstamp", (page.last_published_at or page.starts_at).astimezone(datetime.UTC))
    event.add("summary", page.title)
    if page.all_day:
        event.add("dtstart", page.start_date)
        # DTEND is exclusive for all-day events.
        event.add("dtend", (page.end_date or page.start_date) + datetime.timedelta(days=1))
    else:
        event.add("dtstart", page.local_start())
        event.add("dtend", page.local_end())
    if page.summary:
        event.add("description", page.summary)
    chapter = getattr(page, "chapter_title", None)
    if chapter:
        # Network calendars: say which chapter holds the event.
        event.add("categories", [chapter])
    location = page.location_text()
    if location:
        event.add("location", location)
    event.add("url", absolute_page_url(page, request))
    return event
