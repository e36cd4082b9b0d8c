"""Browse by right: the rights index and one page per right, across the network."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale

from home.models import Resource, Right
from tests.conftest import RIVERSIDE_HOST
from tests.meta_tags import meta, sitemap
from tests.pages import add_entry, add_event, add_story

HOST = {"host": "localhost"}
SOON = timezone.localdate() + datetime.timedelta(days=30)


@pytest.fixture
def housing(db):
    return Right.objects.get(slug="housing", locale=Locale.get_default())


def get(client, path):
    return client.get(path, headers=HOST)


def test_a_rights_page_lists_tagged_public_content_from_every_chapter(
    client, network, rights_page, housing
):
    add_story(network.riverside, "Riverside rent strike", rights=[housing])
    add_story(network.hilltop, "Hilltop tenants organize", rights=[housing])
    add_story(network.riverside, "Untagged story")
    add_story(network.hilltop, "Draft housing story", rights=[housing], live=False)
    add_event(network.hilltop, "Housing assembly", start_date=SOON, rights=[housing])
    add_event(network.riverside, "Untagged meeting", start_date=SOON)
    add_entry(network.riverside, "Eviction testimony", rights=[housing])
    add_entry(network.hilltop, "Withheld testimony", rights=[housing], consent_status="pending")
    add_entry(network.hilltop, "Members only testimony", rights=[housing], consent_scope="members")

    response = get(client, "/en/rights/housing/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Right to housing" in html
    assert "International Covenant on Economic, Social and Cultural Rights" in html
    assert "Article 11" in html
    for title in [
        "Riverside rent strike",
        "Hilltop tenants organize",
        "Housing assembly",
        "Eviction testimony",
    ]:
        assert title in html
    assert "Chapter: Riverside" in html and "Chapter: Hilltop" in html
    for title in [
        "Untagged story",
        "Draft housing story",
        "Untagged meeting",
        "Withheld testimony",
        "Members only testimony",
    ]:
        assert title not in html


def test_stories_are_latest_first(client, network, rights_page, housing):
    add_story(network.riverside, "Older", date=datetime.date(2020, 1, 1), rights=[housing])
    add_story(network.hilltop, "Newer", date=datetime.date(2024, 1, 1), rights=[housing])
    html = get(client, "/en/rights/housing/").content.decode()
    assert html.index("Newer") < html.index("Older")


def test_resources_match_the_rights_slug_or_name(client, rights_page, housing):
    by_slug = Resource.objects.create(title="Housing by slug", locale=housing.locale)
    by_slug.topics.add("housing")
    by_slug.save()
    by_name = Resource.objects.create(title="Housing by name", locale=housing.locale)
    by_name.topics.add("Right to housing")
    by_name.save()
    other = Resource.objects.create(title="About water", locale=housing.locale)
    other.topics.add("water")
    other.save()
    html = get(client, "/en/rights/housing/").content.decode()
    assert "Housing by slug" in html and "Housing by name" in html
    assert "About water" not in html


def test_the_index_shows_every_right_with_its_source_and_counts(
    client, network, rights_page, housing
):
    add_story(network.riverside, "Counted one", rights=[housing])
    add_story(network.hilltop, "Counted two", rights=[housing])
    add_story(network.hilltop, "Not counted", rights=[housing], live=False)
    add_entry(network.riverside, "Counted entry", rights=[housing])
    add_entry(network.riverside, "Hidden entry", rights=[housing], consent_status="withdrawn")
    html = get(client, "/en/rights/").content.decode()
    assert "Right to housing" in html and 'href="/en/rights/housing/"' in html
    assert "International Covenant on Economic, Social and Cultural Rights, Article 11" in html
    assert "2 stories" in html
    assert "0 upcoming events" in html
    assert "1 archive entry" in html


def test_an_unknown_right_is_not_found(client, rights_page):
    assert get(client, "/en/rights/no-such-right/").status_code == 404


def test_empty_sections_say_so(client, rights_page):
    html = get(client, "/en/rights/housing/").content.decode()
    assert "No stories about this right yet." in html
    assert "No upcoming events about this right." in html


def test_spanish_readers_see_the_rights_spanish_name(client, network, rights_page, housing):
    spanish = Locale.objects.get(language_code="es")
    vivienda = housing.copy_for_translation(spanish)
    vivienda.name = "Derecho a la vivienda"
    vivienda.save()
    translated = rights_page.copy_for_translation(spanish, copy_parents=True)
    translated.title = "Explorar por derecho"
    translated.save_revision().publish()
    add_story(network.riverside, "Tagged in English", rights=[housing])

    response = get(client, "/es/rights/housing/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Derecho a la vivienda" in html
    assert "Tagged in English" in html
    index = get(client, "/es/rights/").content.decode()
    assert "Derecho a la vivienda" in index and "Right to housing" not in index


def _queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        assert get(client, path).status_code == 200
    return len(queries)


@pytest.mark.usefixtures("uncached")  # counts what a render costs
def test_query_count_does_not_grow_with_content(client, network, rights_page, housing):
    def add(n):
        for home in (network.riverside, network.hilltop):
            add_story(home, f"Story {n} {home.title}", rights=[housing])
            add_event(home, f"Event {n} {home.title}", start_date=SOON, rights=[housing])
            add_entry(home, f"Entry {n} {home.title}", rights=[housing])
        resource = Resource.objects.create(title=f"Reading {n}", locale=housing.locale)
        resource.topics.add("housing")
        resource.save()

    def count() -> dict:
        return {path: _queries(client, path) for path in paths}

    paths = ["/en/rights/", "/en/rights/housing/"]
    count()  # warm per-process caches
    add(1)
    # The first render after a change reads the counts and lists the pages remember
    # (home/pagecache/remember.py), the next reads none: neither grows with content.
    first_small, small = count(), count()
    for n in range(2, 6):
        add(n)
    first_large, large = count(), count()
    assert small == large
    assert first_small == first_large
    assert large["/en/rights/"] <= 25 and large["/en/rights/housing/"] <= 30


def test_a_rights_page_is_its_own_address_in_every_language(client, network, rights_page, housing):
    """Canonical, og:url, hreflang, the language switcher and the sitemap name the right's
    own page, with the right's slug in each language; another language's slug leads there."""
    spanish = Locale.objects.get(language_code="es")
    vivienda = housing.copy_for_translation(spanish)
    vivienda.name, vivienda.slug = "Derecho a la vivienda", "vivienda"
    vivienda.save()
    translated = rights_page.copy_for_translation(spanish, copy_parents=True)
    translated.save_revision().publish()
    english = "http://localhost/en/rights/housing/"
    spanish_url = "http://localhost/es/rights/vivienda/"

    for url, other, other_code in [(english, spanish_url, "es"), (spanish_url, english, "en")]:
        html = get(client, url.removeprefix("http://localhost")).content.decode()
        assert f'<link rel="canonical" href="{url}">' in html
        assert meta(html, "property", "og:url") == url
        assert f'<link rel="alternate" hreflang="{other_code}" href="{other}">' in html
        switch = other.removeprefix("http://localhost")
        assert f'<a href="{switch}" lang="{other_code}" hreflang="{other_code}">' in html
    assert "<title>Derecho a la vivienda" in get(client, "/es/rights/vivienda/").content.decode()
    # A Spanish reader following an English link lands on the Spanish address.
    response = get(client, "/es/rights/housing/")
    assert response.status_code == 302 and response["Location"] == "/es/rights/vivienda/"

    urls = sitemap(client, "localhost")
    alternates = {"en": english, "es": spanish_url, "x-default": english}
    assert urls[english] == alternates and urls[spanish_url] == alternates


def _spanish_rights(housing, rights_page):
    """Housing and browse by right in Spanish (the Alliance home with them)."""
    spanish = Locale.objects.get(language_code="es")
    vivienda = housing.copy_for_translation(spanish)
    vivienda.name = "Derecho a la vivienda"
    vivienda.save()
    translated = rights_page.copy_for_translation(spanish, copy_parents=True)
    translated.slug = "derechos"
    translated.save_revision().publish()


@pytest.mark.parametrize(
    ("language", "name", "href"),
    [
        ("en", "Right to housing", "http://localhost/en/rights/housing/"),
        ("es", "Derecho a la vivienda", "http://localhost/es/derechos/housing/"),
    ],
)
def test_a_chapter_pages_rights_link_to_their_pages_on_the_alliance_site(
    client, network, rights_page, housing, language, name, href
):
    """A reader of a story, an event or an archive entry follows one of its rights to
    what the whole network does about it, in the language they are reading."""
    _spanish_rights(housing, rights_page)
    add_story(network.riverside, "Rent strike", rights=[housing])
    add_event(network.riverside, "Tenants meet", start_date=SOON, rights=[housing])
    add_entry(network.riverside, "Eviction testimony", rights=[housing])
    for path in ("stories/rent-strike/", "events/tenants-meet/", "archive/eviction-testimony/"):
        response = client.get(f"/{language}/{path}?continue=1", headers={"host": RIVERSIDE_HOST})
        assert f'<a class="tag" href="{href}">{name}</a>' in response.text, path


@pytest.mark.parametrize(
    ("language", "alliance", "rights"),
    [
        ("en", "http://localhost/en/", "http://localhost/en/rights/"),
        ("es", "http://localhost/es/", "http://localhost/es/derechos/"),
    ],
)
def test_every_chapter_page_links_to_the_alliance_and_browse_by_right(
    client, network, rights_page, housing, language, alliance, rights
):
    _spanish_rights(housing, rights_page)
    footer = client.get(f"/{language}/", headers={"host": RIVERSIDE_HOST}).text
    footer = footer[footer.index('<footer class="site-footer">') :]
    assert f'href="{alliance}"' in footer
    assert f'href="{rights}"' in footer
