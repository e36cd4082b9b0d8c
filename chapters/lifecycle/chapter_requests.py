"""Deciding a request to start a chapter: approve it into onboarding, decline it, delete it.

Approving runs `onboard_chapter` (the service behind `create_chapter`) with what
the request says (place, kind of place, state, languages) and what the network
admin adds (the chapter's name and hostname, its time zone), in one transaction
with marking the request approved: a request is approved once, or not at all.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Site

from chapters.lifecycle.onboarding import OnboardingError, onboard_chapter
from chapters.register.chapter import Chapter
from chapters.register.us_states import STATE_CHOICES
from home.models import ChapterRequest

STATE_NAMES = dict(STATE_CHOICES)


def suggested_hostname(chapter_request: ChapterRequest) -> str:
    """The place's name under the Alliance's hostname: Riverbend -> riverbend.example.org."""
    alliance = Site.objects.filter(is_default_site=True).values_list("hostname", flat=True)
    base = alliance.first() or "localhost"
    label = slugify(chapter_request.place)[:63].strip("-") or "chapter"
    return f"{label}.{base}"


def _pending(pk: int) -> ChapterRequest:
    """The request, locked until the transaction ends, if it still waits for a decision."""
    chapter_request = ChapterRequest.objects.select_for_update().get(pk=pk)
    if not chapter_request.is_pending:
        raise OnboardingError(
            "status", f"this request was already {chapter_request.get_status_display().lower()}"
        )
    return chapter_request


def approve_request(
    chapter_request: ChapterRequest,
    *,
    user,
    name: str,
    hostname: str,
    time_zone: str,
    invite_requester: bool = True,
) -> Chapter:
    """Onboard the chapter the request asks for and mark the request approved (who,
    when, the new site). OnboardingError (with its field) if either is refused;
    then nothing changed."""
    with transaction.atomic():
        chapter_request = _pending(chapter_request.pk)
        chapter = onboard_chapter(
            name=name,
            hostname=hostname,
            region=STATE_NAMES.get(chapter_request.state, ""),
            locality_type=chapter_request.locality_type,
            state=chapter_request.state,
            languages=chapter_request.languages,
            time_zone=time_zone,
            moderator_email=chapter_request.contact_email if invite_requester else "",
            invited_by=user,
            must_be_new=True,
        )
        chapter_request.status = ChapterRequest.APPROVED
        chapter_request.decided_at = timezone.now()
        chapter_request.decided_by = user
        chapter_request.site = chapter.site
        chapter_request.hostname = chapter.site.hostname
        chapter_request.save()
    return chapter


def decline_request(chapter_request: ChapterRequest, *, user) -> ChapterRequest:
    with transaction.atomic():
        chapter_request = _pending(chapter_request.pk)
        chapter_request.status = ChapterRequest.DECLINED
        chapter_request.decided_at = timezone.now()
        chapter_request.decided_by = user
        chapter_request.save()
    return chapter_request


def delete_request(chapter_request: ChapterRequest) -> None:
    """A declined request is deleted when it is no longer needed (retention): the
    person's data goes with it. A waiting one is decided first; an approved one is
    the record of how its chapter began."""
    with transaction.atomic():
        locked = ChapterRequest.objects.select_for_update().get(pk=chapter_request.pk)
        if locked.status != ChapterRequest.DECLINED:
            raise OnboardingError("status", "only a declined request can be deleted")
        locked.delete()
