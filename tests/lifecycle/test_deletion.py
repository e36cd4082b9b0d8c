"""Deleting a chapter: only with its name typed exactly, and only once its export is
written where the public cannot read it."""

import json
import zipfile

import pytest
from wagtail.models import Page

from chapters.lifecycle.common import OffboardingError
from chapters.lifecycle.deletion import delete_chapter
from chapters.models import ChapterHomePage
from tests.lifecycle.helpers import riverside, snapshot
from tests.pages import add_story

pytestmark = pytest.mark.django_db


def test_delete_refuses_a_wrong_name_and_changes_nothing(network, settings, tmp_path):
    settings.CHAPTER_EXPORT_DIR = tmp_path / "exports"
    before = snapshot()
    for wrong in ["riverside", "Riverside ", "Hilltop", ""]:
        with pytest.raises(OffboardingError) as error:
            delete_chapter(riverside(), confirm_name=wrong)
        assert (error.value.field, str(error.value)) == (
            "confirm_name",
            "type the chapter's name exactly to delete it",
        )
    assert snapshot() == before
    assert not (tmp_path / "exports").exists()


def test_delete_writes_the_export_before_deleting(network, settings, tmp_path):
    settings.CHAPTER_EXPORT_DIR = tmp_path / "exports"
    story = add_story(network.riverside, "Last words")

    path = delete_chapter(riverside(), confirm_name="Riverside")

    assert path.stat().st_mode & 0o777 == 0o600
    assert list((tmp_path / "exports").iterdir()) == [path]
    with zipfile.ZipFile(path) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        pages = json.loads(archive.read("pages.json"))["pages"]
    assert manifest["chapter"] == "Riverside"
    assert "Last words" in {entry["content"]["title"] for entry in pages}
    assert not Page.objects.filter(pk=story.pk).exists()
    assert ChapterHomePage.objects.filter(title="Hilltop").exists()


def test_delete_refuses_to_write_its_export_where_the_public_can_read_it(network, settings):
    settings.CHAPTER_EXPORT_DIR = settings.MEDIA_ROOT / "exports"
    before = snapshot()
    with pytest.raises(OffboardingError) as error:
        delete_chapter(riverside(), confirm_name="Riverside")
    assert error.value.field == "export_dir"
    assert "\n" not in str(error.value)
    assert snapshot() == before
