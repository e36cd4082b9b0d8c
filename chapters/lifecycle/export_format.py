"""The chapter export's format: the files in the zip, its version, and reading one back.

An export is one zip file: manifest.json, pages.json, settings.json,
snippets.json, images/ and documents/ (files plus an index.json each), and
private/consent/ (the consent records, with the narrators' real names, and the
signed consent documents). `exporting` writes it; `read_export` opens one and
`ExportFile` reads and checks all of it before the import touches the database,
so a bad or foreign file is refused in one line and changes nothing.
"""

import json
import zipfile
import zlib
from typing import BinaryIO

from django.apps import apps
from django.core.files.images import get_image_dimensions
from django.db import models
from wagtail.models import COMMENTS_RELATION_NAME, Locale, Page

from chapters.archive.consent_records import strictest_consent
from chapters.archive.models import ArchiveEntryPage
from chapters.lifecycle.common import OffboardingError
from chapters.lifecycle.references import kind_of
from chapters.site.home import ChapterHomePage

FORMAT = "hrc-chapter-export"
# 2: consent records and documents (private/consent/), sub-collections, members group.
VERSION = 2
READABLE_VERSIONS = (1, 2)
CONSENT_INDEX = "private/consent/index.json"
REQUIRED_FILES = (
    "pages.json",
    "settings.json",
    "snippets.json",
    "images/index.json",
    "documents/index.json",
)

# Fields of an image or document that travel beside its file, title and tags.
MEDIA_DETAILS = (
    "description",
    "focal_point_x",
    "focal_point_y",
    "focal_point_width",
    "focal_point_height",
)

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


def strip_page(content: dict) -> dict:
    """A page's content without its place in the tree and its bookkeeping."""
    return {key: value for key, value in content.items() if key not in PAGE_BOOKKEEPING}


def parse_datetime(value):
    """A date and time as DjangoJSONEncoder wrote it, or None."""
    return models.DateTimeField().to_python(value) if value else None


def read_export(source: BinaryIO) -> zipfile.ZipFile:
    """The export as an open zip file, once every member's checksum is right."""
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


class ExportFile:
    """A read and checked export; nothing in it has touched the database yet."""

    def __init__(self, archive: zipfile.ZipFile):
        self.archive = archive
        names = set(archive.namelist())
        self.manifest = self.read_manifest(names)
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
        self.collections = _require_list(self.manifest.get("collections", []), "manifest.json")
        self.check(names)

    def read_manifest(self, names: set[str]) -> dict:
        """The manifest, if this is an export of a version this install reads, complete."""
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
        for name in REQUIRED_FILES:
            if name not in names:
                raise OffboardingError("file", f"the export is incomplete: {name} is missing")
        return manifest

    def json(self, name: str, kind: type):
        try:
            data = json.loads(self.archive.read(name))
        except (ValueError, UnicodeDecodeError):
            raise OffboardingError("file", f"{name} in the export is not valid JSON") from None
        if not isinstance(data, kind):
            raise OffboardingError("file", f"{name} in the export is not a JSON {kind.__name__}")
        return data

    def check(self, names: set[str]) -> None:
        """Every rule the import relies on, checked before it starts, each with its message."""
        codes = set(Locale.objects.values_list("language_code", flat=True))
        self.check_manifest()
        self.check_pages(codes)
        self.check_snippets(codes)
        self.check_media(names)
        self.check_consent(names)
        self.check_collections()

    def check_manifest(self) -> None:
        manifest = self.manifest
        _require(isinstance(manifest.get("chapter"), str), "manifest.json has no chapter name")
        _require(isinstance(manifest.get("hostname"), str), "manifest.json has no hostname")
        languages = manifest.get("languages")
        _require(
            isinstance(languages, list) and all(isinstance(code, str) for code in languages),
            "manifest.json has no list of languages",
        )

    def check_pages(self, codes: set[str]) -> None:
        """Each page has a known type and language, and comes after its parent (tree
        order), so the import can create them in one pass; the home is a chapter's."""
        self.home = next((e for e in self.pages if e.get("id") == self.manifest.get("home")), None)
        _require(self.home is not None, "pages.json does not hold the chapter's home page")
        seen: set = set()
        for entry in self.pages:
            _require(
                isinstance(entry.get("id"), int)
                and isinstance(entry.get("content"), dict)
                and isinstance(entry.get("translation_key"), str),
                "pages.json has a page without id, translation key or content",
            )
            entry["model"] = _page_model(entry.get("type"))
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

    def check_snippets(self, codes: set[str]) -> None:
        """Only shared snippets travel, in a language this install has."""
        for entry in self.snippets.values():
            try:
                model = apps.get_model(entry["model"])
            except (LookupError, ValueError):
                raise OffboardingError(
                    "file", f"snippets.json names an unknown model '{entry['model']}'"
                ) from None
            _require(kind_of(model) == "snippet", f"'{entry['model']}' is not a shared snippet")
            if entry.get("locale") not in codes:
                raise OffboardingError(
                    "file", f"a snippet is in language '{entry.get('locale')}', unknown here"
                )

    def check_media(self, names: set[str]) -> None:
        """Every listed file is in the zip, and every image is an image."""
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

    def check_consent(self, names: set[str]) -> None:
        """A consent record belongs to an archive entry, and its signed form travelled:
        an import must never make an entry public without the consent behind it."""
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

    def check_collections(self) -> None:
        seen: set = set()
        for collection in self.collections:
            _require(
                isinstance(collection.get("id"), int)
                and isinstance(collection.get("name"), str)
                and (collection.get("parent") is None or collection["parent"] in seen),
                "manifest.json has a collection without id or name, or before its parent",
            )
            seen.add(collection["id"])


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
                parse_datetime(e["content"].get("embargo_until")),
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
