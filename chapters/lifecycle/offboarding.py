"""Offboarding a chapter: archive, restore, export, import and delete.

One service behind the `archive_chapter`, `restore_chapter`, `export_chapter`,
`import_chapter` and `delete_chapter` commands and the admin's offboarding views.

- Archiving unpublishes every live page of the chapter (every locale) and
  remembers which ones were live; the content, its revisions, the Site and the
  groups stay. Restoring republishes exactly those pages, except an archive
  entry whose consent was withdrawn meanwhile: it stays a draft.
- An export is one zip file: manifest.json, pages.json, settings.json,
  snippets.json, images/ and documents/ (files plus an index.json each), and
  private/consent/ (the consent records, with the narrators' real names, and
  the signed consent documents). It holds unpublished and consent-restricted
  content, so it is private: CHAPTER_EXPORT_DIR is never under MEDIA_ROOT.
- Importing an export onboards a new chapter and recreates its pages, media,
  settings, sub-collections (the private archive collection among them),
  consent records and view restrictions, remapping every reference (foreign
  keys, many-to-many fields, inline rows, StreamField blocks, rich text) from
  the old ids to the new ones. Shared snippets are reused when this install
  has them (same translation key and locale) and created otherwise.
- Deleting first writes an export to CHAPTER_EXPORT_DIR, then removes the
  chapter and everything onboarding made for it (its three groups, both
  collections and their files, the consent documents in private storage).
"""

import contextlib
import datetime
import hashlib
import io
import json
import os
import re
import uuid
import zipfile
import zlib
from pathlib import Path
from typing import BinaryIO

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile, File
from django.core.files.images import ImageFile, get_image_dimensions
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DatabaseError, models, transaction
from django.db.models.fields.related import ForeignObjectRel
from django.utils import timezone
from django.utils.text import get_valid_filename, slugify
from modelcluster.fields import ParentalKey
from modelcluster.models import get_serializable_data_for_fields, model_from_serializable_data
from taggit.managers import TaggableManager
from taggit.models import ItemBase
from wagtail.actions.delete_page import DeletePageAction
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.blocks import BaseStreamBlock, BaseStructBlock, ListBlock, RichTextBlock
from wagtail.blocks.field_block import ChooserBlock
from wagtail.documents import get_document_model
from wagtail.documents.models import AbstractDocument
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.images.models import AbstractImage
from wagtail.models import (
    COMMENTS_RELATION_NAME,
    Collection,
    CollectionViewRestriction,
    Locale,
    Page,
    PageLogEntry,
    PageViewRestriction,
    Revision,
    Site,
    Task,
    TranslatableMixin,
    Workflow,
    WorkflowTask,
)
from wagtail.rich_text.rewriters import extract_attrs

from chapters.archive.consent import apply_consent
from chapters.archive.consent_records import ConsentRecord, strictest_consent
from chapters.archive.models import ArchiveEntryPage, ArchiveIndexPage
from chapters.events.models import EventIndexPage
from chapters.lifecycle.onboarding import OnboardingError, onboard_chapter
from chapters.register.chapter import Chapter
from chapters.register.settings import ChapterSettings
from chapters.site.home import ChapterHomePage
from chapters.stories.models import StoryIndexPage
from home.publication import under_collections
from home.setup import SHARED_COLLECTION
from home.sites import clean_hostname

FORMAT = "hrc-chapter-export"
# 2: consent records and documents (private/consent/), sub-collections, members group.
VERSION = 2
READABLE_VERSIONS = (1, 2)
CONSENT_INDEX = "private/consent/index.json"
SECTION_TYPES = (StoryIndexPage, ArchiveIndexPage, EventIndexPage)

# Page fields that describe where a page sits and who holds it, not its content.
# They are written as their own keys of a page entry (or not at all) and set anew on import.
PAGE_BOOKKEEPING = {
    "path",
    "depth",
    "numchild",
    "url_path",
    "content_type",
    "draft_title",
    "live",
    "has_unpublished_changes",
    "live_revision",
    "latest_revision",
    "latest_revision_created_at",
    "locked",
    "locked_at",
    "locked_by",
    "owner",
    "alias_of",
    "locale",
    "translation_key",
    COMMENTS_RELATION_NAME,
}


class OffboardingError(ValueError):
    """Bad input for offboarding; the message names the problem in one line."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


def chapter_for_hostname(hostname: str) -> Chapter:
    """The chapter whose site answers on `hostname`, for the commands."""
    hostname = (hostname or "").strip().lower()
    try:
        return Chapter.objects.select_related("home", "site").get(site__hostname=hostname)
    except Chapter.DoesNotExist:
        raise OffboardingError("hostname", f"no chapter has the hostname '{hostname}'") from None


# --- Archive and restore ------------------------------------------------------------


def archive_chapter(chapter: Chapter, user=None) -> int:
    """Unpublish every live page of the chapter, in every locale, and remember them.

    Returns the number of pages unpublished. The pages, their revisions, the
    Site, collection and groups are kept; the site's hostname answers 404.
    Drafts scheduled to go live are unscheduled.
    """
    user = _real_user(user)
    with transaction.atomic():
        locked = Chapter.objects.select_for_update().get(pk=chapter.pk)
        if locked.is_archived:
            raise OffboardingError("chapter", f"the chapter '{chapter.name}' is already archived")
        live = list(chapter.pages().live().order_by("path").values_list("pk", flat=True))
        # Children first, so no live page is ever left under an unpublished one.
        for pk in reversed(live):
            page = Page.objects.get(pk=pk).specific
            if page.live:  # an alias may already have followed its original
                UnpublishPageAction(page, user=user, log_action=True).execute(
                    skip_permission_checks=True
                )
        # A draft scheduled to go live would otherwise be published by the scheduler.
        page_ids = [str(pk) for pk in chapter.pages().values_list("pk", flat=True)]
        Revision.page_revisions.filter(
            object_id__in=page_ids, approved_go_live_at__isnull=False
        ).update(approved_go_live_at=None)
        chapter.archived_live_pages = live
        chapter.archived_at = timezone.now()
        chapter.archived_by = user
        chapter.save(update_fields=["archived_live_pages", "archived_at", "archived_by"])
    return len(live)


def restore_chapter(chapter: Chapter, user=None) -> int:
    """Republish the pages that were live when the chapter was archived.

    Each page gets back the revision that was live then (its last publication
    in the audit log); a draft saved since stays a draft. Pages that were
    drafts when it was archived stay drafts, and so does an archive entry whose
    consent was withdrawn while the chapter was archived (a withdrawal
    unpublishes). Returns the number republished.
    """
    user = _real_user(user)
    with transaction.atomic():
        locked = Chapter.objects.select_for_update().get(pk=chapter.pk)
        if not locked.is_archived:
            raise OffboardingError("chapter", f"the chapter '{chapter.name}' is not archived")
        recorded = [pk for pk in locked.archived_live_pages if isinstance(pk, int)]
        waiting = list(
            Page.objects.filter(pk__in=recorded, live=False)
            .order_by("path")
            .values_list("pk", flat=True)
        )
        aliases = []
        withdrawn = _withdrawn_entries(waiting)
        for pk in waiting:  # tree order: parents first
            page = Page.objects.get(pk=pk).specific
            if page.live or pk in withdrawn or page.alias_of_id in withdrawn:
                continue
            if page.alias_of_id:
                aliases.append(page)  # follows its original when that is published
                continue
            revision = _revision_live_when_archived(page) or page.save_revision(
                user=user, clean=False
            )
            try:
                revision.publish(user=user, skip_permission_checks=True)
            except ValidationError as error:
                raise OffboardingError(
                    "chapter", f"the page '{page.title}' cannot be republished: {_one_line(error)}"
                ) from None
        for alias in aliases:
            alias.refresh_from_db()
            if not alias.live:
                alias.live = True
                alias.save(clean=False, update_fields=["live"])
        count = Page.objects.filter(pk__in=waiting, live=True).count()
        chapter.archived_live_pages = []
        chapter.archived_at = None
        chapter.archived_by = None
        chapter.save(update_fields=["archived_live_pages", "archived_at", "archived_by"])
    return count


def _withdrawn_entries(page_ids: list[int]) -> set[int]:
    """The archive entries among these pages whose own consent record is withdrawn."""
    keys = ConsentRecord.objects.for_entry().filter(status=ConsentRecord.WITHDRAWN)
    return set(
        ArchiveEntryPage.objects.filter(
            pk__in=page_ids, translation_key__in=keys.values("entry__translation_key")
        ).values_list("pk", flat=True)
    )


def _revision_live_when_archived(page: Page) -> Revision | None:
    entry = (
        PageLogEntry.objects.filter(page_id=page.pk, action="wagtail.publish")
        .exclude(revision_id=None)
        .order_by("-timestamp", "-pk")
        .first()
    )
    revision = entry and Revision.objects.filter(pk=entry.revision_id).first()
    return revision or page.latest_revision


# --- References: the ids a page, snippet or setting points at ------------------------


def _kind(model) -> str | None:
    if isinstance(model, str):  # e.g. a chooser block's target named as "app.Model"
        model = apps.get_model(model)
    if model is None:
        return None
    if issubclass(model, Page):
        return "page"
    if issubclass(model, AbstractImage):
        return "image"
    if issubclass(model, AbstractDocument):
        return "document"
    if issubclass(model, TranslatableMixin):
        return "snippet"
    return None


def _label(model) -> str:
    if isinstance(model, str):
        model = apps.get_model(model)
    return model._meta.concrete_model._meta.label


def _as_id(value) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.isdigit():
        return int(value)
    return None


def _remap(model, data: dict, resolve, *, fresh: bool = False, child: bool = False):
    """A copy of `data` (a model's serializable data) with every reference passed
    through `resolve(target_model, old_id) -> new_id | None`.

    With `fresh`, inline rows lose their ids so that saving creates new rows.
    An inline row whose required reference cannot be resolved is dropped (None).
    """
    data = dict(data)
    for field in model._meta.get_fields():
        if isinstance(field, ForeignObjectRel):
            if isinstance(field.remote_field, ParentalKey):
                name = field.get_accessor_name()
                rows = data.get(name)
                if isinstance(rows, list):
                    remapped = (
                        _remap(field.related_model, row, resolve, fresh=fresh, child=True)
                        for row in rows
                        if isinstance(row, dict)
                    )
                    data[name] = [row for row in remapped if row is not None]
            continue
        if field.name not in data or getattr(field, "primary_key", False):
            continue
        value = data[field.name]
        if isinstance(field, ParentalKey):
            if fresh:
                data[field.name] = None
        elif field.is_relation and (field.many_to_one or field.one_to_one):
            if getattr(field.remote_field, "parent_link", False):
                continue
            if _kind(field.related_model) and value is not None:
                data[field.name] = resolve(field.related_model, _as_id(value))
                if data[field.name] is None and child and not field.null:
                    return None
        elif field.is_relation and field.many_to_many and not isinstance(field, TaggableManager):
            if _kind(field.related_model) and isinstance(value, list):
                ids = (resolve(field.related_model, _as_id(item)) for item in value)
                data[field.name] = [pk for pk in ids if pk is not None]
        elif isinstance(field, StreamField) and value:
            raw = json.loads(value) if isinstance(value, str) else value
            raw = _remap_block(field.stream_block, raw, resolve)
            data[field.name] = (
                json.dumps(raw, cls=DjangoJSONEncoder) if isinstance(value, str) else raw
            )
        elif isinstance(field, RichTextField) and isinstance(value, str):
            data[field.name] = _remap_rich_text(value, resolve)
    if fresh and child:
        data["pk"] = None
        if "id" in data:
            data["id"] = None
    return data


def _remap_block(block, value, resolve):
    """Walk a StreamField's raw JSON with its block definitions, remapping chooser ids."""
    if value is None:
        return None
    if isinstance(block, ChooserBlock) and not isinstance(value, dict | list):
        return resolve(block.target_model, _as_id(value))
    if isinstance(block, RichTextBlock) and isinstance(value, str):
        return _remap_rich_text(value, resolve)
    if isinstance(block, BaseStreamBlock) and isinstance(value, list):
        items = []
        for item in value:
            if isinstance(item, dict) and item.get("type") in block.child_blocks:
                child = block.child_blocks[item["type"]]
                item = {**item, "value": _remap_block(child, item.get("value"), resolve)}
            items.append(item)
        return items
    if isinstance(block, ListBlock) and isinstance(value, list):
        items = []
        for item in value:
            if isinstance(item, dict) and item.get("type") == "item" and "value" in item:
                item = {**item, "value": _remap_block(block.child_block, item["value"], resolve)}
            else:
                item = _remap_block(block.child_block, item, resolve)
            items.append(item)
        return items
    if isinstance(block, BaseStructBlock):
        if isinstance(value, dict):
            return {
                name: _remap_block(block.child_blocks[name], item, resolve)
                if name in block.child_blocks
                else item
                for name, item in value.items()
            }
        image = block.child_blocks.get("image")
        if isinstance(image, ChooserBlock) and _as_id(value) is not None:
            # wagtail.images.blocks.ImageBlock still reads a bare image id.
            return resolve(image.target_model, _as_id(value))
    return value


_RICH_TAG = re.compile(r"<(a|embed)(\s[^>]*)?>")
_ID_ATTR = re.compile(r'(?<![\w-])id="[^"]*"')


def _remap_rich_text(html: str, resolve) -> str:
    """Rewrite `<a linktype="page|document" id>` and `<embed embedtype="image" id>`."""
    kinds = {
        ("a", "page"): Page,
        ("a", "document"): get_document_model(),
        ("embed", "image"): get_image_model(),
    }

    def replace(match):
        tag, attr_string = match.group(1), match.group(2) or ""
        attrs = extract_attrs(attr_string)
        model = kinds.get((tag, attrs.get("linktype" if tag == "a" else "embedtype")))
        if model is None:
            return match.group(0)
        new_id = resolve(model, _as_id(attrs.get("id")))
        if new_id is None:
            # The target did not travel: keep the link text, drop the image.
            return "<a>" if tag == "a" else ""
        new_attrs = _ID_ATTR.sub(f'id="{new_id}"', attr_string, count=1)
        return f"<{tag}{new_attrs}>"

    return _RICH_TAG.sub(replace, html)


class _Collector:
    """A resolver for export: records what chapter content points at, changes nothing."""

    def __init__(self, page_ids: set[int]):
        self.page_ids = page_ids
        self.pages: set[int] = set()
        self.images: set[int] = set()
        self.documents: set[int] = set()
        self.snippets: dict[tuple[str, int], None] = {}

    def __call__(self, model, old_id):
        if old_id is None:
            return None
        kind = _kind(model)
        if kind == "page" and old_id not in self.page_ids:
            self.pages.add(old_id)
        elif kind == "image":
            self.images.add(old_id)
        elif kind == "document":
            self.documents.add(old_id)
        elif kind == "snippet":
            self.snippets.setdefault((_label(model), old_id), None)
        return old_id


# --- Export --------------------------------------------------------------------------


def export_chapter(chapter: Chapter, out: BinaryIO) -> dict:
    """Write the chapter as one zip file to `out`; return its manifest."""
    home = chapter.home
    pages = list(chapter.pages().order_by("path").specific())
    ids_by_path = {page.path: page.pk for page in pages}
    collector = _Collector(set(ids_by_path.values()))
    restrictions = _page_restrictions(pages)

    page_entries = []
    for page in pages:
        revision = page.latest_revision
        if page.live or revision is None:
            content = page.serializable_data()
            draft = revision.content if page.live and page.has_unpublished_changes else None
        else:
            content, draft = revision.content, None
        if draft is not None and not page.alias_of_id:
            draft = _strip_page(draft)
            _remap(type(page), draft, collector)
        else:
            draft = None
        content = _strip_page(content)
        _remap(type(page), content, collector)
        page_entries.append(
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

    # Consent is data beside the entries; a record about one file makes that file travel.
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

    settings_data = {}
    chapter_settings = ChapterSettings.objects.filter(site=chapter.site).first()
    if chapter_settings is not None:
        settings_data = get_serializable_data_for_fields(chapter_settings)
        for key in ("pk", "id", "site"):
            settings_data.pop(key, None)
        _remap(ChapterSettings, settings_data, collector)

    snippets = _export_snippets(collector)
    external_pages = [
        {
            "id": page.pk,
            "type": f"{page._meta.app_label}.{page.specific_class.__name__}",
            "translation_key": str(page.translation_key),
            "locale": page.locale.language_code,
            "title": page.title,
        }
        for page in Page.objects.filter(pk__in=collector.pages).select_related("locale")
    ]
    collections = _chapter_collections(chapter)
    collection_ids = {collection.pk for collection in collections}
    Image, Document = get_image_model(), get_document_model()
    images = Image.objects.filter(collection__in=collections) | Image.objects.filter(
        pk__in=collector.images
    )
    documents = Document.objects.filter(collection__in=collections) | Document.objects.filter(
        pk__in=collector.documents
    )
    site = chapter.site
    manifest = {
        "format": FORMAT,
        "version": VERSION,
        "chapter": chapter.name,
        "hostname": site.hostname if site else "",
        "languages": list(chapter.languages or [home.locale.language_code]),
        "time_zone": settings_data.get("time_zone", ""),
        "exported_at": timezone.now(),
        "home": home.pk,
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
        # The chapter's collection first, then its sub-collections (the private
        # archive collection among them), parents before children.
        "collections": [
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
        ],
    }
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        image_index = [
            _write_media(
                archive, "images", image, external=image.collection_id not in collection_ids
            )
            for image in images.distinct().select_related("collection").order_by("pk")
        ]
        document_index = [
            _write_media(
                archive,
                "documents",
                document,
                external=document.collection_id not in collection_ids,
            )
            for document in documents.distinct().select_related("collection").order_by("pk")
        ]
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


def _chapter_collections(chapter: Chapter) -> list[Collection]:
    """The chapter's collection and everything under it, and the archive collection
    (normally one of them) with its own sub-collections, parents first."""
    found: dict[int, Collection] = {}
    for root in (chapter.collection, chapter.archive_collection):
        if root is not None:
            for collection in root.get_descendants(inclusive=True):
                found.setdefault(collection.pk, collection)
    return sorted(found.values(), key=lambda collection: collection.path)


def _parent_in(collection: Collection, collections: list[Collection]) -> int | None:
    parent_path = collection.path[: -Collection.steplen]
    return next((c.pk for c in collections if c.path == parent_path), None)


def _strip_page(content: dict) -> dict:
    return {key: value for key, value in content.items() if key not in PAGE_BOOKKEEPING}


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


def _export_snippets(collector: _Collector) -> list[dict]:
    """The shared snippets chapter content refers to, and the ones they refer to."""
    entries, done = [], set()
    while len(done) < len(collector.snippets):
        for label, pk in list(collector.snippets):
            if (label, pk) in done:
                continue
            done.add((label, pk))
            model = apps.get_model(label)
            obj = model.objects.filter(pk=pk).select_related("locale").first()
            if obj is None:
                continue
            data = obj.serializable_data() if hasattr(obj, "serializable_data") else None
            data = data if data is not None else get_serializable_data_for_fields(obj)
            tags = {}
            for field in model._meta.get_fields():
                if isinstance(field, TaggableManager):
                    tags[field.name] = sorted(getattr(obj, field.name).names())
                elif isinstance(field, ForeignObjectRel) and issubclass(
                    field.related_model, ItemBase
                ):
                    data.pop(field.get_accessor_name(), None)  # travels as tag names
            for key in ("locale", "translation_key"):
                data.pop(key, None)
            _remap(model, data, collector)
            entries.append(
                {
                    "model": label,
                    "id": pk,
                    "translation_key": str(obj.translation_key),
                    "locale": obj.locale.language_code,
                    "str": str(obj),
                    "fields": data,
                    "tags": tags,
                }
            )
    return entries


def _write_media(archive: zipfile.ZipFile, folder: str, obj, *, external: bool) -> dict:
    file_name = os.path.basename(obj.file.name) or f"{folder}-{obj.pk}"
    path = f"{folder}/{obj.pk}/{get_valid_filename(file_name)}"
    hasher = hashlib.sha1(usedforsecurity=False)
    try:
        with (
            obj.file.storage.open(obj.file.name, "rb") as source,
            archive.open(path, "w") as target,
        ):
            for chunk in iter(lambda: source.read(2**18), b""):
                hasher.update(chunk)
                target.write(chunk)
    except OSError:
        raise OffboardingError(
            "media", f"the file of {folder[:-1]} {obj.pk} '{obj.title}' is missing: {obj.file.name}"
        ) from None
    entry = {
        "id": obj.pk,
        "title": obj.title,
        "file": path,
        "file_name": file_name,
        "file_hash": hasher.hexdigest(),
        "tags": sorted(obj.tags.names()),
        "created_at": obj.created_at,
        "collection": obj.collection.name,
        "collection_id": None if external else obj.collection_id,
        "external": external,
    }
    for name in (
        "description",
        "focal_point_x",
        "focal_point_y",
        "focal_point_width",
        "focal_point_height",
    ):
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
    hasher = hashlib.sha1(usedforsecurity=False)
    try:
        with file.storage.open(file.name, "rb") as source, archive.open(path, "w") as target:
            for chunk in iter(lambda: source.read(2**18), b""):
                hasher.update(chunk)
                target.write(chunk)
    except OSError:
        raise OffboardingError(
            "consent",
            f"the consent document of '{record.entry.title}' is missing: {file.name}",
        ) from None
    return {"file": path, "file_name": file_name, "file_hash": hasher.hexdigest()}


def _write_json(archive: zipfile.ZipFile, name: str, data) -> None:
    archive.writestr(name, json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1))


# --- Import --------------------------------------------------------------------------


class _Export:
    """A read and checked export; nothing in it has touched the database yet."""

    def __init__(self, archive: zipfile.ZipFile):
        self.archive = archive
        names = set(archive.namelist())
        if "manifest.json" not in names:
            raise OffboardingError(
                "file", "the zip file has no manifest.json, so it is not a chapter export"
            )
        manifest = self.json("manifest.json", dict)
        if manifest.get("format") != FORMAT:
            raise OffboardingError(
                "file", "the zip file's manifest.json is not a chapter export's manifest"
            )
        if manifest.get("version") not in READABLE_VERSIONS:
            raise OffboardingError(
                "file",
                f"the export has format version {manifest.get('version')!r}; "
                f"this install reads versions {READABLE_VERSIONS[0]} to {VERSION}",
            )
        for name in (
            "pages.json",
            "settings.json",
            "snippets.json",
            "images/index.json",
            "documents/index.json",
        ):
            if name not in names:
                raise OffboardingError("file", f"the export is incomplete: {name} is missing")
        self.manifest = manifest
        pages = self.json("pages.json", dict)
        self.pages = _require_list(pages.get("pages"), "pages.json")
        self.external_pages = {
            entry["id"]: entry
            for entry in _require_list(pages.get("external_pages", []), "pages.json")
        }
        self.settings = self.json("settings.json", dict)
        self.snippets = {
            (entry["model"], entry["id"]): entry
            for entry in _require_list(self.json("snippets.json", list), "snippets.json")
        }
        self.images = _require_list(self.json("images/index.json", list), "images/index.json")
        self.documents = _require_list(
            self.json("documents/index.json", list), "documents/index.json"
        )
        # Version 1 exports kept consent in the entries' own fields.
        self.consent = (
            _require_list(self.json(CONSENT_INDEX, list), CONSENT_INDEX)
            if CONSENT_INDEX in names
            else consent_from_entry_fields(self.pages)
        )
        self.collections = _require_list(manifest.get("collections", []), "manifest.json")
        self.check(names)

    def json(self, name: str, kind: type):
        try:
            data = json.loads(self.archive.read(name))
        except (ValueError, UnicodeDecodeError):
            raise OffboardingError("file", f"{name} in the export is not valid JSON") from None
        if not isinstance(data, kind):
            raise OffboardingError("file", f"{name} in the export is not a JSON {kind.__name__}")
        return data

    def check(self, names: set[str]) -> None:
        manifest = self.manifest
        _require(isinstance(manifest.get("chapter"), str), "manifest.json has no chapter name")
        _require(isinstance(manifest.get("hostname"), str), "manifest.json has no hostname")
        languages = manifest.get("languages")
        _require(
            isinstance(languages, list) and all(isinstance(code, str) for code in languages),
            "manifest.json has no list of languages",
        )
        self.home = next((e for e in self.pages if e.get("id") == manifest.get("home")), None)
        _require(self.home is not None, "pages.json does not hold the chapter's home page")
        seen: set = set()
        codes = set(Locale.objects.values_list("language_code", flat=True))
        for entry in self.pages:
            _require(
                isinstance(entry.get("id"), int)
                and isinstance(entry.get("content"), dict)
                and isinstance(entry.get("translation_key"), str),
                "pages.json has a page without id, translation key or content",
            )
            model = _page_model(entry.get("type"))
            entry["model"] = model
            if entry.get("locale") not in codes:
                raise OffboardingError(
                    "file",
                    f"the page '{entry.get('title')}' is in language '{entry.get('locale')}', "
                    "which this install does not have",
                )
            is_home = entry["translation_key"] == self.home["translation_key"]
            if entry.get("parent") is None:
                _require(is_home, f"the page '{entry.get('title')}' has no parent in the export")
            else:
                _require(
                    entry["parent"] in seen,
                    f"the page '{entry.get('title')}' comes before its parent in pages.json",
                )
            seen.add(entry["id"])
        _require(
            issubclass(self.home["model"], ChapterHomePage),
            "the export's home page is not a chapter home page",
        )
        for entry in self.snippets.values():
            try:
                model = apps.get_model(entry["model"])
            except (LookupError, ValueError):
                raise OffboardingError(
                    "file", f"snippets.json names an unknown model '{entry['model']}'"
                ) from None
            _require(_kind(model) == "snippet", f"'{entry['model']}' is not a shared snippet")
            if entry.get("locale") not in codes:
                raise OffboardingError(
                    "file", f"a snippet is in language '{entry.get('locale')}', unknown here"
                )
        for folder, entries in (("images", self.images), ("documents", self.documents)):
            for entry in entries:
                _require(
                    isinstance(entry.get("id"), int) and entry.get("file") in names,
                    f"{folder}/index.json lists a file that is not in the export",
                )
                if folder == "images":
                    with self.archive.open(entry["file"]) as image:
                        width, _height = get_image_dimensions(image)
                    _require(width is not None, f"{entry['file']} in the export is not an image")
        entries = {
            entry["id"] for entry in self.pages if issubclass(entry["model"], ArchiveEntryPage)
        }
        for record in self.consent:
            _require(
                record.get("entry") in entries,
                f"{CONSENT_INDEX} has a consent record for a page that is not an archive entry",
            )
            document = record.get("consent_document")
            _require(
                document is None or (isinstance(document, dict) and document.get("file") in names),
                f"{CONSENT_INDEX} lists a consent document that is not in the export",
            )
        seen_collections: set = set()
        for collection in self.collections:
            _require(
                isinstance(collection.get("id"), int)
                and isinstance(collection.get("name"), str)
                and (collection.get("parent") is None or collection["parent"] in seen_collections),
                "manifest.json has a collection without id or name, or before its parent",
            )
            seen_collections.add(collection["id"])


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise OffboardingError("file", message)


def _require_list(value, name: str) -> list:
    _require(
        isinstance(value, list) and all(isinstance(item, dict) for item in value),
        f"{name} in the export is not a list of records",
    )
    return value


def _page_model(label):
    try:
        model = apps.get_model(label) if isinstance(label, str) else None
    except (LookupError, ValueError):
        model = None
    if model is None or not issubclass(model, Page):
        raise OffboardingError("file", f"pages.json names an unknown page type '{label}'")
    return model


def _open_export(source: BinaryIO) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        raise OffboardingError(
            "file", "the file is not a complete zip file, so it is not a chapter export"
        ) from None
    try:
        damaged = archive.testzip()
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error, RuntimeError, NotImplementedError):
        damaged = "?"
    if damaged:
        archive.close()
        raise OffboardingError("file", "the zip file is damaged (truncated or corrupted)")
    return archive


def import_chapter(
    source: BinaryIO, *, name: str | None = None, hostname: str | None = None, user=None
) -> Chapter:
    """Restore an export as a new chapter of this install, in one transaction.

    `name` and `hostname` override the export's. A bad or foreign file, or a
    taken name or hostname, raises OffboardingError and changes nothing.
    """
    user = _real_user(user)
    archive = _open_export(source)
    stored: list = []
    try:
        export = _Export(archive)
        name = (export.manifest["chapter"] if name is None else name).strip()
        hostname = hostname or export.manifest["hostname"]
        _check_free(name, hostname)
        with transaction.atomic():
            chapter = _Importer(export, name, hostname, user, stored).run()
    except OffboardingError:
        _discard(stored)
        raise
    except OnboardingError as error:
        _discard(stored)
        raise OffboardingError(error.field, str(error)) from None
    except (KeyError, TypeError, ValueError, LookupError, ValidationError, DatabaseError) as error:
        _discard(stored)
        raise OffboardingError(
            "file", f"the export could not be imported: {_one_line(error)}"
        ) from error
    finally:
        archive.close()
    return chapter


def _check_free(name: str, hostname: str) -> None:
    try:
        hostname = clean_hostname(hostname)
    except ValueError as error:
        raise OffboardingError("hostname", str(error)) from None
    site = Site.objects.filter(hostname=hostname).first()
    if site is not None:
        raise OffboardingError(
            "hostname", f"hostname '{hostname}' is already used by the site '{site}'"
        )
    if not name:
        raise OffboardingError("name", "the chapter name is empty")
    if ChapterHomePage.objects.filter(title=name, depth=2).exists():
        raise OffboardingError("name", f"a chapter named '{name}' already exists")
    for group in (f"{name} editors", f"{name} moderators", f"{name} members"):
        if Group.objects.filter(name=group).exists():
            raise OffboardingError(
                "name", f"the group '{group}' already exists; choose another chapter name"
            )
    leftovers = [
        (Collection.objects.filter(name=name, depth=2), f"the collection '{name}'"),
        (Workflow.objects.filter(name=f"{name} moderation"), f"the workflow '{name} moderation'"),
        (
            Task.objects.filter(name=f"{name} moderators approve"),
            f"the task '{name} moderators approve'",
        ),
    ]
    for queryset, what in leftovers:
        if queryset.exists():
            raise OffboardingError("name", f"{what} already exists; choose another chapter name")


def _discard(stored: list) -> None:
    """Remove files an import stored before it failed (the database rolled back)."""
    for storage, file_name in stored:
        with contextlib.suppress(OSError):
            storage.delete(file_name)
    stored.clear()


class _Importer:
    def __init__(self, export: _Export, name: str, hostname: str, user, stored: list):
        self.export = export
        self.name = name
        self.hostname = hostname
        self.user = user
        self.stored = stored
        self.locales = {locale.language_code: locale for locale in Locale.objects.all()}
        self.page_map: dict[int, int] = {}
        self.image_map: dict[int, int] = {}
        self.document_map: dict[int, int] = {}
        self.snippet_map: dict[tuple[str, int], int | None] = {}
        self.external_map: dict[int, int | None] = {}

    def run(self) -> Chapter:
        export = self.export
        home_content = export.home["content"]
        chapter = onboard_chapter(
            name=self.name,
            hostname=self.hostname,
            region=str(home_content.get("region") or ""),
            locality_type=str(home_content.get("locality_type") or "city"),
            languages=export.manifest["languages"],
            time_zone=export.settings.get("time_zone")
            or export.manifest.get("time_zone")
            or "America/New_York",
        )
        if not chapter.created:
            raise OffboardingError("name", f"a chapter named '{self.name}' already exists")
        self.chapter = chapter
        groups = [
            (export.manifest.get("editors_group"), chapter.editors),
            (export.manifest.get("moderators_group"), chapter.moderators),
            (export.manifest.get("members_group"), chapter.members),
        ]
        self.groups = {name: group for name, group in groups if name and group}
        self.collection_map = self.restore_collections()
        for entry in export.images:
            self.image_map[entry["id"]] = self.media(entry, get_image_model())
        for entry in export.documents:
            self.document_map[entry["id"]] = self.media(entry, get_document_model())
        self.create_pages()
        self.fill_pages()
        self.apply_settings()
        for restriction in export.manifest.get("collection_view_restrictions") or []:
            self.restrict(CollectionViewRestriction(collection=chapter.collection), restriction)
        self.restore_consent()
        if export.manifest.get("archived_at"):
            chapter.archived_at = _datetime(export.manifest["archived_at"])
            chapter.archived_live_pages = [
                self.page_map[pk]
                for pk in export.manifest.get("archived_live_pages") or []
                if pk in self.page_map
            ]
            chapter.save(update_fields=["archived_at", "archived_live_pages"])
        chapter.refresh_from_db()
        chapter.created = True
        return chapter

    # references

    def resolve(self, model, old_id):
        if old_id is None:
            return None
        kind = _kind(model)
        if kind == "page":
            if old_id in self.page_map:
                return self.page_map[old_id]
            return self.external_page(old_id)
        if kind == "image":
            return self.image_map.get(old_id)
        if kind == "document":
            return self.document_map.get(old_id)
        if kind == "snippet":
            return self.snippet(_label(model), old_id)
        return old_id

    def external_page(self, old_id: int) -> int | None:
        if old_id not in self.external_map:
            entry = self.export.external_pages.get(old_id)
            self.external_map[old_id] = entry and (
                Page.objects.filter(
                    translation_key=entry["translation_key"],
                    locale__language_code=entry["locale"],
                )
                .values_list("pk", flat=True)
                .first()
            )
        return self.external_map[old_id]

    def snippet(self, label: str, old_id: int) -> int | None:
        key = (label, old_id)
        if key in self.snippet_map:
            return self.snippet_map[key]
        self.snippet_map[key] = None  # also guards against reference cycles
        entry = self.export.snippets.get(key)
        if entry is None:
            return None
        model = apps.get_model(label)
        locale = self.locales[entry["locale"]]
        existing = model.objects.filter(
            translation_key=entry["translation_key"], locale=locale
        ).first() or self.same_natural_key(model, entry, locale)
        if existing is None:
            data = _remap(model, entry["fields"], self.resolve, fresh=True)
            data.update(pk=None, locale=locale.pk, translation_key=entry["translation_key"])
            data.pop("id", None)
            if hasattr(model, "from_serializable_data"):
                existing = model.from_serializable_data(data)
            else:
                existing = model_from_serializable_data(model, data)
            existing.save()
            for field_name, names in (entry.get("tags") or {}).items():
                getattr(existing, field_name).add(*names)
            if entry.get("tags"):
                existing.save()
        self.snippet_map[key] = existing.pk
        return existing.pk

    @staticmethod
    def same_natural_key(model, entry, locale):
        """A row this install already has under another translation key, e.g. a Right
        with the same slug in the same language."""
        for fields in model._meta.unique_together:
            fields = [field for field in fields if field != "translation_key"]
            if "locale" not in fields or len(fields) < 2:
                continue
            values = {field: entry["fields"].get(field) for field in fields if field != "locale"}
            if all(value not in (None, "") for value in values.values()):
                found = model.objects.filter(locale=locale, **values).first()
                if found is not None:
                    return found
        return None

    # media

    def media(self, entry: dict, model) -> int:
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
        for name in (
            "description",
            "focal_point_x",
            "focal_point_y",
            "focal_point_width",
            "focal_point_height",
        ):
            if name in entry and hasattr(obj, name):
                value = entry[name]
                setattr(obj, name, "" if value is None and name == "description" else value)
        obj.file_size, obj.file_hash = len(data), file_hash
        obj.save()
        self.stored.append((obj.file.storage, obj.file.name))
        if entry.get("tags"):
            obj.tags.add(*entry["tags"])
        if entry.get("created_at"):
            model.objects.filter(pk=obj.pk).update(created_at=_datetime(entry["created_at"]))
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

    # consent

    def restore_consent(self) -> None:
        """Recreate the consent records on the new entries and files, then apply them.

        A record keeps its reference (the person who shared a story may hold it) when
        no record here has it yet; users are matched by username, else left empty.
        """
        User = get_user_model()
        users: dict[str, object] = {}

        def user(username):
            if not username:
                return None
            if username not in users:
                users[username] = User.objects.filter(**{User.USERNAME_FIELD: username}).first()
            return users[username]

        entries = {}
        for data in self.export.consent:
            entry_id = self.page_map[data["entry"]]
            image_id = self.image_map.get(data["image"]) if data.get("image") else None
            document_id = self.document_map.get(data["document"]) if data.get("document") else None
            if (data.get("image") and image_id is None) or (
                data.get("document") and document_id is None
            ):
                continue  # its file did not travel
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
                        content = ContentFile(self.export.archive.read(value["file"]))
                        name = get_valid_filename(os.path.basename(value.get("file_name") or ""))
                        getattr(record, field.name).save(name or "consent", content, save=False)
                        stored = getattr(record, field.name)
                        self.stored.append((stored.storage, stored.name))
                else:
                    setattr(record, field.attname, field.to_python(value))
            record.reference = _free_reference(data.get("reference"))
            record.full_clean(
                exclude=["entry", "image", "document", "recorded_by", "withdrawn_by"],
                validate_unique=False,
                validate_constraints=False,
            )
            record.save()
            if data.get("recorded_at"):  # auto_now: set it back to when it was recorded
                ConsentRecord.objects.filter(pk=record.pk).update(
                    recorded_at=_datetime(data["recorded_at"])
                )
            entries[entry_id] = None
        for entry in ArchiveEntryPage.objects.filter(pk__in=list(entries)):
            apply_consent(entry)

    # pages

    def create_pages(self) -> None:
        """First pass: every page exists in its place, so every page id can be remapped."""
        export, chapter = self.export, self.chapter
        home = chapter.home
        adopted = {export.home["id"]: home}
        sections = {type(page): page for page in home.get_children().specific()}
        for entry in export.pages:
            model = entry["model"]
            if entry.get("parent") == export.home["id"] and model in sections:
                adopted[entry["id"]] = sections.pop(model)
        for section in sections.values():
            if isinstance(section, SECTION_TYPES):
                section.delete()  # onboarding made it; the exported chapter had none
        self.keys = {}
        for entry in export.pages:
            if entry["id"] in adopted:
                self.keys[entry["translation_key"]] = adopted[entry["id"]].translation_key
        root = Page.get_first_root_node()
        for entry in export.pages:
            if entry["id"] in adopted:
                self.page_map[entry["id"]] = adopted[entry["id"]].pk
                continue
            parent = (
                root
                if entry.get("parent") is None
                else Page.objects.get(pk=self.page_map[entry["parent"]])
            )
            model = entry["model"]
            local = {field.name for field in model._meta.concrete_fields} | {"pk"}
            content = self.page_content(entry, entry["content"], None)
            content = {key: value for key, value in content.items() if key in local}
            page = model.from_serializable_data(content)
            page.locale = self.locales[entry["locale"]]
            page.translation_key = self.keys.setdefault(entry["translation_key"], uuid.uuid4())
            page.live, page.has_unpublished_changes = False, True
            page.owner = self.user
            page.draft_title = page.title
            if parent.is_root():
                page.slug = _free_slug(parent, page.slug or slugify(page.title) or "chapter")
                if page.title == export.manifest["chapter"]:
                    page.title = page.draft_title = self.name
            self.page_map[entry["id"]] = parent.add_child(instance=page).pk

    def page_content(self, entry: dict, content: dict, new_id: int | None) -> dict:
        data = _remap(entry["model"], _strip_page(content), self.resolve, fresh=True)
        data["pk"] = new_id
        data["id"] = new_id
        return data

    def fill_pages(self) -> None:
        """Second pass: the content with every reference remapped, then revisions and state."""
        export, user = self.export, self.user
        for entry in export.pages:
            new_id = self.page_map[entry["id"]]
            page = self.content_of(entry, entry["content"], new_id)
            if entry.get("alias_of") in self.page_map:
                page.alias_of_id = self.page_map[entry["alias_of"]]
            if not entry.get("live") and page.live:  # a section onboarding published
                page.live, page.live_revision, page.has_unpublished_changes = False, None, True
            page.save(clean=False)
            for restriction in entry.get("view_restrictions") or []:
                self.restrict(PageViewRestriction(page=page), restriction)
            if page.alias_of_id:
                if bool(entry.get("live")) != page.live:
                    page.live = bool(entry.get("live"))
                    page.save(clean=False, update_fields=["live"])
                continue
            go_live_at = _datetime(entry.get("go_live_at"))
            if entry.get("live"):
                revision = page.save_revision(user=user, clean=False)
                revision.publish(user=user, skip_permission_checks=True)
                published = _datetime(entry["content"].get("last_published_at"))
                if published:
                    Page.objects.filter(pk=new_id).update(last_published_at=published)
                if entry.get("draft"):
                    self.content_of(entry, entry["draft"], new_id).save_revision(
                        user=user, clean=False, approved_go_live_at=go_live_at
                    )
            else:
                page.save_revision(user=user, clean=False, approved_go_live_at=go_live_at)

    def content_of(self, entry: dict, content: dict, new_id: int) -> Page:
        current = Page.objects.get(pk=new_id).specific
        page = current.with_content_json(self.page_content(entry, content, new_id))
        if entry.get("parent") is None:  # the home, in any language
            page.slug = current.slug
            if page.title == self.export.manifest["chapter"]:
                page.title = self.name
        page.draft_title = page.title
        return page

    def apply_settings(self) -> None:
        data = _remap(ChapterSettings, self.export.settings, self.resolve, fresh=True)
        chapter_settings = ChapterSettings.for_site(self.chapter.site)
        data.update(pk=chapter_settings.pk, id=chapter_settings.pk, site=self.chapter.site.pk)
        restored = model_from_serializable_data(ChapterSettings, data)
        restored._state.adding = False
        restored.save()

    def restrict(self, restriction, data: dict) -> None:
        restriction.restriction_type = data.get("restriction_type") or "login"
        restriction.password = data.get("password") or ""
        if isinstance(restriction, PageViewRestriction):
            restriction.save(user=self.user)
        else:
            restriction.save()
        groups = [
            self.groups.get(name) or Group.objects.filter(name=name).first()
            for name in data.get("groups") or []
        ]
        restriction.groups.set([group for group in groups if group is not None])


def _free_reference(value) -> uuid.UUID:
    """The exported reference if it is a UUID no record here has yet, else a new one."""
    try:
        reference = uuid.UUID(str(value))
    except ValueError:
        return uuid.uuid4()
    if ConsentRecord.objects.filter(reference=reference).exists():
        return uuid.uuid4()
    return reference


def consent_from_entry_fields(pages: list[dict]) -> list[dict]:
    """Consent records for a version 1 export, whose entries held their own consent
    fields: one per translation group, the strictest of them (as migration 0009 did)."""
    groups: dict = {}
    for entry in pages:
        content = entry.get("content")
        if entry.get("type") == "chapters.ArchiveEntryPage" and "consent_status" in content:
            groups.setdefault(entry["translation_key"], []).append(entry)
    records = []
    for entries in groups.values():
        fields = [
            (
                e["content"]["consent_status"],
                e["content"].get("consent_scope", "members"),
                _datetime(e["content"].get("embargo_until")),
            )
            for e in entries
        ]
        records.append(
            {
                "entry": min(e["id"] for e in entries),
                **strictest_consent(fields),
                "notes": "Carried over from the entry's former consent fields.",
            }
        )
    return records


def _datetime(value):
    """A date and time as DjangoJSONEncoder wrote it, or None."""
    return models.DateTimeField().to_python(value) if value else None


def _free_slug(parent: Page, slug: str) -> str:
    taken = set(parent.get_children().values_list("slug", flat=True))
    candidate, n = slug, 2
    while candidate in taken:
        candidate, n = f"{slug}-{n}", n + 1
    return candidate


# --- Delete --------------------------------------------------------------------------


def export_dir() -> Path:
    """CHAPTER_EXPORT_DIR, created private; never under MEDIA_ROOT or STATIC_ROOT."""
    folder = Path(getattr(settings, "CHAPTER_EXPORT_DIR", settings.BASE_DIR / "exports"))
    folder = folder.resolve()
    for public in (settings.MEDIA_ROOT, settings.STATIC_ROOT):
        if public and is_within(folder, Path(public)):
            raise OffboardingError(
                "export_dir",
                f"CHAPTER_EXPORT_DIR ({folder}) is inside {public}, which the web server "
                "may serve; exports hold private content, so set it to a private folder",
            )
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def is_within(path: Path, folder: Path) -> bool:
    path, folder = Path(path).resolve(), Path(folder).resolve()
    return path == folder or folder in path.parents


def delete_chapter(chapter: Chapter, *, confirm_name: str, user=None) -> Path:
    """Export the chapter to CHAPTER_EXPORT_DIR, then delete it and everything onboarding
    made for it. Returns the export's path."""
    if confirm_name != chapter.name:
        raise OffboardingError("confirm_name", "type the chapter's name exactly to delete it")
    user = _real_user(user)
    folder = export_dir()
    stamp = timezone.now().astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    base = slugify(chapter.name) or chapter.home.slug or f"chapter-{chapter.pk}"
    path, n = folder / f"{base}-{stamp}.zip", 2
    while path.exists():
        path, n = folder / f"{base}-{stamp}-{n}.zip", n + 1
    partial = path.with_name(f".{path.name}.partial")
    try:
        with open(partial, "xb") as out:
            os.chmod(partial, 0o600)
            export_chapter(chapter, out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    with transaction.atomic():
        _delete(chapter, user)
    return path


def _delete(chapter: Chapter, user) -> None:
    site, workflow = chapter.site, chapter.workflow
    groups = chapter.groups()
    collections = _chapter_collections(chapter)
    homes = list(chapter.homes().order_by("-path"))
    tasks = list(workflow.tasks.all()) if workflow else []
    # The records go with their entries; their signed documents are files in private
    # storage, removed once the deletion is committed (the export holds them).
    consent_files = [
        (record.consent_document.storage, record.consent_document.name)
        for record in ConsentRecord.objects.filter(entry_id__in=chapter.pages().values("pk"))
        if record.consent_document
    ]
    Chapter.objects.filter(pk=chapter.pk).delete()
    if site is not None:
        ChapterSettings.objects.filter(site=site).delete()
        site.delete()
    for home in homes:
        DeletePageAction(home.specific, user=user).execute(skip_permission_checks=True)
    for model in (get_image_model(), get_document_model()):
        for obj in model.objects.filter(collection__in=collections):
            obj.delete()
    # Children first: the archive collection is normally under the chapter's.
    for node in sorted(collections, key=lambda node: node.path, reverse=True):
        Collection.objects.filter(pk=node.pk).delete()
    if workflow is not None:
        workflow.delete()
        for task in tasks:
            if not WorkflowTask.objects.filter(task=task).exists():
                task.delete()
    for group in groups:
        group.delete()
    transaction.on_commit(lambda: _discard(consent_files))


# --- Helpers -------------------------------------------------------------------------


def _real_user(user):
    return user if getattr(user, "is_authenticated", False) else None


def _one_line(error: Exception) -> str:
    if isinstance(error, ValidationError):
        text = "; ".join(error.messages)
    else:
        text = str(error) or type(error).__name__
    return " ".join(text.split())
