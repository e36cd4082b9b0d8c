"""What registering does: sign up (a place or the waiting list), cancel, move the waiting
list up, remind the day before, tell people of changes, forget past events' lists.
Every path that writes a Registration comes here.

The places of an event are shared by its translations (one list, whatever the
language people signed up in). Sign-ups and promotions lock the event's pages
first, so two people never take the last place.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from wagtail.models import Page

from chapters.events.models import EventPage
from chapters.register.chapter import Chapter
from chapters.registrations.emails import send_registration_email
from chapters.registrations.models import Registration

FIELDS = ("name", "access_needs", "interpretation_language", "access_notes")


class RegistrationClosed(Exception):
    """The event takes no registrations now (none here, cancelled, or over)."""


def _send(registration: Registration, kind: str) -> None:
    registration_id = registration.pk
    transaction.on_commit(lambda: send_registration_email.enqueue(registration_id, kind))


def _lock(event: EventPage) -> None:
    list(
        Page.objects.select_for_update().filter(translation_key=event.translation_key).values("pk")
    )


def places_left(event: EventPage) -> int | None:
    """Free places (never below 0), or None without a limit."""
    if event.capacity is None:
        return None
    return max(event.capacity - Registration.objects.of_event(event).registered().count(), 0)


@transaction.atomic
def register(event: EventPage, data: dict, *, language: str) -> Registration:
    """A place if one is free, else the waiting list; the message says which.

    The same email again changes nothing (a stranger could type anybody's address):
    its owner is told they had already signed up, with their cancel link. The page
    says the same either way, so it never tells who is coming.
    """
    chapter = Chapter.of_page(event)
    if chapter is None or chapter.is_archived or not event.registration_is_open():
        raise RegistrationClosed
    _lock(event)
    existing = Registration.objects.of_event(event).filter(email=data["email"]).first()
    if existing is not None:
        _send(existing, "already")
        return existing
    left = places_left(event)
    registration = Registration(event=event, chapter=chapter, email=data["email"])
    for field in FIELDS:
        setattr(registration, field, data[field])
    registration.language = language
    registration.status = Registration.WAITING if left == 0 else Registration.REGISTERED
    registration.told_schedule = event.schedule()
    registration.save()
    _send(
        registration, "registered" if registration.status == Registration.REGISTERED else "waiting"
    )
    return registration


def cancel(key) -> bool:
    """Deletes the registration of this link (nothing of it is kept); a freed place goes
    to the first person waiting."""
    with transaction.atomic():
        registration = Registration.objects.filter(key=key).select_related("event").first()
        if registration is None:
            return False
        event = registration.event
        registration.delete()
    promote(event)
    return True


@transaction.atomic
def promote(event: EventPage) -> int:
    """Gives free places to the people waiting, first come first served; returns how many."""
    if not event.registration_is_open():
        return 0
    _lock(event)
    left = places_left(event)
    waiting = Registration.objects.of_event(event).waiting().order_by("created_at", "pk")
    if left is not None:
        waiting = waiting[:left]
    promoted = list(waiting)
    for registration in promoted:
        registration.status = Registration.REGISTERED
        registration.promoted_at = timezone.now()
        registration.save(update_fields=["status", "promoted_at"])
        _send(registration, "promoted")
    return len(promoted)


def event_published(event: EventPage) -> int:
    """After a publish (from any editor, sync or schedule): the people who signed up on
    this page hear of a new time, place or a cancellation, once; places added go to
    the waiting list. Returns how many were told."""
    schedule = event.schedule()
    told = 0
    with transaction.atomic():
        stale = Registration.objects.filter(event=event).exclude(told_schedule=schedule)
        for registration in stale.select_for_update():
            registration.told_schedule = schedule
            registration.save(update_fields=["told_schedule"])
            _send(registration, "cancelled" if event.cancelled else "changed")
            told += 1
    promote(event)
    return told


def send_reminders(now=None, within=datetime.timedelta(days=1)) -> int:
    """The reminder to everyone with a place at an event that starts within a day (run
    hourly): once each, and never for a cancelled event or one no longer live."""
    now = now or timezone.now()
    due = Registration.objects.registered().filter(
        reminded_at__isnull=True,
        event__starts_at__gt=now,
        event__starts_at__lte=now + within,
        event__cancelled=False,
        event__live=True,
    )
    sent = 0
    for registration in due:
        with transaction.atomic():
            claimed = Registration.objects.filter(pk=registration.pk, reminded_at__isnull=True)
            if claimed.update(reminded_at=now):
                _send(registration, "reminder")
                sent += 1
    return sent


def forget_past(now=None) -> int:
    """Deletes the registrations of events that ended more than
    EVENT_REGISTRATION_RETENTION_DAYS ago; returns how many."""
    cutoff = (now or timezone.now()) - datetime.timedelta(
        days=settings.EVENT_REGISTRATION_RETENTION_DAYS
    )
    deleted, _ = Registration.objects.filter(event__ends_at__lt=cutoff).delete()
    return deleted


def counts(events) -> dict:
    """{translation key: (registered, waiting)} for these events, in one query."""
    keys = [event.translation_key for event in events]
    rows = (
        Registration.objects.filter(event__translation_key__in=keys)
        .values("event__translation_key")
        .annotate(
            registered=Count("pk", filter=Q(status=Registration.REGISTERED)),
            waiting=Count("pk", filter=Q(status=Registration.WAITING)),
        )
    )
    return {row["event__translation_key"]: (row["registered"], row["waiting"]) for row in rows}


def next_closing_moment():
    """The next moment an event that takes registrations ends (or None): its page stops
    offering the form then without any save, so no cached page may outlive it."""
    return (
        EventPage.objects.filter(takes_registrations=True, ends_at__gt=timezone.now())
        .order_by("ends_at")
        .values_list("ends_at", flat=True)
        .first()
    )
