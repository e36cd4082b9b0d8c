"""The benchmark (`manage.py benchmark_network`): it names a bad argument, finds one
page of every public type, and counts a server's CPU over the requests wrk made.

The full run (a cluster, gunicorn on production settings, bakerydemo) takes minutes
and is run by hand; these check its parts on real processes in a few seconds.
"""

import datetime
import re
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from chapters.demo.benchmark.inside import count_queries, pages
from chapters.demo.benchmark.processes import cpu_seconds, free_port, start, wait_for_http
from chapters.demo.benchmark.report import Row, Table, render
from chapters.demo.benchmark.wrk import run_wrk
from chapters.models import ChapterDirectoryPage, NetworkEventsPage, NetworkStoriesPage, RightsPage
from tests.conftest import ALLIANCE_HOST, RIVERSIDE_HOST
from tests.pages import add_entry, add_event, add_story, publish
from tests.platform.spin_wsgi import SPIN_SECONDS

PAGES = [
    "Alliance home", "directory", "network stories", "network events", "network search",
    "rights page", "chapter home", "story index", "story", "event index", "event",
    "archive index", "archive entry", "chapter search", "sitemap", "feed", "get involved",
    "event registration",
]  # fmt: skip
NETWORK_PAGES = [
    (ChapterDirectoryPage, "chapters"),
    (NetworkStoriesPage, "stories"),
    (NetworkEventsPage, "events"),
    (RightsPage, "rights"),
]


@pytest.mark.parametrize(
    ("arguments", "named"),
    [
        (["--sizes", "demo,0"], "--sizes: '0'"),
        (["--sizes", "demo,lots"], "--sizes: 'lots'"),
        (["--sizes", ","], "--sizes"),
        (["--seconds", "0"], "--seconds"),
        (["--connections", "0"], "--connections"),
        (["--bakerydemo", "/nonexistent"], "--bakerydemo: /nonexistent"),
    ],
)
def test_a_bad_argument_is_named(arguments, named):
    with pytest.raises(CommandError, match=named.replace("/", ".")):
        call_command("benchmark_network", *arguments)


@pytest.mark.django_db
def test_it_finds_one_page_of_each_type_and_counts_its_queries(network):
    for model, slug in NETWORK_PAGES:
        publish(network.alliance, model(title=slug.title(), slug=slug))
    add_story(network.riverside, "Water hearing")
    add_event(network.riverside, "Assembly", start_date=datetime.date.today())
    soon = datetime.date.today() + datetime.timedelta(days=3)
    taking = add_event(network.riverside, "Supper", start_date=soon, takes_registrations=True)
    add_entry(network.riverside, "Warned testimony", content_warning="Eviction")
    add_entry(network.riverside, "Open testimony")  # wrk reads no content warning
    found = count_queries(pages(), warm=False)
    assert [page["label"] for page in found] == PAGES
    hosts = {page["label"]: page["host"] for page in found}
    assert hosts["Alliance home"] == ALLIANCE_HOST and hosts["story"] == RIVERSIDE_HOST
    paths = {page["label"]: page["path"] for page in found}
    assert paths["archive entry"] == "/en/archive/open-testimony/"
    assert paths["feed"] == "/en/stories/feed/"
    assert paths["event registration"] == f"/en/event-registration/{taking.pk}/"
    assert all(page["queries"] > 0 for page in found)  # and each answered 200


def test_a_gunicorn_servers_cpu_counts_every_worker_over_the_requests_wrk_made(tmp_path):
    """Two workers each spend at least SPIN_SECONDS of CPU per request: the CPU counted
    for the master's tree is at least that per request wrk completed."""
    port = free_port()
    argv = [sys.executable, "-m", "gunicorn", "tests.platform.spin_wsgi"]
    argv += ["--bind", f"127.0.0.1:{port}", "--workers", "2"]
    server = start("spin", argv, log=tmp_path / "spin.log", env={"PATH": "/usr/bin"},
                   cwd=settings.BASE_DIR, port=port)  # fmt: skip
    try:
        wait_for_http(server, "localhost")
        before = cpu_seconds(server.pid)
        load = run_wrk(f"http://127.0.0.1:{port}/", "localhost", seconds=1, connections=2)
        spent = cpu_seconds(server.pid) - before
    finally:
        server.stop()
    assert load.requests > 10 and load.errors == 0
    assert load.rate > 0 and 0 < load.p50_ms <= load.p99_ms
    assert spent >= SPIN_SECONDS * load.requests


def test_the_cpu_of_a_child_that_ended_still_counts():
    """As a PostgreSQL backend that closed: its time is in its parent's, once reaped."""
    burn = "import time\nt = time.process_time()\nwhile time.process_time() - t < 0.1: pass"
    parent = (
        f"import subprocess, sys; subprocess.run([sys.executable, '-c', {burn!r}]); "
        "print('ended', flush=True); sys.stdin.read()"
    )
    process = subprocess.Popen(  # noqa: S603 - this Python, fixed code
        [sys.executable, "-c", parent], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout.readline() == "ended\n"
        assert cpu_seconds(process.pid) >= 0.1
    finally:
        process.kill()
        process.wait()


def test_the_ratio_to_bakerydemo_is_ours_over_theirs_per_like_page():
    def row(page, web, db):
        return Row(page, "", 10, web, db, 0, 1, 2, 12, 5)

    ours = Table("ours", "demo", False, rows=[row("Alliance home", 10, 2), row("story", 4, 1)])
    theirs = Table(
        "bakerydemo", "its demo data", False, rows=[row("home", 30, 6), row("blog post", 12, 3)]
    )
    text = render([ours], theirs, markdown=False)
    ratios = text.split("ours ÷ bakerydemo")[1].splitlines()
    rows = [re.split(r"\s{2,}", line.strip()) for line in ratios[2:]]
    assert rows == [
        ["Alliance home", "10.0 + 2.0", "home", "30.0 + 6.0", "0.33", "0.33"],
        ["story", "4.0 + 1.0", "blog post", "12.0 + 3.0", "0.33", "0.33"],
    ]
