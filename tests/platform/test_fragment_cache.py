"""The site's frame (home, menu, the network's links) is kept between renders, even
with the page cache off; a change to what it shows shows in the next render.

The kept frame's key holds the site's and the network's generations, which every
save bumps (home/frame.py): a test here fails if the key ignored them.
"""

import re

import pytest

from chapters.models import EventIndexPage
from tests.conftest import RIVERSIDE_HOST
from tests.pages import add_story, section

pytestmark = pytest.mark.django_db


def menu(client, path) -> list[str]:
    """The titles in the header's menu of the page at `path`, rendered now."""
    response = client.get(path, headers={"host": RIVERSIDE_HOST})
    assert response.status_code == 200
    found = re.search(r'<ul class="menu">(.*?)</ul>', response.text, re.S)
    return re.findall(r"<a [^>]*>([^<]*)</a>", found.group(1))


def test_a_section_unpublished_leaves_the_menu_and_returns_when_published(
    client, network, uncached
):
    story = add_story(network.riverside, "Menu watch")
    path = f"/en/stories/{story.slug}/"
    events = section(network.riverside, EventIndexPage)
    assert events.title in menu(client, path)
    assert events.title in menu(client, path)  # the second render reads the kept frame

    events.unpublish()
    assert events.title not in menu(client, "/en/")
    assert events.title not in menu(client, path)

    events.title = "Coming up"
    events.save_revision().publish()
    assert "Coming up" in menu(client, path)
    assert "Coming up" in menu(client, "/en/stories/")


def test_a_draft_section_never_shows_in_a_kept_menu(client, network, uncached):
    """A section's new title saved as a draft stays out of the menu until published."""
    events = section(network.riverside, EventIndexPage)
    assert events.title in menu(client, "/en/")
    events.title = "Draft title"
    events.save_revision()
    assert "Draft title" not in menu(client, "/en/")
