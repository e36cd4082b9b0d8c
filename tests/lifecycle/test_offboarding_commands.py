"""The archive_chapter, restore_chapter, export_chapter, delete_chapter and
import_chapter commands: one line of success, or one line naming the problem."""

import io
import zipfile

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from chapters.models import ChapterHomePage, StoryIndexPage
from tests.conftest import RIVERSIDE_HOST
from tests.lifecycle.helpers import get
from tests.pages import add_story, section

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def command_error(*args) -> str:
    with pytest.raises(CommandError) as error:
        call_command(*args, stdout=io.StringIO())
    message = str(error.value)
    assert "\n" not in message
    return message


def test_commands_archive_restore_export_delete_and_import(client, network, settings, tmp_path):
    settings.CHAPTER_EXPORT_DIR = tmp_path / "exports"
    add_story(network.riverside, "Rent strike")
    host = ["--hostname", RIVERSIDE_HOST]

    assert run("archive_chapter", *host).startswith("Archived chapter 'Riverside'")
    assert get(client, "/en/").status_code == 410
    assert run("restore_chapter", *host).startswith("Restored chapter 'Riverside'")
    assert get(client, "/en/stories/rent-strike/").status_code == 200

    output = tmp_path / "riverside.zip"
    assert "Exported chapter 'Riverside'" in run("export_chapter", *host, "--output", str(output))
    assert zipfile.is_zipfile(output)

    deleted = run("delete_chapter", *host, "--confirm-name", "Riverside")
    assert deleted.startswith("Deleted chapter 'Riverside'")
    assert str(tmp_path / "exports") in deleted
    assert get(client, "/en/").context["page"].pk == network.alliance.pk

    imported = run("import_chapter", str(output))
    assert imported.startswith("Imported chapter 'Riverside' at http://riverside.localhost/")
    assert get(client, "/en/stories/rent-strike/").status_code == 200

    copy = run("import_chapter", str(output), "--name", "Lakeview", "--hostname", "lake.localhost")
    assert copy.startswith("Imported chapter 'Lakeview' at http://lake.localhost/")


def test_commands_give_one_line_errors(network, settings, tmp_path):
    settings.CHAPTER_EXPORT_DIR = tmp_path / "exports"
    host = ["--hostname", RIVERSIDE_HOST]
    nowhere = ["--hostname", "nowhere.localhost"]
    for command in ["archive_chapter", "restore_chapter"]:
        assert command_error(command, *nowhere) == (
            "hostname: no chapter has the hostname 'nowhere.localhost'"
        )
    assert command_error("restore_chapter", *host) == (
        "chapter: the chapter 'Riverside' is not archived"
    )
    run("archive_chapter", *host)
    assert command_error("archive_chapter", *host) == (
        "chapter: the chapter 'Riverside' is already archived"
    )

    existing = tmp_path / "existing.zip"
    existing.write_bytes(b"")
    assert command_error("export_chapter", *host, "--output", str(existing)) == (
        f"output: '{existing}' already exists; choose a new file name"
    )
    missing_folder = tmp_path / "no-such-folder" / "out.zip"
    assert command_error("export_chapter", *host, "--output", str(missing_folder)) == (
        f"output: the folder '{missing_folder.parent}' does not exist"
    )
    public = settings.MEDIA_ROOT / "riverside.zip"
    assert command_error("export_chapter", *host, "--output", str(public)).startswith("output: ")
    assert not public.exists()
    assert command_error("export_chapter", *nowhere, "--output", str(tmp_path / "x.zip")) == (
        "hostname: no chapter has the hostname 'nowhere.localhost'"
    )

    assert command_error("import_chapter", str(tmp_path / "missing.zip")) == (
        f"file: '{tmp_path / 'missing.zip'}' does not exist"
    )
    assert command_error("import_chapter", str(existing)) == (
        "file: the file is not a complete zip file, so it is not a chapter export"
    )

    assert command_error("delete_chapter", *host, "--confirm-name", "riverside") == (
        "confirm-name: type the chapter's name exactly to delete it"
    )
    assert command_error("delete_chapter", *nowhere, "--confirm-name", "x") == (
        "hostname: no chapter has the hostname 'nowhere.localhost'"
    )
    assert ChapterHomePage.objects.filter(title="Riverside").exists()
    assert section(network.riverside, StoryIndexPage)
