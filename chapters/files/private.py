"""Private media: the files of the chapters' archives, and who may see them.

An image or document in a chapter's archive collection (or below it) is a
private file:

* On save it is stored in PRIVATE_MEDIA_ROOT under a random `private-…`
  name (see `network_site.storage.MediaStorage`); an image is re-encoded
  first, so no EXIF or other metadata is kept (its orientation is applied),
  and a PDF or audio file is rewritten without its metadata
  (`chapters.files.file_cleaning`). Renditions made while it was public are
  deleted; new ones get private names.
* The public reaches it only at `/archive-media/image/<id>/<spec>/` and
  `/archive-media/document/<id>/`, and only if `file_visible_to(item, user)`:
  an entry that shows it is visible to the reader (`entry_visible_to`) and the
  file's own consent record for that entry is in force, on the web, for the
  reader's scope (the public, or the members of the entry's chapter).
* In the admin, people with rights on its collection see it through
  `admin_file`, an admin-only view (the views are in `chapters.files.views`).

Files of a view-restricted collection (CollectionViewRestriction, on it or an
ancestor) are private too (`private-restricted-…`, images re-encoded) and
served through the restriction; Wagtail's staged uploads (the multiple
uploader's `UploadedFile`) wait under PRIVATE_MEDIA_ROOT (`private-staged-…`).
Every upload first passes `chapters.files.file_safety.check_upload`.
"""

import hashlib
import os
import re
import secrets
from io import BytesIO

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q, QuerySet
from django.db.models.signals import post_delete, post_save, pre_save
from django.urls import reverse
from django.utils.text import get_valid_filename
from PIL import Image as PILImage
from PIL import ImageOps, ImageSequence
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    Page,
    ReferenceIndex,
    UploadedFile,
)
from wagtail.permissions import policy_registry

from chapters.archive.access import entry_visible_to, is_member
from chapters.archive.consent_records import ConsentRecord, file_kind
from chapters.archive.models import ArchiveEntryPage
from chapters.files.file_cleaning import UncleanableFile, clean_document
from chapters.files.file_safety import check_upload
from chapters.register.chapter import Chapter
from home.publication import under_collections
from home.renditions import ARCHIVE_SPECS
from network_site.storage import (
    PRIVATE_PREFIX,
    RESTRICTED_PREFIX,
    STAGED_PREFIX,
    is_private_name,
)

# The only renditions the public view makes: it cannot be used to fill the disk.
ALLOWED_SPECS = ARCHIVE_SPECS
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


def is_restricted_item(item) -> bool:
    """In a collection under a view restriction (its own or an ancestor's)?"""
    if item.collection_id is None:
        return False
    restricted = Collection.objects.filter(
        pk__in=CollectionViewRestriction.objects.values("collection_id")
    )
    return Collection.objects.filter(
        under_collections(restricted, "path"), pk=item.collection_id
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


def private_basename(extension: str, prefix: str = PRIVATE_PREFIX) -> str:
    # Short, so Wagtail's rendition names (truncated to 59 characters) keep the prefix.
    return f"{prefix}{secrets.token_hex(8)}{extension.lower()}"


ARCHIVE, RESTRICTED, PUBLIC, STAGED = "archive", "restricted", "public", "staged"
PREFIXES = {ARCHIVE: PRIVATE_PREFIX, RESTRICTED: RESTRICTED_PREFIX, PUBLIC: ""}


def wanted_state(item) -> str:
    """Where the item's file belongs: the archive's (cleaned, consent-served), a
    view-restricted collection's (served through its restriction) or public."""
    if is_archive_item(item):
        return ARCHIVE
    if is_restricted_item(item):
        return RESTRICTED
    return PUBLIC


def stored_state(name: str) -> str:
    base = os.path.basename(name or "")
    for state, prefix in ((STAGED, STAGED_PREFIX), (RESTRICTED, RESTRICTED_PREFIX)):
        if base.startswith(prefix):
            return state
    return ARCHIVE if base.startswith(PRIVATE_PREFIX) else PUBLIC


def original_name(name: str) -> str:
    """The name a person gave the file: a staged upload's, not the `private-…` prefix."""
    base = os.path.basename(name or "")
    match = re.match(rf"^{STAGED_PREFIX}[0-9a-f]{{16}}-(.+)$", base)
    return match[1] if match else base


def _private_content(item, data: bytes, name: str, state: str = ARCHIVE):
    """The file's new content and name: (file, its bytes, (width, height) for an image).
    An archive document is cleaned of its metadata (`chapters.files.file_cleaning`)."""
    extension = os.path.splitext(name)[1]
    size = None
    if is_image(item):
        data, extension, size = strip_metadata(data)
    elif state == ARCHIVE:
        data = clean_document(data, extension)
    return ContentFile(data, name=private_basename(extension, PREFIXES[state])), data, size


def _set_file_metadata(item, data: bytes) -> None:
    item.file_size = len(data)
    item.file_hash = hashlib.sha1(data, usedforsecurity=False).hexdigest()


def _read(field) -> bytes:
    field.open("rb")
    field.seek(0)
    data = field.read()
    field.seek(0)
    return data


def check_new_file(instance, state: str) -> None:
    """A new file (or one moving into the archive) must follow the upload rules
    (`chapters.files.file_safety.check_upload`). A refused file already written to the
    storage (`file.save(…)` stores before it saves) is deleted at once."""
    field = instance.file
    stored = None
    if instance.pk is not None:
        stored = type(instance).objects.filter(pk=instance.pk).values_list("file", flat=True)
        stored = stored.first()
    new = not field._committed or stored != field.name
    into_archive = state == ARCHIVE and stored_state(field.name) != ARCHIVE
    if not (new or into_archive):
        return
    archive = state == ARCHIVE
    try:
        data = _read(field) if archive and not is_image(instance) else None
        check_upload(instance, original_name(field.name), field.size, archive=archive, data=data)
    except ValidationError:
        shared = type(instance).objects.filter(file=field.name).exists()
        if field._committed and new and not shared:
            field.storage.delete(field.name)  # a copy made for this save, nobody else's
        raise


def _moves_file(update_fields) -> bool:
    """Could this save change the file or where it belongs? (Wagtail saves only
    `file_size` or `file_hash` on an instance whose form was refused.)"""
    return update_fields is None or bool({"file", "collection"} & set(update_fields))


def secure_new_upload(sender, instance, raw=False, **kwargs):
    """pre_save: the upload rules, then a new private upload is cleaned and renamed
    before it touches the disk."""
    field = instance.file
    if raw or not field or not _moves_file(kwargs.get("update_fields")):
        return
    state = wanted_state(instance)
    check_new_file(instance, state)
    if field._committed:
        return  # stored already: moved (if it must be) after the save
    if state != PUBLIC:
        content, data, _size = _private_content(instance, _read(field), field.name, state)
        instance.file = content
        content.seek(0)
        _set_file_metadata(instance, data)
    elif is_private_name(field.name):
        # A public upload that happens to be called "private-…" stays public.
        field.name = f"upload-{os.path.basename(field.name)}"


def stage_upload_privately(sender, instance, raw=False, **kwargs):
    """pre_save of Wagtail's `UploadedFile`: a staged upload waits in PRIVATE_MEDIA_ROOT."""
    field = instance.file
    if raw or not field or field._committed or is_private_name(field.name):
        return
    base = get_valid_filename(os.path.basename(field.name))[-100:] or "upload"
    field.name = f"{STAGED_PREFIX}{secrets.token_hex(8)}-{base}"


def secure_stored_file(sender, instance, raw=False, **kwargs):
    """post_save: a file moved into (or out of) an archive or view-restricted
    collection moves storage."""
    if raw or not instance.file or not instance.file._committed:
        return
    if not _moves_file(kwargs.get("update_fields")):
        return
    state = wanted_state(instance)
    if stored_state(instance.file.name) != state:
        move_file(instance, state)


def move_file(item, state) -> None:
    """Store the item's file again: privately (cleaned, random name) or publicly."""
    field = item.file
    old_name, storage = field.name, field.storage
    with storage.open(old_name, "rb") as stored:
        data = stored.read()
    size = None
    if state != PUBLIC:
        try:
            content, data, size = _private_content(item, data, old_name, state)
        except UncleanableFile:
            # Only a bulk move gets here (every save is checked first): stored privately
            # as it is, which is better than leaving it public.
            content = ContentFile(data, name=private_basename(os.path.splitext(old_name)[1]))
    else:
        content = ContentFile(data, name=original_name(public_name(old_name)))
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
    if state != PUBLIC:
        # At once: the old copy may be public and carry the original name. (Should the
        # transaction fail, the row points at a missing file: broken, never exposed.)
        storage.delete(old_name)
    else:
        transaction.on_commit(lambda: storage.delete(old_name))


def public_name(name: str) -> str:
    base = os.path.basename(name)
    for prefix in (RESTRICTED_PREFIX, PRIVATE_PREFIX):
        if base.startswith(prefix) and not base.startswith(STAGED_PREFIX):
            return base[len(prefix) :]
    return base


def secure_bulk_moves(request, action_type, objects, action_class_instance):
    """after_bulk_action: "Add to collection" moves items with a queryset update."""
    if action_type != "add_to_collection":
        return
    for item in objects:
        if isinstance(item, get_image_model() | get_document_model()):
            item.refresh_from_db()
            secure_stored_file(type(item), item)


def secure_collection(sender, instance, raw=False, **kwargs):
    """post_save / post_delete of a CollectionViewRestriction: the files of the
    collection (and below) move into, or out of, private storage."""
    if raw:
        return
    collection = Collection.objects.filter(pk=instance.collection_id).first()
    if collection is None:
        return
    below = Collection.objects.filter(path__startswith=collection.path)
    for model in (get_image_model(), get_document_model()):
        for item in model.objects.filter(collection__in=below):
            secure_stored_file(model, item)


def connect_signals() -> None:
    for model in (get_image_model(), get_document_model()):
        label = model._meta.label
        pre_save.connect(secure_new_upload, sender=model, dispatch_uid=f"private-new-{label}")
        post_save.connect(secure_stored_file, sender=model, dispatch_uid=f"private-move-{label}")
    pre_save.connect(stage_upload_privately, sender=UploadedFile, dispatch_uid="private-staged")
    for signal in (post_save, post_delete):
        signal.connect(
            secure_collection, sender=CollectionViewRestriction, dispatch_uid="private-restricted"
        )


def secure_archive_files() -> int:
    """Make every archive file private (for files stored before this existed). Returns a count."""
    count = 0
    for model in (get_image_model(), get_document_model()):
        for item in model.objects.filter(archive_collections_q()):
            if stored_state(item.file.name) != ARCHIVE:
                move_file(item, ARCHIVE)
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
