"""Archive files for the private-media tests: a canary photo and letter uploaded to
Riverside's archive or elsewhere, consent for them, and the checks that a file is
private and that no trace of the canary is anywhere the web server publishes."""

import io
import os
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from chapters.archive.consent import apply_consent
from chapters.archive.consent_records import ConsentRecord
from tests.conftest import RIVERSIDE_HOST
from tests.sample_files import pdf_bytes

CANARY = "zq-canary-jane-roe"


def canary_jpeg(size=(1200, 900), orientation=None) -> bytes:
    """A JPEG whose EXIF names the canary (as a camera or a photographer would)."""
    image = PILImage.new("RGB", size, "navy")
    exif = PILImage.Exif()
    exif[0x010E] = f"ImageDescription {CANARY}"  # ImageDescription
    exif[0x013B] = f"Artist {CANARY}"  # Artist
    if orientation:
        exif[0x0112] = orientation  # Orientation
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif, comment=CANARY.encode())
    return buffer.getvalue()


def remove_leftovers():
    """Files a failed earlier run may have left in the scratch MEDIA_ROOT."""
    for path in files_under(settings.MEDIA_ROOT):
        if CANARY in path.name:
            path.unlink()


def upload_image(collection, filename=f"{CANARY}-original.jpg", **fields):
    data = fields.pop("data", None) or canary_jpeg()
    image = get_image_model()(
        title=fields.pop("title", f"Photo {CANARY}"),
        file=ImageFile(io.BytesIO(data), name=filename),
        collection=collection,
        **fields,
    )
    image.save()
    return image


def upload_document(collection, title="Letter to the council"):
    document = get_document_model()(title=title, collection=collection)
    document.file.save(f"{CANARY}-scan.pdf", ContentFile(pdf_bytes("A letter")), save=True)
    return document


def give_consent(entry, item, scope="public"):
    field = "image" if isinstance(item, get_image_model()) else "document"
    record = ConsentRecord.objects.create(
        entry=entry, status="given", scope=scope, channel_web=True, **{field: item}
    )
    apply_consent(entry)
    return record


def image_url(image, spec="width-800"):
    return f"/archive-media/image/{image.pk}/{spec}/"


def get(client, url):
    return client.get(url, headers={"host": RIVERSIDE_HOST})


def body(response) -> bytes:
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def files_under(root) -> list[Path]:
    return [path for path in Path(root).rglob("*") if path.is_file()]


def assert_private(item):
    name = os.path.basename(item.file.name)
    assert name.startswith("private-")
    assert CANARY not in item.file.name
    path = Path(item.file.path).resolve()
    assert path.is_relative_to(Path(settings.PRIVATE_MEDIA_ROOT).resolve())
    assert not path.is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    assert path.exists()
    assert not item.file.url.startswith(settings.MEDIA_URL)


def assert_no_canary_anywhere_public():
    for path in files_under(settings.MEDIA_ROOT):
        assert not path.name.startswith("private-"), path
        assert CANARY not in path.name, path


def network_user(username):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username=username)
