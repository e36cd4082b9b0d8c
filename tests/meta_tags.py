"""What a search engine or a link preview reads from a page: meta tags, links to other
addresses, JSON-LD, and a site's sitemap."""

import json
import re
import xml.etree.ElementTree as ET

SITEMAP_NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "x": "http://www.w3.org/1999/xhtml",
}


def meta(html, attribute, name):
    """The content of `<meta {attribute}="{name}">`, or None if the page has none."""
    match = re.search(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)">', html)
    return match and match.group(1)


def link_href(html, rel):
    """The href of the page's `<link rel="{rel}">`, or None."""
    match = re.search(rf'<link rel="{re.escape(rel)}" href="([^"]*)">', html)
    return match and match.group(1)


def hreflangs(html) -> dict[str, str]:
    """The page's `<link rel="alternate" hreflang>` addresses, by language."""
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]*)">', html))


def json_ld(html) -> list[dict]:
    """Every JSON-LD block of the page, parsed as a search engine parses it."""
    return [
        json.loads(block)
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    ]


def sitemap(client, host) -> dict[str, dict[str, str]]:
    """The site's sitemap.xml: each <loc> with its xhtml:link alternates by hreflang."""
    response = client.get("/sitemap.xml", headers={"host": host})
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 - our own response
    return {
        url.findtext("s:loc", namespaces=SITEMAP_NS): {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", SITEMAP_NS)
        }
        for url in root.findall("s:url", SITEMAP_NS)
    }
