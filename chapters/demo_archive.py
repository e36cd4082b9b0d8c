"""The demo archive's files and consent cases (all fictional).

Corvale's archive gets a photograph entry whose picture has the narrator's
consent for the public, and whose sign-in sheet does not (it stays private);
and a kitchen-table interview shared with the chapter's members only, with a
photograph only they may see (log in as `corvale-member`). The pictures are
drawn here, so the demo needs no files. Idempotent, like the rest of the demo.
"""

import io

import pikepdf
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from pikepdf import Dictionary, Name
from PIL import Image, ImageDraw
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from chapters.archive.consent import record_consent
from chapters.archive.consent_records import ConsentRecord
from chapters.archive.models import ArchiveEntryPage, ArchiveIndexPage
from chapters.register.chapter import Chapter

HOSTNAME = "corvale.localhost"


def drawing(colour: str, accent: str) -> bytes:
    """A simple picture standing in for a scanned photograph."""
    image = Image.new("RGB", (1600, 1067), colour)
    draw = ImageDraw.Draw(image)
    for n in range(6):
        draw.rectangle((120 + n * 230, 520 - n * 40, 300 + n * 230, 900), fill=accent)
    draw.ellipse((1180, 120, 1420, 360), fill="#f2d27a")
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


def _image(collection, title: str, description: str, colours: tuple[str, str]):
    model = get_image_model()
    existing = model.objects.filter(title=title, collection=collection).first()
    if existing:
        return existing
    image = model(
        title=title,
        description=description,
        collection=collection,
        file=ImageFile(io.BytesIO(drawing(*colours)), name="scan.jpg"),
    )
    image.save()
    return image


def _document(collection, title: str, text: bytes):
    model = get_document_model()
    existing = model.objects.filter(title=title, collection=collection).first()
    if existing:
        return existing
    document = model(title=title, collection=collection)
    document.file.save("scan.pdf", ContentFile(one_page_pdf(text)), save=True)
    return document


def one_page_pdf(text: bytes) -> bytes:
    """A one-page PDF that says `text` (archive documents must be real PDFs)."""
    pdf = pikepdf.new()
    page = pdf.add_blank_page(page_size=(612, 792))
    font = Dictionary(Type=Name.Font, Subtype=Name.Type1, BaseFont=Name.Helvetica)
    page.obj.Resources = Dictionary(Font=Dictionary(F1=pdf.make_indirect(font)))
    page.obj.Contents = pdf.make_stream(b"BT /F1 14 Tf 72 720 Td (" + text + b") Tj ET")
    output = io.BytesIO()
    pdf.save(output)
    return output.getvalue()


def _entry(archive, slug: str, **fields) -> tuple[ArchiveEntryPage, bool]:
    existing = ArchiveEntryPage.objects.child_of(archive).filter(slug=slug).first()
    if existing:
        return existing.specific, False
    entry = ArchiveEntryPage(slug=slug, live=False, **fields)
    archive.add_child(instance=entry)
    return entry, True


def _file_consent(entry, item, **fields) -> None:
    kind = "image" if isinstance(item, get_image_model()) else "document"
    ConsentRecord.objects.get_or_create(
        entry=entry, **{kind: item}, defaults={"channel_web": True, **fields}
    )


def load_archive_media() -> int:
    chapter = Chapter.objects.filter(site__hostname=HOSTNAME).first()
    if chapter is None or chapter.archive_collection is None:
        return 0
    archive = ArchiveIndexPage.objects.child_of(chapter.home).get()
    collection = chapter.archive_collection
    created = 0

    meeting = _image(
        collection,
        "The first tenants' meeting, church basement",
        "About thirty people on folding chairs in a church basement, facing a hand-written "
        "agenda taped to the wall.",
        ("#3d5a80", "#98c1d9"),
    )
    sign_in = _document(collection, "Sign-in sheet of the first meeting", b"names withheld")
    photos, new = _entry(
        archive,
        "first-tenants-meeting-photographs",
        title="Photographs of the first tenants' meeting, 2016",
        summary="The meeting in the church basement where the Corvale chapter began.",
        kind="photograph",
        period_start=2016,
        place="First Baptist Church basement, Corvale",
        narrators="A member who asked not to be named",
        transcript="<p>Thirty-one people came. Most had an eviction notice in hand.</p>",
        image=meeting,
        document=sign_in,
    )
    if new:
        record_consent(
            photos, status="given", scope="public", given_by="The photographer", channel_api=True
        )
        _file_consent(photos, meeting, status="given", scope="public")
        # The sign-in sheet names people who never agreed to be named: it stays private.
        _file_consent(photos, sign_in, status="pending", scope="public")
        photos.save_revision().publish()  # publishing applies consent (chapters.apps)
        created += 1

    kitchen = _image(
        collection,
        "Kitchen table, the night of the interview",
        "A kitchen table with two mugs, a notebook and a small recorder.",
        ("#6d597a", "#e56b6f"),
    )
    interview, new = _entry(
        archive,
        "kitchen-table-interview",
        title="Kitchen table interview: the second eviction",
        summary="A member tells the chapter about being evicted a second time, in 2024.",
        kind="testimony",
        period_start=2024,
        place="Corvale",
        narrators="D.",
        narrator_is_pseudonym=True,
        transcript="<p>The second time, I knew what to ask for. It still was not enough.</p>",
        content_warning="Eviction; a family separated for a time.",
        image=kitchen,
        blur_images=True,
    )
    if new:
        # Shared with the chapter's members only, as the narrator asked.
        record_consent(interview, status="given", scope="members", given_by="D.")
        _file_consent(interview, kitchen, status="given", scope="members")
        interview.save_revision().publish()
        created += 1
    return created
