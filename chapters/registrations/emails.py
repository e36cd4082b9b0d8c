"""The messages of a registration, in the language the person signed up in, sent by a
background task (settings TASKS "background": immediate in the demo and tests, the
database queue and `manage.py db_worker` in production).

Each carries the link that cancels (also as List-Unsubscribe headers, so mail
programs offer it) and, while the person has a place, the event as an .ics file.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django_tasks import task

from chapters.events.ical import calendar_bytes
from home.renditions import BACKGROUND

# kind: (subject, whether the event's calendar file goes with it)
KINDS = {
    "registered": (gettext_noop("You are registered: %(event)s"), True),
    "waiting": (gettext_noop("You are on the waiting list: %(event)s"), False),
    "promoted": (gettext_noop("A place for you: %(event)s"), True),
    "already": (gettext_noop("You had already signed up: %(event)s"), False),
    "reminder": (gettext_noop("Tomorrow: %(event)s"), True),
    "changed": (gettext_noop("Changed: %(event)s"), True),
    "cancelled": (gettext_noop("Cancelled: %(event)s"), False),
}


def cancel_link(registration) -> str:
    with translation.override(registration.language):
        path = reverse("cancel_registration", kwargs={"key": registration.key})
    return registration.chapter.site.root_url + path


def message(registration, kind: str) -> EmailMessage:
    event = registration.event
    subject, with_calendar = KINDS[kind]
    with translation.override(registration.language):
        context = {
            "registration": registration,
            "event": event,
            "chapter": registration.chapter.localized_name,
            "event_url": event.get_full_url(),
            "cancel_url": cancel_link(registration),
        }
        subject = _(subject) % {"event": event.title}
        body = render_to_string(f"chapters/registration/email_{kind}.txt", context)
    email = EmailMessage(
        subject,
        body,
        settings.DEFAULT_FROM_EMAIL,
        [registration.email],
        headers={
            "List-Unsubscribe": f"<{context['cancel_url']}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    if with_calendar and registration.status == registration.REGISTERED:
        email.attach(
            f"{event.slug}.ics", calendar_bytes([event], None, event.title), "text/calendar"
        )
    return email


@task(backend=BACKGROUND)
def send_registration_email(registration_id: int, kind: str) -> bool:
    """Sends one message; False if the registration was cancelled before it went."""
    from chapters.registrations.models import Registration

    registration = (
        Registration.objects.filter(pk=registration_id)
        .select_related("chapter__site", "chapter__home", "event")
        .first()
    )
    if registration is None or registration.chapter.site is None:
        return False
    message(registration, kind).send()
    return True
