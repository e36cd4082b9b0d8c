"""Building chapter content for tests, the way an editor's publish leaves it."""

import datetime

from wagtail.models import Locale

from chapters.archive.consent import record_consent
from chapters.models import (
    ArchiveEntryPage,
    ArchiveIndexPage,
    Chapter,
    ChapterHomePage,
    EventIndexPage,
    EventPage,
    StoryIndexPage,
    StoryPage,
)


def chapter(name: str) -> Chapter:
    """A chapter's register entry, by its name."""
    return Chapter.objects.get(home__title=name)


def section(home: ChapterHomePage, model):
    return model.objects.child_of(home).get()


def publish(parent, page, *, live=True):
    page.live = live
    parent.add_child(instance=page)
    revision = page.save_revision()
    if live:
        revision.publish()
    return page


def add_story(home, title, *, date=datetime.date(2025, 5, 1), rights=(), live=True, **fields):
    story = StoryPage(
        title=title,
        slug=title.lower().replace(" ", "-"),
        summary=fields.pop("summary", f"Summary of {title}."),
        date=date,
        rights=list(rights),
        **fields,
    )
    return publish(section(home, StoryIndexPage), story, live=live)


def add_event(
    home,
    title,
    *,
    start_date,
    start_time=datetime.time(18, 0),
    end_time=None,
    time_zone="America/New_York",
    live=True,
    **fields,
):
    event = EventPage(
        title=title,
        slug=title.lower().replace(" ", "-"),
        summary=fields.pop("summary", f"About {title}."),
        start_date=start_date,
        start_time=start_time,
        end_time=end_time
        or (datetime.time(start_time.hour + 2, start_time.minute) if start_time else None),
        time_zone=time_zone,
        **fields,
    )
    return publish(section(home, EventIndexPage), event, live=live)


def add_entry(
    home,
    title,
    *,
    consent_status="given",
    consent_scope="public",
    embargo_until=None,
    live=True,
    consent=None,
    **fields,
):
    """An archive entry with its consent record (`consent` adds or overrides record
    fields; consent=False records none)."""
    entry = ArchiveEntryPage(
        title=title,
        slug=fields.pop("slug", title.lower().replace(" ", "-")),
        summary=fields.pop("summary", f"About {title}."),
        period_start=fields.pop("period_start", 1968),
        **fields,
    )
    entry.live = live
    section(home, ArchiveIndexPage).add_child(instance=entry)
    if consent is not False:
        fields = {
            "status": consent_status,
            "scope": consent_scope,
            "embargo_until": embargo_until,
            "channel_feeds": True,
            "channel_api": True,
        }
        record_consent(entry, **(fields | (consent or {})))
    revision = entry.save_revision()
    if live:
        revision.publish()
    return entry


def translate(page, language="es", **fields):
    """A published translation of `page` (and of any parent not translated yet)."""
    locale = Locale.objects.get(language_code=language)
    translated = page.copy_for_translation(locale, copy_parents=True)
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    return translated
