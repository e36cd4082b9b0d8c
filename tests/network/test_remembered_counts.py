"""The network's counts and a right's lists are remembered between requests
(home/pagecache/remember.py) and still change the moment what they count changes:
a story published or unpublished, consent withdrawn, a chapter added, an event over.

The page cache is off (every request is rendered); the remembered values are not.
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale

from chapters.archive.consent import withdraw_consent
from chapters.archive.consent_records import consent_of
from chapters.models import (
    ChapterDirectoryPage,
    ChapterHomePage,
    NetworkEventsPage,
    NetworkStoriesPage,
)
from home.models import Right
from home.pagecache.keys import bump
from home.pagecache.remember import remembered
from home.publication import public_pages
from tests.conftest import ALLIANCE_HOST
from tests.pages import add_entry, add_event, add_story, publish

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("uncached")]


@pytest.fixture
def housing(db):
    return Right.objects.get(slug="housing", locale=Locale.get_default())


def html(client, path: str) -> str:
    response = client.get(path, headers={"host": ALLIANCE_HOST})
    assert response.status_code == 200
    return response.content.decode()


def test_a_rights_count_follows_a_story_published_and_unpublished(
    client, network, rights_page, housing
):
    add_story(network.riverside, "First", rights=[housing])
    assert "1 story" in html(client, "/en/rights/")
    second = add_story(network.hilltop, "Second", rights=[housing])
    assert "2 stories" in html(client, "/en/rights/")
    second.unpublish()
    assert "1 story" in html(client, "/en/rights/")


def test_the_rights_counts_are_read_once_until_the_network_changes(
    client, network, rights_page, housing
):
    add_story(network.riverside, "Counted", rights=[housing])
    html(client, "/en/rights/")
    with CaptureQueriesContext(connection) as again:
        html(client, "/en/rights/")
    assert not any("COUNT(" in query["sql"] for query in again.captured_queries)


def test_a_rights_page_drops_an_entry_whose_consent_is_withdrawn(
    client, network, rights_page, housing
):
    entry = add_entry(network.riverside, "Eviction testimony", rights=[housing])
    assert "Eviction testimony" in html(client, "/en/rights/housing/")
    assert "1 archive entry" in html(client, "/en/rights/")
    withdraw_consent(consent_of(entry), "The narrator asked.")
    assert "Eviction testimony" not in html(client, "/en/rights/housing/")
    assert "0 archive entries" in html(client, "/en/rights/")


def test_a_rights_page_lists_a_story_published_after_it_was_read(
    client, network, rights_page, housing
):
    assert "Rent strike" not in html(client, "/en/rights/housing/")
    add_story(network.riverside, "Rent strike", rights=[housing])
    assert "Rent strike" in html(client, "/en/rights/housing/")


def test_the_network_stories_count_follows_a_new_story(client, network):
    publish(network.alliance, NetworkStoriesPage(title="Stories", slug="stories"))
    add_story(network.riverside, "One")
    response = client.get("/en/stories/", headers={"host": ALLIANCE_HOST})
    assert response.context["stories"].paginator.count == 1
    add_story(network.hilltop, "Two")
    response = client.get("/en/stories/", headers={"host": ALLIANCE_HOST})
    assert response.context["stories"].paginator.count == 2
    assert {story.title for story in response.context["stories"]} == {"One", "Two"}


def test_the_network_events_count_follows_a_new_event(client, network):
    publish(network.alliance, NetworkEventsPage(title="Events", slug="events"))
    soon = (timezone.now() + datetime.timedelta(days=10)).date()
    add_event(network.riverside, "Assembly", start_date=soon)
    response = client.get("/en/events/", headers={"host": ALLIANCE_HOST})
    assert response.context["events"].paginator.count == 1
    add_event(network.hilltop, "Hearing", start_date=soon)
    response = client.get("/en/events/", headers={"host": ALLIANCE_HOST})
    assert response.context["events"].paginator.count == 2


def test_the_alliance_home_counts_a_new_chapter(client, network):
    from chapters.demo.generate import generate_network

    publish(network.alliance, ChapterDirectoryPage(title="Chapters", slug="chapters"))
    generate_network(7, stories=0, events=0, entries=0)
    bump(network=True)  # bulk creation sends no signals; onboarding does
    homes = ChapterHomePage.objects.filter(locale=Locale.get_default())
    total = public_pages(homes).count()
    assert f"See all {total} chapters in the directory" in html(client, "/en/")
    generate_network(2, stories=0, events=0, entries=0)
    bump(network=True)
    assert f"See all {total + 2} chapters in the directory" in html(client, "/en/")


# --- remembered itself -------------------------------------------------------------


def counter():
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    return compute, calls


def test_a_remembered_value_is_computed_once_per_generation(network):
    compute, calls = counter()
    assert remembered("test:once", compute, ALLIANCE_HOST) == 1
    assert remembered("test:once", compute, ALLIANCE_HOST) == 1
    bump([ALLIANCE_HOST])
    assert remembered("test:once", compute, ALLIANCE_HOST) == 2
    assert len(calls) == 2


def test_a_remembered_value_is_computed_again_after_its_moment(network):
    """`until`: the moment the value changes with no save (an event's end)."""
    compute, calls = counter()
    past = timezone.now() - datetime.timedelta(seconds=1)
    future = timezone.now() + datetime.timedelta(hours=1)
    assert remembered("test:over", compute, ALLIANCE_HOST, until=lambda: past) == 1
    assert remembered("test:over", compute, ALLIANCE_HOST, until=lambda: past) == 2
    assert remembered("test:ahead", compute, ALLIANCE_HOST, until=lambda: future) == 3
    assert remembered("test:ahead", compute, ALLIANCE_HOST, until=lambda: future) == 3


def test_nothing_is_remembered_with_the_fragment_cache_off(network, settings):
    settings.FRAGMENT_CACHE_TIMEOUT = 0
    compute, calls = counter()
    remembered("test:off", compute, ALLIANCE_HOST)
    remembered("test:off", compute, ALLIANCE_HOST)
    assert len(calls) == 2
