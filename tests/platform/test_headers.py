"""Security headers on every response, and no request to another origin from a public page.

Every answer (a page, a redirect, a 404, a 500, the admin) carries a
Content-Security-Policy, a Permissions-Policy and the security headers of
Django's SecurityMiddleware; public pages allow inline code only with the
request's nonce or by the hash of their exact text (what a cached page, the same
for every reader, uses), never 'unsafe-inline'. Each public page type is rendered with
real content and every resource it makes the browser load is checked to be
same-origin.
"""

import base64
import datetime
import hashlib
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.contrib.staticfiles import finders
from django.core.files.images import ImageFile
from django.test import Client
from PIL import Image as PILImage
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.images.models import Image

from chapters.models import (
    ArchiveIndexPage,
    Chapter,
    ChapterDirectoryPage,
    EventIndexPage,
    NetworkEventsPage,
    NetworkStoriesPage,
    StoryIndexPage,
)
from home.models import StandardPage
from tests.conftest import ALLIANCE_HOST, HILLTOP_HOST, RIVERSIDE_HOST
from tests.pages import add_entry, add_event, add_story, publish, section

pytestmark = pytest.mark.django_db

VIDEO = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
MAP_TILES = "https://tiles.example.org/map/"


def policy(response) -> dict[str, list[str]]:
    """The response's CSP as {directive: [sources]}."""
    header = response.headers.get("Content-Security-Policy", "")
    directives = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            directives[words[0]] = words[1:]
    return directives


def assert_security_headers(response):
    """What every answer carries, whatever made it."""
    assert policy(response), f"no Content-Security-Policy on a {response.status_code}"
    permissions = response.headers.get("Permissions-Policy", "")
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()"):
        assert feature in permissions, f"{feature} missing on a {response.status_code}"
    assert response.headers.get("X-Content-Type-Options") == "nosniff"
    assert response.headers.get("Referrer-Policy") == "same-origin"
    assert response.headers.get("Cross-Origin-Opener-Policy") == "same-origin"
    assert response.headers.get("X-Frame-Options") == "DENY"


def assert_public_policy(response):
    """This origin only; inline code only with the nonce or its hash; nothing may frame it."""
    directives = policy(response)
    assert directives["default-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["base-uri"] == ["'self'"]
    for name in ("script-src", "style-src"):
        sources = directives[name]
        assert "'unsafe-inline'" not in sources and "'unsafe-eval'" not in sources, name
        assert all(s == "'self'" or s.startswith(("'nonce-", "'sha256-")) for s in sources)
    for sources in directives.values():
        for source in sources:
            assert source in ("'self'", "'none'", "data:") or source.startswith(
                ("'nonce-", "'sha256-")
            ), source


def sha256_source(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def allowed(block: dict, directives: dict) -> bool:
    """An inline block runs only with the page's nonce or the hash of its exact text."""
    sources = directives.get(f"{block['tag']}-src", [])
    if block["nonce"]:
        return f"'nonce-{block['nonce']}'" in sources
    return sha256_source(block["text"]) in sources


class Resources(HTMLParser):
    """What a page makes the browser fetch by itself, and its inline code."""

    LOADED = {
        "script": ("src",),
        "img": ("src", "srcset"),
        "source": ("src", "srcset"),
        "iframe": ("src",),
        "frame": ("src",),
        "embed": ("src",),
        "object": ("data",),
        "video": ("src", "poster"),
        "audio": ("src",),
        "track": ("src",),
        "input": ("src",),
    }
    FETCHING_LINKS = {
        "stylesheet",
        "icon",
        "preload",
        "modulepreload",
        "prefetch",
        "preconnect",
        "dns-prefetch",
        "manifest",
        "apple-touch-icon",
    }

    def __init__(self):
        super().__init__()
        self.urls, self.links, self.inline, self.style_attributes, self.handlers = [], [], [], 0, 0
        self._in_inline = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name in self.LOADED.get(tag, ()):
            value = attributes.get(name)
            if value:
                self.urls += [item.split()[0] for item in value.split(",") if item.strip()]
        if tag == "link" and self.FETCHING_LINKS & set((attributes.get("rel") or "").split()):
            self.urls.append(attributes.get("href", ""))
        if tag == "a" and attributes.get("href"):
            self.links.append(attributes["href"])
        if "style" in attributes:
            self.style_attributes += 1
        self.handlers += sum(name.startswith("on") for name in attributes)
        # A data block (JSON-LD) is never run, so the policy does not apply to it.
        is_data = (attributes.get("type") or "").endswith("json")
        if (tag == "script" and not attributes.get("src") and not is_data) or tag == "style":
            self._in_inline = {"tag": tag, "nonce": attributes.get("nonce"), "text": ""}
            self.inline.append(self._in_inline)

    def handle_data(self, data):
        if self._in_inline is not None:
            self._in_inline["text"] += data

    def handle_endtag(self, tag):
        if self._in_inline is not None and tag == self._in_inline["tag"]:
            self._in_inline = None


def png() -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), "teal").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def public_pages(network):
    """One of every public page type, with an image and a video recording in it."""
    riverside = Chapter.objects.get(home=network.riverside)
    image = Image(title="Tenants meeting", collection=riverside.collection)
    image.file = ImageFile(io.BytesIO(png()), name="tenants.png")
    image.save()
    # The recording's player as Wagtail's oEmbed finder would have stored it.
    Embed.objects.create(
        url=VIDEO,
        hash=get_embed_hash(VIDEO, None, None),
        type="video",
        html='<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe>',
        thumbnail_url="https://i.ytimg.com/vi/dQw4w9WgXcQ/hqdefault.jpg",
        provider_name="YouTube",
    )
    body = json.dumps(
        [
            {"type": "paragraph", "value": "<p>The council heard us about the water.</p>"},
            {"type": "image", "value": {"image": image.pk, "alt_text": "Neighbors meeting"}},
            {"type": "embed", "value": {"url": VIDEO, "title": "Council hearing"}},
        ]
    )
    story = add_story(
        network.riverside, "Water hearing", image=image, image_alt="Neighbors", body=body
    )
    event = add_event(
        network.riverside,
        "Tenants assembly",
        start_date=datetime.date.today().replace(year=2099),
        takes_registrations=True,
    )
    entry = add_entry(network.riverside, "Water testimony")
    standard = publish(network.riverside, StandardPage(title="About us", slug="about", body=body))
    directory = publish(network.alliance, ChapterDirectoryPage(title="Chapters", slug="chapters"))
    stories = publish(network.alliance, NetworkStoriesPage(title="Stories", slug="stories"))
    events = publish(network.alliance, NetworkEventsPage(title="Events", slug="events"))
    return {
        "chapter home": (RIVERSIDE_HOST, "/en/"),
        "chapter home at /": (RIVERSIDE_HOST, "/"),
        "story": (RIVERSIDE_HOST, story.url),
        "story index": (RIVERSIDE_HOST, section(network.riverside, StoryIndexPage).url),
        "event": (RIVERSIDE_HOST, event.url),
        "event index": (RIVERSIDE_HOST, section(network.riverside, EventIndexPage).url),
        "archive entry": (RIVERSIDE_HOST, entry.url),
        "archive index": (RIVERSIDE_HOST, section(network.riverside, ArchiveIndexPage).url),
        "standard page with an embed": (RIVERSIDE_HOST, standard.url),
        "share your story": (RIVERSIDE_HOST, "/en/share-your-story/"),
        "get involved": (RIVERSIDE_HOST, "/en/get-involved/"),
        "register for an event": (RIVERSIDE_HOST, f"/en/event-registration/{event.pk}/"),
        "chapter search": (RIVERSIDE_HOST, "/en/search/?query=water"),
        "Alliance home": (ALLIANCE_HOST, "/en/"),
        "directory": (ALLIANCE_HOST, directory.url),
        "network stories": (ALLIANCE_HOST, stories.url),
        "network events": (ALLIANCE_HOST, events.url),
        "network search": (ALLIANCE_HOST, "/en/search/?query=water"),
        "start a chapter": (ALLIANCE_HOST, "/en/start-a-chapter/"),
        "member login": (RIVERSIDE_HOST, "/en/_util/login/"),
    }


def test_every_public_page_loads_only_from_its_own_origin_and_inline_code_needs_nonce_or_hash(
    client, public_pages, settings
):
    settings.CHAPTER_MAP_TILE_URL = MAP_TILES
    for name, (host, url) in public_pages.items():
        response = client.get(url, headers={"host": host})
        assert response.status_code == 200, name
        assert_security_headers(response)
        assert_public_policy(response)
        parser = Resources()
        parser.feed(response.text)
        directives = policy(response)
        # Style attributes and event handlers need 'unsafe-inline': none may be left.
        assert parser.style_attributes == 0, name
        assert parser.handlers == 0, name
        for block in parser.inline:
            assert allowed(block, directives), f"{name}: <{block['tag']}> neither nonce nor hash"
        assert parser.urls, name
        for loaded in parser.urls:
            origin = urlsplit(loaded).netloc
            assert origin in ("", host), f"{name} loads {loaded}"
        if name == "directory":  # the street map is only linked, never loaded
            assert MAP_TILES in parser.links
            assert not any(MAP_TILES in loaded for loaded in parser.urls)
        if "embed" in name or name == "story":
            assert VIDEO in parser.links, f"{name}: the recording is linked"


def test_a_chapters_accent_colour_arrives_through_a_style_allowed_by_its_hash(client, network):
    settings_obj = network.site(RIVERSIDE_HOST)
    from chapters.models import ChapterSettings

    chapter_settings = ChapterSettings.for_site(settings_obj)
    chapter_settings.accent_colour = "#8c1d40"
    chapter_settings.save()
    response = client.get("/en/", headers={"host": RIVERSIDE_HOST})
    parser = Resources()
    parser.feed(response.text)
    styles = [block for block in parser.inline if block["tag"] == "style"]
    assert any("--accent: #8c1d40" in block["text"] for block in styles)
    assert all(allowed(block, policy(response)) for block in styles)


def test_a_public_page_carries_no_nonce_so_a_shared_copy_shares_none(client, network, settings):
    """A nonce repeated to every reader of a cached copy would be no secret: public
    pages allow their inline style by its hash and send no nonce at all."""
    settings.PAGE_CACHE_TIMEOUT = 0
    first, second = (client.get("/en/", headers={"host": RIVERSIDE_HOST}) for _ in range(2))
    assert "nonce-" not in first["Content-Security-Policy"]
    assert "nonce=" not in first.text
    assert policy(first)["style-src"] == policy(second)["style-src"]
    assert any(s.startswith("'sha256-") for s in policy(first)["style-src"])


def test_a_redirect_carries_the_headers(client, network):
    # APPEND_SLASH (Django's CommonMiddleware) and the site's language redirect.
    slash = client.get("/en/stories", headers={"host": RIVERSIDE_HOST})
    assert slash.status_code == 301
    assert_security_headers(slash)
    language = client.get("/es/", headers={"host": HILLTOP_HOST})  # Hilltop is English only
    assert language.status_code in (301, 302)
    assert_security_headers(language)


def test_a_404_carries_the_headers_and_allows_its_inline_style(client, network):
    response = client.get("/en/no-such-page/", headers={"host": RIVERSIDE_HOST})
    assert response.status_code == 404
    assert_security_headers(response)
    assert_public_policy(response)
    parser = Resources()
    parser.feed(response.text)
    assert parser.inline
    assert all(allowed(block, policy(response)) for block in parser.inline)


def test_a_500_carries_the_headers(network, settings):
    settings.ROOT_URLCONF = "tests.probe_urls"
    client = Client(raise_request_exception=False)
    response = client.get("/_probe/boom/", headers={"host": RIVERSIDE_HOST})
    assert response.status_code == 500
    assert "Something went wrong" in response.text
    assert_security_headers(response)
    assert_public_policy(response)


def test_hsts_where_configured_is_on_pages_redirects_and_errors(network, settings):
    settings.SECURE_HSTS_SECONDS = 3600
    settings.ROOT_URLCONF = "tests.probe_urls"
    client = Client(raise_request_exception=False)
    for path, status in [
        ("/en/", 200),
        ("/en/stories", 301),
        ("/en/no-such-page/", 404),
        ("/_probe/boom/", 500),
    ]:
        response = client.get(path, headers={"host": RIVERSIDE_HOST}, secure=True)
        assert response.status_code == status, path
        assert response.headers.get("Strict-Transport-Security") == "max-age=3600", path


def test_a_view_that_sets_its_own_policy_keeps_it(client, network, settings):
    """Private files set `default-src 'none'; sandbox`: the site's policy never replaces it."""
    settings.ROOT_URLCONF = "tests.probe_urls"
    response = client.get("/_probe/own-policy/", headers={"host": RIVERSIDE_HOST})
    assert response.headers["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert "camera=()" in response.headers["Permissions-Policy"]


def test_the_admin_loads_only_from_its_own_origin(login, network):
    client = login("riverside-editor")
    for path in ("/admin/login/", "/admin/", f"/admin/pages/{network.riverside.pk}/edit/"):
        response = client.get(path, headers={"host": ALLIANCE_HOST})
        assert response.status_code in (200, 302), path
        assert_security_headers(response)
        directives = policy(response)
        assert directives["default-src"] == ["'self'"]
        assert directives["object-src"] == ["'none'"]
        assert directives["frame-ancestors"] == ["'self'"]  # Wagtail's preview frame
        assert directives["base-uri"] == ["'self'"]
        for sources in directives.values():
            for source in sources:
                # No other origin, no nonce (it would switch off what Wagtail needs).
                assert source in ("'self'", "'none'", "'unsafe-inline'", "data:", "blob:"), (
                    path,
                    source,
                )


def test_the_request_id_is_echoed_or_made(client, network):
    given = client.get("/en/", headers={"host": RIVERSIDE_HOST, "x-request-id": "proxy-1234-abcd"})
    assert given.headers["X-Request-ID"] == "proxy-1234-abcd"
    for unsafe in ("<script>alert(1)</script>", "a" * 200, "short", "a b c d e f g h"):
        made = client.get("/en/", headers={"host": RIVERSIDE_HOST, "x-request-id": unsafe})
        assert re.fullmatch(r"[0-9a-f]{32}", made.headers["X-Request-ID"]), unsafe
    one, two = (client.get("/en/", headers={"host": RIVERSIDE_HOST}) for _ in range(2))
    assert one.headers["X-Request-ID"] != two.headers["X-Request-ID"]


def test_the_stylesheets_load_nothing_from_elsewhere():
    css = Path(finders.find("home/css/site.css")).read_text(encoding="utf-8")
    assert not re.search(r"@import|url\(\s*['\"]?(https?:)?//", css)
