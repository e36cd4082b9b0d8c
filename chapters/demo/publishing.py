"""Stories, events and archive entries of a demo chapter (all fictional).

Text from the chapter's file in chapters/demo/data/chapters/. Idempotent: an item is
created only if its section has no page with its slug. Event dates are relative to
today, so the demo always has past and upcoming events; the one marked
`spans_dst_change` is placed across the zone's next daylight-saving change.
"""

import datetime
import zoneinfo

from django.utils import timezone
from wagtail.models import Page

from chapters.archive.consent import record_consent
from chapters.archive.models import ArchiveEntryPage, ArchiveIndexPage
from chapters.demo import data
from chapters.demo.alliance import stream
from chapters.events.models import EventIndexPage, EventPage
from chapters.register.settings import ChapterSettings
from chapters.site.home import ChapterHomePage
from chapters.stories.models import StoryIndexPage, StoryPage
from home.locales import default_language
from home.models import Principle, Right

EVENT_TEXT = ["time_zone", "venue", "address", "online_url", "registration_url", "cost"]
EVENT_TEXT += ["languages", "accessibility", "accessibility_notes", "organizer"]
ARCHIVE_TEXT = ["kind", "period_start", "period_end", "place", "narrators"]
ARCHIVE_TEXT += ["narrator_is_pseudonym", "transcript", "media_url", "content_warning"]


def load_publishing(home: ChapterHomePage, chapter: dict) -> int:
    """The chapter's stories, events and archive, and its support resources."""
    tags = Tags()
    created = 0
    stories = StoryIndexPage.objects.child_of(home).get()
    for item in chapter.get("stories", []):
        created += _add(stories, story(item, tags))
    events = EventIndexPage.objects.child_of(home).get()
    for item in chapter.get("events", []):
        created += _add(events, event(item, tags))
    archive = ArchiveIndexPage.objects.child_of(home).get()
    for item in chapter.get("archive", []):
        created += _add(archive, archive_entry(item, tags), consent=archive_consent(item))
    if chapter.get("support_resources"):
        settings = ChapterSettings.for_site(home.get_site())
        if not settings.support_resources:
            settings.support_resources = chapter["support_resources"]
            settings.save()
    _translate_settings(home, chapter)
    return created


def _translate_settings(home: ChapterHomePage, chapter: dict) -> None:
    """The settings' texts in each language the chapter has a `settings` text in (its
    `<name>.<language>.yaml`), as the settings editor would save them: a translation
    block per language, added only where the chapter has none for that language."""
    settings = ChapterSettings.for_site(home.get_site())
    have = {block.value["language"] for block in settings.translations}
    block = settings.translations.stream_block.child_blocks["translation"]
    added = False
    for language in data.languages():
        text = data.chapter_translation(chapter["hostname"], language).get("settings")
        if text and language not in have:
            value = block.to_python({"language": language, **text})
            settings.translations.append(("translation", value))
            added = True
    if added:
        settings.save()


class Tags:
    """The rights (by slug) and principles ([set label, number]) the data refers to."""

    def __init__(self):
        language = default_language()
        self.rights = {r.slug: r for r in Right.objects.filter(locale__language_code=language)}
        self.principles = {
            (p.principle_set.label, p.sort_order): p
            for p in Principle.objects.filter(locale__language_code=language).select_related(
                "principle_set"
            )
        }

    def of(self, item: dict) -> dict:
        tags = {"rights": [self.rights[slug] for slug in item["rights"]]}
        if "principles" in item:
            tags["related_principles"] = [self.principles[tuple(k)] for k in item["principles"]]
        return tags


def story(item: dict, tags: Tags) -> StoryPage:
    date = item["date"]
    return StoryPage(
        title=item["title"],
        slug=item["slug"],
        summary=item["summary"],
        date=date if isinstance(date, datetime.date) else datetime.date.fromisoformat(date),
        authors=item["authors"],
        body=stream(item["body"]),
        **tags.of(item),
    )


def event(item: dict, tags: Tags) -> EventPage:
    return EventPage(
        title=item["title"],
        slug=item["slug"],
        summary=item["summary"],
        body=stream(item["body"]),
        **{name: item[name] for name in EVENT_TEXT},
        takes_registrations=item.get("takes_registrations", False),
        capacity=item.get("capacity"),
        rights=tags.of(item)["rights"],
        **_event_times(item),
    )


def archive_entry(item: dict, tags: Tags) -> ArchiveEntryPage:
    return ArchiveEntryPage(
        title=item["title"],
        slug=item["slug"],
        summary=item["summary"],
        **{name: item[name] for name in ARCHIVE_TEXT},
        **tags.of(item),
    )


def archive_consent(item: dict) -> dict:
    """The narrator's consent of a plain archive entry: for the web, feeds and the API."""
    return {
        "status": item["consent_status"],
        "scope": item["consent_scope"],
        "given_by": item.get("given_by", ""),
        "channel_feeds": True,
        "channel_api": True,
    }


def _add(parent: Page, page: Page, consent: dict | None = None) -> int:
    if parent.get_children().filter(slug=page.slug).exists():
        return 0
    parent.add_child(instance=page)
    if consent is not None:
        # Consent is recorded before publishing, as a moderator does.
        record_consent(page, **consent)
    page.save_revision().publish()
    return 1


def _event_times(item: dict) -> dict:
    zone = zoneinfo.ZoneInfo(item["time_zone"])
    today = timezone.now().astimezone(zone).date()
    start_time = datetime.time.fromisoformat(item["start_time"]) if item["start_time"] else None
    if item["spans_dst_change"]:
        change = _next_dst_change(zone, today)
        return {
            "start_date": change - datetime.timedelta(days=1),
            "end_date": change + datetime.timedelta(days=1),
            "start_time": start_time,
            "end_time": start_time,
            "all_day": start_time is None,
        }
    start_date = today + datetime.timedelta(days=item["days_from_today"])
    if start_time is None:
        days = max(item["all_day_days"], 1)
        return {
            "start_date": start_date,
            "end_date": start_date + datetime.timedelta(days=days - 1),
            "all_day": True,
        }
    start = datetime.datetime.combine(start_date, start_time)
    end = start + datetime.timedelta(minutes=item["duration_minutes"])
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
