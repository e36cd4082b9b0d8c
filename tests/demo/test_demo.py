"""The demo network: loaded by `make run`, and safe to load again."""

import re
import subprocess

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page, Site

from chapters.demo import data
from chapters.models import ArchiveEntryPage, ChapterHomePage, EventPage, StoryPage
from home.models import Principle, PrincipleSet, Resource, Right
from tests.meta_tags import hreflangs, link_href, meta, sitemap

CHAPTERS = data.chapters()

pytestmark = pytest.mark.django_db


def counts():
    return {
        "pages": Page.objects.count(),
        "sites": Site.objects.count(),
        "principle_sets": PrincipleSet.objects.count(),
        "principles": Principle.objects.count(),
        "resources": Resource.objects.count(),
        "rights": Right.objects.count(),
        "users": get_user_model().objects.count(),
    }


def test_demo_loader_is_idempotent_and_moves_the_sites_to_the_demos_port(
    demo_network, client, capsys
):
    """Loading again adds nothing; on another port, the sites follow it, so every absolute
    address of a page (canonical, og:url, hreflang, sitemap, API) has the demo's port."""
    first = counts()
    call_command("load_demo_network", port=8773)
    assert counts() == first
    output = capsys.readouterr().out
    assert "already loaded" in output and "now answer on port 8773" in output
    assert set(Site.objects.values_list("port", flat=True)) == {8773}

    host = "tillory-valley.localhost:8773"
    story = StoryPage.objects.get(slug="first-listening-sessions", locale__language_code="en")
    html = client.get("/en/stories/first-listening-sessions/", headers={"host": host}).text
    addresses = {
        "canonical": link_href(html, "canonical"),
        "og:url": meta(html, "property", "og:url"),
        **{f"hreflang {code}": url for code, url in hreflangs(html).items()},
    }
    assert {"hreflang en", "hreflang es"} <= set(addresses)
    locations = sitemap(client, host)
    addresses["sitemap"] = next(loc for loc in locations if loc == addresses["canonical"])
    api = client.get(f"/api/v2/pages/{story.pk}/", headers={"host": host}).json()["meta"]
    addresses |= {"API detail_url": api["detail_url"], "API html_url": api["html_url"]}
    origins = {name: "/".join(url.split("/")[:3]) for name, url in addresses.items()}
    assert set(origins.values()) == {f"http://{host}"}, origins


def test_make_clean_removes_everything_the_demo_writes():
    """`make clean && make run` starts from nothing: the database and every folder of files."""
    result = subprocess.run(
        ["make", "-n", "clean"],  # noqa: S607 - make, on PATH as for `make run`
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    )
    removed = result.stdout.split()
    for written in ("db.sqlite3", "media", "private_media", "exports"):
        assert written in removed, written


def test_demo_network_has_chapters_of_different_kinds(demo_network, client):
    kinds = set(
        ChapterHomePage.objects.filter(title__in=[c["name"] for c in CHAPTERS]).values_list(
            "locality_type", flat=True
        )
    )
    assert {"city", "rural", "reservation"} <= kinds
    assert {"Jemez Principles"} <= set(PrincipleSet.objects.values_list("short_title", flat=True))
    assert Resource.objects.filter(authors__startswith="Barber", year=2014).exists()

    for chapter in CHAPTERS:
        response = client.get("/en/", headers={"host": chapter["hostname"]})
        assert response.status_code == 200
        assert chapter["name"] in response.text
        # Each chapter home shows the principle sets it adopted.
        assert "Principles we have adopted" in response.text


def test_each_demo_chapter_looks_like_itself(demo_network, client):
    """Its own accent, its own drawn logo and cover (described), its stories' pictures."""
    looks = set()
    for chapter in CHAPTERS:
        text = client.get("/en/", headers={"host": chapter["hostname"]}).text
        accent = re.search(r"--accent: (#[0-9a-f]{6})", text)[1]
        logo = re.search(
            r'<img[^>]*class="site-logo"[^>]*src="([^"]+)"|<img[^>]*src="([^"]+)"[^>]*class="site-logo"',
            text,
        )
        cover = re.search(r'<figure class="cover"><picture>.*?alt="([^"]+)"', text)
        assert logo and cover and cover[1] == chapter["cover_alt"].replace("'", "&#x27;")
        looks.add((accent, logo.group(0)))
    assert len(looks) == len(CHAPTERS)
    illustrated = StoryPage.objects.filter(image__isnull=False, locale__language_code="en")
    assert illustrated.exclude(image_alt="").count() >= 2 * 3


@pytest.mark.usefixtures("uncached")  # reads the listings' template context
def test_demo_chapters_publish_stories_events_and_archive(demo_network, client):
    for chapter in CHAPTERS:
        host = {"host": chapter["hostname"]}
        for path in ("/en/stories/", "/en/events/", "/en/archive/"):
            assert client.get(path, headers=host).status_code == 200
        stories = client.get("/en/stories/", headers=host).context["stories"]
        assert len(stories) >= 3
        upcoming = client.get("/en/events/", headers=host).context["events"]
        past = client.get("/en/events/?when=past", headers=host).context["events"]
        assert len(upcoming) and len(past)
        # The entry whose consent is pending appears nowhere a visitor can go.
        home = Site.objects.get(hostname=chapter["hostname"]).root_page
        entries = ArchiveEntryPage.objects.descendant_of(home)
        pending = entries.get(
            consent_records__status="pending",
            consent_records__image=None,
            consent_records__document=None,
        )
        for path in ("/en/archive/", "/en/", f"/en/archive/{pending.slug}/"):
            response = client.get(path, headers=host)
            assert pending.title not in response.text, path
        assert client.get(f"/en/archive/{pending.slug}/", headers=host).status_code == 404


def test_demo_has_online_accessible_and_dst_spanning_events(demo_network):
    events = EventPage.objects.all()
    assert any(event.is_online() for event in events)
    assert any(
        {"asl", "captioning", "step_free", "childcare"} <= set(e.accessibility) for e in events
    )
    assert any(e.local_start().utcoffset() != e.local_end().utcoffset() for e in events)


def test_demo_archive_shows_consent_at_work(demo_network, client):
    """The demo's photograph is public but its sign-in sheet is not; the kitchen-table
    interview and its photo are for Corvale's members only."""
    host = {"host": "corvale.localhost"}
    photos = ArchiveEntryPage.objects.get(
        slug="first-tenants-meeting-photographs", locale__language_code="en"
    )
    page = client.get("/en/archive/first-tenants-meeting-photographs/", headers=host)
    assert page.status_code == 200
    assert f"/archive-media/image/{photos.image_id}/" in page.text
    assert "Sign-in sheet" not in page.text
    image = client.get(f"/archive-media/image/{photos.image_id}/width-800/", headers=host)
    assert image.status_code == 200 and image["Content-Type"] == "image/jpeg"
    sheet = client.get(f"/archive-media/document/{photos.document_id}/", headers=host)
    assert sheet.status_code == 404

    interview = ArchiveEntryPage.objects.get(
        slug="kitchen-table-interview", locale__language_code="en"
    )
    kitchen = f"/archive-media/image/{interview.image_id}/width-800/"
    assert client.get("/en/archive/kitchen-table-interview/", headers=host).status_code == 302
    assert client.get(kitchen, headers=host).status_code == 404
    client.force_login(get_user_model().objects.get(username="corvale-member"))
    assert client.get("/en/archive/kitchen-table-interview/", headers=host).status_code == 200
    assert client.get(kitchen, headers=host).status_code == 200
