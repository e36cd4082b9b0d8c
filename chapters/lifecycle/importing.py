"""Importing a chapter export as a new chapter of this install, in one transaction.

The import onboards a new chapter and recreates its pages, media, settings,
sub-collections (the private archive collection among them), consent records
and view restrictions, remapping every reference from the old ids to the new
ones (`references.remap` with `Importer.resolve`). Shared snippets are reused
when this install has them (same translation key and locale) and created
otherwise. The work is split in three: this module (the chapter, references,
settings), `import_pages` and `import_media` (collections, files and consent).
"""

from typing import BinaryIO

from django.apps import apps
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from modelcluster.models import model_from_serializable_data
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    Locale,
    Page,
    PageViewRestriction,
    Site,
    Task,
    Workflow,
)

from chapters.lifecycle.common import OffboardingError, discard_files, one_line, real_user
from chapters.lifecycle.export_format import ExportFile, parse_datetime, read_export
from chapters.lifecycle.import_media import MediaImport
from chapters.lifecycle.import_pages import PageImport
from chapters.lifecycle.onboarding import OnboardingError, onboard_chapter
from chapters.lifecycle.references import kind_of, model_label, remap
from chapters.register.chapter import Chapter
from chapters.register.settings import ChapterSettings
from chapters.site.home import ChapterHomePage
from home.sites import clean_hostname


def import_chapter(
    source: BinaryIO, *, name: str | None = None, hostname: str | None = None, user=None
) -> Chapter:
    """Restore an export as a new chapter of this install, in one transaction.

    `name` and `hostname` override the export's. A bad or foreign file, or a
    taken name or hostname, raises OffboardingError and changes nothing.
    """
    user = real_user(user)
    archive = read_export(source)
    stored: list = []
    try:
        export = ExportFile(archive)
        name = (export.manifest["chapter"] if name is None else name).strip()
        hostname = hostname or export.manifest["hostname"]
        _check_free(name, hostname)
        with transaction.atomic():
            chapter = Importer(export, name, hostname, user, stored).run()
    except OffboardingError:
        discard_files(stored)
        raise
    except OnboardingError as error:
        discard_files(stored)
        raise OffboardingError(error.field, str(error)) from None
    except (KeyError, TypeError, ValueError, LookupError, ValidationError, DatabaseError) as error:
        discard_files(stored)
        raise OffboardingError(
            "file", f"the export could not be imported: {one_line(error)}"
        ) from error
    finally:
        archive.close()
    return chapter


def _check_free(name: str, hostname: str) -> None:
    """Refuse, before anything is made, a hostname or name (or what onboarding
    would name after it) this install already uses: an import never merges."""
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


class Importer(PageImport, MediaImport):
    """One import: the new chapter and the maps from the export's ids to the new ones.

    The steps live in their mixins (pages in `import_pages`, collections, files and
    consent in `import_media`); they share these maps and `resolve`.
    """

    def __init__(self, export: ExportFile, name: str, hostname: str, user, stored: list):
        self.export = export
        self.name = name
        self.hostname = hostname
        self.user = user
        self.stored = stored  # (storage, name) of each file saved, removed if it fails
        self.locales = {locale.language_code: locale for locale in Locale.objects.all()}
        self.page_map: dict[int, int] = {}
        self.image_map: dict[int, int] = {}
        self.document_map: dict[int, int] = {}
        self.snippet_map: dict[tuple[str, int], int | None] = {}
        self.external_map: dict[int, int | None] = {}

    def run(self) -> Chapter:
        export = self.export
        self.chapter = chapter = self.onboard()
        groups = [
            (export.manifest.get("editors_group"), chapter.editors),
            (export.manifest.get("moderators_group"), chapter.moderators),
            (export.manifest.get("members_group"), chapter.members),
        ]
        self.groups = {name: group for name, group in groups if name and group}
        self.collection_map = self.restore_collections()
        self.restore_media()
        self.create_pages()
        self.fill_pages()
        self.apply_settings()
        for restriction in export.manifest.get("collection_view_restrictions") or []:
            self.restrict(CollectionViewRestriction(collection=chapter.collection), restriction)
        self.restore_consent()
        self.restore_archived_state()
        chapter.refresh_from_db()
        chapter.created = True
        return chapter

    def onboard(self) -> Chapter:
        """A new chapter as onboarding makes it, with the export's place, languages
        and time zone; its sections are adopted by the pages' first pass."""
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
        return chapter

    def restore_archived_state(self) -> None:
        """An archived chapter travels archived, remembering its new pages' ids."""
        manifest, chapter = self.export.manifest, self.chapter
        if manifest.get("archived_at"):
            chapter.archived_at = parse_datetime(manifest["archived_at"])
            chapter.archived_live_pages = [
                self.page_map[pk]
                for pk in manifest.get("archived_live_pages") or []
                if pk in self.page_map
            ]
            chapter.save(update_fields=["archived_at", "archived_live_pages"])

    # references

    def resolve(self, model, old_id):
        """The new id of what the export called `old_id`, or None if it did not travel."""
        if old_id is None:
            return None
        kind = kind_of(model)
        if kind == "page":
            if old_id in self.page_map:
                return self.page_map[old_id]
            return self.external_page(old_id)
        if kind == "image":
            return self.image_map.get(old_id)
        if kind == "document":
            return self.document_map.get(old_id)
        if kind == "snippet":
            return self.snippet(model_label(model), old_id)
        return old_id

    def external_page(self, old_id: int) -> int | None:
        """A page outside the chapter: the same one here (translation key, language)."""
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
        """A shared snippet: this install's own if it has it, else created from the export."""
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
            existing = self.create_snippet(model, entry, locale)
        self.snippet_map[key] = existing.pk
        return existing.pk

    def create_snippet(self, model, entry: dict, locale: Locale):
        data = remap(model, entry["fields"], self.resolve, fresh=True)
        data.update(pk=None, locale=locale.pk, translation_key=entry["translation_key"])
        data.pop("id", None)
        if hasattr(model, "from_serializable_data"):
            snippet = model.from_serializable_data(data)
        else:
            snippet = model_from_serializable_data(model, data)
        snippet.save()
        for field_name, names in (entry.get("tags") or {}).items():
            getattr(snippet, field_name).add(*names)
        if entry.get("tags"):
            snippet.save()
        return snippet

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

    # settings and restrictions

    def apply_settings(self) -> None:
        """The exported settings on the new chapter's row, references remapped."""
        data = remap(ChapterSettings, self.export.settings, self.resolve, fresh=True)
        chapter_settings = ChapterSettings.for_site(self.chapter.site)
        data.update(pk=chapter_settings.pk, id=chapter_settings.pk, site=self.chapter.site.pk)
        restored = model_from_serializable_data(ChapterSettings, data)
        restored._state.adding = False
        restored.save()

    def restrict(self, restriction, data: dict) -> None:
        """A view restriction as exported; its groups are the new chapter's by their
        old names, else this install's group of that name, else left out."""
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
