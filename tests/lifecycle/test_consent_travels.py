"""Consent travels with the chapter: the records (with the narrators' real names), the
signed forms in private storage, the private archive collection; an import makes
public exactly what the consent allows."""

import datetime
import io
import json
import zipfile
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from wagtail.models import Collection, PageViewRestriction

from chapters.archive.consent import withdraw_consent
from chapters.archive.consent_records import ConsentRecord
from chapters.lifecycle.common import OffboardingError
from chapters.lifecycle.deletion import delete_chapter
from chapters.lifecycle.importing import import_chapter
from chapters.models import ArchiveEntryPage, Chapter, ChapterHomePage
from tests.lifecycle.helpers import (
    Image,
    admin,
    export_bytes,
    get,
    rezip,
    riverside,
    snapshot,
    upload_image,
)
from tests.pages import add_entry, translate

pytestmark = pytest.mark.django_db

SIGNED = b"%PDF signed by Ana, 12 March"


def build_archive(home: ChapterHomePage) -> dict:
    """Entries in each state of consent, a signed form, and a photograph in the
    chapter's private archive collection with its own consent."""
    chapter = Chapter.objects.get(home=home)
    moderator = get_user_model().objects.get(username="riverside-moderator")
    photo = upload_image(chapter.archive_collection, "Kitchen table", colour="olive")
    public = add_entry(
        home,
        "Kitchen table interview",
        image=photo,
        consent={
            "given_by": "Ana Real",
            "narrator_real_name": "Ana Real Surname",
            "channel_feeds": False,
            "channel_print": True,
            # Passed, to the microsecond: the entry is public.
            "embargo_until": timezone.now() - datetime.timedelta(days=3, microseconds=7),
            "valid_until": timezone.now() + datetime.timedelta(days=3650),
            "consent_document": SimpleUploadedFile("signed-form.pdf", SIGNED),
            "notes": "Call after six.",
            "recorded_by": moderator,
        },
    )
    translate(public, slug="entrevista-en-la-cocina")
    photo_consent = ConsentRecord.objects.create(
        entry=public, image=photo, status="given", scope="public", recorded_by=moderator
    )
    pending = add_entry(home, "Waiting for a signature", consent_status="pending")
    later = add_entry(
        home,
        "Not before spring",
        embargo_until=timezone.now() + datetime.timedelta(days=90, microseconds=3),
    )
    members = add_entry(home, "For our members", consent_scope="members")
    withdrawn = add_entry(home, "Taken back")
    withdraw_consent(withdrawn.consent, "The narrator asked us to.", user=moderator)
    return {
        "photo": photo,
        "public": public,
        "photo_consent": photo_consent,
        "pending": pending,
        "later": later,
        "members": members,
        "withdrawn": withdrawn,
        "records": {
            record.entry.title if record.image_id is None else "photo": record
            for record in ConsentRecord.objects.filter(entry__in=chapter.pages().values("pk"))
        },
    }


def consent_fields(record: ConsentRecord) -> dict:
    return {
        "status": record.status,
        "scope": record.scope,
        "channels": record.channels,
        "given_by": record.given_by,
        "given_by_role": record.given_by_role,
        "narrator_real_name": record.narrator_real_name,
        "embargo_until": record.embargo_until,
        "valid_until": record.valid_until,
        "notes": record.notes,
        "recorded_by": record.recorded_by and record.recorded_by.username,
        "recorded_at": record.recorded_at,
        "withdrawn_at": record.withdrawn_at,
        "withdrawn_by": record.withdrawn_by and record.withdrawn_by.username,
        "withdrawal_reason": record.withdrawal_reason,
    }


def test_consent_and_the_private_archive_travel_with_the_chapter(
    client, network, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.CHAPTER_EXPORT_DIR = tmp_path / "exports"
    built = build_archive(network.riverside)
    before = {title: consent_fields(record) for title, record in built["records"].items()}
    references = {title: record.reference for title, record in built["records"].items()}
    signed = built["records"]["Kitchen table interview"].consent_document
    old_document = (signed.storage, signed.name)
    chapter = riverside()
    old_archive = chapter.archive_collection
    assert get(client, "/en/archive/kitchen-table-interview/").status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        path = delete_chapter(chapter, confirm_name="Riverside", user=admin())

    assert_deleted_with_the_chapter(built, references, old_document, old_archive)
    assert_export_holds_the_consent(path, built)

    with open(path, "rb") as source:
        chapter = import_chapter(source, user=admin())

    entries = {
        entry.title: entry
        for entry in ArchiveEntryPage.objects.filter(pk__in=chapter.pages().values("pk"))
        if entry.locale.language_code == "en"
    }
    assert set(entries) == set(built["records"]) - {"photo"}
    after = imported_consent(entries, references)
    assert after == before
    assert after["Kitchen table interview"]["narrator_real_name"] == "Ana Real Surname"
    assert after["Kitchen table interview"]["channels"] == ["web", "api", "print"]
    assert after["Taken back"]["withdrawal_reason"] == "The narrator asked us to."
    # The signed form is back in private storage, never under MEDIA_ROOT.
    document = ConsentRecord.objects.get(reference=references["Kitchen table interview"])
    with document.consent_document.open("rb") as signed_form:
        assert signed_form.read() == SIGNED
    assert Path(document.consent_document.path).is_relative_to(settings.PRIVATE_MEDIA_ROOT)
    assert settings.MEDIA_ROOT not in Path(document.consent_document.path).parents
    assert_public_as_consented(client, chapter, entries)


def assert_deleted_with_the_chapter(built, references, old_document, old_archive) -> None:
    # Everything onboarding made is gone: the members group, the private collection
    # and its photograph, the records and the signed form in private storage.
    assert not Group.objects.filter(name="Riverside members").exists()
    assert not Collection.objects.filter(pk=old_archive.pk).exists()
    assert not Image.objects.filter(pk=built["photo"].pk).exists()
    assert not ConsentRecord.objects.filter(reference__in=references.values()).exists()
    assert not old_document[0].exists(old_document[1])


def assert_export_holds_the_consent(path, built) -> None:
    # The export holds the records and the signed form, under private/.
    with zipfile.ZipFile(path) as archive:
        records = json.loads(archive.read("private/consent/index.json"))
        manifest = json.loads(archive.read("manifest.json"))
        public = next(r for r in records if r["narrator_real_name"] == "Ana Real Surname")
        assert archive.read(public["consent_document"]["file"]) == SIGNED
    assert public["consent_document"]["file"].startswith("private/consent/")
    assert public["recorded_by"] == "riverside-moderator"
    assert public["entry"] == built["public"].pk
    assert manifest["members_group"] == "Riverside members"
    assert manifest["counts"]["consent_records"] == len(records) == len(built["records"])


def imported_consent(entries: dict, references: dict) -> dict:
    """The imported records' fields, by entry title (and "photo"), each checked to be
    on its new entry with its old reference."""
    after = {}
    for title, entry in entries.items():
        record = ConsentRecord.objects.for_entry().get(entry__translation_key=entry.translation_key)
        after[title] = consent_fields(record)
        # A reference nobody here holds is kept: the narrator may have it.
        assert record.reference == references[title]
        assert record.entry_id == entry.pk
    photo = Image.objects.get(title="Kitchen table")
    photo_record = ConsentRecord.objects.get(image=photo)
    after["photo"] = consent_fields(photo_record)
    assert photo_record.entry_id == entries["Kitchen table interview"].pk
    assert photo_record.reference == references["photo"]
    return after


def assert_public_as_consented(client, chapter, entries: dict) -> None:
    # The private archive collection is the new chapter's, with its photograph.
    photo = Image.objects.get(title="Kitchen table")
    assert chapter.members.name == "Riverside members"
    assert chapter.archive_collection.get_parent() == chapter.collection
    assert photo.collection == chapter.archive_collection
    assert entries["Kitchen table interview"].image_id == photo.pk
    # What was public is public again, in both languages; nothing else is.
    assert get(client, "/en/archive/kitchen-table-interview/").status_code == 200
    assert get(client, "/es/archive/entrevista-en-la-cocina/").status_code == 200
    for slug in ["waiting-for-a-signature", "not-before-spring", "taken-back"]:
        assert get(client, f"/en/archive/{slug}/").status_code == 404, slug
    assert entries["Taken back"].live is False
    # Members-only stays members-only, for the new chapter's groups.
    restriction = PageViewRestriction.objects.get(page=entries["For our members"])
    assert set(restriction.groups.all()) == set(chapter.groups())
    response = get(client, "/en/archive/for-our-members/")
    assert response.status_code == 302 and "login" in response["Location"]
    listing = get(client, "/en/archive/").text
    assert "Kitchen table interview" in listing and "Waiting for a signature" not in listing


def test_a_copy_gets_new_references_and_leaves_unknown_users_empty(network):
    built = build_archive(network.riverside)
    references = {record.reference for record in built["records"].values()}

    def change(name, content):
        if name == "private/consent/index.json":
            records = json.loads(content)
            for record in records:
                if record["recorded_by"]:
                    record["recorded_by"] = "someone-from-another-install"
            return json.dumps(records)
        return content

    data = rezip(export_bytes(riverside()), change)
    copy = import_chapter(io.BytesIO(data), name="Lakeview", hostname="lake.localhost")

    records = ConsentRecord.objects.filter(entry__in=copy.pages().values("pk"))
    assert records.count() == len(references) == len(built["records"])
    # The original still holds its references, so the copy's are new.
    assert not references & {record.reference for record in records}
    assert {record.recorded_by for record in records} == {None}
    withdrawn = records.get(entry__title="Taken back")
    assert withdrawn.withdrawn_by.username == "riverside-moderator"  # still here
    # The copy's members-only entry is restricted to the copy's groups, not Riverside's.
    entry = ArchiveEntryPage.objects.descendant_of(copy.home).get(title="For our members")
    restriction = PageViewRestriction.objects.get(page=entry)
    assert set(restriction.groups.all()) == set(copy.groups())
    # The original's consent is untouched.
    original = ConsentRecord.objects.get(entry=built["public"], image=None)
    assert original.recorded_by.username == "riverside-moderator"
    assert original.consent_document.open("rb").read() == SIGNED


def test_an_export_without_its_consent_document_is_refused(network):
    build_archive(network.riverside)
    data = rezip(
        export_bytes(riverside()),
        lambda name, content: (
            None
            if name.startswith("private/consent/") and not name.endswith("index.json")
            else content
        ),
    )
    before = snapshot()
    with pytest.raises(OffboardingError) as error:
        import_chapter(io.BytesIO(data), name="Lakeview", hostname="lake.localhost")
    assert (error.value.field, str(error.value)) == (
        "file",
        "private/consent/index.json lists a consent document that is not in the export",
    )
    assert snapshot() == before


def test_a_version_1_export_keeps_each_entry_group_s_strictest_consent(client, network):
    """Version 1 exports held consent in each translation's own fields; one record now
    covers every language, so a translation withdrawn keeps them all hidden."""
    shared = add_entry(network.riverside, "Shared everywhere")
    taken = add_entry(network.riverside, "Taken back in Spanish")
    spanish = translate(taken, title="Retirada", slug="retirada")
    later = add_entry(network.riverside, "Not yet")
    embargo = timezone.now() + datetime.timedelta(days=30)
    old_fields = {
        shared.pk: ("given", "public", None),
        taken.pk: ("given", "public", None),
        spanish.pk: ("withdrawn", "public", None),
        later.pk: ("given", "public", embargo.isoformat()),
    }

    def as_version_1(name, content):
        if name.startswith("private/consent/"):
            return None
        if name == "manifest.json":
            return json.dumps(json.loads(content) | {"version": 1})
        if name == "pages.json":
            pages = json.loads(content)
            for entry in pages["pages"]:
                if entry["id"] in old_fields:
                    status, scope, until = old_fields[entry["id"]]
                    entry["content"].update(
                        consent_status=status, consent_scope=scope, embargo_until=until
                    )
            return json.dumps(pages)
        return content

    data = rezip(export_bytes(riverside()), as_version_1)
    copy = import_chapter(io.BytesIO(data), name="Lakeview", hostname="lake.localhost")

    def record(title):
        entry = ArchiveEntryPage.objects.descendant_of(copy.home).get(title=title)
        return ConsentRecord.objects.for_entry().get(entry__translation_key=entry.translation_key)

    assert (record("Shared everywhere").status, record("Shared everywhere").scope) == (
        "given",
        "public",
    )
    assert record("Taken back in Spanish").status == "withdrawn"
    assert record("Not yet").embargo_until == embargo.replace(microsecond=embargo.microsecond)
    lake = "lake.localhost"
    assert get(client, "/en/archive/shared-everywhere/", host=lake).status_code == 200
    for path in [
        "/en/archive/taken-back-in-spanish/",
        "/es/archive/retirada/",
        "/en/archive/not-yet/",
    ]:
        assert get(client, path, host=lake).status_code == 404, path
