"""Archiving a chapter takes it offline and keeps everything; restoring brings back
exactly what was live."""

import datetime
import io

import pytest
from django.utils import timezone
from wagtail.models import PageLogEntry, Site

from chapters.archive.consent import withdraw_consent
from chapters.lifecycle.archiving import archive_chapter, restore_chapter
from chapters.lifecycle.common import OffboardingError
from chapters.lifecycle.importing import import_chapter
from chapters.models import ArchiveEntryPage, Chapter, ChapterDirectoryPage, StoryPage
from tests.conftest import HILLTOP_HOST, RIVERSIDE_HOST
from tests.lifecycle.helpers import admin, export_bytes, get, riverside
from tests.pages import add_entry, add_story, publish

pytestmark = pytest.mark.django_db


def test_archiving_takes_the_chapter_offline_and_keeps_its_content(client, network):
    story = add_story(network.riverside, "Rent strike")
    assert get(client, "/en/stories/rent-strike/").status_code == 200
    chapter = riverside()
    live_before = set(chapter.pages().live().values_list("pk", flat=True))

    count = archive_chapter(chapter, user=admin())

    assert count == len(live_before) == 5  # home, three sections, the story
    publish(network.alliance, ChapterDirectoryPage(title="Chapters", slug="chapters"))
    # Old links get a notice that the chapter is archived (410 Gone), with the way on.
    assert "Riverside está archivado" in get(client, "/es/").text
    for path in ["/en/", "/en/stories/", "/en/stories/rent-strike/", "/"]:
        response = get(client, path)
        assert response.status_code == 410, path
        assert "Riverside is archived" in response.text, path
        assert "Rent strike" not in response.text, path
    assert 'href="http://localhost/en/chapters/"' in response.text
    assert "Riverside is archived" not in get(client, "/en/nowhere/", host=HILLTOP_HOST).text
    assert get(client, "/en/", host=HILLTOP_HOST).status_code == 200
    kept = StoryPage.objects.get(pk=story.pk)
    assert (kept.title, kept.live, kept.revisions.count()) == ("Rent strike", False, 1)
    assert Site.objects.filter(hostname=RIVERSIDE_HOST).exists()
    chapter.refresh_from_db()
    assert chapter.is_archived and chapter.archived_by == admin()
    assert set(chapter.archived_live_pages) == live_before
    assert Chapter.objects.active().filter(pk=chapter.pk).count() == 0
    # In the audit log, by the person who archived it.
    assert PageLogEntry.objects.filter(
        page=story, action="wagtail.unpublish", user=admin()
    ).exists()

    with pytest.raises(OffboardingError) as error:
        archive_chapter(chapter)
    assert (error.value.field, str(error.value)) == (
        "chapter",
        "the chapter 'Riverside' is already archived",
    )


def test_restoring_republishes_exactly_what_was_live(client, network):
    live = add_story(network.riverside, "Was live")
    draft = add_story(network.riverside, "Was a draft", live=False)
    pending = add_story(network.riverside, "Has a pending edit")
    pending.summary = "An edit nobody approved yet."
    pending.save_revision()
    chapter = riverside()
    archived = archive_chapter(chapter)

    restored = restore_chapter(chapter, user=admin())

    assert restored == archived == 6
    assert get(client, "/en/").status_code == 200
    assert get(client, "/en/stories/was-live/").status_code == 200
    assert get(client, "/en/stories/was-a-draft/").status_code == 404
    assert StoryPage.objects.get(pk=draft.pk).live is False
    # The pending edit stays pending: the version that was live comes back.
    pending = StoryPage.objects.get(pk=pending.pk)
    assert pending.live and pending.has_unpublished_changes
    assert pending.summary == "Summary of Has a pending edit."
    assert StoryPage.objects.get(pk=live.pk).live
    chapter.refresh_from_db()
    assert (chapter.archived_at, chapter.archived_by, chapter.archived_live_pages) == (
        None,
        None,
        [],
    )
    with pytest.raises(OffboardingError) as error:
        restore_chapter(chapter)
    assert (error.value.field, str(error.value)) == (
        "chapter",
        "the chapter 'Riverside' is not archived",
    )


def test_an_archived_chapter_travels_archived(client, network):
    story = add_story(network.riverside, "Rent strike")
    draft = add_story(network.riverside, "Not yet", live=False)
    original = riverside()
    archive_chapter(original)

    copy = import_chapter(
        io.BytesIO(export_bytes(original)), name="Lakeview", hostname="lake.localhost"
    )

    assert copy.is_archived
    assert not copy.pages().live().exists()
    assert get(client, "/en/", host="lake.localhost").status_code == 410
    assert restore_chapter(copy) == 5
    assert get(client, "/en/stories/rent-strike/", host="lake.localhost").status_code == 200
    assert get(client, "/en/stories/not-yet/", host="lake.localhost").status_code == 404
    assert StoryPage.objects.get(pk=story.pk).live is False  # the original stays archived
    assert StoryPage.objects.get(pk=draft.pk).live is False


def test_archiving_unschedules_drafts(network):
    story = add_story(network.riverside, "Embargoed news", live=False)
    story.go_live_at = timezone.now() + datetime.timedelta(days=1)
    story.save_revision().publish()
    assert story.revisions.filter(approved_go_live_at__isnull=False).exists()

    archive_chapter(riverside())

    assert not story.revisions.filter(approved_go_live_at__isnull=False).exists()


def test_consent_withdrawn_while_archived_keeps_the_entry_hidden_after_restore(client, network):
    entry = add_entry(network.riverside, "Bridge street testimony")
    kept = add_entry(network.riverside, "Still agreed")
    assert get(client, "/en/archive/bridge-street-testimony/").status_code == 200
    chapter = riverside()
    archive_chapter(chapter)

    withdraw_consent(entry.consent, "The narrator changed their mind.", user=admin())
    restore_chapter(chapter, user=admin())

    assert get(client, "/en/archive/bridge-street-testimony/").status_code == 404
    assert ArchiveEntryPage.objects.get(pk=entry.pk).live is False
    assert "Bridge street testimony" not in get(client, "/en/archive/").text
    assert get(client, "/en/archive/still-agreed/").status_code == 200
    assert ArchiveEntryPage.objects.get(pk=kept.pk).live
