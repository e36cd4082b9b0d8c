"""Search engines and sharing: sitemap.xml and robots.txt per site, OpenGraph, JSON-LD."""

import datetime
import re

import pytest
from django.contrib.staticfiles import finders
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale

from tests.conftest import ALLIANCE_HOST, HILLTOP_HOST, RIVERSIDE_HOST
from tests.files.chapter_files import image_in
from tests.meta_tags import json_ld, meta, sitemap
from tests.pages import add_entry, add_event, add_story, chapter

pytestmark = pytest.mark.django_db


def translate(page, **fields):
    translated = page.copy_for_translation(
        Locale.objects.get(language_code="es"), copy_parents=True
    )
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    return translated


def test_sitemap_lists_only_the_sites_public_pages(client, network):
    add_story(network.riverside, "Rent strike")
    add_story(network.riverside, "Unfinished story", live=False)
    add_entry(network.riverside, "Pending memory", consent_status="pending")
    add_story(network.hilltop, "Hilltop harvest")

    riverside = sitemap(client, RIVERSIDE_HOST)
    assert "http://riverside.localhost/en/" in riverside
    assert "http://riverside.localhost/en/stories/rent-strike/" in riverside
    assert not any("unfinished-story" in url or "pending-memory" in url for url in riverside)
    assert all(url.startswith("http://riverside.localhost/") for url in riverside)

    hilltop = sitemap(client, HILLTOP_HOST)
    assert "http://hilltop.localhost/en/stories/hilltop-harvest/" in hilltop
    assert all(url.startswith("http://hilltop.localhost/") for url in hilltop)


def test_sitemap_has_hreflang_alternates_for_translations(client, network):
    story = add_story(network.riverside, "Rent strike")
    translate(story, title="Huelga de alquileres", slug="huelga-de-alquileres")
    urls = sitemap(client, RIVERSIDE_HOST)
    english = "http://riverside.localhost/en/stories/rent-strike/"
    spanish = "http://riverside.localhost/es/stories/huelga-de-alquileres/"
    expected = {"en": english, "es": spanish, "x-default": english}
    assert urls[english] == expected
    assert urls[spanish] == expected


def test_sitemap_leaves_out_languages_the_site_does_not_publish(client, network):
    story = add_story(network.hilltop, "Harvest")
    translate(story, title="Cosecha", slug="cosecha")
    urls = sitemap(client, HILLTOP_HOST)
    assert "http://hilltop.localhost/en/stories/harvest/" in urls
    assert not any("/es/" in url for url in urls)
    assert urls["http://hilltop.localhost/en/stories/harvest/"] == {}


def test_sitemap_queries_do_not_grow_with_pages(client, network):
    def count():
        sitemap(client, RIVERSIDE_HOST)  # warm the site root paths cache
        with CaptureQueriesContext(connection) as queries:
            sitemap(client, RIVERSIDE_HOST)
        return len(queries)

    add_story(network.riverside, "First")
    before = count()
    for n in range(5):
        story = add_story(network.riverside, f"Story {n}")
        translate(story, slug=f"historia-{n}")
    add_entry(network.riverside, "Memory")
    after = count()
    assert after == before, after


def test_robots_txt_names_the_sites_own_sitemap(client, network):
    for host in (ALLIANCE_HOST, RIVERSIDE_HOST):
        response = client.get("/robots.txt", headers={"host": host})
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/plain")
        text = response.content.decode()
        assert "User-agent: *" in text
        assert "Disallow: /admin/" in text
        assert f"Sitemap: http://{host}/sitemap.xml" in text


def test_story_has_opengraph_and_twitter_meta(client, network):
    add_story(network.riverside, "Rent strike", summary="Tenants win.")
    html = client.get("/en/stories/rent-strike/", headers={"host": RIVERSIDE_HOST}).content.decode()
    url = "http://riverside.localhost/en/stories/rent-strike/"
    assert f'<link rel="canonical" href="{url}">' in html
    assert meta(html, "property", "og:title") == "Rent strike"
    assert meta(html, "property", "og:description") == "Tenants win."
    assert meta(html, "property", "og:url") == url
    assert meta(html, "property", "og:type") == "article"
    assert meta(html, "property", "og:site_name") == "Riverside"
    assert meta(html, "property", "og:locale") == "en"
    assert meta(html, "name", "twitter:card") == "summary"
    assert meta(html, "name", "twitter:title") == "Rent strike"


def test_story_json_ld_is_an_article(client, network):
    add_story(network.riverside, "Rent strike")
    html = client.get("/en/stories/rent-strike/", headers={"host": RIVERSIDE_HOST}).content.decode()
    assert "Article" in {data["@type"] for data in json_ld(html)}


def test_homes_describe_their_organization(client, network):
    chapter = json_ld(client.get("/en/", headers={"host": RIVERSIDE_HOST}).content.decode())
    organization = next(data for data in chapter if data["@type"] == "Organization")
    assert organization["name"] == "Riverside"
    assert organization["url"] == "http://riverside.localhost/en/"
    assert organization["areaServed"]["name"] == "Ohio"

    alliance = json_ld(client.get("/en/", headers={"host": ALLIANCE_HOST}).content.decode())
    organization = next(data for data in alliance if data["@type"] == "Organization")
    assert organization["name"] == network.alliance.title
    assert "areaServed" not in organization


def test_an_organizations_description_is_escaped_once(client, network):
    network.alliance.intro = 'Residents putting people\'s needs first: "rights" & <dignity>.'
    network.alliance.save_revision().publish()
    html = client.get("/en/", headers={"host": ALLIANCE_HOST}).content.decode()
    organization = next(data for data in json_ld(html) if data["@type"] == "Organization")
    assert organization["description"] == network.alliance.intro


def test_articles_have_typed_authors_a_modified_date_and_their_image(client, network):
    photo = image_in(chapter("Riverside").collection, "Tenants meeting")
    add_story(
        network.riverside,
        "Rent strike",
        authors="Ana Ruiz, Riverside housing committee, Riverside",
        image=photo,
        image_alt="Tenants around a table",
    )
    html = client.get("/en/stories/rent-strike/", headers={"host": RIVERSIDE_HOST}).text
    article = next(data for data in json_ld(html) if data["@type"] == "Article")
    assert article["author"] == [
        {"@type": "Person", "name": "Ana Ruiz"},
        {"@type": "Organization", "name": "Riverside housing committee"},
        {"@type": "Organization", "name": "Riverside"},
    ]
    assert datetime.datetime.fromisoformat(article["dateModified"]) <= timezone.now()
    assert article["image"].startswith("http://riverside.localhost/media/images/")
    assert article["image"] == meta(html, "property", "og:image")
    assert meta(html, "property", "og:image:alt") == "Tenants around a table"
    assert photo.renditions.filter(file=article["image"].split("/media/")[1]).exists()


def test_events_have_the_image_of_their_body(client, network):
    photo = image_in(chapter("Riverside").collection, "Assembly hall")
    add_event(
        network.riverside,
        "Housing assembly",
        start_date=datetime.date(2030, 5, 1),
        body=[("image", {"image": photo, "alt_text": "The hall", "caption": "", "credit": ""})],
    )
    html = client.get("/en/events/housing-assembly/", headers={"host": RIVERSIDE_HOST}).text
    event = next(data for data in json_ld(html) if data["@type"] == "Event")
    assert event["image"].startswith("http://riverside.localhost/media/images/")
    assert event["image"] == meta(html, "property", "og:image")


def test_every_page_type_describes_itself(client, network):
    """Stories, events and archive entries have a description; an entry behind a content
    warning is described by its warning only, never by what the warning holds back."""
    host = {"host": RIVERSIDE_HOST}
    add_story(network.riverside, "Rent strike", summary="Tenants win. " * 30)
    add_event(network.riverside, "Assembly", start_date=datetime.date(2030, 5, 1))
    add_entry(network.riverside, "Open testimony", summary="What Mrs. Ruiz remembers.")
    add_entry(
        network.riverside,
        "Hard testimony",
        summary="The night the family was evicted.",
        content_warning="Eviction; a family split",
    )
    story = meta(client.get("/en/stories/rent-strike/", headers=host).text, "name", "description")
    assert story.startswith("Tenants win. Tenants win.") and len(story) <= 160
    assert story.endswith("…")
    event = client.get("/en/events/assembly/", headers=host).text
    assert meta(event, "name", "description") == "About Assembly."
    entry = client.get("/en/archive/open-testimony/", headers=host).text
    assert meta(entry, "name", "description") == "What Mrs. Ruiz remembers."
    for url in ("/en/archive/hard-testimony/", "/en/archive/hard-testimony/?continue=1"):
        html = client.get(url, headers=host).text
        assert meta(html, "name", "description") == "Content warning: Eviction; a family split"
        assert "evicted" not in meta(html, "property", "og:description")


def test_every_host_has_a_favicon(client, network):
    for host in (ALLIANCE_HOST, RIVERSIDE_HOST):
        response = client.get("/favicon.ico", headers={"host": host})
        assert response.status_code == 200
        assert response["Content-Type"] == "image/x-icon"
        assert response.content[:4] == b"\x00\x00\x01\x00"  # an ICO file
        html = client.get("/en/", headers={"host": host}).text
        svg = re.search(r'<link rel="icon" href="/static/([^"]+)" type="image/svg\+xml">', html)
        assert svg and finders.find(svg.group(1)).endswith("favicon.svg")
        assert '<link rel="icon" href="/favicon.ico"' in html
