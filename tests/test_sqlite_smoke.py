"""The embedded SQLite path that `make run` uses: migrate, load the demo, serve a page."""

from chapters.demo_content import CHAPTERS
from tests.process import run_manage

SERVE_HOME = """
from django.test import Client
client = Client()
alliance = client.get("/", headers={"host": "localhost:8000"})
chapter = client.get("/", headers={"host": "%s:8000"})
print(alliance.status_code, chapter.status_code)
print(alliance.text.split("<h1>")[1].split("</h1>")[0])
print(chapter.text.split("<h1>")[1].split("</h1>")[0])
"""


def manage(*args, db_path):
    result = run_manage(
        *args,
        DJANGO_SETTINGS_MODULE="network_site.settings.dev",
        DATABASE_URL=f"sqlite:///{db_path}",
    )
    assert result.returncode == 0, result.stderr
    return result


def test_demo_network_runs_on_sqlite(tmp_path):
    db_path = tmp_path / "demo.sqlite3"
    manage("migrate", "--noinput", db_path=db_path)
    loaded = manage("load_demo_network", db_path=db_path)
    assert "Demo network loaded" in loaded.stdout
    served = manage(
        "shell", "--no-imports", "-c", SERVE_HOME % CHAPTERS[0]["hostname"], db_path=db_path
    ).stdout.splitlines()
    assert served[0] == "200 200"
    # Each hostname has its own home.
    assert served[1:] == ["US Human Rights Cities Alliance", CHAPTERS[0]["name"]]
