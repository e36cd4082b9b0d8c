"""What joining does: sign up (or sign up again), confirm by email, leave, and forget
sign-ups that were never confirmed. Every path that writes a Supporter comes here."""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from chapters.register.chapter import Chapter
from chapters.supporters.emails import send_supporter_email
from chapters.supporters.models import Supporter

FIELDS = ("name", "languages", "other_languages", "rights", "help", "message")


def confirm_days() -> int:
    return settings.SUPPORTER_CONFIRM_DAYS


def _confirm_deadline(now=None) -> datetime.datetime:
    return (now or timezone.now()) - datetime.timedelta(days=confirm_days())


def _send(supporter: Supporter, kind: str) -> None:
    supporter_id = supporter.pk
    transaction.on_commit(lambda: send_supporter_email.enqueue(supporter_id, kind))


@transaction.atomic
def join(chapter: Chapter, data: dict, *, language: str, consent_wording: str) -> Supporter:
    """Signs a person up, pending their confirmation, and sends the message that asks for it.

    The same email again: an unconfirmed sign-up takes the new details and a new
    link; a confirmed one changes nothing (a stranger could type anybody's address)
    and its owner is told they are already in, with the link to leave. The page
    says the same either way, so it never tells who has joined.
    """
    supporter = (
        Supporter.objects.select_for_update().filter(chapter=chapter, email=data["email"]).first()
    )
    if supporter is not None and supporter.confirmed_at is not None:
        _send(supporter, "already")
        return supporter
    supporter = supporter or Supporter(chapter=chapter, email=data["email"])
    for field in FIELDS:
        setattr(supporter, field, data[field])
    supporter.language = language
    supporter.consent_wording = consent_wording
    supporter.consented_at = timezone.now()
    supporter.created_at = timezone.now()
    supporter.save()
    _send(supporter, "confirm")
    return supporter


def pending(key) -> Supporter | None:
    """The sign-up this confirmation link belongs to, if it can still be confirmed."""
    return (
        Supporter.objects.filter(key=key, created_at__gte=_confirm_deadline())
        .select_related("chapter")
        .first()
    )


def confirm(key) -> Supporter | None:
    """Confirms the sign-up of this link (once; again is harmless), or None if none is valid."""
    supporter = pending(key)
    if supporter is not None and supporter.confirmed_at is None:
        supporter.confirmed_at = timezone.now()
        supporter.save(update_fields=["confirmed_at"])
    return supporter


def leave(chapter: Chapter, key) -> bool:
    """Deletes the person of this link from the chapter's list: nothing of them is kept."""
    deleted, _ = Supporter.objects.filter(chapter=chapter, key=key).delete()
    return bool(deleted)


def forget_unconfirmed(now=None) -> int:
    """Deletes sign-ups nobody confirmed in time; returns how many."""
    deleted, _ = Supporter.objects.filter(
        confirmed_at__isnull=True, created_at__lt=_confirm_deadline(now)
    ).delete()
    return deleted
