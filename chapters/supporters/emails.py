"""The messages a person who joins gets, in the language they joined in, sent by a
background task (settings TASKS "background": immediate in the demo and tests, the
database queue and `manage.py db_worker` in production).

Every message carries the link that deletes them, also as List-Unsubscribe headers
(RFC 8058: mail programs offer "unsubscribe" and post to it in one click).
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from home.renditions import BACKGROUND


def link(supporter, name: str) -> str:
    """An absolute link on the chapter's own site, in the person's language."""
    with translation.override(supporter.language):
        path = reverse(name, kwargs={"key": supporter.key})
    return supporter.chapter.site.root_url + path


def message(supporter, kind: str) -> EmailMessage:
    chapter = supporter.chapter
    with translation.override(supporter.language):
        context = {
            "supporter": supporter,
            "chapter": chapter.localized_name,
            "confirm_url": link(supporter, "confirm_joining"),
            "leave_url": link(supporter, "leave_chapter"),
            "confirm_days": settings.SUPPORTER_CONFIRM_DAYS,
        }
        subjects = {
            "confirm": _("Please confirm you want to join %(chapter)s"),
            "already": _("You are already part of %(chapter)s"),
        }
        subject = subjects[kind] % {"chapter": context["chapter"]}
        body = render_to_string(f"chapters/join/email_{kind}.txt", context)
    return EmailMessage(
        subject,
        body,
        settings.DEFAULT_FROM_EMAIL,
        [supporter.email],
        headers={
            "List-Unsubscribe": f"<{context['leave_url']}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )


@task(backend=BACKGROUND)
def send_supporter_email(supporter_id: int, kind: str) -> bool:
    """Sends one message; False if the person left (or was forgotten) before it went."""
    from chapters.supporters.models import Supporter

    supporter = (
        Supporter.objects.filter(pk=supporter_id)
        .select_related("chapter__site", "chapter__home")
        .first()
    )
    if supporter is None or supporter.chapter.site is None:
        return False
    message(supporter, kind).send()
    return True
