"""Inviting a person into a chapter: one service behind the admin's invite form."""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from chapters.register.chapter import Chapter
from home.headers_text import one_line

logger = logging.getLogger("network.mail")

ROLES = [
    ("editor", "Editor"),
    ("moderator", "Moderator"),
    ("member", "Member: a reader of entries shared with the chapter's members only"),
]
ROLE_NAMES = {"editor": "an editor", "moderator": "a moderator", "member": "a member"}


class InviteError(ValueError):
    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


def set_password_url(user) -> str:
    path = reverse(
        "wagtailadmin_password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def invite_person(chapter: Chapter, email: str, role: str, invited_by=None):
    """Add the person with this email to the chapter's editors, moderators or members.

    Creates the account if there is none (without a password) and emails a link
    to set one. Returns (user, created).
    """
    email = email.strip().lower()
    try:
        validate_email(email)
    except ValidationError:
        raise InviteError("email", f"'{email}' is not an email address") from None
    if role not in dict(ROLES):
        raise InviteError("role", f"unknown role '{role}' (choose editor, moderator or member)")
    with transaction.atomic():
        user, created = _account_for(email)
        group = {"moderator": chapter.moderators, "member": chapter.members}.get(
            role, chapter.editors
        )
        user.groups.add(group)
    subject = f"You are invited to {'read' if role == 'member' else 'edit'} {chapter.name}"
    _send_invitation(chapter, user, email, subject, _invitation(chapter, user, role, invited_by))
    return user, created


def _account_for(email: str):
    """The account with this email, or a new one without a password (its username is
    the email, numbered if an account already has that username)."""
    User = get_user_model()
    user = User.objects.filter(email__iexact=email).first()
    if user is not None:
        return user, False
    username, n = email, 2
    while User.objects.filter(username__iexact=username).exists():
        username, n = f"{email}-{n}", n + 1
    user = User(username=username, email=email)
    user.set_unusable_password()
    user.save()
    return user, True


def _invitation(chapter: Chapter, user, role: str, invited_by) -> str:
    """The email's text: who invited them, and how to log in for this role."""
    inviter = invited_by.get_full_name() or invited_by.get_username() if invited_by else None
    lines = [
        f"You have been added as {ROLE_NAMES[role]} "
        f"of {chapter.name} on the Human Rights Cities network"
        + (f" by {inviter}." if inviter else "."),
        "",
    ]
    if not user.has_usable_password():
        lines += ["Choose your password here (the link works once):", set_password_url(user)]
    elif role != "member":
        lines += ["Log in with your existing account:", settings.WAGTAILADMIN_BASE_URL + "/admin/"]
    if role == "member" and chapter.site:
        lines += [
            "",
            "Members read the archive entries narrators shared with the chapter only. "
            "Log in on the chapter's site:",
            f"{chapter.site.root_url}/_util/login/",
        ]
    lines += ["", f"Your username is {user.get_username()}."]
    return "\n".join(lines)


def _send_invitation(chapter: Chapter, user, email: str, subject: str, message: str) -> None:
    """Send it; a refusal by the mail server becomes an InviteError the form can show."""
    try:
        send_mail(
            subject=one_line(subject),
            message=message,
            from_email=None,
            recipient_list=[email],
        )
    except Exception as error:
        # Logged without the address: the user id says who, for whoever reads the log.
        logger.exception(
            "Invitation email failed",
            extra={
                "event": "mail_failed",
                "kind": "invitation",
                "chapter": chapter.pk,
                "user": user.pk,
            },
        )
        raise InviteError(
            "email",
            "The invitation email could not be sent: the mail server did not accept it. "
            "Please try again later.",
        ) from error
