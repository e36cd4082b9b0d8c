"""Logging in: lockout after wrong passwords on every form, the second factor for the
roles that can do the most harm (and for anyone who wants it), idle sessions, and
members' way in and out on their chapter's site."""

import re
from base64 import b32decode
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from network_site.accounts.sessions import LAST_SEEN
from tests.conftest import ALLIANCE_HOST, RIVERSIDE_HOST
from tests.logins import PASSWORD, add_authenticator, code_for, log_in
from tests.pages import add_entry

ADMIN_LOGIN = ("/admin/login/", ALLIANCE_HOST)
MEMBERS_LOGIN = ("/en/_util/login/", RIVERSIDE_HOST)
SETUP = "/admin/two-step/set-up/"
VERIFY = "/admin/two-step/verify/"


@pytest.fixture(autouse=True)
def no_authenticators(db):
    """Everyone here starts from their first log in, without an authenticator: the
    ones tests/conftest.py set up for the shared sessions are for other tests."""
    TOTPDevice.objects.all().delete()


def post_password(client, form, username, password, **extra):
    path, host = form
    data = {"username": username, "password": password}
    return client.post(path, data, headers={"host": host}, **extra)


def admin_get(client, path):
    return client.get(path, headers={"host": ALLIANCE_HOST})


# --- Lockout -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("form", "username"),
    [(ADMIN_LOGIN, "riverside-moderator"), (MEMBERS_LOGIN, "riverside-member")],
    ids=["admin", "members"],
)
def test_wrong_passwords_pause_logging_in_on_every_form(network, client, form, username):
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        wrong = post_password(client, form, username, "not-the-password")
        assert wrong.status_code == 200
        assert 'name="password"' in wrong.text
    locked = post_password(client, form, username, "not-the-password")
    assert locked.status_code == 429
    assert "Too many attempts to log in" in locked.text
    assert "Try again in 15 minutes" in locked.text
    # Even the right password is refused now, and nobody is logged in.
    right = post_password(client, form, username, PASSWORD)
    assert right.status_code == 429
    assert "_auth_user_id" not in client.session
    # Locked for this username from this address only: the person elsewhere gets in.
    elsewhere = post_password(Client(), form, username, PASSWORD, REMOTE_ADDR="10.0.0.2")
    assert elsewhere.status_code == 302


def test_logging_in_works_again_after_the_cool_off(network, client):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        post_password(client, ADMIN_LOGIN, "riverside-editor", "not-the-password")
    assert post_password(client, ADMIN_LOGIN, "riverside-editor", PASSWORD).status_code == 429
    # The cool-off passes (the recorded attempts age by that much).
    attempt = AccessAttempt.objects.get(username="riverside-editor")
    attempt.attempt_time -= settings.AXES_COOLOFF_TIME + timedelta(seconds=1)
    attempt.save()
    response = post_password(client, ADMIN_LOGIN, "riverside-editor", PASSWORD)
    assert response.status_code == 302
    assert admin_get(client, "/admin/").status_code == 200


def test_behind_a_proxy_readers_are_told_apart_by_their_forwarded_address(
    network, client, settings
):
    settings.TRUSTED_PROXY_COUNT = 1
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        post_password(
            client, ADMIN_LOGIN, "riverside-editor", "wrong", HTTP_X_FORWARDED_FOR="203.0.113.9"
        )
    blocked = post_password(
        client, ADMIN_LOGIN, "riverside-editor", PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.9"
    )
    assert blocked.status_code == 429
    other = post_password(
        Client(), ADMIN_LOGIN, "riverside-editor", PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.4"
    )
    assert other.status_code == 302


def test_djangos_own_admin_and_its_login_are_gone(network, client):
    response = client.get("/django-admin/login/", headers={"host": ALLIANCE_HOST}, follow=True)
    assert response.status_code == 404
    assert 'name="password"' not in response.text


# --- The second factor -----------------------------------------------------------


def secret_on(page) -> bytes:
    """The key an authenticator app would scan, as the setup page shows it to type in."""
    shown = re.search(r'<code class="two-step-secret">([A-Z2-7 ]+)</code>', page.text).group(1)
    return b32decode(shown.replace(" ", ""))


def code_from(key: bytes, steps_ahead: int = 0) -> str:
    totp = TOTP(key)
    totp.time += steps_ahead * 30
    return f"{totp.token():06d}"


def set_up_authenticator(client):
    """What a person does on the setup page: scan the key, enter the app's code."""
    page = admin_get(client, SETUP)
    assert page.status_code == 200
    key = secret_on(page)
    done = client.post(SETUP, {"code": code_from(key)}, headers={"host": ALLIANCE_HOST})
    assert done.status_code == 200, done.text[:500]
    assert "Two-step verification is on" in done.text
    codes = re.findall(r"<li><code>([a-z0-9]+)</code></li>", done.text)
    return key, codes


def wait_out_throttle(username):
    """The wait django-otp imposes after a wrong code passes (its clock moves back)."""
    for model in (TOTPDevice, StaticDevice):
        for device in model.objects.filter(user__username=username):
            if device.throttling_failure_timestamp:
                device.throttling_failure_timestamp -= timedelta(hours=1)
                device.save()


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser(
        username="logins-superuser", email="su@example.org", password=PASSWORD
    )


ADMIN_PAGES = [
    "/admin/",
    "/admin/pages/",
    "/admin/images/",
    "/admin/documents/",
    "/admin/account/",
    "/admin/api/main/pages/",
    "/admin/chapters/",
    "/admin/reports/site-history/",
]


@pytest.mark.parametrize(
    "username",
    ["riverside-moderator", "alliance-moderator", "network-admin", "logins-superuser"],
)
def test_roles_that_need_a_second_factor_reach_no_admin_page_without_it(
    network, client, superuser, username
):
    assert post_password(client, ADMIN_LOGIN, username, PASSWORD).status_code == 302
    for path in ADMIN_PAGES:
        response = admin_get(client, path)
        assert response.status_code == 302, path
        assert response["Location"].startswith(f"{SETUP}?next="), path
    post = client.post("/admin/chapters/", {}, headers={"host": ALLIANCE_HOST})
    assert post.status_code == 302 and post["Location"].startswith(SETUP)

    set_up_authenticator(client)
    home = admin_get(client, "/admin/")
    assert home.status_code == 200
    assert admin_get(client, "/admin/account/").status_code == 200


def test_setup_shows_a_qr_code_drawn_here_and_refuses_a_wrong_code(network, client):
    post_password(client, ADMIN_LOGIN, "riverside-moderator", PASSWORD)
    redirect = admin_get(client, "/admin/pages/")
    page = admin_get(client, redirect["Location"])
    assert "Your role needs two-step verification" in page.text
    assert 'src="/admin/two-step/set-up/qr-code.svg"' in page.text
    assert "<script>" not in page.text
    qr = admin_get(client, "/admin/two-step/set-up/qr-code.svg")
    assert qr["Content-Type"] == "image/svg+xml" and b"<svg" in qr.content
    wrong_code = "000000" if code_from(secret_on(page)) != "000000" else "111111"
    wrong = client.post(SETUP, {"code": wrong_code}, headers={"host": ALLIANCE_HOST})
    assert wrong.status_code == 400
    assert "That code is not right" in wrong.text
    assert not TOTPDevice.objects.filter(user__username="riverside-moderator", confirmed=True)
    assert admin_get(client, "/admin/").status_code == 302
    # Guessing is slowed down: right after a wrong code, even the right one waits.
    too_fast = client.post(
        SETUP, {"code": code_from(secret_on(page))}, headers={"host": ALLIANCE_HOST}
    )
    assert "Too many wrong codes in a row" in too_fast.text
    wait_out_throttle("riverside-moderator")
    # The right code turns it on and goes back to where the person was headed.
    right = client.post(
        SETUP,
        {"code": code_from(secret_on(page)), "next": "/admin/pages/"},
        headers={"host": ALLIANCE_HOST},
    )
    assert 'href="/admin/pages/"' in right.text
    assert admin_get(client, "/admin/").status_code == 200


def test_each_new_session_asks_for_the_code_again(network, client):
    key, _codes = set_up_authenticator(log_in(client, "riverside-editor"))
    other = Client()
    assert post_password(other, ADMIN_LOGIN, "riverside-editor", PASSWORD).status_code == 302
    asked = admin_get(other, "/admin/pages/")
    assert asked["Location"] == f"{VERIFY}?next=%2Fadmin%2Fpages%2F"
    # Someone with only the password cannot set up an app of their own instead.
    assert admin_get(other, SETUP)["Location"].startswith(VERIFY)
    assert admin_get(other, "/admin/two-step/set-up/qr-code.svg").status_code == 404
    assert admin_get(other, "/admin/two-step/")["Location"].startswith(VERIFY)
    wrong = other.post(VERIFY, {"code": "12345"}, headers={"host": ALLIANCE_HOST})
    assert wrong.status_code == 400 and "That code is not right" in wrong.text
    right = other.post(
        VERIFY,
        {"code": code_from(key, steps_ahead=1), "next": "/admin/pages/"},
        headers={"host": ALLIANCE_HOST},
    )
    assert right.status_code == 302 and right["Location"] == "/admin/pages/"
    assert admin_get(other, "/admin/").status_code == 200


def test_a_recovery_code_logs_in_once(network, client):
    _key, codes = set_up_authenticator(log_in(client, "riverside-moderator"))
    assert len(codes) == 10
    first = Client()
    post_password(first, ADMIN_LOGIN, "riverside-moderator", PASSWORD)
    used = first.post(VERIFY, {"code": codes[0]}, headers={"host": ALLIANCE_HOST})
    assert used.status_code == 302
    assert admin_get(first, "/admin/").status_code == 200
    assert StaticToken.objects.filter(device__user__username="riverside-moderator").count() == 9
    second = Client()
    post_password(second, ADMIN_LOGIN, "riverside-moderator", PASSWORD)
    again = second.post(VERIFY, {"code": codes[0]}, headers={"host": ALLIANCE_HOST})
    assert again.status_code == 400
    assert admin_get(second, "/admin/").status_code == 302


@pytest.mark.parametrize(
    "target", ["https://evil.example/", "//evil.example/", "javascript:alert(1)", "/\\evil"]
)
def test_verification_goes_on_only_to_this_site(network, client, target):
    user = get_user_model().objects.get(username="riverside-moderator")
    device = add_authenticator(user)
    post_password(client, ADMIN_LOGIN, "riverside-moderator", PASSWORD)
    response = client.post(
        VERIFY, {"code": code_for(device), "next": target}, headers={"host": ALLIANCE_HOST}
    )
    assert response.status_code == 302 and response["Location"] == "/admin/"


def test_editors_may_choose_two_step_verification_and_turn_it_off(network, client):
    log_in(client, "riverside-editor")
    assert admin_get(client, "/admin/").status_code == 200
    account = admin_get(client, "/admin/account/")
    assert "Two-step verification" in account.text and 'href="/admin/two-step/"' in account.text
    assert "Two-step verification is off" in admin_get(client, "/admin/two-step/").text
    set_up_authenticator(client)
    assert "Two-step verification is on" in admin_get(client, "/admin/two-step/").text
    off = client.post("/admin/two-step/turn-off/", headers={"host": ALLIANCE_HOST})
    assert off.status_code == 302
    assert not TOTPDevice.objects.filter(user__username="riverside-editor").exists()
    again = Client()
    post_password(again, ADMIN_LOGIN, "riverside-editor", PASSWORD)
    assert admin_get(again, "/admin/").status_code == 200


def test_moderators_cannot_turn_it_off(network, client):
    log_in(client, "riverside-moderator")
    manage = admin_get(client, "/admin/two-step/")
    assert "cannot be turned off" in manage.text
    client.post("/admin/two-step/turn-off/", headers={"host": ALLIANCE_HOST})
    assert TOTPDevice.objects.filter(user__username="riverside-moderator").exists()


def test_new_recovery_codes_replace_the_old(network, client):
    _key, old = set_up_authenticator(log_in(client, "riverside-editor"))
    new = client.post("/admin/two-step/recovery-codes/", headers={"host": ALLIANCE_HOST})
    codes = re.findall(r"<li><code>([a-z0-9]+)</code></li>", new.text)
    assert len(codes) == 10 and not set(codes) & set(old)
    stale = Client()
    post_password(stale, ADMIN_LOGIN, "riverside-editor", PASSWORD)
    refused = stale.post(VERIFY, {"code": old[0]}, headers={"host": ALLIANCE_HOST})
    assert refused.status_code == 400
    wait_out_throttle("riverside-editor")
    fresh = Client()
    post_password(fresh, ADMIN_LOGIN, "riverside-editor", PASSWORD)
    assert (
        fresh.post(VERIFY, {"code": codes[0]}, headers={"host": ALLIANCE_HOST}).status_code == 302
    )


# --- Idle sessions -------------------------------------------------------------


def idle_for(client, seconds):
    session = client.session
    session[LAST_SEEN] -= seconds
    session.save()


def test_an_idle_admin_session_is_logged_out(network, client):
    log_in(client, "riverside-moderator")
    idle_for(client, settings.SESSION_IDLE_TIMEOUT - 120)
    assert admin_get(client, "/admin/").status_code == 200
    idle_for(client, settings.SESSION_IDLE_TIMEOUT + 1)
    response = admin_get(client, "/admin/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    login_page = admin_get(client, response["Location"])
    assert "logged out after a time without activity" in login_page.text


def test_an_idle_member_is_logged_out(network, client):
    log_in(client, "riverside-member")
    home = client.get("/en/", headers={"host": RIVERSIDE_HOST})
    assert "Log out" in home.text
    idle_for(client, settings.SESSION_IDLE_TIMEOUT + 1)
    home = client.get("/en/", headers={"host": RIVERSIDE_HOST})
    assert "Log out" not in home.text and "Log in" in home.text


# --- Members: in and out, and back where they were ------------------------------


def test_a_member_returns_to_the_page_they_came_from(network, client):
    add_entry(network.riverside, "For members", consent_scope="members")
    asked = client.get("/en/archive/for-members/", headers={"host": RIVERSIDE_HOST})
    assert asked.status_code == 302
    login_page = client.get(asked["Location"], headers={"host": RIVERSIDE_HOST})
    assert 'value="/en/archive/for-members/"' in login_page.text
    response = client.post(
        "/en/_util/login/",
        {"username": "riverside-member", "password": PASSWORD, "next": "/en/archive/for-members/"},
        headers={"host": RIVERSIDE_HOST},
    )
    assert response["Location"] == "/en/archive/for-members/"
    entry = client.get(response["Location"], headers={"host": RIVERSIDE_HOST})
    assert entry.status_code == 200 and "For members" in entry.text


def test_without_a_page_to_return_to_a_member_lands_on_the_sites_home(network, client):
    response = post_password(client, MEMBERS_LOGIN, "riverside-member", PASSWORD)
    assert response["Location"] == "/"
    home = client.get("/", headers={"host": RIVERSIDE_HOST})
    assert home.status_code == 200 and "Riverside" in home.text


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example/",
        "//evil.example/",
        "///evil.example/",
        "/\\evil.example/",
        "\\\\evil.example",
        "javascript:alert(1)",
        "http://riverside.localhost.evil.example/",
        "https://hilltop.localhost/en/",
    ],
)
def test_logging_in_never_sends_a_member_to_another_site(network, client, target):
    response = client.post(
        "/en/_util/login/",
        {"username": "riverside-member", "password": PASSWORD, "next": target},
        headers={"host": RIVERSIDE_HOST},
    )
    assert response.status_code == 302 and response["Location"] == "/"


@pytest.mark.parametrize(("language", "label"), [("en", "Log in"), ("es", "Iniciar sesión")])
def test_the_site_offers_log_in_in_its_language_and_back_to_the_page(
    network, client, language, label
):
    page = client.get(f"/{language}/", headers={"host": RIVERSIDE_HOST})
    assert f'href="/{language}/_util/login/?next=/{language}/">{label}</a>' in page.text
    assert 'action="/en/_util/logout/"' not in page.text


def test_a_member_logs_out_with_a_form_and_stays_on_the_page(network, client):
    log_in(client, "riverside-member")
    page = client.get("/es/", headers={"host": RIVERSIDE_HOST})
    form = re.search(
        r'<form method="post" action="/es/_util/logout/">(.*?)</form>', page.text, re.S
    )
    assert form and 'name="csrfmiddlewaretoken"' in form.group(1)
    assert 'name="next" value="/es/"' in form.group(1)
    assert '<button type="submit">Cerrar sesión</button>' in form.group(1)
    assert client.get("/es/_util/logout/", headers={"host": RIVERSIDE_HOST}).status_code == 405
    out = client.post("/es/_util/logout/", {"next": "/es/"}, headers={"host": RIVERSIDE_HOST})
    assert out.status_code == 302 and out["Location"] == "/es/"
    assert "_auth_user_id" not in client.session
    evil = client.post(
        "/es/_util/logout/", {"next": "//evil.example/"}, headers={"host": RIVERSIDE_HOST}
    )
    assert evil["Location"] == "/"


def test_logging_out_needs_the_sites_csrf_token(network):
    client = Client(enforce_csrf_checks=True)
    client.get("/en/_util/login/", headers={"host": RIVERSIDE_HOST})
    token = client.cookies["csrftoken"].value
    data = {"username": "riverside-member", "password": PASSWORD, "csrfmiddlewaretoken": token}
    client.post("/en/_util/login/", data, headers={"host": RIVERSIDE_HOST})
    assert "_auth_user_id" in client.session
    forged = client.post("/en/_util/logout/", headers={"host": RIVERSIDE_HOST})
    assert forged.status_code == 403
    assert "_auth_user_id" in client.session
    page = client.get("/en/", headers={"host": RIVERSIDE_HOST})
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    out = client.post(
        "/en/_util/logout/", {"csrfmiddlewaretoken": token}, headers={"host": RIVERSIDE_HOST}
    )
    assert out.status_code == 302 and "_auth_user_id" not in client.session


def test_anyone_who_may_record_consent_needs_the_second_factor(network, client):
    """Not only the named roles: a group given the right to manage chapters (which
    lets its people record and withdraw consent) needs it too."""
    from django.contrib.auth.models import Group, Permission

    group = Group.objects.create(name="Consent helpers")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="change_chapter"),
    )
    user = get_user_model().objects.create_user(username="helper", password=PASSWORD)
    user.groups.add(group)
    post_password(client, ADMIN_LOGIN, "helper", PASSWORD)
    assert admin_get(client, "/admin/")["Location"].startswith(SETUP)
