"""Operations: what production logs, the story form's limit across workers, mail headers.

The first tests run the production settings in real gunicorn processes: two
servers with one worker each (two processes, as a deployment's workers are),
on a copy of the test network's database that `migrate` and `collectstatic`
prepared the way the deploy steps do. The settings module adds only two probe URLs
(tests/production_deploy.py).
"""

import http.client
import json
import logging
import os
import re
import secrets
import socket
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import psycopg
import pytest
from django.conf import settings
from django.core import mail
from django.db import connections
from django.urls import reverse
from wagtail.models import Site

from chapters.archive.consent import withdraw_consent
from chapters.archive.consent_records import ConsentRecord
from chapters.archive.intake.guard import form_token
from chapters.models import ArchiveEntryPage, Chapter
from tests.conftest import ALLIANCE_HOST, RIVERSIDE_HOST
from tests.pages import add_story
from tests.process import (
    _NOT_INHERITED,
    STRONG_KEY,
    copy_database,
    drop_database,
    run_manage,
)
from tests.varnish import start_varnish

REAL_NAME = "Marisol Quintanilla-Verdadera"
CONTACT = "marisol.private@example.org"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def story_form(site: Site, title="The winter the water was cut", **overrides) -> dict:
    data = {
        "title": title,
        "story": "In January our building lost water for three weeks. We carried buckets.",
        "year": "2014",
        "place": "Elm Street",
        "narrator": "M.",
        "real_name": REAL_NAME,
        "contact": CONTACT,
        "given_by_role": "narrator",
        "scope": "public",
        "channels": ["web"],
        "understood": "on",
        "website": "",
        # A distinct form each time, shown a minute ago.
        "started": form_token(site, now=time.time() - 60 - secrets.randbelow(10**6)),
    }
    data.update(overrides)
    return data


# --- Two production servers ------------------------------------------------------


@dataclass
class Server:
    port: int
    log: Path
    process: subprocess.Popen

    def request(self, method, path, *, host=RIVERSIDE_HOST, body=None, headers=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        # The deployment's proxy terminates HTTPS and says so.
        sent = {"Host": host, "X-Forwarded-Proto": "https", **(headers or {})}
        connection.request(method, path, body=body, headers=sent)
        response = connection.getresponse()
        response.text = response.read().decode("utf-8", "replace")
        connection.close()
        return response

    def log_lines(self) -> list[dict]:
        """Every JSON line the server wrote to stderr (gunicorn's own lines are not JSON)."""
        lines = self.log.read_text(encoding="utf-8").splitlines()
        return [json.loads(line) for line in lines if line.startswith("{")]


@dataclass
class Production:
    servers: list[Server]
    database_url: str

    def __getitem__(self, n: int) -> Server:
        return self.servers[n]

    def forget_counts(self) -> None:
        """Empty the shared cache (the database table every worker reads), if there is one."""
        with psycopg.connect(self.database_url, autocommit=True) as conn:
            if conn.execute("SELECT to_regclass('network_cache')").fetchone()[0]:
                conn.execute("DELETE FROM network_cache")


def _wait_until_up(server: Server) -> None:
    deadline = time.monotonic() + 90
    while True:
        try:
            server.request("GET", "/robots.txt")
            return
        except OSError:
            if time.monotonic() > deadline or server.process.poll() is not None:
                raise RuntimeError(server.log.read_text()) from None
            time.sleep(0.3)


# The deploy collects every app's static files (a minute of compressing the admin's);
# these servers need only the site's own, which the public pages use.
OTHER_APPS_STATIC = [
    f"--ignore={name}" for name in ("wagtail*", "django_otp", "otp_totp", "rest_framework")
]


@pytest.fixture(scope="module")
def production(django_db_setup, django_db_blocker, tmp_path_factory, worker_id):
    """Two gunicorn servers on production settings; mail goes to a port nobody listens on."""
    db = settings.DATABASES["default"]
    copy = f"hrc_ops_{worker_id}"
    with django_db_blocker.unblock():
        connections.close_all()  # a template database must have no other session
        copy_database(db["NAME"], copy)
    database_url = f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{copy}"
    env = {
        "DJANGO_SETTINGS_MODULE": "tests.production_deploy",
        "SECRET_KEY": settings.SECRET_KEY,  # the forms' signed timestamps are made here
        "DATABASE_URL": database_url,
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(_free_port()),
    }
    folder = tmp_path_factory.mktemp("production")
    env["STATIC_ROOT"] = str(folder / "static")
    migrated = run_manage("migrate", "--noinput", **env)  # as the deploy steps do
    assert migrated.returncode == 0, migrated.stderr
    collected = run_manage("collectstatic", "--noinput", *OTHER_APPS_STATIC, **env)
    assert collected.returncode == 0, collected.stderr
    clean = {k: v for k, v in os.environ.items() if k not in _NOT_INHERITED}
    servers = []
    try:
        for n in range(2):
            port = _free_port()
            log = folder / f"server-{n}.log"
            process = subprocess.Popen(  # noqa: S603 - our own app, fixed arguments
                [sys.executable, "-m", "gunicorn", "network_site.wsgi"]
                + ["--bind", f"127.0.0.1:{port}", "--workers", "1", "--timeout", "60"],
                cwd=settings.BASE_DIR,
                env={**clean, **env},
                stdout=subprocess.DEVNULL,
                stderr=log.open("w"),
            )
            servers.append(Server(port, log, process))
        for server in servers:
            _wait_until_up(server)
        yield Production(servers, database_url)
    finally:
        for server in servers:
            server.process.terminate()
            server.process.wait(timeout=20)
        drop_database(copy)


def csrf(server: Server) -> tuple[str, str]:
    """The CSRF cookie and form token a browser gets with the form."""
    response = server.request("GET", "/en/share-your-story/")
    assert response.status == 200, response.text[:500]
    cookie = re.search(r"csrftoken=([^;]+)", response.getheader("Set-Cookie") or "").group(1)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.text).group(1)
    return cookie, token


def share(server, cookie, token, data, request_id, forwarded_for=None):
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Cookie": f"csrftoken={cookie}",
        "Origin": f"https://{RIVERSIDE_HOST}",
        "Referer": f"https://{RIVERSIDE_HOST}/en/share-your-story/",
        "X-Request-ID": request_id,
    }
    if forwarded_for:
        headers["X-Forwarded-For"] = forwarded_for
    body = urlencode({**data, "csrfmiddlewaretoken": token}, doseq=True)
    return server.request("POST", "/en/share-your-story/", body=body, headers=headers)


@pytest.mark.django_db
@pytest.mark.parametrize("forge", [False, True], ids=["plain", "forged-forwarded-for"])
def test_the_limit_counts_across_workers_and_a_forged_forwarded_for_does_not_escape_it(
    production, forge
):
    """12 stories from one reader through two workers (forged: each claiming another
    address in X-Forwarded-For, with no proxy configured): exactly the limit (5) gets
    through. Counted per worker, 10 did; trusting the header, all 12."""
    production.forget_counts()
    site = Site.objects.get(hostname=RIVERSIDE_HOST)
    cookie, token = csrf(production[0])
    statuses = []
    for n in range(12):
        server = production[n % 2]
        answer = share(
            server,
            cookie,
            token,
            story_form(site, title=f"Story number {n}"),
            request_id=f"ops-share-{n:04d}",
            forwarded_for=f"198.51.100.{n + 1}" if forge else None,
        )
        statuses.append(answer.status)
        if answer.status == 200:
            assert "Your reference" in answer.text
    assert statuses.count(200) == 5, statuses
    assert statuses.count(429) == 7, statuses


@pytest.mark.django_db
def test_a_failed_notification_email_is_a_json_line_with_the_request_id(production):
    production.forget_counts()
    site = Site.objects.get(hostname=RIVERSIDE_HOST)
    server = production[0]
    cookie, token = csrf(server)
    answer = share(
        server,
        cookie,
        token,
        story_form(site, title="Mail that cannot leave"),
        request_id="ops-mail-failure-1",
        forwarded_for=None,
    )
    assert answer.status == 200
    assert answer.getheader("X-Request-ID") == "ops-mail-failure-1"
    lines = [line for line in server.log_lines() if line["request_id"] == "ops-mail-failure-1"]
    failures = [line for line in lines if line["level"] == "ERROR"]
    assert failures, lines
    failure = failures[0]
    assert failure["logger"].startswith("wagtail.admin")
    assert "Mail connection error" in failure["message"]
    assert failure["path"] == "/en/share-your-story/"
    assert "ConnectionRefusedError" in failure["exc"]
    assert set(failure) >= {"time", "level", "logger", "message", "request_id", "path"}
    # The narrator's private details are in no log line.
    text = server.log.read_text()
    assert REAL_NAME not in text and CONTACT not in text


def test_a_500_is_a_json_line_with_traceback_status_and_request_id(production):
    server = production[1]
    answer = server.request("GET", "/_probe/boom/", headers={"X-Request-ID": "ops-boom-0001"})
    assert answer.status == 500
    assert answer.getheader("X-Request-ID") == "ops-boom-0001"
    assert answer.getheader("Strict-Transport-Security", "").startswith("max-age=31536000")
    assert answer.getheader("Content-Security-Policy")
    errors = [line for line in server.log_lines() if line["request_id"] == "ops-boom-0001"]
    assert len(errors) == 1, errors
    error = errors[0]
    assert error["level"] == "ERROR"
    assert error["logger"] == "django.request"
    assert error["status"] == 500
    assert error["path"] == "/_probe/boom/"
    assert "RuntimeError: probe: a bug in a view" in error["exc"]
    datetime_like = r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00"
    assert re.fullmatch(datetime_like, error["time"])


def test_production_pages_redirects_and_errors_carry_hsts_and_the_policy(production):
    server = production[0]
    for path, status in [("/en/", 200), ("/en/stories", 301), ("/en/no-such-page/", 404)]:
        answer = server.request("GET", path)
        assert answer.status == status, path
        assert answer.getheader("Strict-Transport-Security", "").startswith("max-age="), path
        assert "camera=()" in answer.getheader("Permissions-Policy", ""), path
        assert "'unsafe-inline'" not in answer.getheader("Content-Security-Policy"), path
    # Plain HTTP (no proxy saying HTTPS) is sent to HTTPS, with the headers.
    answer = server.request("GET", "/en/", headers={"X-Forwarded-Proto": "http"})
    assert answer.status == 301
    assert answer.getheader("Location", "").startswith("https://")


def test_production_serves_its_static_files_hashed_compressed_and_cached_for_years(production):
    server = production[0]
    page = server.request("GET", "/en/")
    href = re.search(r'<link rel="stylesheet" href="([^"]+)"', page.text).group(1)
    assert re.fullmatch(r"/static/home/css/site\.[0-9a-f]{12}\.css", href), href
    for encoding in ("br", "gzip", None):
        asked = {"Accept-Encoding": encoding} if encoding else {}
        answer = server.request("GET", href, headers=asked)
        assert answer.status == 200, (encoding, answer.text[:200])
        assert answer.getheader("Content-Type", "").startswith("text/css")
        assert answer.getheader("Content-Encoding") == encoding
        assert answer.getheader("Cache-Control") == "max-age=315360000, public, immutable"
        assert answer.getheader("X-Content-Type-Options") == "nosniff"
    assert "body" in answer.text  # the plain copy is the stylesheet itself
    # The name without its hash still answers, but is cached for a minute only.
    unhashed = server.request("GET", "/static/home/css/site.css")
    assert unhashed.status == 200
    assert unhashed.getheader("Cache-Control") == "max-age=60, public"


# --- Settings -----------------------------------------------------------------------


def test_production_shares_its_cache_and_trusts_no_proxy_unless_told():
    show = (
        "from django.conf import settings; "
        "print(settings.CACHES['default']['BACKEND'], settings.TRUSTED_PROXY_COUNT)"
    )
    default = run_manage(
        "shell",
        "-c",
        show,
        DJANGO_SETTINGS_MODULE="network_site.settings.production",
        SECRET_KEY=STRONG_KEY,
    )
    assert default.stdout.split()[-2:] == ["django.core.cache.backends.db.DatabaseCache", "0"]
    redis = run_manage(
        "shell",
        "-c",
        show,
        DJANGO_SETTINGS_MODULE="network_site.settings.production",
        SECRET_KEY=STRONG_KEY,
        REDIS_URL="redis://127.0.0.1:6379/0",
        TRUSTED_PROXY_COUNT="1",
    )
    assert redis.stdout.split()[-2:] == ["django_redis.cache.RedisCache", "1"]


# --- Mail headers -----------------------------------------------------------------


@pytest.fixture
def fresh_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.mark.django_db
def test_a_title_with_a_line_break_still_reaches_the_moderators(client, network, fresh_cache):
    site = network.site(RIVERSIDE_HOST)
    response = client.post(
        "/en/share-your-story/",
        story_form(site, title="The winter\nthe water\r\nwas cut"),
        headers={"host": RIVERSIDE_HOST},
    )
    assert response.status_code == 200
    assert "Your reference" in response.text
    entry = ArchiveEntryPage.objects.get(title="The winter the water was cut")
    assert entry.draft_title == "The winter the water was cut"
    to_moderators = [m for m in mail.outbox if "riverside-moderator@example.org" in m.to]
    assert to_moderators, [m.subject for m in mail.outbox]
    assert "The winter the water was cut" in to_moderators[0].subject
    assert "\n" not in to_moderators[0].subject


@pytest.mark.django_db
def test_a_title_edited_with_a_line_break_reaches_the_moderators_on_one_line(network):
    """Any save path (here the shell: a revision, then moderation) keeps titles on one line."""
    from django.contrib.auth import get_user_model

    editor = get_user_model().objects.get(username="riverside-editor")
    story = add_story(network.riverside, "Rent strike")
    story.title = "Rent\nstrike\u2028ends"
    revision = story.save_revision(user=editor)
    assert revision.content["title"] == "Rent strike ends"
    chapter = Chapter.objects.get(home=network.riverside)
    chapter.workflow.start(story, editor)
    subjects = [m.subject for m in mail.outbox if "riverside-moderator@example.org" in m.to]
    assert any("Rent strike ends" in subject for subject in subjects), subjects
    story.refresh_from_db()
    assert story.draft_title == "Rent strike ends"


@pytest.mark.django_db
def test_a_failed_invitation_email_is_logged_and_explained(login, network, settings, caplog):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = _free_port()  # nobody listens there
    client = login("riverside-moderator")
    riverside = Chapter.objects.get(home=network.riverside)
    with caplog.at_level(logging.ERROR, logger="network.mail"):
        response = client.post(
            reverse("chapters_admin:invite", args=[riverside.pk]),
            {"email": "new.person@example.org", "role": "editor"},
            headers={"host": ALLIANCE_HOST},
        )
    assert response.status_code == 200
    assert "The invitation email could not be sent" in response.text
    assert 'value="new.person@example.org"' in response.text  # what was typed stays
    failures = [r for r in caplog.records if r.name == "network.mail"]
    assert failures and failures[0].exc_info
    assert "new.person@example.org" not in failures[0].getMessage()


@pytest.mark.django_db
def test_consent_actions_are_logged_without_personal_data(client, network, caplog, fresh_cache):
    site = network.site(RIVERSIDE_HOST)
    with caplog.at_level(logging.INFO, logger="network.consent"):
        client.post("/en/share-your-story/", story_form(site), headers={"host": RIVERSIDE_HOST})
        record = ConsentRecord.objects.get(narrator_real_name=REAL_NAME)
        withdraw_consent(record, reason=f"{REAL_NAME} called to say no", user=None)
    lines = [r for r in caplog.records if r.name == "network.consent"]
    events = [r.event for r in lines]
    assert events == ["consent_recorded", "consent_withdrawn"]
    assert all(r.record == record.pk and r.entry == record.entry_id for r in lines)
    for line in lines:
        text = line.getMessage() + repr(line.__dict__)
        assert REAL_NAME not in text and CONTACT not in text, text


def test_request_ids_from_outside_are_kept_only_when_safe():
    from network_site.observability import SAFE_REQUEST_ID

    assert SAFE_REQUEST_ID.fullmatch(str(uuid.uuid4()))
    for unsafe in ("x\r\nSet-Cookie: a=b", "<img src=x>", "", "a" * 65):
        assert not SAFE_REQUEST_ID.fullmatch(unsafe)


# --- Varnish in front: a withdrawal purges it in the same request -----------------

ADD_ENTRY = """from chapters.models import ChapterHomePage
from tests.pages import add_entry
add_entry(ChapterHomePage.objects.get(title="Riverside"), "Varnish testimony")"""
WITHDRAW = """from chapters.archive.consent import withdraw_consent
from chapters.models import ArchiveEntryPage
entry = ArchiveEntryPage.objects.get(slug="varnish-testimony")
withdraw_consent(entry.consent, "The narrator asked by phone.")"""


def test_a_withdrawn_entry_is_gone_from_varnish_in_the_withdrawals_request(production, tmp_path):
    """deploy/varnish/default.vcl in front of a production server: the entry is
    cached, the withdrawal (the consent service in its own process, as a moderator's
    request runs it) purges it, and the next reader through Varnish gets a 404."""
    varnish = start_varnish(production[0].port)
    env = {
        "DJANGO_SETTINGS_MODULE": "tests.production_probe",
        "SECRET_KEY": settings.SECRET_KEY,
        "DATABASE_URL": production.database_url,
        "FRONTEND_CACHE_PURGE_URL": f"http://127.0.0.1:{varnish.port}",
    }
    through = Server(varnish.port, tmp_path / "unused.log", varnish.process)
    path = "/en/archive/varnish-testimony/"
    try:
        added = run_manage("shell", "-c", ADD_ENTRY, **env)
        assert added.returncode == 0, added.stderr
        first, second = (through.request("GET", path) for _ in range(2))
        assert first.status == 200 and "Varnish testimony" in first.text
        assert "s-maxage=" in first.getheader("Cache-Control")
        assert second.getheader("X-Cache") == "hit", second.getheaders()
        assert len(second.getheader("X-Varnish").split()) == 2  # served from Varnish's store
        # A reader with a cookie is never given the stored copy.
        with_cookie = through.request("GET", path, headers={"Cookie": "sessionid=x"})
        assert with_cookie.getheader("X-Cache") == "miss"
        withdrawn = run_manage("shell", "-c", WITHDRAW, **env)
        assert withdrawn.returncode == 0, withdrawn.stderr
        after = through.request("GET", path)
        assert after.status == 404 and "Varnish testimony" not in after.text
        archive = through.request("GET", "/en/archive/")
        assert archive.status == 200 and "Varnish testimony" not in archive.text
    finally:
        varnish.stop()
