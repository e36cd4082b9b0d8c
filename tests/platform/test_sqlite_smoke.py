"""The embedded SQLite path that `make run` uses: migrate, load the demo, serve a page
(as `make run PORT=8773` does: DEMO_PORT in the environment, the demo's settings);
then what only SQLite shows (tests/platform/sqlite_checks.py): searches with a quote,
the admin's search of the shared snippets, and two people saving at once."""

import re

from chapters.demo import data
from tests.process import run_manage

CHAPTERS = data.chapters()

SERVE_HOME = """
from django.test import Client
client = Client()
alliance = client.get("/", headers={"host": "localhost:8773"})
chapter = client.get("/", headers={"host": "%s:8773"})
# The consent gate (subqueries, the database's clock) on SQLite too.
photos = client.get("/en/archive/first-tenants-meeting-photographs/", headers={"host": "%s:8773"})
members = client.get("/en/archive/kitchen-table-interview/", headers={"host": "%s:8773"})
print(alliance.status_code, chapter.status_code, photos.status_code, members.status_code)
print(alliance.text.split("<h1>")[1].split("</h1>")[0])
print(chapter.text.split("<h1>")[1].split("</h1>")[0])
# A missing page, as a reader meets it: our page, never Django's technical one.
missing = client.get("/en/no-such-page/", headers={"host": "%s:8773"})
print(missing.status_code, missing.text.split("<h1>")[1].split("</h1>")[0])
print("technical" if "URLconf" in missing.text or "DEBUG = True" in missing.text else "ours")
# An invitation email (the console backend prints it), with the demo's port in its links.
from chapters.lifecycle.people import invite_person
from chapters.register.chapter import Chapter
print("EMAIL")
invite_person(Chapter.objects.get(home__title="%s"), "new-member@example.org", "member")
"""

# In the same `shell` as SERVE_HOME (Django starts once for both).
SQLITE_CHECKS = """
print("CHECKS")
from tests.platform.sqlite_checks import report
print(report("%s"))
"""


def manage(*args, db_path):
    result = run_manage(
        *args,
        DJANGO_SETTINGS_MODULE="network_site.settings.dev",
        DATABASE_URL=f"sqlite:///{db_path}",
        MEDIA_ROOT=str(db_path.parent / "media"),
        PRIVATE_MEDIA_ROOT=str(db_path.parent / "private_media"),
        DEMO_PORT="8773",
    )
    assert result.returncode == 0, result.stderr
    return result


def test_demo_network_runs_on_sqlite(tmp_path):
    db_path = tmp_path / "demo.sqlite3"
    manage("migrate", "--noinput", db_path=db_path)
    loaded = manage("load_demo_network", db_path=db_path)
    assert "Demo network loaded" in loaded.stdout
    hostname = CHAPTERS[0]["hostname"]
    script = SERVE_HOME % ((hostname,) * 4 + (CHAPTERS[0]["name"],)) + SQLITE_CHECKS % hostname
    output = manage("shell", "--no-imports", "-c", script, db_path=db_path).stdout
    output, checks = output.split("CHECKS\n")
    served, email = output.split("EMAIL\n")
    served = served.splitlines()
    assert served[0] == "200 200 200 302"
    # Each hostname has its own home.
    assert served[1:3] == ["US Human Rights Cities Alliance", CHAPTERS[0]["name"]]
    # DEBUG is off in the demo: a missing page is our 404 page.
    assert served[3:] == ["404 Page not found", "ours"]
    # Every link in the email has the port the demo is served on.
    links = re.findall(r"https?://[^\s/]+", email)
    assert links and set(links) == {
        "http://localhost:8773",
        f"http://{CHAPTERS[0]['hostname']}:8773",
    }

    lines = checks.strip().splitlines()
    searches = [line for line in lines if line.startswith("search ")]
    assert searches and all(line.startswith("search 200 ") for line in searches), lines
    admin = [line for line in lines if line.startswith("admin ")]
    assert len(admin) == 4 and all(line.endswith(" 200 True") for line in admin), lines
    # Neither save is refused ("database is locked") and both edits are kept.
    assert lines[-1] == "saves: first saved, second saved; kept: first, second", lines
