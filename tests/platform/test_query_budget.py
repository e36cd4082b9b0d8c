"""Every public page of a chapter's site runs at most ten queries, however much the
chapter has published and however many chapters the network has."""

import datetime

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from chapters.lifecycle.onboarding import onboard_chapter
from chapters.models import StoryPage
from home.blocks import BodyBlock
from home.models import Principle, Right, StandardPage
from tests.conftest import RIVERSIDE_HOST
from tests.pages import add_entry, add_event, add_story, publish, translate

pytestmark = pytest.mark.django_db
# The site and its settings, the page (routed in two queries: home/routing.py), the
# page's frame (menu, language switcher, network links: home/frame.py) and what the
# page itself shows; one more under /es/ (the translated home, before routing).
BUDGET = 10


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
    "/es/stories/historia-1/",
    # Not translated: shown in English under /es/, with a notice.
    "/es/stories/story-0/",
    "/es/events/event-0/",
    "/es/archive/entry-0/?continue=1",
    "/en/principles/",
    "/es/principles/",
    "/en/search/",
    "/en/search/?query=story",
    "/es/search/?query=story",
    "/en/share-your-story/",
    "/en/get-involved/",
    "/sitemap.xml",
    "/robots.txt",
]
NOT_FOUND = ["/en/no-such-page/", "/es/stories/no-such-story/"]


def principles_page(home) -> None:
    """A chapter's page of the principles it works by (a principle block)."""
    principle = Principle.objects.get(title="Listen first")
    body = BodyBlock().to_python([{"type": "principle", "value": {"principle": principle.pk}}])
    publish(home, StandardPage(title="Principles", slug="principles", body=body))


def count(client, path: str, status: int = 200) -> int:
    client.get(path, headers={"host": RIVERSIDE_HOST})  # warm per-process caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, headers={"host": RIVERSIDE_HOST})
    assert response.status_code == status, path
    return len(queries)


def counts(client) -> dict[str, int]:
    found = {path: count(client, path) for path in PAGES}
    return found | {path: count(client, path, 404) for path in NOT_FOUND}


@override_settings(PAGE_CACHE_TIMEOUT=0)
def test_query_counts_do_not_grow_with_content_or_chapters(client, network):
    grow(network.riverside, 0, 3)
    principles_page(network.riverside)
    translate(StoryPage.objects.get(slug="story-1"), title="Historia 1", slug="historia-1")
    small = counts(client)
    grow(network.riverside, 3, 27)  # ten times as much
    onboard_chapter(name="Lakeside", hostname="lakeside.localhost")  # and another chapter
    large = counts(client)
    print("\nqueries per page (3 and 30 of each):", small)  # noqa: T201
    assert large == small
    assert max(small.values()) <= BUDGET, small
