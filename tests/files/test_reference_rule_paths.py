"""The reference rules on the save paths that do not clean: wagtail-localize's
translation editor and publishing, drafts, rich text and saves from the shell,
consent records for a file, chapter import. A chapter's pages (every locale) use only
its own files and the Alliance's shared ones; archive files only from its own
archive, on its archive entries."""

import io
import json
import zipfile
from urllib.parse import urlencode

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Locale
from wagtail_localize.models import OverridableSegment, SegmentOverride, Translation

from chapters.archive.consent import withdraw_consent
from chapters.archive.consent_records import ConsentRecord
from chapters.lifecycle.exporting import export_chapter
from chapters.lifecycle.importing import import_chapter
from chapters.models import ArchiveEntryPage, StoryPage
from home.models import Resource, StandardPage
from tests.conftest import RIVERSIDE_HOST
from tests.files.chapter_files import (
    ADMIN,
    document_in,
    foreign_message,
    give_consent,
    image_in,
    shared,
    text,
)
from tests.pages import add_entry, add_story, chapter

pytestmark = pytest.mark.django_db


# --- The finding: another chapter's private photograph, public through a translation --


def override_url(translation, segment) -> str:
    return f"/admin/localize/translate/{translation.pk}/overrides/{segment.pk}/edit/"


def override_file(editor, translation, field: str, item):
    """The translation editor's "Change image" (or document) on the segment of `field`,
    as its JavaScript sends it."""
    segment = OverridableSegment.objects.get(source=translation.source, context__path=field)
    return editor.put(
        override_url(translation, segment),
        urlencode({"value": item.pk}),
        content_type="application/x-www-form-urlencoded",
        headers=ADMIN,
    )


def record_public_consent(moderator, entry, kind: str, item):
    """The moderator's consent form for one file of an entry, filled in for the public."""
    return moderator.post(
        f"/admin/chapters/consent/{entry.pk}/{kind}/{item.pk}/",
        {"status": "given", "scope": "public", "given_by_role": "narrator", "channel_web": "on"},
        headers=ADMIN,
        follow=True,  # LocaleMiddleware sends a 404 on to /en/admin/…, a 404 too
    )


def test_a_translation_cannot_show_another_chapters_archive_file_to_the_public(
    client, login, network, django_capture_on_commit_callbacks
):
    """The attack, through wagtail-localize's own endpoints: the editor overrides the
    Spanish translation's image and document with Hilltop's private archive files, the
    moderator publishes the translation and records public consent for the files."""
    riverside, hilltop = chapter("Riverside"), chapter("Hilltop")
    secret_photo = image_in(hilltop.archive_collection, "Hilltop members photo")
    secret_letter = document_in(hilltop.archive_collection, "Hilltop members letter")
    photo = image_in(riverside.archive_collection, "River crossing photo")
    letter = document_in(riverside.archive_collection, "River crossing letter")
    entry = add_entry(network.riverside, "River crossing", image=photo, document=letter)
    for item in (photo, letter):
        give_consent(entry, item)
    spanish = Locale.objects.get(language_code="es")

    editor = login("riverside-editor")
    submitted = editor.post(
        f"/admin/localize/submit/page/{entry.pk}/", {"locales": [spanish.pk]}, headers=ADMIN
    )
    assert submitted.status_code == 302
    translation = Translation.objects.get(
        source__object_id=entry.translation_key, target_locale=spanish
    )
    overrides = {
        field: override_file(editor, translation, field, item)
        for field, item in (("image", secret_photo), ("document", secret_letter))
    }
    target = ArchiveEntryPage.objects.get(translation_key=entry.translation_key, locale=spanish)

    moderator = login("riverside-moderator")
    with django_capture_on_commit_callbacks(execute=True):
        moderator.post(f"/admin/pages/{target.pk}/edit/", {"action": "publish"}, headers=ADMIN)
    recorded = {
        kind: record_public_consent(moderator, target, kind, item)
        for kind, item in (("image", secret_photo), ("document", secret_letter))
    }
    client.logout()

    served = client.get(
        f"/archive-media/image/{secret_photo.pk}/width-800/", headers={"host": RIVERSIDE_HOST}
    )
    downloaded = client.get(
        f"/archive-media/document/{secret_letter.pk}/", headers={"host": RIVERSIDE_HOST}
    )
    assert (served.status_code, downloaded.status_code) == (404, 404)
    # The translation editor showed why, on each segment, naming the file by its id only.
    for field, item in (("image", secret_photo), ("document", secret_letter)):
        assert overrides[field].status_code in (200, 201)
        assert foreign_message(item) in overrides[field].json()["error"]
        assert item.title not in overrides[field].content.decode()
    # The published translation shows its own chapter's files; nothing was recorded.
    target.refresh_from_db()
    assert target.live
    assert (target.image, target.document) == (photo, letter)
    assert {response.status_code for response in recorded.values()} == {404}
    assert not ConsentRecord.objects.filter(image=secret_photo).exists()
    assert not ConsentRecord.objects.filter(document=secret_letter).exists()


def test_a_translation_may_change_to_its_own_chapters_archive_file(login, network):
    riverside = chapter("Riverside")
    photo = image_in(riverside.archive_collection, "Bridge photo")
    other = image_in(riverside.archive_collection, "Bridge photo, Spanish caption", "olive")
    entry = add_entry(network.riverside, "Bridge", image=photo)
    spanish = Locale.objects.get(language_code="es")
    editor = login("riverside-editor")
    editor.post(
        f"/admin/localize/submit/page/{entry.pk}/", {"locales": [spanish.pk]}, headers=ADMIN
    )
    translation = Translation.objects.get(
        source__object_id=entry.translation_key, target_locale=spanish
    )
    segment = OverridableSegment.objects.get(source=translation.source, context__path="image")
    response = editor.put(
        override_url(translation, segment),
        urlencode({"value": other.pk}),
        content_type="application/x-www-form-urlencoded",
        headers=ADMIN,
    )
    assert response.json()["error"] is None
    translation.save_target(publish=False)
    target = ArchiveEntryPage.objects.get(translation_key=entry.translation_key, locale=spanish)
    assert target.get_latest_revision_as_object().image == other

    # An id of nothing at all is an error on the segment too, never a failed publish.
    missing = editor.put(
        override_url(translation, segment),
        urlencode({"value": "999999"}),
        content_type="application/x-www-form-urlencoded",
        headers=ADMIN,
    )
    assert "does not exist" in missing.json()["error"]
    translation.save_target(publish=False)


def test_an_override_stored_before_these_rules_is_refused_when_publishing(
    login, network, django_capture_on_commit_callbacks
):
    """The second line: the translated page's own save. An override saved without the
    check (before it existed) makes publishing fail with wagtail-localize's message
    and the error on the segment; the live translation keeps its file."""
    riverside, hilltop = chapter("Riverside"), chapter("Hilltop")
    secret = image_in(hilltop.archive_collection, "Hilltop kept photo")
    photo = image_in(riverside.archive_collection, "Levee photo")
    entry = add_entry(network.riverside, "Levee", image=photo)
    spanish = Locale.objects.get(language_code="es")
    moderator = login("riverside-moderator")
    moderator.post(
        f"/admin/localize/submit/page/{entry.pk}/", {"locales": [spanish.pk]}, headers=ADMIN
    )
    translation = Translation.objects.get(
        source__object_id=entry.translation_key, target_locale=spanish
    )
    segment = OverridableSegment.objects.get(source=translation.source, context__path="image")
    SegmentOverride.objects.bulk_create(  # no signals: as an old row would be
        [SegmentOverride(locale=spanish, context=segment.context, data_json=json.dumps(secret.pk))]
    )
    target = ArchiveEntryPage.objects.get(translation_key=entry.translation_key, locale=spanish)
    with django_capture_on_commit_callbacks(execute=True):
        response = moderator.post(
            f"/admin/pages/{target.pk}/edit/", {"action": "publish"}, headers=ADMIN, follow=True
        )
    assert "New validation errors were found" in text(response)
    override = SegmentOverride.objects.get(locale=spanish, context=segment.context)
    assert override.has_error and foreign_message(secret) in override.field_error
    target.refresh_from_db()
    assert target.image == photo
    assert target.get_latest_revision_as_object().image == photo


# --- Rich text, drafts and the shell ------------------------------------------------------


def test_rich_text_embeds_and_links_of_another_chapters_files_are_refused(network):
    hilltop = chapter("Hilltop")
    photo = image_in(hilltop.archive_collection, "Quarry night")
    minutes = document_in(hilltop.collection, "Quarry board minutes")
    embed = f'<embed alt="x" embedtype="image" format="left" id="{photo.pk}"/>'
    link = f'<p>Read <a linktype="document" id="{minutes.pk}">the minutes</a>.</p>'
    for html, item in ((embed, photo), (link, minutes)):
        with pytest.raises(ValidationError) as refused:
            add_story(network.riverside, "Embedded", body=[{"type": "paragraph", "value": html}])
        assert foreign_message(item) in str(refused.value)
    assert not StoryPage.objects.filter(title="Embedded").exists()


def test_a_draft_revision_cannot_take_another_chapters_file(network):
    story = add_story(network.riverside, "Harbor day")
    before = story.get_latest_revision()
    photo = image_in(chapter("Hilltop").archive_collection, "Hilltop vigil")
    story.image, story.image_alt = photo, "A vigil"
    with pytest.raises(ValidationError, match=foreign_message(photo)):
        story.save_revision()
    # Without cleaning too: the revision itself is checked.
    with pytest.raises(ValidationError, match=foreign_message(photo)):
        story.save_revision(clean=False)
    assert story.get_latest_revision() == before


def test_a_save_from_the_shell_is_refused_even_without_cleaning(network):
    story = add_story(network.riverside, "Harbor night")
    photo = image_in(chapter("Hilltop").collection, "Hilltop parade")
    story.image, story.image_alt = photo, "A parade"
    for clean in (True, False):
        with pytest.raises(ValidationError, match=foreign_message(photo)):
            story.save(clean=clean)
    assert StoryPage.objects.get(pk=story.pk).image is None
    # The Alliance's pages take shared media only: not a chapter's files.
    page = StandardPage(
        title="About",
        slug="about-us",
        body=[
            {
                "type": "image",
                "value": {"image": photo.pk, "alt_text": "x", "caption": "", "credit": ""},
            }
        ],
    )
    with pytest.raises(ValidationError, match=f"Image #{photo.pk} is not in the Alliance's shared"):
        network.alliance.add_child(instance=page)
    page = StandardPage(
        title="About",
        slug="about-us",
        body=[
            {
                "type": "image",
                "value": {
                    "image": image_in(shared(), "Map").pk,
                    "alt_text": "x",
                    "caption": "",
                    "credit": "",
                },
            }
        ],
    )
    network.alliance.add_child(instance=page)
    # A shared resource's document is shared media too.
    resource = Resource.objects.get(title="A reading")
    resource.document = document_in(chapter("Hilltop").collection, "Hilltop report")
    with pytest.raises(ValidationError, match="is not in the Alliance's shared media"):
        resource.save()


def test_an_old_reference_never_blocks_unpublishing_or_withdrawing(network):
    """A file an entry already had (before these rules) stays until someone changes it:
    taking the entry down must always work."""
    photo = image_in(chapter("Hilltop").archive_collection, "Hilltop old photo")
    entry = add_entry(network.riverside, "Old entry")
    ArchiveEntryPage.objects.filter(pk=entry.pk).update(image=photo)
    entry.refresh_from_db()
    withdraw_consent(entry.consent, "The narrator asked us by phone.")
    entry.refresh_from_db()
    assert not entry.live
    # Publishing it again is a change that must obey the rule.
    with pytest.raises(ValidationError, match=foreign_message(photo)):
        entry.save_revision().publish()


# --- Consent for a file ----------------------------------------------------------------------


def test_consent_for_a_file_only_on_an_entry_that_may_use_it(login, network):
    secret = image_in(chapter("Hilltop").archive_collection, "Hilltop vigil portrait")
    entry = add_entry(network.riverside, "Vigil")
    with pytest.raises(ValidationError, match=f"Consent for image #{secret.pk} cannot be"):
        ConsentRecord.objects.create(entry=entry, image=secret, status="given", scope="public")

    # An entry that shows the file from before these rules: the moderator is told why.
    ArchiveEntryPage.objects.filter(pk=entry.pk).update(image=secret)
    moderator = login("riverside-moderator")
    url = f"/admin/chapters/consent/{entry.pk}/image/{secret.pk}/"
    page = text(moderator.get(url, headers=ADMIN))
    assert f"Consent for image #{secret.pk} cannot be recorded on “Vigil”" in page
    assert "Hilltop vigil portrait" not in page
    response = moderator.post(
        url,
        {"status": "given", "scope": "public", "given_by_role": "narrator", "channel_web": "on"},
        headers=ADMIN,
    )
    assert response.status_code == 200
    assert "its own chapter's private archive" in text(response)
    assert not ConsentRecord.objects.filter(image=secret).exists()
    overview = moderator.get(f"/admin/chapters/consent/{entry.pk}/", headers=ADMIN)
    assert "Hilltop vigil portrait" not in text(overview)

    # Its own archive file: recorded.
    own = image_in(chapter("Riverside").archive_collection, "Vigil candles")
    ArchiveEntryPage.objects.filter(pk=entry.pk).update(image=own)
    response = moderator.post(
        f"/admin/chapters/consent/{entry.pk}/image/{own.pk}/",
        {"status": "given", "scope": "public", "given_by_role": "narrator", "channel_web": "on"},
        headers=ADMIN,
    )
    assert response.status_code == 302
    assert ConsentRecord.objects.filter(entry=entry, image=own, status="given").exists()


# --- Chapter import ------------------------------------------------------------------------


def test_an_import_never_reuses_another_chapters_file(network):
    """An export may claim that one of its images is "external" (shared) media this
    install already has, with the contents of another chapter's private photograph."""
    riverside, hilltop = chapter("Riverside"), chapter("Hilltop")
    secret = image_in(hilltop.archive_collection, "Hilltop hidden photo", "maroon")
    own = image_in(riverside.collection, "Riverside river", "navy")
    add_story(network.riverside, "River day", image=own, image_alt="The river")
    buffer = io.BytesIO()
    export_chapter(riverside, buffer)
    with secret.file.open("rb") as stored:
        secret_bytes = stored.read()

    out = io.BytesIO()
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(out, "w") as target:
        index = json.loads(source.read("images/index.json"))
        entry = next(item for item in index if item["id"] == own.pk)
        for name in source.namelist():
            content = source.read(name)
            if name == "images/index.json":
                entry.update(external=True, collection="Hilltop", collection_id=None)
                content = json.dumps(index).encode()
            elif name == entry["file"]:
                content = secret_bytes
            target.writestr(name, content)

    copy = import_chapter(io.BytesIO(out.getvalue()), name="Lakeview", hostname="lake.localhost")
    story = StoryPage.objects.descendant_of(copy.home).get(title="River day")
    assert story.image != secret
    assert story.image.collection == copy.collection
