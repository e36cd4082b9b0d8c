"""Stories, events and archive entries of the demo chapters (all fictional).

Idempotent: an item is created only if its section has no page with its slug.
Event dates are relative to today, so the demo always has past and upcoming
events; the one marked `spans_dst_change` is placed across the zone's next
daylight-saving change.
"""

import datetime
import zoneinfo

from django.utils import timezone
from wagtail.models import Page

from chapters import demo_publishing_content as content
from chapters.archive.models import ArchiveEntryPage, ArchiveIndexPage
from chapters.events.models import EventIndexPage, EventPage
from chapters.register.settings import ChapterSettings
from chapters.site.home import ChapterHomePage
from chapters.stories.models import StoryIndexPage, StoryPage
from home.demo import stream
from home.locales import default_language
from home.models import Principle, Right


def load_publishing(home: ChapterHomePage, hostname: str) -> int:
    rights = {r.slug: r for r in Right.objects.filter(locale__language_code=default_language())}
    principles = {
        (p.principle_set.label, p.sort_order): p
        for p in Principle.objects.filter(locale__language_code=default_language()).select_related(
            "principle_set"
        )
    }
    created = 0
    stories = StoryIndexPage.objects.child_of(home).get()
    for data in content.STORIES.get(hostname, []):
        created += _add(
            stories,
            StoryPage(
                title=data["title"],
                slug=data["slug"],
                summary=data["summary"],
                date=datetime.date.fromisoformat(data["date"]),
                authors=data["authors"],
                body=stream(data["body"]),
                rights=[rights[s] for s in data["rights"]],
                related_principles=[principles[key] for key in data["principles"]],
            ),
        )
    events = EventIndexPage.objects.child_of(home).get()
    for data in content.EVENTS.get(hostname, []):
        created += _add(
            events,
            EventPage(
                title=data["title"],
                slug=data["slug"],
                summary=data["summary"],
                body=stream(data["body"]),
                time_zone=data["time_zone"],
                venue=data["venue"],
                address=data["address"],
                online_url=data["online_url"],
                registration_url=data["registration_url"],
                cost=data["cost"],
                languages=data["languages"],
                accessibility=data["accessibility"],
                accessibility_notes=data["accessibility_notes"],
                organizer=data["organizer"],
                rights=[rights[s] for s in data["rights"]],
                **_event_times(data),
            ),
        )
    archive = ArchiveIndexPage.objects.child_of(home).get()
    for data in content.ARCHIVE.get(hostname, []):
        created += _add(
            archive,
            ArchiveEntryPage(
                title=data["title"],
                slug=data["slug"],
                summary=data["summary"],
                kind=data["kind"],
                period_start=data["period_start"],
                period_end=data["period_end"],
                place=data["place"],
                narrators=data["narrators"],
                narrator_is_pseudonym=data["narrator_is_pseudonym"],
                transcript=data["transcript"],
                media_url=data["media_url"],
                content_warning=data["content_warning"],
                rights=[rights[s] for s in data["rights"]],
                related_principles=[principles[key] for key in data["principles"]],
            ),
            consent={
                "status": data["consent_status"],
                "scope": data["consent_scope"],
                "given_by": data.get("given_by", ""),
                "channel_feeds": True,
                "channel_api": True,
            },
        )
    if hostname in content.SUPPORT_RESOURCES:
        settings = ChapterSettings.for_site(home.get_site())
        if not settings.support_resources:
            settings.support_resources = content.SUPPORT_RESOURCES[hostname]
            settings.save()
    return created


def _add(parent: Page, page: Page, consent: dict | None = None) -> int:
    if parent.get_children().filter(slug=page.slug).exists():
        return 0
    parent.add_child(instance=page)
    if consent is not None:
        # Consent is recorded before publishing, as a moderator does.
        from chapters.archive.consent import record_consent

        record_consent(page, **consent)
    page.save_revision().publish()
    return 1


def _event_times(data: dict) -> dict:
    zone = zoneinfo.ZoneInfo(data["time_zone"])
    today = timezone.now().astimezone(zone).date()
    start_time = datetime.time.fromisoformat(data["start_time"]) if data["start_time"] else None
    if data["spans_dst_change"]:
        change = _next_dst_change(zone, today)
        start_date, end_date = (
            change - datetime.timedelta(days=1),
            change + datetime.timedelta(days=1),
        )
        return {
            "start_date": start_date,
            "end_date": end_date,
            "start_time": start_time,
            "end_time": start_time,
            "all_day": start_time is None,
        }
    start_date = today + datetime.timedelta(days=data["days_from_today"])
    if start_time is None:
        days = max(data["all_day_days"], 1)
        return {
            "start_date": start_date,
            "end_date": start_date + datetime.timedelta(days=days - 1),
            "all_day": True,
        }
    start = datetime.datetime.combine(start_date, start_time)
    end = start + datetime.timedelta(minutes=data["duration_minutes"])
    return {
        "start_date": start_date,
        "start_time": start_time,
        "end_time": end.time(),
        "end_date": end.date() if end.date() != start_date else None,
        "all_day": False,
    }


def _next_dst_change(zone: zoneinfo.ZoneInfo, today: datetime.date) -> datetime.date:
    """The first day whose UTC offset differs from the day before (a Sunday in the US)."""

    def offset(day):
        return datetime.datetime.combine(day, datetime.time(12), zone).utcoffset()

    day = today
    for _ in range(400):
        if offset(day + datetime.timedelta(days=1)) != offset(day):
            return day + datetime.timedelta(days=1)
        day += datetime.timedelta(days=1)
    raise ValueError(f"{zone} has no daylight-saving change within a year")
