"""Exporting a chapter: everything it is, in one zip file (see `export_format`).

The export holds unpublished and consent-restricted content (and the narrators'
real names), so it is private: callers write it to CHAPTER_EXPORT_DIR or hand it
to a network admin, never under MEDIA_ROOT.
"""

import datetime
import hashlib
import json
import os
import zipfile
from typing import BinaryIO

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models.fields.related import ForeignObjectRel
from django.utils import timezone
from django.utils.text import get_valid_filename
from modelcluster.models import get_serializable_data_for_fields
from taggit.managers import TaggableManager
from taggit.models import ItemBase
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction

from chapters.archive.consent_records import ConsentRecord
from chapters.archive.models import ArchiveEntryPage
from chapters.lifecycle.common import OffboardingError, chapter_collections
from chapters.lifecycle.export_format import (
    CONSENT_INDEX,
    FORMAT,
    MEDIA_DETAILS,
    VERSION,
    strip_page,
)
from chapters.lifecycle.references import ReferenceCollector, remap
from chapters.register.chapter import Chapter
from chapters.register.settings import ChapterSettings


def export_chapter(chapter: Chapter, out: BinaryIO) -> dict:
    """Write the chapter as one zip file to `out`; return its manifest.

    The content is read first, noting every id it points at, so that what it
    uses from outside the chapter (shared snippets, pages, shared media) can
    travel with it; the order matters, as snippets point at more of them.
    """
    pages = list(chapter.pages().order_by("path").specific())
    collector = ReferenceCollector({page.pk for page in pages})
    page_entries = _page_entries(pages, collector)
    records = _consent_records(pages, collector)
    settings_data = _settings_data(chapter, collector)
    snippets = _export_snippets(collector)
    external_pages = _external_pages(collector)
    collections = chapter_collections(chapter)
    manifest = _manifest(chapter, settings_data, collections)
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        image_index, document_index = _write_media_files(archive, collections, collector)
        consent_index = [_write_consent(archive, record) for record in records]
        manifest["counts"] = {
            "pages": len(page_entries),
            "live_pages": sum(1 for entry in page_entries if entry["live"]),
            "images": len(image_index),
            "documents": len(document_index),
            "snippets": len(snippets),
            "consent_records": len(consent_index),
        }
        _write_json(
            archive, "pages.json", {"pages": page_entries, "external_pages": external_pages}
        )
        _write_json(archive, "settings.json", settings_data)
        _write_json(archive, "snippets.json", snippets)
        _write_json(archive, "images/index.json", image_index)
        _write_json(archive, "documents/index.json", document_index)
        _write_json(archive, CONSENT_INDEX, consent_index)
        _write_json(archive, "manifest.json", manifest)
    return json.loads(json.dumps(manifest, cls=DjangoJSONEncoder))


# --- Reading the chapter ------------------------------------------------------------


def _page_entries(pages: list[Page], collector: ReferenceCollector) -> list[dict]:
    """Each page in tree order: what the public sees (the live version, else the
    latest draft), plus a newer draft of a live page, so an import loses neither."""
    ids_by_path = {page.path: page.pk for page in pages}
    restrictions = _page_restrictions(pages)
    entries = []
    for page in pages:
        revision = page.latest_revision
        if page.live or revision is None:
            content = page.serializable_data()
            draft = revision.content if page.live and page.has_unpublished_changes else None
        else:
            content, draft = revision.content, None
        if draft is not None and not page.alias_of_id:
            draft = strip_page(draft)
            remap(type(page), draft, collector)
        else:
            draft = None
        content = strip_page(content)
        remap(type(page), content, collector)
        entries.append(
            {
                "id": page.pk,
                "parent": ids_by_path.get(page.path[: -Page.steplen]),
                "type": f"{page._meta.app_label}.{type(page).__name__}",
                "title": page.title,
                "translation_key": str(page.translation_key),
                "locale": page.locale.language_code,
                "live": page.live,
                "alias_of": page.alias_of_id,
                "go_live_at": revision.approved_go_live_at if revision else None,
                "view_restrictions": restrictions.get(page.pk, []),
                "content": content,
                "draft": draft,
            }
        )
    return entries


def _consent_records(pages: list[Page], collector: ReferenceCollector) -> list[ConsentRecord]:
    """Consent is data beside the entries; a record about one file makes that file travel."""
    records = list(
        ConsentRecord.objects.filter(
            entry_id__in=[page.pk for page in pages if isinstance(page, ArchiveEntryPage)]
        )
        .select_related("recorded_by", "withdrawn_by")
        .order_by("pk")
    )
    for record in records:
        collector(get_image_model(), record.image_id)
        collector(get_document_model(), record.document_id)
    return records


def _settings_data(chapter: Chapter, collector: ReferenceCollector) -> dict:
    """The chapter's settings without their row and site, which the import sets anew."""
    settings_data = {}
    chapter_settings = ChapterSettings.objects.filter(site=chapter.site).first()
    if chapter_settings is not None:
        settings_data = get_serializable_data_for_fields(chapter_settings)
        for key in ("pk", "id", "site"):
            settings_data.pop(key, None)
        remap(ChapterSettings, settings_data, collector)
    return settings_data


def _external_pages(collector: ReferenceCollector) -> list[dict]:
    """Pages outside the chapter its content links to, by translation key and
    language, so an import can find the same page in its install."""
    return [
        {
            "id": page.pk,
            "type": f"{page._meta.app_label}.{page.specific_class.__name__}",
            "translation_key": str(page.translation_key),
            "locale": page.locale.language_code,
            "title": page.title,
        }
        for page in Page.objects.filter(pk__in=collector.pages).select_related("locale")
    ]


def _manifest(chapter: Chapter, settings_data: dict, collections: list[Collection]) -> dict:
    """What the export is and what the chapter was: its name, hostname, languages,
    groups, archived state and collections (the counts are added once written)."""
    site = chapter.site
    return {
        "format": FORMAT,
        "version": VERSION,
        "chapter": chapter.name,
        "hostname": site.hostname if site else "",
        "languages": list(chapter.languages or [chapter.home.locale.language_code]),
        "time_zone": settings_data.get("time_zone", ""),
        "exported_at": timezone.now(),
        "home": chapter.home.pk,
        "editors_group": chapter.editors.name if chapter.editors else "",
        "moderators_group": chapter.moderators.name if chapter.moderators else "",
        "members_group": chapter.members.name if chapter.members else "",
        "archived_at": chapter.archived_at,
        "archived_live_pages": list(chapter.archived_live_pages or []),
        "collection_view_restrictions": _restrictions(
            CollectionViewRestriction.objects.filter(collection=chapter.collection)
        )
        if chapter.collection
        else [],
        "collections": _collection_entries(chapter, collections),
    }


def _collection_entries(chapter: Chapter, collections: list[Collection]) -> list[dict]:
    """The chapter's collection first, then its sub-collections (the private
    archive collection among them), parents before children."""
    return [
        {
            "id": collection.pk,
            "name": collection.name,
            "parent": _parent_in(collection, collections),
            "root": collection == chapter.collection,
            "archive": collection.pk == chapter.archive_collection_id,
            "view_restrictions": []
            if collection == chapter.collection
            else _restrictions(CollectionViewRestriction.objects.filter(collection=collection)),
        }
        for collection in collections
    ]


def _parent_in(collection: Collection, collections: list[Collection]) -> int | None:
    parent_path = collection.path[: -Collection.steplen]
    return next((c.pk for c in collections if c.path == parent_path), None)


def _restriction(restriction) -> dict:
    return {
        "restriction_type": restriction.restriction_type,
        "password": restriction.password,
        "groups": sorted(group.name for group in restriction.groups.all()),
    }


def _restrictions(queryset) -> list[dict]:
    return [_restriction(restriction) for restriction in queryset.prefetch_related("groups")]


def _page_restrictions(pages) -> dict[int, list[dict]]:
    found: dict[int, list[dict]] = {}
    queryset = PageViewRestriction.objects.filter(page__in=[page.pk for page in pages])
    for restriction in queryset.prefetch_related("groups"):
        found.setdefault(restriction.page_id, []).append(_restriction(restriction))
    return found


def _export_snippets(collector: ReferenceCollector) -> list[dict]:
    """The shared snippets chapter content refers to, and the ones they refer to."""
    entries, done = [], set()
    while len(done) < len(collector.snippets):
        for label, pk in list(collector.snippets):
            if (label, pk) in done:
                continue
            done.add((label, pk))
            model = apps.get_model(label)
            obj = model.objects.filter(pk=pk).select_related("locale").first()
            if obj is not None:
                entries.append(_snippet_entry(model, label, obj, collector))
    return entries


def _snippet_entry(model, label: str, obj, collector: ReferenceCollector) -> dict:
    """A snippet's fields, its tags as names (tag ids differ between installs)."""
    data = obj.serializable_data() if hasattr(obj, "serializable_data") else None
    data = data if data is not None else get_serializable_data_for_fields(obj)
    tags = {}
    for field in model._meta.get_fields():
        if isinstance(field, TaggableManager):
            tags[field.name] = sorted(getattr(obj, field.name).names())
        elif isinstance(field, ForeignObjectRel) and issubclass(field.related_model, ItemBase):
            data.pop(field.get_accessor_name(), None)  # travels as tag names
    for key in ("locale", "translation_key"):
        data.pop(key, None)
    remap(model, data, collector)
    return {
        "model": label,
        "id": obj.pk,
        "translation_key": str(obj.translation_key),
        "locale": obj.locale.language_code,
        "str": str(obj),
        "fields": data,
        "tags": tags,
    }


# --- Writing the files --------------------------------------------------------------


def _write_media_files(
    archive: zipfile.ZipFile, collections: list[Collection], collector: ReferenceCollector
) -> tuple[list[dict], list[dict]]:
    """The images and documents of the chapter's collections, and the shared ones
    its content uses (marked external, so an import reuses them where it can)."""
    collection_ids = {collection.pk for collection in collections}
    indexes = []
    for folder, model, used in (
        ("images", get_image_model(), collector.images),
        ("documents", get_document_model(), collector.documents),
    ):
        files = model.objects.filter(collection__in=collections) | model.objects.filter(pk__in=used)
        indexes.append(
            [
                _write_media(archive, folder, obj, external=obj.collection_id not in collection_ids)
                for obj in files.distinct().select_related("collection").order_by("pk")
            ]
        )
    return indexes[0], indexes[1]


def _copy_into(archive: zipfile.ZipFile, file, path: str) -> str:
    """Copy a stored file into the zip in chunks; return its SHA-1 (for reuse on import).

    Raises OSError if the storage has lost the file.
    """
    hasher = hashlib.sha1(usedforsecurity=False)
    with file.storage.open(file.name, "rb") as source, archive.open(path, "w") as target:
        for chunk in iter(lambda: source.read(2**18), b""):
            hasher.update(chunk)
            target.write(chunk)
    return hasher.hexdigest()


def _write_media(archive: zipfile.ZipFile, folder: str, obj, *, external: bool) -> dict:
    file_name = os.path.basename(obj.file.name) or f"{folder}-{obj.pk}"
    path = f"{folder}/{obj.pk}/{get_valid_filename(file_name)}"
    try:
        file_hash = _copy_into(archive, obj.file, path)
    except OSError:
        raise OffboardingError(
            "media", f"the file of {folder[:-1]} {obj.pk} '{obj.title}' is missing: {obj.file.name}"
        ) from None
    entry = {
        "id": obj.pk,
        "title": obj.title,
        "file": path,
        "file_name": file_name,
        "file_hash": file_hash,
        "tags": sorted(obj.tags.names()),
        "created_at": obj.created_at,
        "collection": obj.collection.name,
        "collection_id": None if external else obj.collection_id,
        "external": external,
    }
    for name in MEDIA_DETAILS:
        if hasattr(obj, name):
            entry[name] = getattr(obj, name)
    return entry


def _write_consent(archive: zipfile.ZipFile, record: ConsentRecord) -> dict:
    """A consent record, every field: users by username, the entry, image and document
    by their ids in the export, the consent document as a file under private/."""
    entry = {}
    User = get_user_model()
    for field in ConsentRecord._meta.concrete_fields:
        if field.primary_key:
            entry["id"] = record.pk
        elif field.is_relation and field.related_model is User:
            user = getattr(record, field.name)
            entry[field.name] = user.get_username() if user is not None else None
        elif field.is_relation:
            entry[field.name] = getattr(record, field.attname)
        elif isinstance(field, models.FileField):
            entry[field.name] = _write_private_file(archive, record, getattr(record, field.name))
        else:
            value = getattr(record, field.attname)
            # In full: DjangoJSONEncoder would drop the microseconds of an embargo.
            entry[field.name] = value.isoformat() if isinstance(value, datetime.datetime) else value
    return entry


def _write_private_file(archive: zipfile.ZipFile, record: ConsentRecord, file) -> dict | None:
    if not file:
        return None
    file_name = os.path.basename(file.name) or f"consent-{record.pk}"
    path = f"private/consent/{record.pk}/{get_valid_filename(file_name)}"
    try:
        file_hash = _copy_into(archive, file, path)
    except OSError:
        raise OffboardingError(
            "consent",
            f"the consent document of '{record.entry.title}' is missing: {file.name}",
        ) from None
    return {"file": path, "file_name": file_name, "file_hash": file_hash}


def _write_json(archive: zipfile.ZipFile, name: str, data) -> None:
    archive.writestr(name, json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1))
