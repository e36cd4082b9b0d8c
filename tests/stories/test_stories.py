"""Stories: newest first, filterable, and followed by RSS."""

import datetime

import feedparser
import pytest

from home.models import Right
from tests.conftest import HILLTOP_HOST, RIVERSIDE_HOST
from tests.pages import add_story

pytestmark = pytest.mark.django_db


def get(client, path, host=RIVERSIDE_HOST):
    return client.get(path, headers={"host": host})


def titles(client, query=""):
    return [s.title for s in get(client, f"/en/stories/{query}").context["stories"]]


def test_index_lists_public_stories_newest_first(client, network):
    add_story(network.riverside, "Older", date=datetime.date(2024, 3, 1))
    add_story(network.riverside, "Newer", date=datetime.date(2025, 9, 1))
    add_story(network.riverside, "Unpublished", live=False)
    add_story(network.hilltop, "Hilltop news")
    assert titles(client) == ["Newer", "Older"]


def test_filters_by_right_and_year(client, network):
    housing = Right.objects.get(slug="housing")
    add_story(
        network.riverside, "Eviction defense", date=datetime.date(2025, 2, 1), rights=[housing]
    )
    add_story(network.riverside, "Water testing", date=datetime.date(2024, 2, 1))
    assert titles(client, "?right=housing") == ["Eviction defense"]
    assert titles(client, "?year=2024") == ["Water testing"]
    response = get(client, "/en/stories/")
    assert '<option value="2025">2025</option>' in response.text


def test_index_paginates(client, network):
    for n in range(12):
        add_story(network.riverside, f"Story {n:02d}", date=datetime.date(2025, 1, n + 1))
    first = get(client, "/en/stories/")
    assert len(first.context["stories"]) == 10
    assert 'href="?page=2"' in first.text
    assert titles(client, "?page=2") == ["Story 01", "Story 00"]


def test_story_page_renders_with_article_data(client, network):
    housing = Right.objects.get(slug="housing")
    story = add_story(
        network.riverside, "Right to counsel passes", authors="Ana Ruiz, Jo Kim", rights=[housing]
    )
    response = get(client, f"/en/stories/{story.slug}/")
    assert response.status_code == 200
    assert "<h1>Right to counsel passes</h1>" in response.text
    assert "Right to housing" in response.text
    assert '"@type": "Article"' in response.text
    assert '{"@type": "Person", "name": "Jo Kim"}' in response.text
    assert get(client, f"/en/stories/{story.slug}/", host=HILLTOP_HOST).status_code == 404


def test_rss_feed_parses_with_the_chapters_stories(client, network):
    add_story(network.riverside, "Water win", date=datetime.date(2025, 6, 2))
    add_story(network.riverside, "Draft", live=False)
    response = get(client, "/en/stories/feed/")
    assert response["Content-Type"].startswith("application/rss+xml")
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0
    assert feed.feed.title == "Riverside: Stories"
    assert [entry.title for entry in feed.entries] == ["Water win"]
    assert feed.entries[0].link == "http://riverside.localhost/en/stories/water-win/"
    assert feed.entries[0].published_parsed[:3] == (2025, 6, 2)
    assert 'type="application/rss+xml"' in get(client, "/en/stories/").text


def test_the_principles_picker_groups_checkboxes_by_set_in_the_pages_language(login, network):
    """26 bare titles in a multi-select did not say whose "Listen first" it is, and
    offered every language's copy: now checkboxes under their set's name, in the
    story's language only; the chosen ones are saved."""
    import re

    from wagtail.models import Locale
    from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

    from chapters.models import StoryIndexPage, StoryPage
    from home.models import Principle, PrincipleSet
    from tests.pages import section

    en, es = Locale.objects.get(language_code="en"), Locale.objects.get(language_code="es")
    jemez = PrincipleSet.objects.create(title="Jemez Principles", year=1996, locale=en)
    inclusive = Principle.objects.create(
        principle_set=jemez, sort_order=1, title="Be inclusive", statement="All.", locale=en
    )
    theirs = PrincipleSet.objects.create(title="Principios de prueba", year=2020, locale=es)
    Principle.objects.create(
        principle_set=theirs, title="Escuchar primero", statement="Primero.", locale=es
    )
    url = f"/admin/pages/add/chapters/storypage/{section(network.riverside, StoryIndexPage).pk}/"
    client = login("riverside-editor")
    html = client.get(url, headers={"host": "localhost"}).content.decode()
    assert not re.search(r'<select[^>]*name="related_principles"', html)
    boxes = re.findall(r'<input type="checkbox" name="related_principles" value="(\d+)"', html)
    listen = Principle.objects.get(title="Listen first")
    english = Principle.objects.filter(locale=en).values_list("pk", flat=True)
    assert sorted(map(int, boxes)) == sorted(english) and inclusive.pk in english
    text = re.sub(r"<[^>]+>", " ", html)
    order = [text.index(words) for words in ("Jemez Principles", "Be inclusive")]
    assert order == sorted(order)
    assert "Test Principles for Organizing" in text and "Escuchar primero" not in text

    data = nested_form_data(
        {
            "title": "Picked",
            "slug": "picked",
            "date": "2025-05-01",
            "summary": "Two principles.",
            "body": streamfield([("paragraph", rich_text("<p>Text.</p>"))]),
        }
    )
    data["related_principles"] = [str(listen.pk), str(inclusive.pk)]
    response = client.post(url, data, headers={"host": "localhost"})
    assert response.status_code == 302, response.context["form"].errors
    story = StoryPage.objects.get(slug="picked").get_latest_revision_as_object()
    assert set(story.related_principles.all()) == {listen, inclusive}
