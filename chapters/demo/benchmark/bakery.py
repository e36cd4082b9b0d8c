"""Wagtail's own demo, bakerydemo, run beside us the same way.

None of its code is ours: the person passes a checkout (`--bakerydemo DIR`,
e.g. `git clone https://github.com/wagtail/bakerydemo`). Its pins want Django 6
and Wagtail 7.4; the benchmark changes only those two lines of
`requirements/base.txt`, to the Django and Wagtail we run, and builds a
virtualenv of its own inside the checkout with gunicorn and what its production
settings need. Its data is its own `load_initial_data`, in a database of the
benchmark's cluster.
"""

import json
import re
import subprocess
import sys
from pathlib import Path

PINS = {"django": "Django>=5.2,<5.3", "wagtail": "wagtail>=8.0,<8.1"}
# What bakerydemo's production settings import, as its requirements/production.txt pins them.
PRODUCTION_NEEDS = ("psycopg", "whitenoise", "django-redis")
SETTINGS = "bakerydemo.settings.production"
SECRET = "bakerydemo-benchmark-" + "k3y" * 12

# Run in bakerydemo's own Django: one page of each kind, each page's queries.
PAGES_SCRIPT = """
import json
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from bakerydemo.blog.models import BlogIndexPage, BlogPage
from bakerydemo.breads.models import BreadPage
first = lambda model: model.objects.live().public().order_by("path").first().url
found = [
    ("home", "home", "/"),
    ("blog index", "index", first(BlogIndexPage)),
    ("blog post", "detail", first(BlogPage)),
    ("bread page", "detail", first(BreadPage)),
    ("search", "search", "/search/?q=bread"),
]
client, rows = Client(), []
for label, kind, path in found:
    headers = {"Host": "localhost", "X-Forwarded-Proto": "https"}
    client.get(path, headers=headers)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, headers=headers)
    assert response.status_code == 200, (path, response.status_code)
    rows.append({"label": label, "kind": kind, "host": "localhost", "path": path,
                 "queries": len(queries)})
print("PAGES" + json.dumps(rows))
"""


class BakeryError(RuntimeError):
    pass


class Bakerydemo:
    def __init__(self, checkout: Path, log_folder: Path):
        self.dir = checkout
        self.venv = checkout / ".venv-benchmark"
        self.python = self.venv / "bin" / "python"
        self.logs = log_folder
        if not (checkout / "manage.py").exists() or not (checkout / "bakerydemo").is_dir():
            raise BakeryError(f"--bakerydemo: {checkout} is not a bakerydemo checkout")

    def pin(self) -> None:
        """Only the Django and Wagtail lines change, to the versions we run."""
        requirements = self.dir / "requirements" / "base.txt"
        lines = requirements.read_text().splitlines()
        for n, line in enumerate(lines):
            name = re.split(r"[<>=~!\[ ]", line.strip(), maxsplit=1)[0].lower()
            if name in PINS:
                lines[n] = PINS[name]
        requirements.write_text("\n".join(lines) + "\n")

    def production_specs(self) -> list[str]:
        production = (self.dir / "requirements" / "production.txt").read_text().splitlines()
        wanted = [line.strip() for line in production if line.strip().startswith(PRODUCTION_NEEDS)]
        return wanted + ["gunicorn>=23,<24"]

    def install(self) -> None:
        marker = self.venv / ".installed"
        requirements = self.dir / "requirements" / "base.txt"
        if marker.exists() and marker.stat().st_mtime >= requirements.stat().st_mtime:
            return
        self.pin()
        if not self.python.exists():
            self._check([sys.executable, "-m", "venv", str(self.venv)], "venv")
        pip = [str(self.python), "-m", "pip", "install", "-q", "-r", str(requirements)]
        self._check(pip + self.production_specs(), "pip install")
        marker.touch()

    def _check(self, argv: list[str], what: str, env: dict | None = None) -> str:
        result = subprocess.run(  # noqa: S603 - fixed programs, our arguments
            argv, cwd=self.dir, env=env, capture_output=True, text=True, check=False
        )
        if result.returncode:
            raise BakeryError(f"bakerydemo {what} failed:\n{result.stderr[-3000:]}")
        return result.stdout

    def env(self, base: dict, database_url: str) -> dict:
        return {
            **base,
            "DJANGO_SETTINGS_MODULE": SETTINGS,
            "DJANGO_SECRET_KEY": SECRET,
            "DATABASE_URL": database_url,
            "DJANGO_ALLOWED_HOSTS": "localhost,127.0.0.1",
        }

    def manage(self, env: dict, *args: str) -> str:
        return self._check([str(self.python), "manage.py", *args], " ".join(args[:1]), env)

    def load(self, env: dict) -> None:
        """Its schema, its demo content and search index (as its README's steps do)."""
        self.manage(env, "migrate", "--noinput")
        self.manage(env, "load_initial_data")
        self.manage(env, "update_index")

    def pages(self, env: dict) -> list[dict]:
        self.manage(env, "collectstatic", "--noinput")
        out = self.manage(env, "shell", "-c", PAGES_SCRIPT)
        return json.loads(out.rpartition("PAGES")[2])

    def gunicorn_argv(self, workers: int) -> list[str]:
        """Its gunicorn; run.py puts the port it found in place of `{port}`."""
        return [str(self.venv / "bin" / "gunicorn"), "bakerydemo.wsgi"] + [
            "--bind", "127.0.0.1:{port}", "--workers", str(workers), "--timeout", "60",
        ]  # fmt: skip
