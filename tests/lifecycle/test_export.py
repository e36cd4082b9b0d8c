"""An export is one zip file: the chapter's pages, media, settings and the shared
snippets it uses."""

import io
import json
import zipfile

import pytest

from chapters.lifecycle.exporting import export_chapter
from tests.conftest import RIVERSIDE_HOST
from tests.lifecycle.helpers import build_content, riverside

pytestmark = pytest.mark.django_db


def test_export_is_one_zip_with_pages_media_settings_and_snippets(network):
    content = build_content(network.riverside)
    chapter = riverside()
    buffer = io.BytesIO()

    manifest = export_chapter(chapter, buffer)

    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as archive:
        names = set(archive.namelist())
        assert {
            "manifest.json",
            "pages.json",
            "settings.json",
            "snippets.json",
            "images/index.json",
            "documents/index.json",
        } <= names
        assert json.loads(archive.read("manifest.json")) == manifest
        pages = json.loads(archive.read("pages.json"))["pages"]
        images = json.loads(archive.read("images/index.json"))
        snippets = json.loads(archive.read("snippets.json"))
        chapter_settings = json.loads(archive.read("settings.json"))
        image_bytes = archive.read(images[0]["file"])
    assert manifest["format"] == "hrc-chapter-export"
    assert (manifest["chapter"], manifest["hostname"]) == ("Riverside", RIVERSIDE_HOST)
    assert manifest["languages"] == ["en", "es"]  # Riverside publishes in both
    assert manifest["counts"]["pages"] == chapter.pages().count() == len(pages)
    assert_pages(pages, chapter, content)
    assert_images(images, image_bytes, content)
    assert_snippets(snippets, content)
    assert chapter_settings["contact_email"] == "hello@riverside.example"
    assert chapter_settings["logo"] == content["image"].pk


def assert_pages(pages: list, chapter, content: dict) -> None:
    """In tree order, each with its type, language, state and content, not its bookkeeping."""
    # Tree order: the home first, every parent before its children.
    assert pages[0]["id"] == chapter.home.pk and pages[0]["type"] == "chapters.ChapterHomePage"
    seen = set()
    for entry in pages:
        assert entry["parent"] is None or entry["parent"] in seen
        seen.add(entry["id"])
    by_id = {entry["id"]: entry for entry in pages}
    story = by_id[content["story"].pk]
    assert story["type"] == "chapters.StoryPage"
    assert (story["locale"], story["live"]) == ("en", True)
    assert story["translation_key"] == str(content["story"].translation_key)
    assert story["content"]["image"] == content["image"].pk
    assert by_id[content["draft"].pk]["live"] is False
    assert by_id[content["translation"].pk]["locale"] == "es"
    assert "owner" not in story["content"] and "path" not in story["content"]


def assert_images(images: list, image_bytes: bytes, content: dict) -> None:
    # The chapter's own images, and the shared ones its pages use (marked external).
    assert [(i["title"], i["external"]) for i in images] == [
        ("Tenants meeting", False),
        ("Alliance logo", True),
    ]
    assert images[1]["collection"] == "Alliance shared media"
    assert images[0]["title"] == "Tenants meeting"
    assert images[0]["description"] == "Tenants meeting, described"
    assert images[0]["tags"] == ["meeting"]
    assert image_bytes == content["image"].file.open("rb").read()


def assert_snippets(snippets: list, content: dict) -> None:
    """The shared snippets the content uses, and the ones they use, by translation key."""
    exported = {(entry["model"], entry["id"]) for entry in snippets}
    assert ("home.Principle", content["principle"].pk) in exported
    assert ("home.PrincipleSet", content["principle"].principle_set_id) in exported
    assert ("home.Right", content["housing"].pk) in exported
    principle = next(entry for entry in snippets if entry["model"] == "home.Principle")
    assert (principle["translation_key"], principle["locale"]) == (
        str(content["principle"].translation_key),
        "en",
    )
