"""iCalendar (RFC 5545) for events: one event, a chapter, or the network."""

import datetime
from urllib.parse import urlsplit

from django.http import HttpRequest, HttpResponse
from wagtail.models import Site

from home.sites import absolute_page_url

# icalendar (about 50 ms to import) loads with the first calendar asked for.
PRODID = "-//US Human Rights Cities Alliance//Network site//EN"


def calendar_response(events, request: HttpRequest, name: str, filename: str) -> HttpResponse:
    response = HttpResponse(
        calendar_bytes(events, request, name), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def calendar_bytes(events, request: HttpRequest | None, name: str) -> bytes:
    """The calendar; without a request (an email's attachment), addresses are absolute
    on each event's own site."""
    from icalendar import Calendar

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    # `events` may be a queryset over many chapters: iterate it once, so the
    # calendar costs the same queries at any size.
    for event in events:
        calendar.add_component(vevent(event, request))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def event_uid(page, request: HttpRequest | None) -> str:
    """One UID per event wherever it is read: the event's own calendar, its chapter's
    feed, the network's feed, in any language.

    A calendar that subscribes to two feeds shows an event once only if both
    give it the same UID. Translations of an event are the same event, so the
    UID is its translation key, at the hostname of the chapter that holds it
    (never the site the feed is read on). No query: Wagtail's site root paths.
    """
    _site_id, root_url, _path = page.get_url_parts(request) or (None, None, None)
    hostname = urlsplit(root_url).hostname if root_url else None
    if hostname is None:
        site = Site.find_for_request(request) if request else None
        hostname = site.hostname if site else "localhost"
    return f"event-{page.translation_key}@{hostname}"


def vevent(page, request: HttpRequest | None):
    """The page as one VEVENT (an icalendar Event)."""
    from icalendar import Event

    event = Event()
    event.add("uid", event_uid(page, request))
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
    if getattr(page, "cancelled", False):
        event.add("status", "CANCELLED")
    event.add("url", absolute_page_url(page, request) if request else page.get_full_url())
    return event
