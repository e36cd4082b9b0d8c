"""The import's collections, images, documents and consent records.

A mixin of `importing.Importer`, which holds the export, the new chapter, the id
maps and the list of stored files (removed again if the import fails).
"""

import hashlib
import io
import os
import uuid

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile, File
from django.core.files.images import ImageFile
from django.db import models
from django.utils.text import get_valid_filename
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.models import AbstractImage
from wagtail.models import Collection, CollectionViewRestriction

from chapters.archive.consent import apply_consent
from chapters.archive.consent_records import ConsentRecord
from chapters.archive.models import ArchiveEntryPage
from chapters.lifecycle.export_format import MEDIA_DETAILS, parse_datetime
from home.publication import under_collections
from home.setup import SHARED_COLLECTION


class MediaImport:
    # collections and files

    def restore_collections(self) -> dict[int, Collection]:
        """The exported chapter's collections: its own is the new chapter's, its archive
        collection the new archive collection; other sub-collections are made anew."""
        chapter, found = self.chapter, {}
        for entry in self.export.collections:
            if entry.get("root"):
                collection = chapter.collection
            elif entry.get("archive") and chapter.archive_collection is not None:
                collection = chapter.archive_collection
            else:
                parent = Collection.objects.get(
                    pk=(found.get(entry.get("parent")) or chapter.collection).pk
                )
                name = entry["name"][:255]
                collection = parent.get_children().filter(name=name).first() or parent.add_child(
                    name=name
                )
            found[entry["id"]] = collection
            if not entry.get("root"):
                for restriction in entry.get("view_restrictions") or []:
                    self.restrict(CollectionViewRestriction(collection=collection), restriction)
        return found

    def restore_media(self) -> None:
        for entry in self.export.images:
            self.image_map[entry["id"]] = self.media(entry, get_image_model())
        for entry in self.export.documents:
            self.document_map[entry["id"]] = self.media(entry, get_document_model())

    def media(self, entry: dict, model) -> int:
        """The new id of an exported image or document: shared media this install has,
        else a new file in the chapter's collection it was in."""
        data = self.export.archive.read(entry["file"])
        file_hash = hashlib.sha1(data, usedforsecurity=False).hexdigest()
        if entry.get("external"):
            found = self.existing_media(model, entry, file_hash)
            if found is not None:
                return found
            # Not among this install's shared media: the chapter keeps its own copy
            # (never in another chapter's collection, nor where the chapter may not use it).
            collection = self.chapter.collection
        else:
            collection = self.collection_map.get(entry.get("collection_id")) or (
                self.chapter.collection
            )
        file_name = get_valid_filename(os.path.basename(entry.get("file_name") or "file"))
        wrapper = ImageFile if issubclass(model, AbstractImage) else File
        obj = model(
            title=str(entry.get("title") or file_name)[:255],
            collection=collection,
            file=wrapper(io.BytesIO(data), name=file_name),
            uploaded_by_user=self.user,
        )
        for name in MEDIA_DETAILS:
            if name in entry and hasattr(obj, name):
                value = entry[name]
                setattr(obj, name, "" if value is None and name == "description" else value)
        obj.file_size, obj.file_hash = len(data), file_hash
        obj.save()
        self.stored.append((obj.file.storage, obj.file.name))
        if entry.get("tags"):
            obj.tags.add(*entry["tags"])
        if entry.get("created_at"):
            model.objects.filter(pk=obj.pk).update(created_at=parse_datetime(entry["created_at"]))
        return obj.pk

    def existing_media(self, model, entry: dict, file_hash: str) -> int | None:
        """Shared media this install already has (in the Alliance's shared collection,
        the only files outside its own a chapter may use): the same row if it is
        still here, else a file with the same contents. Never another chapter's file,
        whatever the export claims."""
        shared = model.objects.filter(
            under_collections(Collection.objects.filter(depth=2, name=SHARED_COLLECTION))
        )
        same = shared.filter(pk=entry["id"], title=entry.get("title")).first()
        if same is not None:
            try:
                with same.file.storage.open(same.file.name, "rb") as existing:
                    if hashlib.file_digest(existing, "sha1").hexdigest() == file_hash:
                        return same.pk
            except OSError:
                pass
        candidates = shared.filter(file_hash=file_hash)
        preferred = candidates.filter(collection__name=entry.get("collection")).first()
        found = preferred or candidates.first()
        return found.pk if found else None

    # consent

    def restore_consent(self) -> None:
        """Recreate the consent records on the new entries and files, then apply them,
        so each entry is public exactly where its consent allows."""
        User = get_user_model()
        users: dict[str, object] = {}

        def user(username):
            """Users are matched by username, else left empty."""
            if not username:
                return None
            if username not in users:
                users[username] = User.objects.filter(**{User.USERNAME_FIELD: username}).first()
            return users[username]

        entries = {}
        for data in self.export.consent:
            record = self.consent_record(data, user)
            if record is None:
                continue  # its file did not travel
            record.save()
            if data.get("recorded_at"):  # auto_now: set it back to when it was recorded
                ConsentRecord.objects.filter(pk=record.pk).update(
                    recorded_at=parse_datetime(data["recorded_at"])
                )
            entries[record.entry_id] = None
        for entry in ArchiveEntryPage.objects.filter(pk__in=list(entries)):
            apply_consent(entry)

    def consent_record(self, data: dict, user) -> ConsentRecord | None:
        """An unsaved, checked record on the new entry and file, or None if its file did
        not travel. It keeps its reference (the person who shared a story may hold it)
        when no record here has it yet."""
        entry_id = self.page_map[data["entry"]]
        image_id = self.image_map.get(data["image"]) if data.get("image") else None
        document_id = self.document_map.get(data["document"]) if data.get("document") else None
        if (data.get("image") and image_id is None) or (
            data.get("document") and document_id is None
        ):
            return None
        record = ConsentRecord(entry_id=entry_id, image_id=image_id, document_id=document_id)
        for field in ConsentRecord._meta.concrete_fields:
            if field.primary_key or field.name not in data:
                continue
            if field.name in ("entry", "image", "document", "reference", "recorded_at"):
                continue
            value = data[field.name]
            if field.is_relation:
                setattr(record, field.name, user(value))
            elif isinstance(field, models.FileField):
                if value:
                    self.consent_document(record, field, value)
            else:
                setattr(record, field.attname, field.to_python(value))
        record.reference = _free_reference(data.get("reference"))
        record.full_clean(
            exclude=["entry", "image", "document", "recorded_by", "withdrawn_by"],
            validate_unique=False,
            validate_constraints=False,
        )
        return record

    def consent_document(self, record: ConsentRecord, field, value: dict) -> None:
        """The signed form, back in private storage (the field's own storage)."""
        content = ContentFile(self.export.archive.read(value["file"]))
        name = get_valid_filename(os.path.basename(value.get("file_name") or ""))
        getattr(record, field.name).save(name or "consent", content, save=False)
        stored = getattr(record, field.name)
        self.stored.append((stored.storage, stored.name))


def _free_reference(value) -> uuid.UUID:
    """The exported reference if it is a UUID no record here has yet, else a new one."""
    try:
        reference = uuid.UUID(str(value))
    except ValueError:
        return uuid.uuid4()
    if ConsentRecord.objects.filter(reference=reference).exists():
        return uuid.uuid4()
    return reference
