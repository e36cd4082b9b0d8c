"""Demo archive entries with files, each file with consent of its own (all fictional).

A chapter file's `archive_with_files` lists them. In the demo, Corvale's archive gets a
photograph entry whose picture has consent for the public and whose sign-in sheet does
not (it stays private), and a kitchen-table interview shared with the chapter's members
only, with a photograph only they may see (log in as `corvale-member`). The pictures
are drawn and the documents typeset here, so the demo ships no files: the data gives a
picture's two colours and a document's one line of text. Idempotent, like the rest.
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

# What an entry with files takes from its data besides the files and consent.
FILES = ("image", "document", "consent")


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


def load_archive_files(hostname: str, entries: list[dict]) -> int:
    """The chapter's entries with files. Returns how many entries it created."""
    if not entries:
        return 0
    chapter = Chapter.objects.filter(site__hostname=hostname).first()
    if chapter is None or chapter.archive_collection is None:
        return 0
    archive = ArchiveIndexPage.objects.child_of(chapter.home).get()
    created = 0
    for item in entries:
        created += _load_entry(archive, chapter.archive_collection, item)
    return created


def _load_entry(archive, collection, item: dict) -> int:
    """Its files first (kept if there), then the entry, its consent and its files'."""
    files = []
    if "image" in item:
        image = item["image"]
        files.append((_image(collection, image), image["consent"]))
    if "document" in item:
        document = item["document"]
        files.append((_document(collection, document), document["consent"]))
    fields = {k: v for k, v in item.items() if k not in FILES}
    for kind in ("image", "document"):
        fields[kind] = next((f for f, _ in files if _kind(f) == kind), None)
    entry, new = _entry(archive, **fields)
    if not new:
        return 0
    record_consent(entry, **item["consent"])
    for obj, consent in files:
        ConsentRecord.objects.get_or_create(
            entry=entry, **{_kind(obj): obj}, defaults={"channel_web": True, **consent}
        )
    entry.save_revision().publish()  # publishing applies consent (chapters.apps)
    return 1


def _kind(obj) -> str:
    return "image" if isinstance(obj, get_image_model()) else "document"


def _image(collection, data: dict):
    model = get_image_model()
    existing = model.objects.filter(title=data["title"], collection=collection).first()
    if existing:
        return existing
    image = model(
        title=data["title"],
        description=data["description"],
        collection=collection,
        file=ImageFile(io.BytesIO(drawing(*data["colours"])), name="scan.jpg"),
    )
    image.save()
    return image


def _document(collection, data: dict):
    model = get_document_model()
    existing = model.objects.filter(title=data["title"], collection=collection).first()
    if existing:
        return existing
    document = model(title=data["title"], collection=collection)
    document.file.save("scan.pdf", ContentFile(one_page_pdf(data["text"].encode())), save=True)
    return document


def _entry(archive, slug: str, **fields) -> tuple[ArchiveEntryPage, bool]:
    existing = ArchiveEntryPage.objects.child_of(archive).filter(slug=slug).first()
    if existing:
        return existing.specific, False
    entry = ArchiveEntryPage(slug=slug, live=False, **fields)
    archive.add_child(instance=entry)
    return entry, True
