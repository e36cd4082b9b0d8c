"""What a person does on the demo's SQLite that PostgreSQL never shows: run by
tests/platform/test_sqlite_smoke.py in `manage.py shell` on the loaded demo database,
one process for all of it (Django starts once). `report()` says one line per check."""

import multiprocessing
import sqlite3

from django.db import connection, connections, transaction
from django.test import Client

from home.models import Principle, Resource, Right

DEMO_PASSWORD = "demo-password"  # noqa: S105 - the demo's, see chapters/demo/people.py


def searches(chapter_host: str) -> list[str]:
    """A quote in a search was an unterminated FTS5 string: a 500 everywhere one searches."""
    client = Client()
    lines = []
    for host, url in [
        (chapter_host, '/en/search/?query="water'),
        ("localhost", '/en/search/?query=water" OR "'),
        (chapter_host, '/api/v2/pages/?search="water'),
        (chapter_host, '/api/v2/images/?search="'),
    ]:
        lines.append(f"search {client.get(url, headers={'host': host}).status_code} {url}")
    return lines


def admin_searches() -> list[str]:
    """The admin's search of the shared snippets asked SQLite for a column per field."""
    client = Client()
    form = {"username": "alliance-editor", "password": DEMO_PASSWORD}
    assert client.post("/admin/login/", form, headers={"host": "localhost"}).status_code == 302
    principle = Principle.objects.order_by("pk").first()
    resource = Resource.objects.order_by("pk").first()
    right = Right.objects.order_by("pk").first()
    lines = []
    for model, item, query in [
        ("principle", principle.title, principle.statement.split()[-1]),
        ("resource", resource.title, resource.authors.split(",")[0]),
        ("right", right.name, right.name.split()[-1]),
        ("resource", resource.title, '"'),
    ]:
        url = f"/admin/snippets/home/{model}/"
        response = client.get(url, {"q": query}, headers={"host": "localhost"})
        found = item in response.text if query != '"' else True
        lines.append(f"admin {model} {response.status_code} {found}")
    return lines


def write_lock_taken(path: str) -> bool:
    """Whether another connection holds SQLite's write lock now (asks without waiting)."""
    probe = sqlite3.connect(path, timeout=0)
    try:
        probe.execute("BEGIN IMMEDIATE")
        probe.execute("ROLLBACK")
        return False
    except sqlite3.OperationalError:
        return True
    finally:
        probe.close()


def first_editor(pk, events, results) -> None:
    """Reads, lets the second editor begin, then writes: in one transaction, as Wagtail's
    saves do (they read the page, its revisions and its locks before writing)."""
    try:
        with transaction.atomic():
            right = Right.objects.get(pk=pk)
            events["first read"].set()
            events["second began"].wait(30)
            right.description = "first"
            right.save()
        results.put("first saved")
    except Exception as error:  # noqa: BLE001 - the parent prints what each editor saw
        results.put(f"first: {error}")


def second_editor(pk, events, results, path) -> None:
    """Begins while the first editor's transaction is open. With SQLite's default
    (DEFERRED) transactions both have read and both try to write, and SQLite refuses
    one at once ("database is locked"); with IMMEDIATE the first holds the write lock
    from its start and this one waits for its commit."""
    try:
        events["first read"].wait(30)
        if write_lock_taken(path):  # this save will wait for the first's commit
            events["second began"].set()
        with transaction.atomic():
            right = Right.objects.get(pk=pk)
            events["second began"].set()
            right.description = "second"
            right.save()
        results.put("second saved")
    except Exception as error:  # noqa: BLE001
        results.put(f"second: {error}")


def concurrent_saves() -> str:
    path = connection.settings_dict["NAME"]
    pks = list(Right.objects.order_by("pk").values_list("pk", flat=True)[:2])
    connections.close_all()  # each editor's process opens its own connection
    context = multiprocessing.get_context("fork")
    events = {"first read": context.Event(), "second began": context.Event()}
    results = context.Queue()
    editors = [
        context.Process(target=first_editor, args=(pks[0], events, results)),
        context.Process(target=second_editor, args=(pks[1], events, results, path)),
    ]
    for process in editors:
        process.start()
    outcomes = sorted(results.get(timeout=60) for _ in editors)
    for process in editors:
        process.join()
    kept = Right.objects.filter(pk__in=pks).order_by("pk").values_list("description", flat=True)
    return f"saves: {', '.join(outcomes)}; kept: {', '.join(kept)}"


def report(chapter_host: str) -> str:
    return "\n".join([*searches(chapter_host), *admin_searches(), concurrent_saves()])
