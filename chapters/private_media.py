"""Private media: the files of the chapters' archives, and who may see them.

An image or document in a chapter's archive collection (or below it) is a
private file:

* On save it is stored in PRIVATE_MEDIA_ROOT under a random `private-…`
  name (see `network_site.storage.MediaStorage`); an image is re-encoded
  first, so no EXIF or other metadata is kept (its orientation is applied).
  Renditions made while it was public are deleted; new ones get private names.
* The public reaches it only at `/archive-media/image/<id>/<spec>/` and
  `/archive-media/document/<id>/`, and only if `file_visible_to(item, user)`:
  an entry that shows it is visible to the reader (`entry_visible_to`) and the
  file's own consent record for that entry is in force, on the web, for the
  reader's scope (the public, or the members of the entry's chapter).
* In the admin, people with rights on its collection see it through
  `admin_file`, an admin-only view.
"""

import functools
import hashlib
import mimetypes
import os
import secrets
from io import BytesIO

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q, QuerySet
from django.db.models.signals import post_save, pre_save
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.text import slugify
from django.views.decorators.http import require_safe
from PIL import Image as PILImage
from PIL import ImageOps, ImageSequence
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, ReferenceIndex
from wagtail.permissions import policy_registry

from chapters.consent import entry_visible_to, is_member
from chapters.models import ArchiveEntryPage, Chapter
from chapters.models.consent import ConsentRecord, file_kind
from home.publication import under_collections
from network_site.storage import PRIVATE_PREFIX, is_private_name

# The only renditions the public view makes: it cannot be used to fill the disk.
ALLOWED_SPECS = ("width-800", "width-1600")
IMAGE_FORMATS = {"JPEG": ".jpg", "MPO": ".jpg", "PNG": ".png", "GIF": ".gif", "WEBP": ".webp"}
# Frame data a re-encoded image needs; everything else in `info` (EXIF, XMP,
# comments, PNG text chunks, camera maker notes) is dropped.
KEPT_INFO = {"transparency", "duration", "loop", "background", "icc_profile"}


def is_image(item) -> bool:
    return isinstance(item, get_image_model())


# --- Which files are archive files -------------------------------------------------


def archive_collections() -> QuerySet:
    return Collection.objects.filter(archive_of__isnull=False)


def archive_collections_q() -> Q:
    """For an image or document queryset: items in a chapter's archive collection or below."""
    return Q(under_collections(archive_collections()))


def is_archive_item(item) -> bool:
    if item.collection_id is None:
        return False
    return Collection.objects.filter(
        under_collections(archive_collections(), "path"), pk=item.collection_id
    ).exists()


# --- Making a file private -----------------------------------------------------------


def strip_metadata(data: bytes) -> tuple[bytes, str, tuple[int, int]]:
    """The image re-encoded without metadata, orientation applied: (bytes, extension, size)."""
    with PILImage.open(BytesIO(data)) as source:
        image_format = source.format if source.format in IMAGE_FORMATS else "PNG"
        save_format = "JPEG" if image_format == "MPO" else image_format
        animated = getattr(source, "n_frames", 1) > 1 and save_format in ("GIF", "WEBP")
        if animated:
            frames = [_clean(frame.copy()) for frame in ImageSequence.Iterator(source)]
        else:
            frames = [_clean(ImageOps.exif_transpose(source))]
    first = frames[0]
    options = {}
    if first.info.get("icc_profile"):
        options["icc_profile"] = first.info["icc_profile"]
    if save_format == "JPEG":
        if first.mode not in ("RGB", "L", "CMYK"):
            first = first.convert("RGB")
        options["quality"] = 90
    if animated:
        options.update(save_all=True, append_images=frames[1:])
    output = BytesIO()
    first.save(output, save_format, **options)
    return output.getvalue(), IMAGE_FORMATS[image_format], first.size


def _clean(frame):
    frame.info = {key: value for key, value in frame.info.items() if key in KEPT_INFO}
    return frame


def private_basename(extension: str) -> str:
    # Short, so Wagtail's rendition names (truncated to 59 characters) keep the prefix.
    return f"{PRIVATE_PREFIX}{secrets.token_hex(8)}{extension.lower()}"


def _private_content(item, data: bytes, name: str) -> tuple[ContentFile, bytes, tuple | None]:
    """The file's new content and name: (file, its bytes, (width, height) for an image)."""
    extension = os.path.splitext(name)[1]
    size = None
    if is_image(item):
        data, extension, size = strip_metadata(data)
    return ContentFile(data, name=private_basename(extension)), data, size


def _set_file_metadata(item, data: bytes) -> None:
    item.file_size = len(data)
    item.file_hash = hashlib.sha1(data, usedforsecurity=False).hexdigest()


def secure_new_upload(sender, instance, raw=False, **kwargs):
    """pre_save: a new archive upload is cleaned and renamed before it touches the disk."""
    field = instance.file
    if raw or not field or field._committed:
        return
    if is_archive_item(instance):
        field.open("rb")
        field.seek(0)
        content, data, _size = _private_content(instance, field.read(), field.name)
        instance.file = content
        content.seek(0)
        _set_file_metadata(instance, data)
    elif is_private_name(field.name):
        # A public upload that happens to be called "private-…" stays public.
        field.name = f"upload-{os.path.basename(field.name)}"


def secure_stored_file(sender, instance, raw=False, **kwargs):
    """post_save: a file moved into (or out of) an archive collection moves storage."""
    if raw or not instance.file or not instance.file._committed:
        return
    archive, private = is_archive_item(instance), is_private_name(instance.file.name)
    if archive != private:
        move_file(instance, private=archive)


def move_file(item, *, private: bool) -> None:
    """Store the item's file again, privately (cleaned, random name) or publicly."""
    field = item.file
    old_name, storage = field.name, field.storage
    with storage.open(old_name, "rb") as stored:
        data = stored.read()
    size = None
    if private:
        content, data, size = _private_content(item, data, old_name)
    else:
        content = ContentFile(data, name=os.path.basename(old_name)[len(PRIVATE_PREFIX) :])
    new_name = storage.save(field.field.generate_filename(item, content.name), content)
    _set_file_metadata(item, data)
    changes = {"file": new_name, "file_size": item.file_size, "file_hash": item.file_hash}
    if size:
        changes.update(width=size[0], height=size[1])
    type(item).objects.filter(pk=item.pk).update(**changes)
    for name, value in changes.items():
        setattr(item, name, value)
    if is_image(item):
        # Made while the file was somewhere else, under its old name; the files
        # go with the rows (Wagtail's own post_delete handler).
        item.renditions.all().delete()
    if private:
        # At once: the old copy is public and may carry the original name. (Should the
        # transaction fail, the row points at a missing file: broken, never exposed.)
        storage.delete(old_name)
    else:
        transaction.on_commit(lambda: storage.delete(old_name))


def secure_bulk_moves(request, action_type, objects, action_class_instance):
    """after_bulk_action: "Add to collection" moves items with a queryset update."""
    if action_type != "add_to_collection":
        return
    for item in objects:
        if isinstance(item, get_image_model() | get_document_model()):
            item.refresh_from_db()
            secure_stored_file(type(item), item)


def connect_signals() -> None:
    for model in (get_image_model(), get_document_model()):
        label = model._meta.label
        pre_save.connect(secure_new_upload, sender=model, dispatch_uid=f"private-new-{label}")
        post_save.connect(secure_stored_file, sender=model, dispatch_uid=f"private-move-{label}")


def secure_archive_files() -> int:
    """Make every archive file private (for files stored before this existed). Returns a count."""
    count = 0
    for model in (get_image_model(), get_document_model()):
        for item in model.objects.filter(archive_collections_q()):
            if not is_private_name(item.file.name):
                move_file(item, private=True)
                count += 1
    return count


# --- Who may see a file ----------------------------------------------------------------


def may_manage(user, item) -> bool:
    """May this person edit or choose the file in the admin (its collection's rights)?"""
    if not user.is_authenticated:
        return False
    policy = policy_registry.get_by_type(type(item))
    return policy.user_has_any_permission_for_instance(user, ["change", "choose"], item)


def entries_using(item) -> list[ArchiveEntryPage]:
    """Live entries that show the file: in their `image`/`document` field or a body block."""
    ids = set(
        ArchiveEntryPage.objects.filter(**{file_kind(item): item}).values_list("pk", flat=True)
    )
    page_type = ReferenceIndex._get_base_content_type(Page)
    ids |= {
        int(pk)
        for pk in ReferenceIndex.get_references_to(item)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
    }
    entries = ArchiveEntryPage.objects.live().filter(pk__in=ids)
    return [entry for entry in entries if item in entry.files()]


def visible_in(entry, item, user, *, entry_checked: bool = False) -> bool:
    """May this reader see the file as part of this entry? (`entry_checked`: the
    entry is known to be visible to them, as on its own page.)"""
    if not (entry_checked or entry_visible_to(entry, user)):
        return False
    scopes = ["public"]
    if user.is_authenticated and is_member(user, Chapter.of_page(entry)):
        scopes.append("members")
    return ConsentRecord.objects.in_force(scopes, "web").about_entry(entry).for_file(item).exists()


def file_visible_to(item, user) -> bool:
    """May this reader get the file from the public site? Some entry that shows it is
    visible to them and the file's own consent for that entry is in force for them."""
    if item is None:
        return False
    return any(visible_in(entry, item, user) for entry in entries_using(item))


# --- Addresses and views -------------------------------------------------------------------


def archive_image_url(image, spec: str = ALLOWED_SPECS[0]) -> str:
    return reverse("archive_media_image", args=[image.pk, spec])


def archive_document_url(document) -> str:
    return reverse("archive_media_document", args=[document.pk])


def _private_headers(response):
    response["Cache-Control"] = "private, no-cache"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def outside_languages(view):
    """A 404 here stays a 404: LocaleMiddleware would redirect it to /en/archive-media/…
    (which the page-serving pattern matches). Under `urlpatterns` below, it doesn't."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        request.urlconf = __name__
        return view(request, *args, **kwargs)

    return wrapper


@outside_languages
@require_safe
def serve_image(request, image_id: int, spec: str):
    if spec not in ALLOWED_SPECS:
        raise Http404
    image = get_object_or_404(get_image_model(), pk=image_id)
    # Only archive files (cleaned, privately stored) are served here.
    if not is_private_name(image.file.name) or not file_visible_to(image, request.user):
        raise Http404
    rendition = image.get_rendition(spec)
    with rendition.file.open("rb") as stored:
        data = stored.read()
    content_type = mimetypes.guess_type(rendition.file.name)[0] or "application/octet-stream"
    # No Content-Disposition: the stored name is nobody's business.
    return _private_headers(HttpResponse(data, content_type=content_type))


@outside_languages
@require_safe
def serve_document(request, document_id: int):
    document = get_object_or_404(get_document_model(), pk=document_id)
    if not is_private_name(document.file.name) or not file_visible_to(document, request.user):
        raise Http404
    extension = os.path.splitext(document.file.name)[1].lower()
    filename = f"{slugify(document.title) or 'document'}{extension}"
    response = FileResponse(
        document.file.open("rb"),
        as_attachment=True,
        filename=filename,
        content_type=mimetypes.guess_type(filename)[0] or "application/octet-stream",
    )
    return _private_headers(response)


def owner_of(name: str):
    """The image or document a stored private file belongs to (a rendition's image)."""
    Image, Document = get_image_model(), get_document_model()
    Rendition = Image.get_rendition_model()
    rendition = Rendition.objects.filter(file=name).select_related("image").first()
    return (
        Image.objects.filter(file=name).first()
        or (rendition.image if rendition else None)
        or Document.objects.filter(file=name).first()
    )


def admin_file(request, name: str):
    """A private file for the admin (thumbnails, the original), to people with rights
    on its collection. Registered under /admin/, so Wagtail's admin login applies too."""
    item = owner_of(name) if is_private_name(name) else None
    if item is None or not may_manage(request.user, item):
        raise Http404
    storage = item.file.storage
    if not storage.exists(name):
        raise Http404
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    response = FileResponse(storage.open(name, "rb"), content_type=content_type)
    response["Content-Disposition"] = "inline"
    return _private_headers(response)


# Included by network_site.urls, outside the language prefix.
urlpatterns = [
    path(
        "archive-media/image/<int:image_id>/<str:spec>/",
        serve_image,
        name="archive_media_image",
    ),
    path(
        "archive-media/document/<int:document_id>/",
        serve_document,
        name="archive_media_document",
    ),
]
