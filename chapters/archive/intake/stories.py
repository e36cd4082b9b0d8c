"""What the public intake does: a shared story becomes a draft entry with pending consent;
a withdrawal by reference withdraws that consent.

The draft is never public by itself: it waits in the chapter's moderation
workflow until a moderator confirms consent and publishes. What the person
keeps private goes to the consent record only, never to the page.
"""

import datetime
import re
import uuid

from django.db import transaction
from django.http import Http404
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.text import Truncator, slugify
from wagtail.coreutils import find_available_slug
from wagtail.log_actions import log
from wagtail.models import Site

from chapters.archive.consent import record_consent, withdraw_consent
from chapters.archive.consent_records import CHANNELS, ConsentRecord
from chapters.archive.models import ArchiveEntryPage, ArchiveIndexPage
from chapters.register.chapter import Chapter
from chapters.register.languages import site_languages

SUMMARY_LENGTH = 280
WITHDRAWAL_REASON = "Withdrawn by the narrator through the public form"


def chapter_archive(request) -> tuple[Site, Chapter, ArchiveIndexPage]:
    """The request's chapter and its archive in the site's default language, or 404.

    The Alliance site, an unknown host, an archived chapter or one without a
    published archive offer no form.
    """
    site = Site.find_for_request(request)
    chapter = (
        Chapter.objects.active().filter(site=site).select_related("home", "workflow").first()
        if site
        else None
    )
    if chapter is None:
        raise Http404
    default_language = site_languages(request)[0]
    homes = chapter.homes()
    home = homes.filter(locale__language_code=default_language).first() or chapter.home
    index = ArchiveIndexPage.objects.child_of(home).live().first()
    if index is None:
        raise Http404
    return site, chapter, index


def summarize(story: str) -> str:
    """The first sentence or two, for listings (moderators rewrite it as needed)."""
    text = " ".join(story.split())
    sentences = re.split(r"(?<=[.!?…])\s+", text)
    summary = ""
    for sentence in sentences:
        summary = f"{summary} {sentence}".strip()
        if len(summary) >= SUMMARY_LENGTH // 2:
            break
    return Truncator(summary).chars(SUMMARY_LENGTH)


def as_rich_text(story: str) -> str:
    """Plain text as paragraphs: an empty line starts a paragraph, a line break stays one."""
    paragraphs = [part.strip() for part in re.split(r"\n\s*\n", story.replace("\r\n", "\n"))]
    return "".join(
        "<p>" + "<br/>".join(escape(line.strip()) for line in part.splitlines()) + "</p>"
        for part in paragraphs
        if part
    )


def private_notes(data: dict, language: str) -> str:
    lines = [f"Shared through the public form ({language})."]
    if data["contact"]:
        lines.append(f"Contact: {data['contact']}")
    return "\n".join(lines)


@transaction.atomic
def create_story(chapter: Chapter, index: ArchiveIndexPage, data: dict) -> ConsentRecord:
    """A draft entry with pending consent, submitted to the chapter's moderation workflow."""
    language = translation.get_language()
    slug = find_available_slug(index, slugify(data["title"])[:60].strip("-") or "story")
    entry = ArchiveEntryPage(
        title=data["title"],
        slug=slug,
        summary=summarize(data["story"]),
        kind="testimony",
        period_start=data["year"],
        place=data["place"],
        narrators=data["narrator"],
        narrator_is_pseudonym=data["is_pseudonym"],
        transcript=as_rich_text(data["story"]),
        content_warning=data["content_warning"],
        live=False,
    )
    index.add_child(instance=entry)
    entry.save_revision(log_action=True)
    embargo = data["embargo_until"]
    chosen = set(data["channels"]) if data["scope"] != "research" else set()
    record = record_consent(
        entry,
        recorded_by=None,
        status=ConsentRecord.PENDING,
        scope=data["scope"],
        given_by=data["representative_name"] or data["narrator"],
        given_by_role=data["given_by_role"],
        narrator_real_name=data["real_name"],
        embargo_until=(
            timezone.make_aware(datetime.datetime.combine(embargo, datetime.time.min))
            if embargo
            else None
        ),
        notes=private_notes(data, language),
        **{f"channel_{channel}": channel in chosen for channel in CHANNELS},
    )
    workflow = chapter.workflow or entry.get_workflow()
    if workflow is not None and workflow.active:
        workflow.start(entry, None)
    # No personal data in the audit log: only what the person chose.
    log(
        instance=entry,
        action="chapters.story_shared",
        data={"language": language, "scope": record.scope, "channels": record.channels},
    )
    return record


def find_record(chapter: Chapter, reference: uuid.UUID) -> ConsentRecord | None:
    """The entry's own consent record with this reference, only among this chapter's entries."""
    return (
        ConsentRecord.objects.for_entry()
        .filter(reference=reference, entry_id__in=chapter.pages().values("pk"))
        .select_related("entry")
        .first()
    )


def withdraw(record: ConsentRecord, reason: str) -> None:
    if record.status == ConsentRecord.WITHDRAWN:
        return
    reason = reason.strip()
    withdraw_consent(
        record, reason=f"{WITHDRAWAL_REASON}: {reason}" if reason else WITHDRAWAL_REASON, user=None
    )
    # Nothing left for the moderators to review.
    state = record.entry.current_workflow_state
    if state is not None:
        state.cancel(user=None)
