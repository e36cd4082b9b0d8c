"""Logging in as a person does: the real login form (so django-axes sees it), then,
for the roles that need it, the second factor with a code computed from a real
authenticator's key, posted to the real verification page."""

import time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sessions.backends.db import SessionStore
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from network_site.accounts.policy import second_factor_required
from network_site.accounts.sessions import LAST_SEEN

PASSWORD = "test-password"
HOST = "localhost"


def add_authenticator(user, name="Test authenticator") -> TOTPDevice:
    """An authenticator app the person has already set up."""
    return TOTPDevice.objects.create(user=user, name=name, confirmed=True)


def code_for(device: TOTPDevice, steps_ahead: int = 0) -> str:
    """What the authenticator app shows now (or a step later), from the device's key."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time += steps_ahead * device.step
    return f"{totp.token():0{device.digits}d}"


def verify_second_factor(client, user):
    """Enter a code from a new authenticator of the person's on the verification page."""
    device = add_authenticator(user)
    response = client.post(
        reverse("mfa:verify"), {"code": code_for(device)}, headers={"host": HOST}
    )
    assert response.status_code == 302, response.content[:500]
    return device


def log_in(client, username, password=PASSWORD):
    """Admin users log in on the admin's form, members on the members' form."""
    user = get_user_model().objects.get(username=username)
    form = "/admin/login/" if user.has_perm("wagtailadmin.access_admin") else "/en/_util/login/"
    response = client.post(
        form, {"username": username, "password": password}, headers={"host": HOST}
    )
    assert response.status_code == 302, f"{username} could not log in on {form}"
    if second_factor_required(user):
        verify_second_factor(client, user)
    return client


# Each network user's session, made once per test database by logging in as above
# (tests/conftest.py): the database keeps it for every test, which rolls back to it.
_sessions: dict[str, str] = {}


def remember_logins(usernames) -> None:
    """Log each person in once, through the real forms, and keep their session."""
    from django.test import Client

    for username in usernames:
        client = log_in(Client(), username)
        _sessions[username] = client.cookies[settings.SESSION_COOKIE_NAME].value


def logged_in(client, username):
    """The client carries the person's session as `log_in` made it, or logs in now
    for a person without one. The session's activity clock is set to now, as it is
    at a fresh log in, so a long run never reaches the idle timeout."""
    key = _sessions.get(username)
    if key is None or not SessionStore().exists(key):  # none made, or logged out since
        return log_in(client, username)
    session = SessionStore(session_key=key)
    session[LAST_SEEN] = int(time.time())
    session.save()
    client.cookies[settings.SESSION_COOKIE_NAME] = key
    return client
