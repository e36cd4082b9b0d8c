"""Public pages run about a dozen queries, however much a chapter has published."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from home.models import Right
from tests.conftest import RIVERSIDE_HOST
from tests.pages import add_entry, add_event, add_story

pytestmark = pytest.mark.django_db
# 15, plus one on a page read in a language it is not translated into yet
# (looking for the translated home before falling back to the original).
BUDGET = 16


def grow(home, start: int, count: int) -> None:
    housing = Right.objects.get(slug="housing")
    soon = timezone.localdate() + datetime.timedelta(days=1)
    for n in range(start, start + count):
        add_story(
            home,
            f"Story {n}",
            date=datetime.date(2025, 1, 1) + datetime.timedelta(n),
            rights=[housing],
        )
        add_event(home, f"Event {n}", start_date=soon + datetime.timedelta(n), rights=[housing])
        add_entry(
            home,
            f"Entry {n}",
            period_start=1950 + n,
            rights=[housing],
            content_warning="Speaks of loss.",
        )


PAGES = [
    "/en/",
    "/en/stories/",
    "/en/stories/?right=housing&year=2025",
    "/en/stories/story-0/",
    "/en/stories/feed/",
    "/en/events/",
    "/en/events/?when=past",
    "/en/events/event-0/",
    "/en/events/feed.ics",
    "/en/events/event-0/event.ics",
    "/en/archive/",
    "/en/archive/?kind=testimony&right=housing",
    "/en/archive/entry-0/",
    "/en/archive/entry-0/?continue=1",
    "/en/archive/feed/",
    "/es/",
    "/es/stories/",
    "/es/stories/story-0/",
]


def count(client, path: str) -> int:
    client.get(path, headers={"host": RIVERSIDE_HOST})  # warm per-process caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, headers={"host": RIVERSIDE_HOST})
    assert response.status_code == 200, path
    return len(queries)


def test_query_counts_do_not_grow_with_content(client, network):
    grow(network.riverside, 0, 3)
    small = {path: count(client, path) for path in PAGES}
    grow(network.riverside, 3, 27)  # ten times as much
    large = {path: count(client, path) for path in PAGES}
    print("\nqueries per page (3 and 30 of each):", small)  # noqa: T201
    assert large == small
    assert max(small.values()) <= BUDGET, small
