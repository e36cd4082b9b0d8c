"""Shared fixtures: one network (the Alliance and two chapters) built once per test database.

Tests send a Host header on every request: the test client's default
`testserver` matches no Site on purpose.
"""

import os
import shutil
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import caches
from django.core.management import call_command
from django.db import connections
from django.utils.translation.reloader import translation_file_changed
from wagtail.models import Locale, Site
from wagtail.users.models import UserProfile

from chapters.lifecycle.onboarding import onboard_chapter
from chapters.models import Chapter, ChapterHomePage, PrincipleSetAdoption, RightsPage
from home.models import AllianceHomePage, Principle, PrincipleSet, Resource, Right
from home.pagecache.store import forget_local
from home.setup import ALLIANCE_EDITORS, ALLIANCE_MODERATORS, NETWORK_ADMINS, ensure_alliance_site
from tests.logins import PASSWORD, logged_in, remember_logins
from tests.process import copy_database, migrated_template

# Playwright's sync API keeps an event loop running in the worker; database tests that
# run after a browser test in the same worker would otherwise be refused by Django.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ALLIANCE_HOST = "localhost"
RIVERSIDE_HOST = "riverside.localhost"
HILLTOP_HOST = "hilltop.localhost"
# The network's users (build_network), each logged in once per test database.
USERNAMES = (
    "riverside-editor",
    "riverside-moderator",
    "hilltop-editor",
    "hilltop-moderator",
    "riverside-member",
    "hilltop-member",
    "alliance-editor",
    "alliance-moderator",
    "network-admin",
)
SUPERUSER = "network-superuser"


def build_network() -> None:
    ensure_alliance_site()
    riverside = onboard_chapter(
        name="Riverside", hostname=RIVERSIDE_HOST, region="Ohio", languages=["en", "es"]
    )
    hilltop = onboard_chapter(name="Hilltop", hostname=HILLTOP_HOST, locality_type="rural")
    en = Locale.get_default()
    principle_set = PrincipleSet.objects.create(
        title="Test Principles for Organizing", source="Testville, 2020", year=2020, locale=en
    )
    Principle.objects.create(
        principle_set=principle_set,
        sort_order=1,
        title="Listen first",
        statement="Those most harmed speak first.",
        locale=en,
    )
    Principle.objects.create(
        principle_set=principle_set,
        sort_order=2,
        title="Act together",
        statement="No place organizes alone.",
        locale=en,
    )
    Right.objects.create(
        name="Right to housing",
        slug="housing",
        instrument="ICESCR",
        article="Article 11",
        locale=en,
    )
    Resource.objects.create(title="A reading", authors="Doe, Jane", year=2014, locale=en)
    home = riverside.home
    home.principle_set_adoptions = [PrincipleSetAdoption(principle_set=principle_set)]
    home.save_revision().publish()

    User = get_user_model()
    for username, group in [
        ("riverside-editor", riverside.editors),
        ("riverside-moderator", riverside.moderators),
        ("hilltop-editor", hilltop.editors),
        ("hilltop-moderator", hilltop.moderators),
        # Readers who log in to see what narrators shared with their chapter only.
        ("riverside-member", riverside.members),
        ("hilltop-member", hilltop.members),
        ("alliance-editor", Group.objects.get(name=ALLIANCE_EDITORS)),
        ("alliance-moderator", Group.objects.get(name=ALLIANCE_MODERATORS)),
        ("network-admin", Group.objects.get(name=NETWORK_ADMINS)),
    ]:
        user = User.objects.create_user(
            username=username, email=f"{username}@example.org", password=PASSWORD
        )
        user.groups.add(group)
    add_superuser()


def add_superuser() -> None:
    """The matrices' superuser, who prepares forms: it asks for no chapter's moderation
    emails, so those go to the chapter's own moderators only."""
    superuser = get_user_model().objects.create_superuser(
        username=SUPERUSER, email=f"{SUPERUSER}@example.org", password=PASSWORD
    )
    profile = UserProfile.get_for_user(superuser)
    profile.submitted_notifications = profile.approved_notifications = False
    profile.rejected_notifications = profile.updated_comments_notifications = False
    profile.save()


# The two workers take tests one at a time, so no long file holds one worker while the
# other waits; these keep together on one worker because their tests share a costly
# module or session fixture (the demo server and Chromium, the generated routes,
# gunicorn, the demo's data), which would otherwise be made on both.
TOGETHER = (
    "tests/e2e/",
    "tests/demo/",
    "tests/platform/test_bad_input.py",
    "tests/platform/test_operations.py",
    "tests/platform/test_query_budget_scale.py",
    "tests/translation/test_languages.py",
    "tests/files/private/",
)


# Single tests that take the longest (a demo load, a migrate, every admin route or link
# as one person): started right after the groups, so neither worker ends the run alone
# on one of them while the other has nothing left.
LONGEST = (
    "tests/platform/test_sqlite_smoke.py",
    "tests/lifecycle/test_demo_after_onboarding.py",
    "tests/admin/test_admin_allowlist.py::test_every_link_a_role_is_shown_opens",
    "tests/admin/test_admin_allowlist.py::test_admin_routes",
)


def together(nodeid: str) -> str:
    """The group a test runs in: its TOGETHER prefix, or the test alone."""
    path = nodeid.split("::")[0]
    return next((prefix for prefix in TOGETHER if path.startswith(prefix)), nodeid)


def pytest_xdist_make_scheduler(config, log):
    """xdist's own `loadgroup` never groups here (its workers do not tag the tests
    with their `xdist_group` under this pytest), so the groups are made where the
    controller schedules: tests of one TOGETHER prefix are one unit of work."""
    from xdist.scheduler import LoadScopeScheduling

    class Together(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return together(nodeid)

        def _assign_work_unit(self, node) -> None:
            """The groups first (xdist orders them by size), then the LONGEST tests,
            then the rest in collection order."""
            if not getattr(self, "_longest_first", False):
                self._longest_first = True
                groups = [scope for scope in self.workqueue if scope in TOGETHER]
                longest = [s for s in self.workqueue if s.startswith(LONGEST)]
                for scope in reversed(groups + longest):
                    self.workqueue.move_to_end(scope, last=False)
            super()._assign_work_unit(node)

    return Together(config, log)


@pytest.fixture(scope="session", autouse=True)
def empty_scratch_folders():
    """Every run starts with empty media, private media and export folders: a test that
    checks no file was left behind must not find one from an earlier run."""
    shutil.rmtree(settings.SCRATCH, ignore_errors=True)


@pytest.fixture(autouse=True)
def empty_page_cache():
    """The page cache (this worker's memory) outlives each test's rollback: every test
    starts without another test's stored pages. Wagtail's site root paths (in the
    default cache) outlive it too: a site a rolled-back test made or changed would
    send the page cache's invalidation to the wrong hostname."""
    caches[settings.PAGE_CACHE_ALIAS].clear()
    forget_local()
    Site.clear_site_root_paths_cache()


class PurgeRecorder(BaseHTTPRequestHandler):
    """A front-end cache's PURGE endpoint that records what it was told (host + path)."""

    purged: list[str] = []

    def do_PURGE(self):  # noqa: N802 (the HTTP method's name)
        PurgeRecorder.purged.append(f"{self.headers['Host']}{self.path}")
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def front_end_purges(settings):
    """A real HTTP server as Wagtail's front-end cache (what Varnish's PURGE endpoint
    is); yields the list of addresses purged while the test runs."""
    server = HTTPServer(("127.0.0.1", 0), PurgeRecorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_port}",
        }
    }
    PurgeRecorder.purged = []
    try:
        yield PurgeRecorder.purged
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def uncached(settings):
    """Every request rendered, for a test that reads a response's template context or
    changes data without Django's signals (a queryset update, a setting): what it
    checks is the rendering, not the page cache (tests/platform/test_page_cache.py)."""
    settings.PAGE_CACHE_TIMEOUT = 0


# scripts/test.sh migrates one database while its checks run (HRC_TEST_TEMPLATE_DB);
# each worker's test database is a copy of it, so no worker runs the migrations itself.
TEMPLATE_DB = os.environ.get("HRC_TEST_TEMPLATE_DB", "")


@pytest.fixture(scope="session")
def django_db_keepdb(django_db_keepdb) -> bool:
    """With a migrated template, Django keeps the copy made below: its `migrate` then
    finds nothing to apply (and would apply whatever the template lacked)."""
    return django_db_keepdb or bool(TEMPLATE_DB)


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings) -> None:
    """This worker's test database (its name has the worker's suffix by now), as a copy
    of the migrated template."""
    if TEMPLATE_DB:
        db = settings.DATABASES["default"]
        copy_database(TEMPLATE_DB, db.get("TEST", {}).get("NAME") or f"test_{db['NAME']}")


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        # Migrating takes half a minute: the browser tests' server starts from a copy.
        connections.close_all()
        copy_database(settings.DATABASES["default"]["NAME"], migrated_template())
        build_network()
        # Logging in (a form, and for most roles a second factor) costs more than most
        # tests: each person does it once here, and `login` hands out their session.
        remember_logins((*USERNAMES, SUPERUSER))


@dataclass
class Network:
    alliance: AllianceHomePage
    riverside: ChapterHomePage
    hilltop: ChapterHomePage

    def site(self, hostname: str) -> Site:
        return Site.objects.get(hostname=hostname)


@pytest.fixture
def network(db) -> Network:
    return Network(
        alliance=AllianceHomePage.objects.get(locale=Locale.get_default()),
        riverside=ChapterHomePage.objects.get(title="Riverside"),
        hilltop=ChapterHomePage.objects.get(title="Hilltop"),
    )


@pytest.fixture
def login(client):
    """Log the test client in as one of the network's users, with the second factor
    their role needs (tests/logins.py): the session that log in made once per test
    database."""

    def _login(username: str):
        return logged_in(client, username)

    return _login


# The interface's translation catalogs (locale/<language>/LC_MESSAGES/*.po).
CATALOGS = sorted(Path(settings.BASE_DIR, "locale").glob("*/LC_MESSAGES/*.po"))


@pytest.fixture(scope="session", autouse=True)
def compiled_catalogs():
    """The .mo files are build output (not committed): compile any missing or stale one."""
    stale = [
        po
        for po in CATALOGS
        if not po.with_suffix(".mo").exists()
        or po.with_suffix(".mo").stat().st_mtime < po.stat().st_mtime
    ]
    if stale:
        if shutil.which("msgfmt"):
            call_command("compilemessages", ignore_patterns=[".venv"], verbosity=0)
        else:  # No GNU gettext on this machine: polib writes the same catalogs.
            for po in stale:
                polib.pofile(str(po)).save_as_mofile(str(po.with_suffix(".mo")))
        # Forget catalogs loaded before the compile, as runserver's reloader does.
        translation_file_changed(sender=None, file_path=stale[0].with_suffix(".mo"))


@pytest.fixture
def archive(network):
    """Riverside's private archive collection: files there are stored privately and
    shown only on Riverside's archive entries, with consent."""
    return Chapter.objects.get(home=network.riverside).archive_collection


@pytest.fixture
def rights_page(network):
    """The Alliance's "Browse by right" page."""
    page = RightsPage(title="Browse by right", slug="rights")
    network.alliance.add_child(instance=page)
    page.save_revision().publish()
    return page


def pytest_terminal_summary(terminalreporter):
    """The matrices' sizes, counting only the cases whose tests ran and passed."""
    from tests.admin import test_permission_matrix
    from tests.archive import test_leak_matrix

    passed = [
        report.nodeid
        for report in terminalreporter.stats.get("passed", [])
        if report.when == "call"
    ]
    permissions = {
        nodeid.split("[", 1)[1][:-1] for nodeid in passed if "::test_permission_matrix[" in nodeid
    }
    if permissions:
        cases = test_permission_matrix.CASES
        allowed = sum(case.endswith("-allowed") for case in permissions)
        terminalreporter.write_line(
            f"permission matrix: {len(permissions)} of {len(cases)} cases passed "
            f"({allowed} allowed, {len(permissions) - allowed} denied)"
        )
    localize = {
        nodeid.split("[", 1)[1][:-1] for nodeid in passed if "::test_localize_matrix[" in nodeid
    }
    if localize:
        from tests.translation.localize import test_localize_matrix

        terminalreporter.write_line(test_localize_matrix.summary(localize))
    roles = {nodeid.split("[", 1)[1][:-1] for nodeid in passed if "::test_admin_routes[" in nodeid}
    if roles:  # tests/admin/test_admin_allowlist.py: admin URL names x chapter-scoped roles
        from tests.admin import test_admin_allowlist

        cases = test_admin_allowlist.CASES
        routes = [case for case in cases if case[0] in roles]
        open_routes = sum(case[-1] for case in routes)
        terminalreporter.write_line(
            f"admin allowlist matrix: {len(routes)} of {len(cases)} cases passed "
            f"({open_routes} open, {len(routes) - open_routes} refused)"
        )
    states = {  # tests/archive/test_leak_matrix.py: a few states per test, " | " between
        state
        for nodeid in passed
        if "::test_leak_matrix[" in nodeid
        for state in nodeid.split("[", 1)[1][:-1].split(" | ")
    }
    if states:
        terminalreporter.write_line(test_leak_matrix.summary(states))
