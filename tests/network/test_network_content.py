"""The Alliance's network pages: every chapter's public stories and events, and their feeds."""

import datetime
import re

import feedparser
import icalendar
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from chapters.models import NetworkEventsPage, NetworkStoriesPage
from home.models import Right
from tests.conftest import ALLIANCE_HOST
from tests.pages import add_event, add_story, publish

# These tests read the listings' template context: every request is rendered.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("uncached")]


@pytest.fixture
def pages(network):
    stories = publish(network.alliance, NetworkStoriesPage(title="Stories", slug="stories"))
    events = publish(network.alliance, NetworkEventsPage(title="Events", slug="events"))
    return stories, events


def get(client, path):
    return client.get(path, headers={"host": ALLIANCE_HOST})


def story_titles(client, query=""):
    return [s.title for s in get(client, f"/en/stories/{query}").context["stories"]]


def event_titles(client, query=""):
    return [e.title for e in get(client, f"/en/events/{query}").context["events"]]


def soon(days):
    return (timezone.now() + datetime.timedelta(days=days)).date()


def test_stories_of_every_chapter_newest_first_with_their_chapter(client, network, pages):
    add_story(network.riverside, "River news", date=datetime.date(2025, 3, 1))
    add_story(network.hilltop, "Hill news", date=datetime.date(2025, 4, 1))
    add_story(network.riverside, "Draft story", live=False)
    response = get(client, "/en/stories/")
    assert response.status_code == 200
    assert story_titles(client) == ["Hill news", "River news"]
    assert "From Riverside" in response.text and "From Hilltop" in response.text
    assert "Draft story" not in response.text
    assert 'type="application/rss+xml"' in response.text


def test_stories_filter_by_chapter_and_right(client, network, pages):
    housing = Right.objects.get(slug="housing")
    add_story(network.riverside, "Eviction defense", rights=[housing])
    add_story(network.hilltop, "Hill water")
    assert story_titles(client, "?right=housing") == ["Eviction defense"]
    assert story_titles(client, "?chapter=hilltop") == ["Hill water"]
    assert story_titles(client, f"?chapter={network.riverside.pk}") == ["Eviction defense"]
    assert story_titles(client, "?chapter=hilltop&right=housing") == []
    assert "No stories match these filters yet." in get(client, "/en/stories/?chapter=x").text


def test_stories_paginate(client, network, pages):
    for n in range(12):
        add_story(network.hilltop, f"Story {n:02d}", date=datetime.date(2025, 1, n + 1))
    first = get(client, "/en/stories/")
    assert len(first.context["stories"]) == 10
    assert 'href="?page=2"' in first.text
    assert story_titles(client, "?page=2") == ["Story 01", "Story 00"]


def test_rss_and_atom_feeds_link_to_each_chapters_site(client, network, pages):
    add_story(network.riverside, "River win", date=datetime.date(2025, 6, 2))
    add_story(network.hilltop, "Hill win", date=datetime.date(2025, 6, 1))
    add_story(network.hilltop, "Hill draft", live=False)
    for route, content_type in [
        ("feed/", "application/rss+xml"),
        ("atom/", "application/atom+xml"),
    ]:
        response = get(client, f"/en/stories/{route}")
        assert response["Content-Type"].startswith(content_type)
        feed = feedparser.parse(response.content)
        assert feed.bozo == 0
        assert [e.title for e in feed.entries] == ["River win", "Hill win"]
        assert [e.link for e in feed.entries] == [
            "http://riverside.localhost/en/stories/river-win/",
            "http://hilltop.localhost/en/stories/hill-win/",
        ]


def test_events_upcoming_and_past_from_every_chapter(client, network, pages):
    add_event(network.riverside, "River meeting", start_date=soon(3))
    add_event(network.hilltop, "Hill potluck", start_date=soon(5), time_zone="America/Denver")
    add_event(network.hilltop, "Hill past", start_date=soon(-5))
    add_event(network.riverside, "River draft", start_date=soon(4), live=False)
    response = get(client, "/en/events/")
    assert event_titles(client) == ["River meeting", "Hill potluck"]
    assert "From Riverside" in response.text and "From Hilltop" in response.text
    assert "MDT" in response.text or "MST" in response.text
    assert event_titles(client, "?when=past") == ["Hill past"]
    assert event_titles(client, "?chapter=hilltop") == ["Hill potluck"]


def test_events_filter_by_right_and_paginate(client, network, pages):
    housing = Right.objects.get(slug="housing")
    add_event(network.riverside, "Tenant clinic", start_date=soon(2), rights=[housing])
    for n in range(11):
        add_event(network.hilltop, f"Meet {n:02d}", start_date=soon(10 + n))
    assert event_titles(client, "?right=housing") == ["Tenant clinic"]
    assert len(event_titles(client)) == 10
    assert event_titles(client, "?page=2") == ["Meet 09", "Meet 10"]


def test_network_calendar_has_events_of_both_chapters(client, network, pages):
    add_event(network.riverside, "River meeting", start_date=soon(3))
    add_event(network.hilltop, "Hill potluck", start_date=soon(5), time_zone="America/Denver")
    add_event(network.hilltop, "Hill draft", start_date=soon(6), live=False)
    response = get(client, "/en/events/feed.ics")
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    events = {str(e["summary"]): e for e in calendar.walk("VEVENT")}
    assert set(events) == {"River meeting", "Hill potluck"}
    assert str(events["Hill potluck"]["url"]).startswith("http://hilltop.localhost/en/events/")
    assert events["Hill potluck"]["dtstart"].dt.tzinfo.key == "America/Denver"


def test_alliance_home_shows_latest_story_and_next_event(client, network, pages):
    add_story(network.riverside, "Fresh story", date=datetime.date(2026, 1, 1))
    add_event(network.hilltop, "Next gathering", start_date=soon(2))
    response = get(client, "/en/")
    assert "Fresh story" in response.text
    assert "Next gathering" in response.text
    assert 'href="/en/stories/"' in response.text and 'href="/en/events/"' in response.text


def count_queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = get(client, path)
    assert response.status_code == 200
    return len(queries)


PATHS = ["/en/stories/", "/en/stories/feed/", "/en/stories/atom/", "/en/events/"]
PATHS += ["/en/events/feed.ics", "/en/"]


def test_query_counts_do_not_grow_with_content(client, network, pages):
    def add(n, start):
        for home in (network.riverside, network.hilltop):
            for i in range(start, start + n):
                add_story(home, f"{home.title} story {i}")
                add_event(home, f"{home.title} event {i}", start_date=soon(1 + i))

    add(3, 0)
    for path in PATHS:
        get(client, path)  # warm per-process caches
    small = {path: count_queries(client, path) for path in PATHS}
    add(17, 3)
    # The first render after a change reads the network's counts again (remembered
    # until the next change, home/pagecache/remember.py); the same with more content.
    first = {path: count_queries(client, path) for path in PATHS}
    large = {path: count_queries(client, path) for path in PATHS}
    assert small == large
    assert all(first[path] <= large[path] + 3 for path in PATHS)
    assert max(small.values()) < 40


def test_a_draft_translation_of_a_chapter_home_never_names_the_chapter(client, network):
    """Translating a story also makes draft copies of its parents; the draft home's
    title must not appear as the story's chapter."""
    from wagtail.models import Locale

    from chapters.demo.network_pages import load_network_pages

    load_network_pages()
    story = add_story(network.hilltop, "Quarry walk")
    spanish = story.copy_for_translation(Locale.objects.get(language_code="es"), copy_parents=True)
    spanish.title = "Caminata"
    spanish.save_revision().publish()
    from chapters.models import ChapterHomePage

    home = ChapterHomePage.objects.get(
        translation_key=network.hilltop.translation_key, locale__language_code="es"
    )
    assert spanish.path.startswith(home.path)
    ChapterHomePage.objects.filter(pk=home.pk).update(
        title="Zqx draft home", draft_title="Zqx draft home", live=False
    )
    for path in ("/es/stories/", "/es/", "/es/search/?query=caminata"):
        html = client.get(path, headers={"host": "localhost"}).content.decode()
        assert "Zqx draft home" not in html, path


def test_upcoming_events_show_where_they_are_on_the_map(client, network, pages):
    add_event(network.riverside, "River supper", start_date=soon(3))
    add_event(network.riverside, "River march", start_date=soon(4))
    add_event(network.hilltop, "Hill supper", start_date=soon(5))
    events = "/en/events/"
    assert "outline-map" not in get(client, events).text  # no chapter is located yet
    home = network.riverside
    home.latitude, home.longitude = 39.96, -82.99
    home.save_revision().publish()
    text = get(client, events).text
    # Riverside's dot: its two events, linked to the list of only its events.
    assert re.search(
        rf'<a class="outline-map__point" href="\?chapter={home.pk}">\s*<title>Riverside: 2 events',
        text,
    )
    assert text.count('class="outline-map__point"') == 1  # Hilltop has no coordinates
    assert "outline-map" not in get(client, f"{events}?when=past").text
