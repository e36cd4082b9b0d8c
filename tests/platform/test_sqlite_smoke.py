"""The embedded SQLite path that `make run` uses: migrate, load the demo, serve a page;
then what only SQLite shows (tests/platform/sqlite_checks.py): searches with a quote,
the admin's search of the shared snippets, and two people saving at once."""

from chapters.demo import data
from tests.process import run_manage

CHAPTERS = data.chapters()

SERVE_HOME = """
from django.test import Client
client = Client()
alliance = client.get("/", headers={"host": "localhost:8000"})
chapter = client.get("/", headers={"host": "%s:8000"})
# The consent gate (subqueries, the database's clock) on SQLite too.
photos = client.get("/en/archive/first-tenants-meeting-photographs/", headers={"host": "%s:8000"})
members = client.get("/en/archive/kitchen-table-interview/", headers={"host": "%s:8000"})
print(alliance.status_code, chapter.status_code, photos.status_code, members.status_code)
print(alliance.text.split("<h1>")[1].split("</h1>")[0])
print(chapter.text.split("<h1>")[1].split("</h1>")[0])
"""

SQLITE_CHECKS = """
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
    )
    assert result.returncode == 0, result.stderr
    return result


def test_demo_network_runs_on_sqlite(tmp_path):
    db_path = tmp_path / "demo.sqlite3"
    manage("migrate", "--noinput", db_path=db_path)
    loaded = manage("load_demo_network", db_path=db_path)
    assert "Demo network loaded" in loaded.stdout
    served = manage(
        "shell",
        "--no-imports",
        "-c",
        SERVE_HOME % ((CHAPTERS[0]["hostname"],) * 3),
        db_path=db_path,
    ).stdout.splitlines()
    assert served[0] == "200 200 200 302"
    # Each hostname has its own home.
    assert served[1:] == ["US Human Rights Cities Alliance", CHAPTERS[0]["name"]]

    checks = manage(
        "shell", "--no-imports", "-c", SQLITE_CHECKS % CHAPTERS[0]["hostname"], db_path=db_path
    )
    lines = checks.stdout.strip().splitlines()
    searches = [line for line in lines if line.startswith("search ")]
    assert searches and all(line.startswith("search 200 ") for line in searches), lines
    admin = [line for line in lines if line.startswith("admin ")]
    assert len(admin) == 4 and all(line.endswith(" 200 True") for line in admin), lines
    # Neither save is refused ("database is locked") and both edits are kept.
    assert lines[-1] == "saves: first saved, second saved; kept: first, second", lines
