"""Trauma-informed display of archive entries, and the archive's RSS feed.

An entry with a content warning shows the warning and the chapter's support
resources first; its content is in the page only once the reader chooses to
continue. Images can be blurred until the reader asks to see them. The feed
carries only entries whose narrators agreed to feeds, and never who told them.
"""

import datetime
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Site

from chapters.archive.consent_records import ConsentRecord
from chapters.models import Chapter, ChapterSettings
from tests.conftest import RIVERSIDE_HOST
from tests.pages import add_entry
from tests.sample_files import png_image_file

pytestmark = pytest.mark.django_db

SUMMARY = "Summary kestrel"
TRANSCRIPT = "Transcript heron"
NARRATOR = "Narrator osprey"


def get(client, path):
    return client.get(path, headers={"host": RIVERSIDE_HOST})


def main(response) -> str:
    """The page's main landmark: what the reader sees (the head carries sharing metadata)."""
    return re.search(r"<main.*</main>", response.text, re.DOTALL).group(0)


def support_resources(text: str) -> None:
    chapter_settings = ChapterSettings.for_site(Site.objects.get(hostname=RIVERSIDE_HOST))
    chapter_settings.support_resources = text
    chapter_settings.save()


def warned_entry(network, **fields):
    return add_entry(
        network.riverside,
        "Eviction testimony",
        summary=SUMMARY,
        narrators=NARRATOR,
        transcript=f"<p>{TRANSCRIPT}</p>",
        content_warning="Speaks of a violent eviction.",
        **fields,
    )


def test_a_content_warning_comes_first_with_support_and_a_choice(client, network):
    support_resources('<p>Riverside Crisis Line: <a href="tel:5550100">555-0100</a></p>')
    entry = warned_entry(network)

    first = get(client, f"/en/archive/{entry.slug}/")
    assert first.status_code == 200
    shown = main(first)
    assert "Eviction testimony" in shown
    assert "Speaks of a violent eviction." in shown
    assert "Riverside Crisis Line" in shown
    assert "Continue to the entry" in shown
    assert 'href="?continue=1#entry-content"' in shown
    assert 'href="/en/archive/">Go back to the archive' in shown
    for content in (SUMMARY, TRANSCRIPT, NARRATOR):
        assert content not in shown
    assert TRANSCRIPT not in first.text and NARRATOR not in first.text

    chosen = get(client, f"/en/archive/{entry.slug}/?continue=1")
    assert chosen.status_code == 200
    assert "private" in chosen["Cache-Control"]
    shown = main(chosen)
    for content in (SUMMARY, TRANSCRIPT, NARRATOR):
        assert content in shown
    # The warning stays, short, above the content, with the way to support.
    assert shown.index("Speaks of a violent eviction.") < shown.index(SUMMARY)
    assert 'href="#support"' in shown and 'id="support"' in shown
    assert "Riverside Crisis Line" in shown
    assert "Continue to the entry" not in shown


def test_without_chapter_support_resources_a_helpline_is_named(client, network):
    support_resources("")
    entry = warned_entry(network)
    shown = main(get(client, f"/en/archive/{entry.slug}/"))
    assert 'href="https://988lifeline.org/"' in shown


def test_the_warning_page_speaks_the_readers_language(client, network):
    entry = warned_entry(network)
    shown = main(get(client, f"/es/archive/{entry.slug}/"))
    assert "Continuar a la entrada" in shown
    assert "Volver al archivo" in shown


def test_an_entry_without_a_warning_is_shown_at_once(client, network):
    entry = add_entry(network.riverside, "School letter", summary=SUMMARY)
    shown = main(get(client, f"/en/archive/{entry.slug}/"))
    assert SUMMARY in shown
    assert "Continue to the entry" not in shown and "Content warning" not in shown


def image_entry(network, **fields):
    """A photograph entry whose body shows an archive image, with its own consent."""
    image = get_image_model().objects.create(
        title="March photo",
        file=png_image_file("march.png"),
        collection=Chapter.objects.get(home=network.riverside).archive_collection,
    )
    body = json.dumps(
        [{"type": "image", "value": {"image": image.pk, "alt_text": "Marchers on Main Street"}}]
    )
    entry = add_entry(network.riverside, "March photograph", kind="photograph", body=body, **fields)
    ConsentRecord.objects.create(entry=entry, image=image, status="given", scope="public")
    return entry


def test_blurred_images_are_shown_when_the_reader_asks(client, network):
    entry = image_entry(network, blur_images=True)
    shown = main(get(client, f"/en/archive/{entry.slug}/"))
    assert re.search(r'class="entry-body images-blurred"', shown)
    assert 'alt="Marchers on Main Street"' in shown  # still read out
    assert "Image blurred; use Show images to see it" in shown
    assert 'aria-pressed="false"' in shown
    assert 'href="?continue=1&amp;show_images=1#entry-content"' in shown

    shown = main(get(client, f"/en/archive/{entry.slug}/?continue=1&show_images=1"))
    assert "images-blurred" not in shown
    assert 'alt="Marchers on Main Street"' in shown
    assert "Blur the images again" in shown


def test_the_script_that_shows_images_loads_only_where_images_are_blurred(client, network):
    blurred = image_entry(network, blur_images=True)
    assert "archive-images.js" in get(client, f"/en/archive/{blurred.slug}/").text
    assert (
        "archive-images.js"
        not in get(client, f"/en/archive/{blurred.slug}/?continue=1&show_images=1").text
    )
    plain = add_entry(network.riverside, "Plain entry")
    assert "archive-images.js" not in get(client, f"/en/archive/{plain.slug}/").text


def test_images_are_not_blurred_unless_the_entry_asks(client, network):
    entry = image_entry(network)
    shown = main(get(client, f"/en/archive/{entry.slug}/"))
    assert "images-blurred" not in shown and "Show images" not in shown


def feed_titles(client, path="/en/archive/feed/") -> list[str]:
    response = get(client, path)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    return re.findall(r"<item><title>(.*?)</title>", response.text)


def test_the_feed_lists_only_entries_consented_to_feeds(client, network):
    add_entry(network.riverside, "Feed ok")
    add_entry(network.riverside, "Web only", consent={"channel_feeds": False})
    hidden = {
        "Pending": {"consent_status": "pending"},
        "Withdrawn": {"consent_status": "withdrawn"},
        "Members only": {"consent_scope": "members"},
        "Embargoed": {"embargo_until": timezone.now() + datetime.timedelta(days=30)},
        "Draft": {"live": False},
        "No record": {"consent": False},
    }
    for title, state in hidden.items():
        add_entry(network.riverside, title, **state)

    assert feed_titles(client) == ["Feed ok"]
    # Web only is still on the web.
    assert get(client, "/en/archive/web-only/").status_code == 200
    assert "Web only" in get(client, "/en/archive/").text


def test_the_feed_is_newest_first_and_never_names_narrators(client, network):
    older = warned_entry(network)
    older.first_published_at = timezone.now() - datetime.timedelta(days=3)
    older.save(update_fields=["first_published_at"])
    add_entry(network.riverside, "Newer entry")
    assert feed_titles(client) == ["Newer entry", "Eviction testimony"]
    text = get(client, "/en/archive/feed/").text
    assert SUMMARY in text
    assert "Content warning: Speaks of a violent eviction." in text
    assert NARRATOR not in text and TRANSCRIPT not in text
    assert f"http://{RIVERSIDE_HOST}/en/archive/eviction-testimony/" in text
    assert "no-cache" in get(client, "/en/archive/feed/")["Cache-Control"]


def test_the_archive_links_its_feed_and_still_lists_entries(client, network):
    add_entry(network.riverside, "Listed entry")
    response = get(client, "/en/archive/")
    assert response.status_code == 200
    assert [entry.title for entry in response.context["entries"]] == ["Listed entry"]
    assert '<link rel="alternate" type="application/rss+xml"' in response.text
    assert 'href="/en/archive/feed/"' in main(response)


def test_the_feed_and_the_entry_cost_the_same_however_many_entries(client, network):
    def queries(path: str) -> int:
        get(client, path)  # warm per-process caches
        with CaptureQueriesContext(connection) as captured:
            assert get(client, path).status_code == 200
        return len(captured)

    paths = ["/en/archive/feed/", "/en/archive/entry-0/", "/en/archive/entry-0/?continue=1"]
    for n in range(2):
        add_entry(network.riverside, f"Entry {n}", content_warning="Speaks of loss.")
    small = [queries(path) for path in paths]
    for n in range(2, 12):
        add_entry(network.riverside, f"Entry {n}", content_warning="Speaks of loss.")
    assert [queries(path) for path in paths] == small
    assert max(small) <= 16, small


def test_editors_preview_the_warning_and_the_entry(network):
    entry = warned_entry(network)
    assert [mode for mode, _label in entry.preview_modes] == ["", "warning"]
    warning = entry.make_preview_request(preview_mode="warning").content.decode()
    assert "Continue to the entry" in warning and TRANSCRIPT not in warning
    content = entry.make_preview_request(preview_mode="").content.decode()
    assert TRANSCRIPT in content and "Speaks of a violent eviction." in content
