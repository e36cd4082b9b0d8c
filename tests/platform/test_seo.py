"""Search engines and sharing: sitemap.xml and robots.txt per site, OpenGraph, JSON-LD."""

import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from tests.conftest import ALLIANCE_HOST, HILLTOP_HOST, RIVERSIDE_HOST
from tests.meta_tags import meta
from tests.pages import add_entry, add_story

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def sitemap(client, host):
    response = client.get("/sitemap.xml", headers={"host": host})
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 - our own response
    return {
        url.findtext("s:loc", namespaces=NS): {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
        }
        for url in root.findall("s:url", NS)
    }


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


def json_ld(html):
    return [
        json.loads(block)
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    ]


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
