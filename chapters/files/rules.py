"""Which images and documents a chapter's pages, settings and consent records may use.

The rule, wherever the object is saved from (page editor, wagtail-localize's
editor and sync, chapter import, the shell):

* A chapter's pages (in every locale) and its settings use only files in the
  chapter's own collections or the Alliance's shared collection.
* Files of a chapter's private archive only on that chapter's archive entries,
  and an archive entry's own files (its image, document and body blocks) only
  from there: they are shown only with consent.
* The Alliance's pages, settings and shared snippets use only the shared
  collection. Anything else (another chapter's files, the root collection) is
  refused: deny by default.
* Consent for a file is recorded only on an entry that may use that file.
* A file moves to another collection only if everything that uses it may use files
  there (`move_refusal`): a story's photo does not go into the private archive.

`media_errors(obj)` lists the refusals; the models' `clean()` raises them (the
page editor shows them on its form and keeps what was typed), and `pre_save`
handlers refuse, as a last line, any save that adds a refused file without
cleaning (`save(clean=False)`, `save_revision(clean=False)`, code). A file the
object already had is left alone there, so unpublishing or withdrawing consent
always works. A file outside what the object may use is named by its id only:
its title belongs to a chapter the person may not see.
"""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db.models import Model
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, ReferenceIndex

from chapters.archive.consent_records import ConsentRecord, file_kind
from chapters.archive.models import ArchiveEntryPage
from chapters.register.chapter import ARCHIVE_COLLECTION, Chapter
from chapters.register.settings import ChapterSettings
from home.models import Resource
from home.setup import SHARED_COLLECTION

FOREIGN = (
    "{what} is not in {owner}'s collections or the Alliance's shared media: a chapter's "
    "pages, settings and consent records use only the chapter's own files and the "
    "Alliance's shared ones."
)
FOREIGN_ALLIANCE = (
    "{what} is not in the Alliance's shared media (“{shared}”): the Alliance's pages, "
    "settings and shared snippets use only shared media."
)
ARCHIVE_ONLY_ON_ENTRIES = (
    "{what} is in {owner}'s private archive: only the chapter's archive entries show "
    "archive files, and only with consent. Use a file from the chapter's public collection."
)
ENTRY_FILE_NOT_PRIVATE = (
    "{what} is in a public collection. Upload it to the chapter's “{archive}” collection, "
    "or move it there: an archive entry's files are shown only with consent."
)
CONSENT_FILE = (
    "Consent for {what} cannot be recorded on “{entry}”: an entry may use only files of "
    "its own chapter's private archive."
)
MISSING = "{kind} #{pk} does not exist."
CODE = "media_rule"


@dataclass(frozen=True)
class Scope:
    """Whose object it is (None: the Alliance) and whether it shows archive files."""

    chapter: Chapter | None
    archive_entry: bool = False

    @property
    def owner(self) -> str:
        return self.chapter.name if self.chapter else "the Alliance"


@dataclass
class Collections:
    """The collection paths the rule needs, read once per check."""

    shared: list[str] = field(default_factory=list)
    archives: list[str] = field(default_factory=list)

    @classmethod
    def load(cls) -> "Collections":
        rows = Collection.objects.filter(depth=2, name=SHARED_COLLECTION).values_list("path")
        archives = Collection.objects.filter(archive_of__isnull=False).values_list("path")
        return cls(shared=[p for (p,) in rows], archives=[p for (p,) in archives])


def _under(item, roots) -> bool:
    path = item.collection.path
    return any(root and path.startswith(root) for root in roots)


def _path(collection) -> str | None:
    return collection.path if collection is not None else None


# --- Whose object it is -------------------------------------------------------------


def scope_of(obj) -> Scope | None:
    """The scope of a page, chapter settings, consent record or shared snippet;
    None for anything the rule does not cover (or a page not yet placed)."""
    if isinstance(obj, Page):
        place = obj if obj.path else getattr(obj, "_reference_parent", None)
        if place is None:
            return None
        return Scope(Chapter.of_page(place), isinstance(obj, ArchiveEntryPage))
    if isinstance(obj, ChapterSettings):
        return Scope(Chapter.objects.filter(site_id=obj.site_id).first())
    if isinstance(obj, ConsentRecord):
        return Scope(Chapter.of_page(obj.entry), archive_entry=True) if obj.entry_id else None
    if isinstance(obj, Resource):
        return Scope(None)
    return None


# --- What it refers to --------------------------------------------------------------


@dataclass(frozen=True)
class Reference:
    model: type
    pk: int
    field: str  # the top-level field the error is shown on
    content_path: str


def kind_of(model) -> str:
    return "image" if issubclass(model, get_image_model()) else "document"


def _media_types() -> dict[int, type]:
    base = ReferenceIndex._get_base_content_type
    return {base(model).pk: model for model in (get_image_model(), get_document_model())}


def references(obj) -> list[Reference]:
    """Every image and document the object refers to: foreign keys, StreamField
    blocks, rich text embeds and links, inline rows (Wagtail's reference extraction)."""
    kinds = _media_types()
    concrete = {f.name for f in obj._meta.concrete_fields}
    found = []
    for (
        content_type_id,
        object_id,
        model_path,
        content_path,
    ) in ReferenceIndex._extract_references_from_object(obj):
        if content_type_id not in kinds:
            continue
        try:
            pk = int(object_id)
        except (TypeError, ValueError):
            continue
        top = model_path.split(".", 1)[0]
        where = top if top in concrete else NON_FIELD_ERRORS
        found.append(Reference(kinds[content_type_id], pk, where, content_path))
    return found


def _load(refs: list[Reference]) -> dict[tuple[type, int], Model]:
    items = {}
    for model in {ref.model for ref in refs}:
        ids = {ref.pk for ref in refs if ref.model is model}
        for item in model.objects.filter(pk__in=ids).select_related("collection"):
            items[(model, item.pk)] = item
    return items


# --- The rule -------------------------------------------------------------------------


def _name(item, own: bool, *, start: bool = True) -> str:
    """The file as a message names it: its title if it is the owner's, else its id."""
    if own:
        return f"“{item.title}”"
    kind = str(item._meta.verbose_name)
    return f"{kind.capitalize() if start else kind} #{item.pk}"


def refusal(scope: Scope, item, collections: Collections) -> str | None:
    """Why `scope` may not use this file, or None if it may."""
    chapter = scope.chapter
    own_archive = chapter is not None and _under(item, [_path(chapter.archive_collection)])
    if _under(item, collections.archives):
        if not own_archive:
            return _foreign(scope, item, collections)
        if not scope.archive_entry:
            return ARCHIVE_ONLY_ON_ENTRIES.format(what=_name(item, True), owner=scope.owner)
        return None
    if _under(item, collections.shared):
        return None
    if chapter is not None and _under(item, [_path(chapter.collection)]):
        return None
    return _foreign(scope, item, collections)


def _foreign(scope: Scope, item, collections: Collections) -> str:
    if scope.chapter is None:
        return FOREIGN_ALLIANCE.format(what=_name(item, False), shared=SHARED_COLLECTION)
    return FOREIGN.format(what=_name(item, False), owner=scope.owner)


def _entry_file_refusal(item, collections: Collections) -> str | None:
    """An entry's own files are archive files: a public file is served at its own
    address, under its uploaded name, whatever the narrator agreed to."""
    if _under(item, collections.archives):
        return None
    return ENTRY_FILE_NOT_PRIVATE.format(what=_name(item, True), archive=ARCHIVE_COLLECTION)


def _error(message: str, item) -> ValidationError:
    # No params: Django would %-format the message with them.
    error = ValidationError(message, code=CODE)
    error.media = (file_kind(item), item.pk)
    return error


def media_errors(obj, *, ignore: frozenset = frozenset(), scope: Scope | None = None) -> dict:
    """{field: [ValidationError]} for each file the object may not use. `ignore`:
    (model, pk) pairs not to ask about (the files the stored object already has);
    `scope`: judge it as if it belonged there (a page about to move)."""
    refs = [ref for ref in references(obj) if (ref.model, ref.pk) not in ignore]
    entry_files = _entry_files(obj, ignore)
    if not refs and not entry_files:
        return {}
    scope = scope or scope_of(obj)
    if scope is None:
        return {}
    collections, items = Collections.load(), _load(refs)
    errors: dict = {}
    refused = set()
    for ref in refs:
        item = items.get((ref.model, ref.pk))
        message = item is not None and refusal(scope, item, collections)
        if message and (ref.model, ref.pk) not in refused:
            refused.add((ref.model, ref.pk))
            errors.setdefault(ref.field, []).append(_error(message, item))
    for item, where in entry_files:
        message = (type(item), item.pk) not in refused and _entry_file_refusal(item, collections)
        if message:
            errors.setdefault(where, []).append(_error(message, item))
    return errors


def _entry_files(obj, ignore) -> list[tuple[Model, str]]:
    """An archive entry's own files (image, document, body blocks) and their field."""
    if not isinstance(obj, ArchiveEntryPage):
        return []
    found = []
    for item in obj.files():
        if (type(item), item.pk) in ignore:
            continue
        where = next((n for n in ("image", "document") if getattr(obj, n) == item), "body")
        found.append((item, where))
    return found


def rule(obj) -> dict:
    """The rule as registered with home.references: what `clean()` of a page, the
    chapter settings, a shared resource or a consent record raises."""
    if isinstance(obj, ConsentRecord):
        found = consent_errors(obj)
        return {NON_FIELD_ERRORS: found} if found else {}
    return media_errors(obj)


def placement_refusal(page: Page, destination: Page, *, subtree: bool = True) -> str | None:
    """Why the page (and its subpages) may not be moved or copied under `destination`:
    in another chapter (or the Alliance) its files may not be usable; None if they are."""
    chapter = Chapter.of_page(destination)
    if chapter == Chapter.of_page(page):
        return None
    pages = page.get_descendants(inclusive=True).specific() if subtree else [page.specific]
    for each in pages:
        errors = media_errors(each, scope=Scope(chapter, isinstance(each, ArchiveEntryPage)))
        for messages in errors.values():
            where = chapter.name if chapter else "the Alliance"
            return f"“{each.title}” cannot go to {where}: {messages[0].messages[0]}"
    return None


# --- Consent for a file ------------------------------------------------------------------


def consent_refusal(entry, item) -> str | None:
    """Why consent for this file may not be recorded on this entry, or None."""
    collections = Collections.load()
    scope = Scope(Chapter.of_page(entry), archive_entry=True)
    if refusal(scope, item, collections) is None and _under(item, collections.archives):
        return None
    chapter = scope.chapter
    own = chapter is not None and (
        _under(item, [_path(chapter.collection), _path(chapter.archive_collection)])
    )
    return CONSENT_FILE.format(what=_name(item, own, start=False), entry=entry.title)


def consent_errors(record: ConsentRecord) -> list[ValidationError]:
    item = record.image or record.document if record.entry_id else None
    message = item is not None and consent_refusal(record.entry, item)
    return [_error(message, item)] if message else []


# --- Moving a file to another collection -----------------------------------------------

MOVE_REFUSED = "{what} cannot go to “{collection}” while “{user}” uses it: {reason}"


def _users(item):
    """The pages, settings and snippets whose stored content uses the file."""
    for content_type_id, object_id in (
        ReferenceIndex.get_references_to(item)
        .values_list("base_content_type", "object_id")
        .distinct()
    ):
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        found = model._default_manager.filter(pk=object_id).first() if model else None
        if found is not None:
            yield found.specific if isinstance(found, Page) else found


def move_refusal(item) -> str | None:
    """Why the file may not be saved in its (new) collection, or None: something that
    uses it may not use files there. A public story's photo moved into the archive
    would show broken to readers (and on the chapter home and share cards) while the
    editor's preview, which may see archive files, looks fine."""
    if item.pk is None or item.collection_id is None:
        return None
    stored = type(item).objects.filter(pk=item.pk).values_list("collection_id", flat=True)
    if stored.first() in (None, item.collection_id):
        return None
    collections = Collections.load()
    for user in _users(item):
        scope = scope_of(user)
        reason = scope is not None and refusal(scope, item, collections)
        if reason:
            return MOVE_REFUSED.format(
                what=f"“{item.title}”", collection=item.collection.name, user=user, reason=reason
            )
    return None
