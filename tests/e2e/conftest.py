"""Browser tests: Debian's Chromium, driven by Playwright, against the demo network
served by a real `manage.py runserver` on its own PostgreSQL database."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

from tests.process import copy_database, drop_database, migrated_template

SCREENSHOTS = Path(settings.BASE_DIR) / "artifacts" / "screenshots"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": "/usr/bin/chromium",
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            # *.localhost is loopback by definition; say so, so no lookup leaves the machine.
            "--host-resolver-rules=MAP *.localhost 127.0.0.1, MAP localhost 127.0.0.1",
        ],
    }


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def e2e_database_url(django_db_setup, worker_id):
    """A database of its own on the test cluster, so the server sees committed data:
    a copy of the migrated, empty one."""
    db = settings.DATABASES["default"]
    name = f"hrc_e2e_{worker_id}"
    copy_database(migrated_template(), name)
    yield f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{name}"
    drop_database(name)


@pytest.fixture(scope="session")
def demo_inbox(tmp_path_factory) -> Path:
    """Where the demo server writes the messages it sends, one file each."""
    return tmp_path_factory.mktemp("inbox")


@pytest.fixture(scope="session")
def demo_env(e2e_database_url, tmp_path_factory, demo_inbox) -> dict[str, str]:
    """The environment the demo server and its commands run in."""
    return {
        **os.environ,
        "EMAIL_FILE_PATH": str(demo_inbox),
        "DJANGO_SETTINGS_MODULE": "network_site.settings.dev",
        "DATABASE_URL": e2e_database_url,
        "MEDIA_ROOT": str(tmp_path_factory.mktemp("media")),
        "PRIVATE_MEDIA_ROOT": str(tmp_path_factory.mktemp("private_media")),
        "CHAPTER_EXPORT_DIR": str(tmp_path_factory.mktemp("exports")),
        # A third, right-to-left language, added the way a deployment would add one.
        "LANGUAGES": "en=English,es=Español,ar=العربية",
    }


@pytest.fixture(scope="session")
def demo_command(demo_server, demo_env):
    """Runs a management command on the demo server's database, as cron would; its output."""

    def _run(*args: str) -> str:
        done = subprocess.run(
            [sys.executable, "manage.py", *args],
            env={**demo_env, "DEMO_PORT": str(demo_server)},
            cwd=settings.BASE_DIR,
            check=True,
            capture_output=True,
            text=True,
        )
        return done.stdout

    return _run


@pytest.fixture(scope="session")
def demo_server(demo_env):
    """The demo network as `make run` serves it; yields its port."""
    env = dict(demo_env)
    manage = [sys.executable, "manage.py"]
    port = _free_port()
    # As `make run` does: the sites carry the port, DEBUG is off and static files are served.
    env["DEMO_PORT"] = str(port)
    for command in (["migrate", "--noinput"], ["load_demo_network", "--port", str(port)]):
        subprocess.run(
            manage + command, env=env, cwd=settings.BASE_DIR, check=True, capture_output=True
        )
    server = subprocess.Popen(
        manage + ["runserver", "--insecure", f"127.0.0.1:{port}", "--noreload"],
        env=env,
        cwd=settings.BASE_DIR,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/en/", timeout=2)  # noqa: S310
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise
                time.sleep(0.3)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture
def screenshot(page):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def _take(name: str) -> Path:
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return _take


# What each demo person's authenticator holds once they set it up in a browser test:
# its key, and the recovery codes not used yet (one per later log-in, so no test waits
# for the app's next code).
AUTHENTICATORS: dict[str, dict] = {}


def log_in(page, port, username):
    """Log in to the admin as one of the demo's people, with the second factor their
    role needs: set up on their first log-in (the key read off the page, the code
    computed from it), a recovery code on later ones."""
    from base64 import b32decode

    from django_otp.oath import TOTP
    from playwright.sync_api import expect

    from chapters.demo.people import DEMO_PASSWORD

    page.goto(f"http://localhost:{port}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
    if "/admin/two-step/set-up/" in page.url:
        key = b32decode(page.locator(".two-step-secret").inner_text().replace(" ", ""))
        page.fill("#id_code", f"{TOTP(key).token():06d}")
        page.get_by_role("button", name="Turn on").click()
        expect(page.locator(".two-step-codes code")).to_have_count(10)
        codes = page.locator(".two-step-codes code").all_inner_texts()
        AUTHENTICATORS[username] = {"key": key, "codes": codes}
        page.get_by_role("link", name="I have saved them, continue").click()
    elif "/admin/two-step/verify/" in page.url:
        page.fill("#id_code", AUTHENTICATORS[username]["codes"].pop())
        page.get_by_role("button", name="Verify").click()
    expect(page).to_have_url(f"http://localhost:{port}/admin/")
