"""The stories, events and archive entries of a generated chapter, in every state.

Each archive entry takes the next of `ENTRY_STATES`, so ten entries cover
every consent state once: public (web, feeds and API), public on the web
only, pending, withdrawn (unpublished, as `withdraw_consent` leaves it),
members only (with the view restriction `apply_consent` adds), research only,
embargoed, expired, no consent record at all, and a draft. A chapter with
stories also gets a draft story and one behind a login; with events, a draft
event. What the public may see of them is decided by the real rules
(`home.publication.public_pages`), never here.
"""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone

from chapters.archive.consent_records import ConsentRecord
from chapters.archive.models import ArchiveEntryPage
from chapters.events.models import EventPage
from chapters.stories.models import StoryPage

# name: (live, consent record fields or None for no record)
ENTRY_STATES = [
    ("public", True, {"status": "given", "scope": "public", "channel_feeds": True, "api": True}),
    ("web-only", True, {"status": "given", "scope": "public"}),
    ("pending", True, {"status": "pending", "scope": "public"}),
    ("withdrawn", False, {"status": "withdrawn", "scope": "public"}),
    ("members", True, {"status": "given", "scope": "members"}),
    ("research", True, {"status": "given", "scope": "research"}),
    ("embargoed", True, {"status": "given", "scope": "public", "embargo": 365}),
    ("expired", True, {"status": "given", "scope": "public", "expired": 30}),
    ("no-consent", True, None),
    ("draft", False, {"status": "given", "scope": "public"}),
]
KINDS = [value for value, _label in ArchiveEntryPage.KINDS]
WORDS = (
    "housing",
    "water",
    "tenants",
    "wages",
    "clinic",
    "school",
    "library",
    "transit",
    "language",
    "voting",
    "health",
    "food",
    "land",
    "river",
    "elders",
    "youth",
    "workers",
    "treaty",
    "memory",
    "justice",
)


@dataclass
class Content:
    """What one chapter's sections get: pages (placed by the caller), consent
    records and view restrictions to make once the pages have ids."""

    stories: list = field(default_factory=list)
    events: list = field(default_factory=list)
    entries: list = field(default_factory=list)
    consent: list = field(default_factory=list)  # (entry, record fields)
    members_only: list = field(default_factory=list)  # entries restricted to members
    login_only: list = field(default_factory=list)  # pages behind a login


def words(n: int, count: int = 3) -> str:
    return " ".join(WORDS[(n * 7 + k * 3) % len(WORDS)] for k in range(count))


def base_fields(title: str, slug: str, live: bool, now, locale_id: int) -> dict:
    return {
        "title": title,
        "slug": slug,
        "live": live,
        "has_unpublished_changes": not live,
        "first_published_at": now if live else None,
        "last_published_at": now if live else None,
        "locale_id": locale_id,
    }


def make_stories(name: str, count: int, now, locale_id: int, content: Content) -> None:
    today = timezone.localdate()
    for n in range(count + 2 if count else 0):
        draft, restricted = n == count, n == count + 1
        title = f"{name}: {words(n).capitalize()} story {n + 1}"
        story = StoryPage(
            **base_fields(title, f"story-{n + 1}", not draft, now, locale_id),
            summary=f"How {name} organized for {words(n, 4)}.",
            body=[("paragraph", f"<p>{name} met about {words(n + 1, 6)}.</p>")],
            date=today - datetime.timedelta(days=n * 9),
            authors="The chapter" if n % 2 else "",
        )
        content.stories.append(story)
        if restricted:
            content.login_only.append(story)


def make_events(name: str, count: int, now, locale_id: int, zone: str, content: Content) -> None:
    today = timezone.localdate()
    for n in range(count + 1 if count else 0):
        draft = n == count
        # Most events are coming up; every third one is past.
        offset = -(n + 1) * 11 if n % 3 == 2 else (n + 1) * 6
        event = EventPage(
            **base_fields(
                f"{name}: {words(n + 5).capitalize()} meeting {n + 1}",
                f"event-{n + 1}",
                not draft,
                now,
                locale_id,
            ),
            summary=f"{name} meets about {words(n + 5, 4)}.",
            start_date=today + datetime.timedelta(days=offset),
            start_time=datetime.time(18, 0),
            end_time=datetime.time(20, 0),
            time_zone=zone,
            venue="Public library",
            cost="Free",
        )
        event.all_day = False
        event.starts_at, event.ends_at = event._compute_times()
        content.events.append(event)


def make_entries(name: str, count: int, now, locale_id: int, content: Content) -> None:
    for n in range(count):
        state, live, record = ENTRY_STATES[n % len(ENTRY_STATES)]
        entry = ArchiveEntryPage(
            **base_fields(
                f"{name}: {words(n + 11).capitalize()} ({state}) {n + 1}",
                f"entry-{n + 1}",
                live or state == "withdrawn",
                now,
                locale_id,
            ),
            summary=f"A {KINDS[n % len(KINDS)].replace('_', ' ')} about {words(n + 11, 4)}.",
            kind=KINDS[n % len(KINDS)],
            period_start=1950 + (n * 7) % 70,
            narrators="A neighbour",
            narrator_is_pseudonym=True,
        )
        if state == "withdrawn":  # as withdraw_consent leaves it: unpublished, once public
            entry.live, entry.has_unpublished_changes = False, True
        content.entries.append(entry)
        if record is not None:
            content.consent.append((entry, record))
        if state == "members":
            content.members_only.append(entry)


def consent_record(entry, spec: dict, now) -> ConsentRecord:
    """The record `record_consent` (or `withdraw_consent`) would have saved."""
    record = ConsentRecord(
        entry_id=entry.pk,
        status=spec["status"],
        scope=spec["scope"],
        channel_web=True,
        channel_feeds=spec.get("channel_feeds", False),
        channel_api=spec.get("api", False),
        given_by="The narrator",
        recorded_at=now,
    )
    if "embargo" in spec:
        record.embargo_until = now + datetime.timedelta(days=spec["embargo"])
    if "expired" in spec:
        record.valid_until = now - datetime.timedelta(days=spec["expired"])
    if spec["status"] == ConsentRecord.WITHDRAWN:
        record.withdrawn_at, record.withdrawal_reason = now, "The narrator asked."
    return record
