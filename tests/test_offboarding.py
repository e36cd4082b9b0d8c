"""Offboarding a chapter: archive and restore, export and import, delete."""

import datetime
import io
import json
import uuid
import zipfile
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    Locale,
    Page,
    PageLogEntry,
    PageViewRestriction,
    Site,
    Workflow,
)

from chapters.archive.consent import withdraw_consent
from chapters.archive.consent_records import ConsentRecord
from chapters.lifecycle.offboarding import (
    OffboardingError,
    archive_chapter,
    delete_chapter,
    export_chapter,
    import_chapter,
    restore_chapter,
)
from chapters.models import (
    ArchiveEntryPage,
    Chapter,
    ChapterHomePage,
    ChapterSettings,
    EventPage,
    StoryIndexPage,
    StoryPage,
)
from home.models import Principle, PrincipleSet, Resource, Right
from tests.conftest import HILLTOP_HOST, RIVERSIDE_HOST
from tests.pages import add_entry, add_event, add_story, section
from tests.test_languages import translate

pytestmark = pytest.mark.django_db

Image = get_image_model()
Document = get_document_model()


def get(client, path, host=RIVERSIDE_HOST, **kwargs):
    return client.get(path, headers={"host": host}, **kwargs)


def riverside() -> Chapter:
    return Chapter.objects.get(site__hostname=RIVERSIDE_HOST)


def admin():
    return get_user_model().objects.get(username="network-admin")


def png(colour="teal") -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (12, 8), colour).save(buffer, "PNG")
    return buffer.getvalue()


def upload_image(collection, title, colour="teal"):
    image = Image(title=title, collection=collection, description=f"{title}, described")
    image.file = ImageFile(io.BytesIO(png(colour)), name=f"{title.lower().replace(' ', '-')}.png")
    image.save()
    image.tags.add("meeting")
    return image


def upload_document(collection, title):
    document = Document(title=title, collection=collection)
    document.file.save(f"{title.lower()}.txt", ContentFile(b"minutes of the meeting"), save=True)
    return document


def snapshot() -> dict:
    return {
        "pages": Page.objects.count(),
        "sites": Site.objects.count(),
        "chapters": Chapter.objects.count(),
        "collections": Collection.objects.count(),
        "groups": Group.objects.count(),
        "workflows": Workflow.objects.count(),
        "images": Image.objects.count(),
        "documents": Document.objects.count(),
        "principles": Principle.objects.count(),
        "resources": Resource.objects.count(),
        "principle_sets": PrincipleSet.objects.count(),
        "rights": Right.objects.count(),
        "settings": ChapterSettings.objects.count(),
    }


def chapter_state(chapter: Chapter) -> list:
    """Everything about a chapter's pages an import elsewhere must leave alone."""
    return [
        (
            page.pk,
            page.title,
            page.live,
            page.latest_revision_id,
            page.translation_key,
            json.dumps(page.specific.serializable_data(), sort_keys=True, default=str),
        )
        for page in chapter.pages().order_by("path")
    ]


def build_content(home: ChapterHomePage) -> dict:
    """A story with an image (FK, StreamField and rich text), links to an event and a
    document, a shared principle and right; plus a draft and a Spanish translation."""
    collection = Collection.objects.get(name=home.title)
    image = upload_image(collection, "Tenants meeting")
    document = upload_document(collection, "Minutes")
    principle = Principle.objects.get(title="Listen first")
    housing = Right.objects.get(slug="housing")
    reading = Resource.objects.get(title="A reading")
    shared = upload_image(
        Collection.objects.get(name="Alliance shared media"), "Alliance logo", colour="navy"
    )
    event = add_event(
        home,
        "Town hall",
        start_date=datetime.date.today() + datetime.timedelta(days=20),
        venue="Eastside Library",
        rights=[housing],
        body=[
            {
                "type": "image",
                "value": {"image": shared.pk, "alt_text": "The Alliance", "caption": ""},
            }
        ],
    )
    body = [
        {
            "type": "image",
            "value": {
                "image": image.pk,
                "alt_text": "Neighbors",
                "caption": "Spring",
                "credit": "",
            },
        },
        {
            "type": "paragraph",
            "value": f'<p>Come to <a linktype="page" id="{event.pk}">the town hall</a>, read '
            f'<a linktype="document" id="{document.pk}">the minutes</a>.</p>'
            f'<embed alt="Rent board" embedtype="image" format="left" id="{image.pk}"/>',
        },
        {"type": "principle", "value": {"principle": principle.pk}},
        {"type": "document", "value": {"document": document.pk, "label": "Minutes file"}},
        {
            "type": "resources",
            "value": {
                "heading": "Further reading",
                "resources": [{"type": "item", "value": reading.pk, "id": str(uuid.uuid4())}],
            },
        },
    ]
    story = add_story(
        home,
        "Eviction defense",
        image=image,
        image_alt="Tenants at the meeting",
        rights=[housing],
        related_principles=[principle],
        body=body,
    )
    draft = add_story(home, "Unfinished story", live=False)
    spanish = Locale.objects.get(language_code="es")
    translation = story.copy_for_translation(spanish, copy_parents=True)
    translation.title = "Defensa contra desalojos"
    translation.save_revision().publish()
    chapter_settings = ChapterSettings.for_site(Site.objects.get(root_page=home))
    chapter_settings.logo = image
    chapter_settings.contact_email = "hello@riverside.example"
    chapter_settings.support_resources = (
        f'<p>Call us; see <a linktype="document" id="{document.pk}">the minutes</a>.</p>'
    )
    chapter_settings.save()
    return {
        "image": image,
        "document": document,
        "event": event,
        "story": story,
        "draft": draft,
        "translation": translation,
        "principle": principle,
        "housing": housing,
        "reading": reading,
        "shared": shared,
    }


def export_bytes(chapter: Chapter) -> bytes:
    buffer = io.BytesIO()
    export_chapter(chapter, buffer)
    return buffer.getvalue()


def rezip(data: bytes, change) -> bytes:
    """A copy of an export with `change(name, content) -> content | None` applied."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            content = change(name, source.read(name))
            if content is not None:
                target.writestr(name, content)
    return out.getvalue()


def stored_files(settings) -> set:
    return {path for path in settings.MEDIA_ROOT.rglob("*") if path.is_file()}


# --- Archive and restore ---------------------------------------------------------------


def test_archiving_takes_the_chapter_offline_and_keeps_its_content(client, network):
    story = add_story(network.riverside, "Rent strike")
    assert get(client, "/en/stories/rent-strike/").status_code == 200
    chapter = riverside()
    live_before = set(chapter.pages().live().values_list("pk", flat=True))

    count = archive_chapter(chapter, user=admin())

    assert count == len(live_before) == 5  # home, three sections, the story
    for path in ["/en/", "/es/", "/en/stories/", "/en/stories/rent-strike/"]:
        assert get(client, path).status_code == 404, path
    assert get(client, "/", follow=True).status_code == 404
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


# --- Export ----------------------------------------------------------------------------


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
    exported = {(entry["model"], entry["id"]) for entry in snippets}
    assert ("home.Principle", content["principle"].pk) in exported
    assert ("home.PrincipleSet", content["principle"].principle_set_id) in exported
    assert ("home.Right", content["housing"].pk) in exported
    principle = next(entry for entry in snippets if entry["model"] == "home.Principle")
    assert (principle["translation_key"], principle["locale"]) == (
        str(content["principle"].translation_key),
        "en",
    )
    assert chapter_settings["contact_email"] == "hello@riverside.example"
    assert chapter_settings["logo"] == content["image"].pk


# --- Delete, then import: the round trip -------------------------------------------------


def test_delete_then_import_brings_the_chapter_back_with_new_ids(
    client, network, settings, tmp_path
):
    settings.CHAPTER_EXPORT_DIR = tmp_path / "exports"
    content = build_content(network.riverside)
    old = {name: obj.pk for name, obj in content.items()}
    principles = Principle.objects.count()
    chapter = riverside()
    page_count = chapter.pages().count()

    path = delete_chapter(chapter, confirm_name="Riverside", user=admin())

    assert path.parent == tmp_path / "exports" and path.name.startswith("riverside-")
    assert not Site.objects.filter(hostname=RIVERSIDE_HOST).exists()
    assert not Page.objects.filter(pk__in=[old["story"], old["event"], old["translation"]]).exists()
    assert not ChapterHomePage.objects.filter(title="Riverside").exists()
    assert not Image.objects.filter(pk=old["image"]).exists()
    assert not Collection.objects.filter(name="Riverside").exists()
    assert not Group.objects.filter(name__startswith="Riverside ").exists()
    assert not Workflow.objects.filter(name="Riverside moderation").exists()
    # The hostname now falls through to the default site, the Alliance.
    assert get(client, "/en/").context["page"].pk == network.alliance.pk

    with open(path, "rb") as source:
        chapter = import_chapter(source, user=admin())

    assert (chapter.name, chapter.site.hostname) == ("Riverside", RIVERSIDE_HOST)
    assert chapter.pages().count() == page_count
    assert chapter.editors.name == "Riverside editors"
    image = Image.objects.get(collection=chapter.collection)
    document = Document.objects.get(collection=chapter.collection)
    assert (image.title, image.description) == ("Tenants meeting", "Tenants meeting, described")
    assert list(image.tags.names()) == ["meeting"]
    story = StoryPage.objects.get(title="Eviction defense")
    event = EventPage.objects.get(title="Town hall")
    assert old["image"] != image.pk and old["story"] != story.pk and old["event"] != event.pk
    assert story.image_id == image.pk
    blocks = {block.block_type: block.value for block in story.body}
    assert blocks["image"]["image"].pk == image.pk
    assert blocks["document"]["document"].pk == document.pk
    paragraph = story.body.raw_data[1]["value"]
    assert f'linktype="page" id="{event.pk}"' in paragraph
    assert f'linktype="document" id="{document.pk}"' in paragraph
    assert f'embedtype="image" format="left" id="{image.pk}"' in paragraph
    # The shared snippets are reused, never duplicated.
    assert Principle.objects.count() == principles
    assert blocks["principle"]["principle"].pk == old["principle"]
    assert list(story.related_principles.all()) == [content["principle"]]
    assert list(story.rights.all()) == [content["housing"]]
    assert list(event.rights.all()) == [content["housing"]]
    assert [r.pk for r in blocks["resources"]["resources"]] == [old["reading"]]
    # Shared media the chapter used is the Alliance's, kept and reused, never copied.
    assert Image.objects.filter(pk=old["shared"]).exists()
    assert event.body[0].value["image"].pk == old["shared"]
    assert Image.objects.filter(title="Alliance logo").count() == 1
    adoption = chapter.home.specific.principle_set_adoptions.get()
    assert adoption.principle_set == content["principle"].principle_set
    # Live and draft states are kept.
    assert story.live and event.live
    assert StoryPage.objects.get(title="Unfinished story").live is False
    # The Spanish translation is a translation of the new story, under the new chapter.
    translation = StoryPage.objects.get(title="Defensa contra desalojos")
    assert translation.translation_key == story.translation_key
    assert translation.locale.language_code == "es"
    assert translation.get_parent().get_parent().translation_key == chapter.home.translation_key
    assert {p.pk for p in chapter.pages()} >= {story.pk, translation.pk, event.pk}
    # The settings follow, with the logo and links remapped.
    chapter_settings = ChapterSettings.for_site(chapter.site)
    assert chapter_settings.logo_id == image.pk
    assert chapter_settings.contact_email == "hello@riverside.example"
    assert f'id="{document.pk}"' in chapter_settings.support_resources

    # The public story renders with the new image and links to the new pages.
    response = get(client, "/en/stories/eviction-defense/")
    assert response.status_code == 200
    assert image.get_rendition("width-960").url in response.text
    assert "/en/events/town-hall/" in response.text
    assert f"/documents/{document.pk}/" in response.text
    assert "Those most harmed speak first." in response.text
    assert get(client, "/en/events/town-hall/").status_code == 200
    assert get(client, "/es/stories/eviction-defense/").status_code == 200
    assert get(client, "/en/stories/unfinished-story/").status_code == 404


def test_import_under_another_name_and_hostname_leaves_the_original_alone(client, network):
    content = build_content(network.riverside)
    original = riverside()
    before, counts = chapter_state(original), snapshot()
    images_before = list(Image.objects.filter(collection=original.collection).values_list("pk"))

    copy = import_chapter(
        io.BytesIO(export_bytes(original)), name="Riverside Copy", hostname="copy.localhost"
    )

    assert chapter_state(riverside()) == before
    assert list(Image.objects.filter(collection=original.collection).values_list("pk")) == (
        images_before
    )
    assert (copy.name, copy.site.hostname) == ("Riverside Copy", "copy.localhost")
    assert copy.pages().count() == original.pages().count()
    after = snapshot()
    assert after["principles"] == counts["principles"] and after["rights"] == counts["rights"]
    assert after["chapters"] == counts["chapters"] + 1
    new_story = StoryPage.objects.descendant_of(copy.home).get(title="Eviction defense")
    new_event = EventPage.objects.descendant_of(copy.home).get(title="Town hall")
    assert new_story.pk != content["story"].pk
    paragraph = new_story.body.raw_data[1]["value"]
    assert f'id="{new_event.pk}"' in paragraph and f'id="{content["event"].pk}"' not in paragraph
    assert new_story.image.collection == copy.collection
    # Its Spanish home takes the new name too; the original's keeps its own.
    spanish_homes = ChapterHomePage.objects.filter(locale__language_code="es")
    assert set(spanish_homes.values_list("title", flat=True)) == {"Riverside", "Riverside Copy"}
    assert copy.homes().count() == 2
    assert get(client, "/en/stories/eviction-defense/", host="copy.localhost").status_code == 200
    assert get(client, "/en/stories/eviction-defense/").status_code == 200


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


# --- Delete ----------------------------------------------------------------------------


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


# --- Commands --------------------------------------------------------------------------


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
    assert get(client, "/en/").status_code == 404
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


def test_private_pages_and_collections_stay_private_after_import(client, network):
    story = add_story(network.riverside, "Members only")
    restriction = PageViewRestriction.objects.create(page=story, restriction_type="groups")
    restriction.groups.set([Group.objects.get(name="Riverside moderators")])
    original = riverside()
    CollectionViewRestriction.objects.create(
        collection=original.collection, restriction_type="password", password="s3cret"
    )

    copy = import_chapter(
        io.BytesIO(export_bytes(original)), name="Lakeview", hostname="lake.localhost"
    )

    new_story = StoryPage.objects.descendant_of(copy.home).get(title="Members only")
    new_restriction = PageViewRestriction.objects.get(page=new_story)
    assert new_restriction.restriction_type == "groups"
    assert list(new_restriction.groups.all()) == [copy.moderators]
    collection_restriction = CollectionViewRestriction.objects.get(collection=copy.collection)
    assert (collection_restriction.restriction_type, collection_restriction.password) == (
        "password",
        "s3cret",
    )
    response = get(client, "/en/stories/members-only/", host="lake.localhost")
    assert response.status_code == 302 and "login" in response["Location"]


def test_import_creates_shared_snippets_this_install_lacks(network):
    """An export from another install: its snippets have other translation keys."""
    content = build_content(network.riverside)
    content["reading"].topics.add("housing", "organizing")
    content["reading"].save()
    new_keys = {}

    def change(name, data):
        if name == "snippets.json":
            snippets = json.loads(data)
            for entry in snippets:
                new_keys[entry["model"]] = entry["translation_key"] = str(uuid.uuid4())
            return json.dumps(snippets)
        return data

    data = rezip(export_bytes(riverside()), change)
    before = snapshot()

    copy = import_chapter(io.BytesIO(data), name="Lakeview", hostname="lake.localhost")

    after = snapshot()
    assert after["principles"] == before["principles"] + 1
    assert after["principle_sets"] == before["principle_sets"] + 1
    assert after["resources"] == before["resources"] + 1
    # A right with the same slug in the same language is the same right.
    assert after["rights"] == before["rights"]
    principle = Principle.objects.get(translation_key=new_keys["home.Principle"])
    assert (principle.title, principle.locale.language_code) == ("Listen first", "en")
    assert str(principle.principle_set.translation_key) == new_keys["home.PrincipleSet"]
    reading = Resource.objects.get(translation_key=new_keys["home.Resource"])
    assert sorted(reading.topics.names()) == ["housing", "organizing"]
    story = StoryPage.objects.descendant_of(copy.home).get(title="Eviction defense")
    blocks = {block.block_type: block.value for block in story.body}
    assert blocks["principle"]["principle"] == principle
    assert list(blocks["resources"]["resources"]) == [reading]
    assert list(story.related_principles.all()) == [principle]
    assert list(story.rights.all()) == [content["housing"]]
    adoption = copy.home.specific.principle_set_adoptions.get()
    assert adoption.principle_set == principle.principle_set


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
    assert get(client, "/en/", host="lake.localhost").status_code == 404
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


def test_aliases_point_at_the_imported_original(network):
    story = add_story(network.riverside, "Shared story")
    alias = story.create_alias(update_slug="shared-story-again")
    original = riverside()

    copy = import_chapter(
        io.BytesIO(export_bytes(original)), name="Lakeview", hostname="lake.localhost"
    )

    new_story = StoryPage.objects.descendant_of(copy.home).get(slug="shared-story")
    new_alias = StoryPage.objects.descendant_of(copy.home).get(slug="shared-story-again")
    assert new_alias.alias_of_id == new_story.pk
    assert new_alias.live and new_alias.pk != alias.pk


# --- Consent travels with the chapter ----------------------------------------------------


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

    # Everything onboarding made is gone: the members group, the private collection
    # and its photograph, the records and the signed form in private storage.
    assert not Group.objects.filter(name="Riverside members").exists()
    assert not Collection.objects.filter(pk=old_archive.pk).exists()
    assert not Image.objects.filter(pk=built["photo"].pk).exists()
    assert not ConsentRecord.objects.filter(reference__in=references.values()).exists()
    assert not old_document[0].exists(old_document[1])
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

    with open(path, "rb") as source:
        chapter = import_chapter(source, user=admin())

    entries = {
        entry.title: entry
        for entry in ArchiveEntryPage.objects.filter(pk__in=chapter.pages().values("pk"))
        if entry.locale.language_code == "en"
    }
    assert set(entries) == set(built["records"]) - {"photo"}
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
    # The private archive collection is the new chapter's, with its photograph.
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
