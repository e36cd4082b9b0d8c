"""Files are safe to upload and to open: only allowed types and sizes, downloads
that cannot run script, nothing private where the web server publishes, and no
metadata left in the archive's PDFs and recordings."""

import io
import json
import os
import re
from pathlib import Path

import pikepdf
import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction, UploadedFile

from chapters.archive.consent import apply_consent
from chapters.archive.consent_records import ConsentRecord
from chapters.lifecycle.common import OffboardingError
from chapters.lifecycle.exporting import export_chapter
from chapters.lifecycle.importing import import_chapter
from chapters.models import Chapter
from tests.conftest import RIVERSIDE_HOST
from tests.pages import add_entry
from tests.sample_files import audio_info, mp3_bytes, pdf_bytes, pdf_texts, wav_bytes

pytestmark = pytest.mark.django_db

CANARY = "zq-file-canary-ana-ruiz"
SANDBOX = "default-src 'none'; sandbox"
SCRIPT = b"<html><body><script>fetch('/admin/users/')</script></body></html>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'

Document, Image = get_document_model(), get_image_model()


@pytest.fixture(autouse=True)
def no_leftovers():
    """Files an earlier test (or run) left in this worker's scratch MEDIA_ROOT."""
    for path in files_under(settings.MEDIA_ROOT):
        if CANARY in path.name:
            path.unlink()


@pytest.fixture
def riverside(network) -> Collection:
    return Collection.objects.get(name="Riverside")


def get(client, url):
    return client.get(url, headers={"host": RIVERSIDE_HOST})


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def files_under(root) -> list[Path]:
    return [path for path in Path(root).rglob("*") if path.is_file()]


def public_files_named(text: str) -> list[Path]:
    return [path for path in files_under(settings.MEDIA_ROOT) if text in path.name]


def under(path, root) -> bool:
    return Path(path).resolve().is_relative_to(Path(root).resolve())


def new_document(collection, name, data, title="A document"):
    document = Document(title=title, collection=collection)
    document.file.save(name, ContentFile(data), save=True)
    return document


def stored_as(document, name: str, data: bytes):
    """A file that got in before these rules (stored directly, as old uploads were)."""
    stored = document.file.storage.save(f"documents/{name}", ContentFile(data))
    Document.objects.filter(pk=document.pk).update(file=stored)
    document.refresh_from_db()
    return document


def upload_form(client, collection, upload, title="Minutes of March"):
    return client.post(
        "/admin/documents/add/",
        {"title": title, "file": upload, "collection": collection.pk, "tags": ""},
        headers={"host": RIVERSIDE_HOST},
    )


def multiple_upload(client, collection, upload, kind="documents"):
    return client.post(
        f"/admin/{kind}/multiple/add/",
        {"files[]": upload, "collection": collection.pk},
        headers={"host": RIVERSIDE_HOST, "x-requested-with": "XMLHttpRequest"},
    )


def assert_file_headers(response, *, inline=False):
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == SANDBOX
    assert response["X-Content-Type-Options"] == "nosniff"
    disposition = response.get("Content-Disposition", "")
    if inline:
        assert not disposition.startswith("attachment")
        assert response["Content-Type"] in ("image/jpeg", "image/png", "image/webp")
    else:
        assert disposition.startswith("attachment"), disposition


# --- Types: an allowlist, on the form and on every save ----------------------------


@pytest.mark.parametrize(
    ("name", "data"), [("notes.html", SCRIPT), ("logo.svg", SVG), ("run.js", b"alert(1)")]
)
def test_upload_form_refuses_active_types_and_keeps_the_title(client, login, riverside, name, data):
    login("riverside-editor")
    name = f"{CANARY}-{name}"
    response = upload_form(client, riverside, SimpleUploadedFile(name, data), title=CANARY)

    assert response.status_code == 200
    html = response.content.decode()
    assert f"“{name}”" in html and "not accepted" in html and ".pdf" in html
    assert f'value="{CANARY}"' in html  # what the editor typed stays
    assert not Document.objects.filter(title=CANARY).exists()
    assert not public_files_named(CANARY)


def test_multiple_uploader_refuses_an_svg_with_a_message(client, login, riverside):
    login("riverside-editor")
    response = multiple_upload(client, riverside, SimpleUploadedFile("map.svg", SVG))

    assert response.status_code == 200
    answer = response.json()
    assert answer["success"] is False
    assert "“map.svg”" in answer["error_message"] and "not accepted" in answer["error_message"]
    assert not Document.objects.filter(title="map.svg").exists()


def test_allowed_document_uploads_through_the_form(client, login, riverside):
    login("riverside-editor")
    response = upload_form(client, riverside, SimpleUploadedFile("minutes.pdf", pdf_bytes()))
    assert response.status_code == 302
    assert Document.objects.get(title="Minutes of March").file.name.endswith(".pdf")


@pytest.mark.parametrize("name", ["page.html", "drawing.svg", "book.xhtml", "macro.docm", "x"])
def test_model_save_refuses_types_outside_the_allowlist(riverside, name):
    """The shell, an import or any code: the same rule, and no file left behind."""
    name = f"{CANARY}-{name}"
    with pytest.raises(ValidationError) as refused:
        new_document(riverside, name, SCRIPT, title=CANARY)
    assert f"“{name}”" in refused.value.messages[0]
    assert "not accepted" in refused.value.messages[0]
    assert not Document.objects.filter(title=CANARY).exists()
    assert not public_files_named(CANARY)


def test_archive_takes_only_files_whose_metadata_can_be_removed(archive):
    with pytest.raises(ValidationError) as refused:
        new_document(archive, "statement.docx", b"PK\x03\x04 word")
    assert "“statement.docx”" in refused.value.messages[0]
    assert "archive" in refused.value.messages[0]
    with pytest.raises(ValidationError) as broken:
        new_document(archive, "scan.pdf", b"%PDF-1.4 not really")
    assert "could not be read as a PDF" in broken.value.messages[0]


def test_moving_a_document_into_the_archive_follows_the_archive_rules(client, login, riverside):
    name = f"{CANARY}-budget.xlsx"
    document = new_document(riverside, name, b"PK\x03\x04 sheet", title="Budget")
    archive = Chapter.objects.get(collection=riverside).archive_collection
    login("riverside-editor")
    response = client.post(
        f"/admin/documents/edit/{document.pk}/",
        {"title": "Budget 1968", "collection": archive.pk, "tags": ""},
        headers={"host": RIVERSIDE_HOST},
    )
    assert response.status_code == 200
    assert f"“{name}”: .xlsx files are not accepted in an archive" in response.content.decode()
    assert 'value="Budget 1968"' in response.content.decode()
    document.refresh_from_db()
    assert document.collection == riverside and document.title == "Budget"

    document.collection = archive  # the shell: the same rule
    with pytest.raises(ValidationError):
        document.save()
    assert Document.objects.get(pk=document.pk).collection == riverside


# --- Size: a limit, on the form and on every save ---------------------------------


def test_document_size_limit_is_a_setting_with_a_default():
    assert 0 < settings.WAGTAILDOCS_MAX_UPLOAD_SIZE <= 100 * 1024 * 1024


@override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=2048)
def test_oversized_document_refused_on_the_form_naming_file_and_limit(client, login, riverside):
    login("riverside-editor")
    upload = SimpleUploadedFile("long-recording.mp3", mp3_bytes(frames=10))
    response = upload_form(client, riverside, upload, title=CANARY)

    assert response.status_code == 200
    html = response.content.decode()
    assert "“long-recording.mp3”" in html and "4.1\xa0KB" in html and "2.0\xa0KB" in html
    assert f'value="{CANARY}"' in html
    assert not Document.objects.filter(title=CANARY).exists()


@override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=2048)
def test_oversized_document_refused_on_model_save_and_by_the_multiple_uploader(
    client, login, riverside
):
    with pytest.raises(ValidationError) as refused:
        new_document(riverside, "big.pdf", pdf_bytes(pages=8), title=CANARY)
    # The name the storage gave it: "big.pdf", or "big_<random>.pdf" if one was there.
    assert re.match(r"“big(_\w+)?\.pdf” is ", refused.value.messages[0])
    assert "2.0\xa0KB" in refused.value.messages[0]
    assert not public_files_named("big")

    login("riverside-editor")
    upload = SimpleUploadedFile("big.pdf", pdf_bytes(pages=8))
    answer = multiple_upload(client, riverside, upload).json()
    assert answer["success"] is False and "2.0\xa0KB" in answer["error_message"]


# --- Upload DoS: a decompression bomb, an oversized image -------------------------


def bomb_png(side=9000) -> bytes:
    """81 million pixels in a few kilobytes: decoding it would take hundreds of MB."""
    buffer = io.BytesIO()
    PILImage.new("1", (side, side)).save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def test_decompression_bomb_is_refused_with_a_message_not_a_500(client, login, riverside):
    data = bomb_png()
    assert len(data) < 200_000
    login("riverside-editor")
    response = client.post(
        "/admin/images/add/",
        {"title": CANARY, "file": SimpleUploadedFile("bomb.png", data), "collection": riverside.pk},
        headers={"host": RIVERSIDE_HOST},
    )
    assert response.status_code == 200
    assert "pixels" in response.content.decode()
    assert not Image.objects.filter(title=CANARY).exists()


def test_decompression_bomb_refused_on_model_save_even_in_the_archive(archive):
    image = Image(title=CANARY, collection=archive, file=ImageFile(io.BytesIO(bomb_png())))
    image.file.name = "bomb.png"
    with pytest.raises(ValidationError) as refused:
        image.save()
    assert "“bomb.png”" in refused.value.messages[0]
    assert "50,000,000 pixels" in refused.value.messages[0]


@override_settings(WAGTAILIMAGES_MAX_UPLOAD_SIZE=1000)
def test_oversized_image_refused_on_model_save(riverside):
    buffer = io.BytesIO()
    PILImage.effect_noise((200, 200), 64).save(buffer, "PNG")
    image = Image(title=CANARY, collection=riverside, file=ImageFile(buffer, name="noise.png"))
    with pytest.raises(ValidationError) as refused:
        image.save()
    assert "“noise.png”" in refused.value.messages[0]
    assert "1000\xa0bytes" in refused.value.messages[0]


def test_chapter_import_refuses_a_forbidden_file_by_name(network, riverside):
    stored_as(
        new_document(riverside, "flyer.pdf", pdf_bytes(), title="Flyer"), "flyer.html", SCRIPT
    )
    archive = io.BytesIO()
    export_chapter(Chapter.objects.get(collection=riverside), archive)
    archive.seek(0)
    with pytest.raises(OffboardingError) as refused:
        import_chapter(archive, name="Riverside Copy", hostname="copy.localhost")
    assert "flyer" in str(refused.value) and "not accepted" in str(refused.value)
    assert not Chapter.objects.filter(site__hostname="copy.localhost").exists()


# --- Headers: downloads, sandboxed, never sniffed ----------------------------------


def test_admin_private_media_never_serves_html_inline(client, login, archive):
    """The finding: an archive .html opened in the admin ran as the moderator."""
    document = stored_as(
        new_document(archive, "letter.pdf", pdf_bytes(), title="Letter"), "private-x.html", SCRIPT
    )
    login("riverside-moderator")
    response = get(client, document.file.url)
    assert response["Content-Type"].startswith("text/html")  # its type, but never run:
    assert_file_headers(response)


def test_admin_private_media_headers_for_images_and_documents(client, login, archive):
    image = Image(title="Photo", collection=archive, file=ImageFile(photo(), name="photo.jpg"))
    image.save()
    document = new_document(archive, "letter.pdf", pdf_bytes(), title="Letter")
    login("riverside-moderator")
    assert_file_headers(get(client, image.file.url), inline=True)
    assert_file_headers(get(client, image.get_rendition("max-165x165").url), inline=True)
    assert_file_headers(get(client, document.file.url))


def photo() -> io.BytesIO:
    buffer = io.BytesIO()
    PILImage.new("RGB", (1000, 700), "teal").save(buffer, "JPEG")
    buffer.seek(0)
    return buffer


def test_archive_media_routes_send_the_file_headers(client, network, archive):
    image = Image(title="March", collection=archive, file=ImageFile(photo(), name="march.jpg"))
    image.save()
    document = new_document(archive, "letter.pdf", pdf_bytes(), title="Letter")
    entry = add_entry(network.riverside, "March", image=image, document=document)
    for item, field in ((image, "image"), (document, "document")):
        ConsentRecord.objects.create(
            entry=entry, status="given", scope="public", channel_web=True, **{field: item}
        )
    apply_consent(entry)

    assert_file_headers(get(client, f"/archive-media/image/{image.pk}/width-800/"), inline=True)
    assert_file_headers(get(client, f"/archive-media/document/{document.pk}/"))


def test_consent_document_is_a_sandboxed_download(client, login, network):
    entry = add_entry(network.riverside, "Signed")
    record = ConsentRecord.objects.get(entry=entry)
    record.consent_document.save("signed.html", ContentFile(SCRIPT), save=True)
    login("riverside-moderator")
    response = get(client, f"/admin/chapters/consent/record/{record.pk}/document/")
    assert_file_headers(response)
    assert "no-store" in response["Cache-Control"]


def test_wagtails_document_view_downloads_every_type_sandboxed(client, login, riverside):
    pdf = new_document(riverside, "agenda.pdf", pdf_bytes(), title="Agenda")
    legacy = stored_as(new_document(riverside, "a.pdf", pdf_bytes()), "old-page.html", SCRIPT)
    for document in (pdf, legacy):
        assert_file_headers(get(client, document.url))


def test_wagtails_document_view_for_a_private_document_sends_the_headers(client, login, archive):
    document = new_document(archive, "letter.pdf", pdf_bytes(), title="Letter")
    login("riverside-editor")
    assert_file_headers(get(client, document.url))


# --- Nothing private under MEDIA_ROOT: staged uploads, view-restricted collections --


def test_staged_upload_waits_in_private_storage(client, login, network, riverside):
    """The multiple uploader keeps a file it cannot save yet (here: a collection the
    editor may not use) as an UploadedFile; it must not sit in MEDIA_ROOT."""
    login("riverside-editor")
    hilltop = Collection.objects.get(name="Hilltop")
    upload = SimpleUploadedFile(f"{CANARY}-minutes.pdf", pdf_bytes())
    answer = multiple_upload(client, hilltop, upload).json()
    staged = UploadedFile.objects.get(pk=answer["uploaded_file_id"])

    assert under(staged.file.path, settings.PRIVATE_MEDIA_ROOT)
    assert not under(staged.file.path, settings.MEDIA_ROOT)
    assert not public_files_named(CANARY)

    prefix = f"uploaded-document-{staged.pk}"
    response = client.post(
        f"/admin/documents/multiple/create_from_uploaded_document/{staged.pk}/",
        {f"{prefix}-title": "Minutes", f"{prefix}-collection": riverside.pk, f"{prefix}-tags": ""},
        headers={"host": RIVERSIDE_HOST, "x-requested-with": "XMLHttpRequest"},
    )
    assert json.loads(response.content)["success"] is True
    document = Document.objects.get(title="Minutes")
    assert os.path.basename(document.file.name) == f"{CANARY}-minutes.pdf"  # public again
    assert under(document.file.path, settings.MEDIA_ROOT)


def test_view_restricted_collection_files_are_stored_privately(client, login, riverside):
    members_only = riverside.add_child(name="Members only")
    CollectionViewRestriction.objects.create(collection=members_only, restriction_type="login")
    document = new_document(members_only, f"{CANARY}-minutes.pdf", pdf_bytes(), title="Minutes")
    image = Image(title="Meeting", collection=members_only, file=ImageFile(photo(), name="m.jpg"))
    image.save()
    rendition = image.get_rendition("width-400")

    for path in (document.file.path, image.file.path, rendition.file.path):
        assert under(path, settings.PRIVATE_MEDIA_ROOT) and not under(path, settings.MEDIA_ROOT)
    assert not public_files_named(CANARY)
    # Served only through the restriction: Wagtail's document view, our image view.
    assert get(client, document.url).status_code == 302
    assert get(client, rendition.url).status_code == 404
    login("riverside-member")
    assert_file_headers(get(client, document.url))
    assert_file_headers(get(client, rendition.url), inline=True)


def test_restricting_a_collection_later_moves_its_files(riverside):
    minutes = riverside.add_child(name="Minutes")
    document = new_document(minutes, "march.pdf", pdf_bytes(), title="March minutes")
    public_path = Path(document.file.path)
    assert under(public_path, settings.MEDIA_ROOT)

    restriction = CollectionViewRestriction.objects.create(
        collection=minutes, restriction_type="login"
    )
    document.refresh_from_db()
    assert under(document.file.path, settings.PRIVATE_MEDIA_ROOT)
    assert not public_path.exists()

    restriction.delete()
    document.refresh_from_db()
    assert under(document.file.path, settings.MEDIA_ROOT)
    assert os.path.basename(document.file.name).endswith(".pdf")


# --- Metadata: the archive's PDFs and recordings ------------------------------------


def stored_bytes(item) -> bytes:
    with item.file.open("rb") as stored:
        return stored.read()


def test_archive_pdf_loses_its_metadata_and_keeps_its_pages(archive):
    original = pdf_bytes("Testimony", pages=3, author=CANARY)
    assert CANARY.encode() in original
    document = new_document(archive, "testimony.pdf", original, title="Testimony")

    data = stored_bytes(document)
    assert CANARY.encode() not in data
    with pikepdf.open(io.BytesIO(data)) as pdf:
        assert len(pdf.pages) == 3
        assert "/Info" not in pdf.trailer or not dict(pdf.docinfo)
        assert "/Metadata" not in pdf.Root
    assert pdf_texts(data) == [f"BT /F1 12 Tf 72 720 Td (Testimony {n}) Tj ET" for n in (1, 2, 3)]
    assert document.file_size == len(data)


def test_archive_mp3_loses_its_tags_and_still_plays(archive):
    original = mp3_bytes(artist=CANARY)
    assert CANARY.encode() in original
    document = new_document(archive, "interview.mp3", original, title="Interview")

    data = stored_bytes(document)
    assert CANARY.encode() not in data
    audio = audio_info(data)
    assert type(audio).__name__ == "MP3"
    assert not audio.tags
    assert audio.info.length == pytest.approx(audio_info(original).info.length)


def test_archive_wav_loses_its_info_chunk_and_keeps_its_sound(archive):
    import wave

    original = wav_bytes(artist=CANARY)
    document = new_document(archive, "interview.wav", original, title="Interview")

    data = stored_bytes(document)
    assert CANARY.encode() not in data
    with wave.open(io.BytesIO(data)) as cleaned, wave.open(io.BytesIO(original)) as source:
        assert cleaned.getparams() == source.getparams()
        assert cleaned.readframes(cleaned.getnframes()) == source.readframes(source.getnframes())


def test_public_documents_are_stored_as_uploaded(riverside):
    """Only the archive's files are rewritten: a chapter's public report stays as it is."""
    original = pdf_bytes("Annual report", author="Riverside chapter")
    document = new_document(riverside, "report.pdf", original, title="Report")
    assert stored_bytes(document) == original
