"""Files in a chapter's collections for the reference-rule tests: an image or a
document in a collection, consent for it, the page as a reader sees it, and the
message that names a file a chapter may not use."""

import html as htmllib
import io

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from chapters.archive.consent import apply_consent
from chapters.archive.consent_records import ConsentRecord
from home.setup import SHARED_COLLECTION
from tests.sample_files import pdf_bytes

ADMIN = {"host": "localhost"}
Image, Document = get_image_model(), get_document_model()


def shared() -> Collection:
    return Collection.objects.get(depth=2, name=SHARED_COLLECTION)


def image_in(collection, title: str, colour: str = "teal"):
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 6), colour).save(buffer, "PNG")
    slug = title.lower().replace(" ", "-")
    image = Image(title=title, collection=collection, file=ImageFile(buffer, name=f"{slug}.png"))
    image.save()
    return image


def document_in(collection, title: str):
    document = Document(title=title, collection=collection)
    document.file.save(f"{title.lower().replace(' ', '-')}.pdf", ContentFile(pdf_bytes(title)))
    return document


def give_consent(entry, item):
    kind = "image" if isinstance(item, Image) else "document"
    ConsentRecord.objects.create(
        entry=entry, status="given", scope="public", channel_web=True, **{kind: item}
    )
    apply_consent(entry)


def text(response) -> str:
    """The page as a reader sees it (entities decoded)."""
    return htmllib.unescape(response.content.decode())


def foreign_message(item, owner="Riverside") -> str:
    kind = "Image" if isinstance(item, Image) else "Document"
    return f"{kind} #{item.pk} is not in {owner}'s collections or the Alliance's shared media"
