"""An import refuses a taken name or hostname and a bad, foreign or damaged file,
in one line, and changes nothing (not even a stored file)."""

import io
import json
import zipfile

import pytest
from wagtail.models import Site

from chapters.lifecycle.common import OffboardingError
from chapters.lifecycle.importing import import_chapter
from tests.lifecycle.helpers import (
    build_content,
    export_bytes,
    rezip,
    riverside,
    snapshot,
    stored_files,
)

pytestmark = pytest.mark.django_db


def test_import_refuses_a_taken_hostname_or_name(network):
    data = export_bytes(riverside())
    before = snapshot()
    with pytest.raises(OffboardingError) as error:
        import_chapter(io.BytesIO(data))
    assert error.value.field == "hostname"
    assert str(error.value) == (
        "hostname 'riverside.localhost' is already used by the site 'Riverside'"
    )
    with pytest.raises(OffboardingError) as error:
        import_chapter(io.BytesIO(data), hostname="elsewhere.localhost")
    assert (error.value.field, str(error.value)) == (
        "name",
        "a chapter named 'Riverside' already exists",
    )
    with pytest.raises(OffboardingError) as error:
        import_chapter(io.BytesIO(data), name="Other", hostname="not a host")
    assert error.value.field == "hostname"
    assert snapshot() == before


def _no_manifest(data):
    return rezip(data, lambda name, content: None if name == "manifest.json" else content)


def _foreign_manifest(data):
    return rezip(
        data,
        lambda name, content: (
            b'{"format": "something-else"}' if name == "manifest.json" else content
        ),
    )


def _unknown_page_type(data):
    def change(name, content):
        if name == "pages.json":
            pages = json.loads(content)
            pages["pages"][1]["type"] = "chapters.NoSuchPage"
            return json.dumps(pages)
        return content

    return rezip(data, change)


def _not_an_image(data):
    def change(name, content):
        return b"not a picture" if name.startswith("images/") and name.endswith(".png") else content

    return rezip(data, change)


def _bad_page_content(data):
    """Passes every check before the database, then fails half-way through the import."""

    def change(name, content):
        if name == "pages.json":
            pages = json.loads(content)
            story = next(p for p in pages["pages"] if p["type"] == "chapters.StoryPage")
            story["content"]["date"] = "next Tuesday"
            return json.dumps(pages)
        return content

    return rezip(data, change)


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (
            lambda data: b"just some text",
            "the file is not a complete zip file, so it is not a chapter export",
        ),
        (lambda data: data[: len(data) // 2], "the file is not a complete zip file"),
        (lambda data: data[:-200] + bytes(200), "the file is not a complete zip file"),
        (_no_manifest, "the zip file has no manifest.json, so it is not a chapter export"),
        (_foreign_manifest, "the zip file's manifest.json is not a chapter export's manifest"),
        (_unknown_page_type, "pages.json names an unknown page type 'chapters.NoSuchPage'"),
        (_not_an_image, "in the export is not an image"),
        (_bad_page_content, "the export could not be imported: "),
    ],
    ids=[
        "not-a-zip",
        "truncated",
        "corrupted",
        "no-manifest",
        "foreign",
        "unknown-type",
        "not-an-image",
        "bad-content",
    ],
)
def test_a_bad_file_gives_one_line_and_changes_nothing(
    network, settings, tmp_path, damage, message
):
    # Its own media folder: tests in the other worker store files too.
    settings.MEDIA_ROOT = tmp_path / "media"
    build_content(network.riverside)
    data = damage(export_bytes(riverside()))
    before, files = snapshot(), stored_files(settings)

    with pytest.raises(OffboardingError) as error:
        import_chapter(io.BytesIO(data), name="Lakeview", hostname="lakeview.localhost")

    assert error.value.field == "file"
    assert message in str(error.value)
    assert "\n" not in str(error.value)
    assert snapshot() == before
    assert not Site.objects.filter(hostname="lakeview.localhost").exists()
    assert stored_files(settings) == files  # media stored before the failure is removed


def test_a_corrupted_member_is_caught(network):
    data = export_bytes(riverside())
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo("pages.json")
        offset = info.header_offset + 30 + len(info.filename) + len(info.extra) + 10
    damaged = bytearray(data)
    damaged[offset] ^= 0xFF
    with pytest.raises(OffboardingError) as error:
        import_chapter(io.BytesIO(bytes(damaged)), name="Lakeview", hostname="lakeview.localhost")
    assert (error.value.field, str(error.value)) == (
        "file",
        "the zip file is damaged (truncated or corrupted)",
    )
