"""The dashboard a chapter's people start from: add a story, an event or an archive
entry in one click, their own drafts, and (for moderators) how many people joined."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from chapters.models import Chapter, Supporter
from tests.conftest import ALLIANCE_HOST
from tests.pages import add_story

pytestmark = pytest.mark.django_db
ADMIN = {"host": ALLIANCE_HOST}


def draft_by(home, title, username):
    story = add_story(home, title, live=False)
    story.save_revision(user=get_user_model().objects.get(username=username))
    return story


def test_an_editor_starts_from_their_chapter_and_their_own_drafts(client, network, login):
    mine = draft_by(network.riverside, "Zanzibar draft of mine", "riverside-editor")
    draft_by(network.riverside, "Zanzibar draft of the moderator", "riverside-moderator")
    draft_by(network.hilltop, "Zanzibar draft of Hilltop", "hilltop-editor")
    login("riverside-editor")
    dashboard = client.get("/admin/", headers=ADMIN).text
    assert "Riverside" in dashboard and "Add a story" in dashboard
    assert "Add an event" in dashboard and "Add an archive entry" in dashboard
    assert f"/admin/pages/{mine.pk}/edit/" in dashboard
    assert "Zanzibar draft of the moderator" not in dashboard
    assert "Zanzibar draft of Hilltop" not in dashboard and "Hilltop" not in dashboard
    assert "joined the chapter" not in dashboard  # people are the moderators' to see
    # The add link opens the story form under the chapter's stories.
    add = re.search(r'href="([^"]+)">Add a story<', dashboard).group(1)
    assert client.get(add, headers=ADMIN).status_code == 200


def test_a_moderator_sees_how_many_people_joined(client, network, login):
    riverside = Chapter.objects.get(home__title="Riverside")
    for n, confirmed in enumerate([timezone.now(), timezone.now(), None]):
        Supporter.objects.create(
            chapter=riverside,
            name=f"Person {n}",
            email=f"p{n}@example.org",
            language="en",
            consent_wording="I agree.",
            consented_at=timezone.now(),
            confirmed_at=confirmed,
        )
    login("riverside-moderator")
    assert "2 people have joined the chapter" in client.get("/admin/", headers=ADMIN).text
    login("alliance-editor")
    assert "joined the chapter" not in client.get("/admin/", headers=ADMIN).text
