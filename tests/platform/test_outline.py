"""Every listing's headings form an outline: no level is skipped between the page's h1
and its cards' h3s, so a screen reader's list of headings shows where the cards are."""

import datetime
from html.parser import HTMLParser

import pytest
from django.utils import timezone

from chapters.models import NetworkEventsPage, NetworkStoriesPage
from tests.conftest import ALLIANCE_HOST, RIVERSIDE_HOST
from tests.pages import add_entry, add_event, add_story, publish

pytestmark = pytest.mark.django_db


class Headings(HTMLParser):
    def __init__(self):
        super().__init__()
        self.levels: list[int] = []

    def handle_starttag(self, tag, attrs):
        if len(tag) == 2 and tag[0] == "h" and tag[1] in "123456":
            self.levels.append(int(tag[1]))


def skipped_levels(html: str) -> list[str]:
    parser = Headings()
    parser.feed(html)
    levels = parser.levels
    found = [] if levels[:1] == [1] else [f"the first heading is h{levels[:1]}"]
    for before, after in zip(levels, levels[1:], strict=False):
        if after > before + 1:
            found.append(f"h{before} then h{after}")
    return found


@pytest.fixture
def listed(network):
    """One story, one upcoming event and one archive entry, in Riverside, and the
    network's stories and events pages that list them."""
    add_story(network.riverside, "Tenants win")
    add_event(
        network.riverside,
        "Water assembly",
        start_date=timezone.localdate() + datetime.timedelta(days=7),
    )
    add_entry(network.riverside, "A testimony")
    publish(network.alliance, NetworkStoriesPage(title="Stories", slug="stories"))
    publish(network.alliance, NetworkEventsPage(title="Events", slug="events"))


@pytest.mark.parametrize(
    ("host", "path"),
    [
        (RIVERSIDE_HOST, "/en/stories/"),
        (RIVERSIDE_HOST, "/en/events/"),
        (RIVERSIDE_HOST, "/en/archive/"),
        (ALLIANCE_HOST, "/en/stories/"),
        (ALLIANCE_HOST, "/en/events/"),
    ],
)
def test_a_listing_skips_no_heading_level(client, listed, host, path):
    response = client.get(path, headers={"host": host})
    assert response.status_code == 200
    assert 'class="card__title"' in response.text  # the cards are there
    assert skipped_levels(response.text) == []
