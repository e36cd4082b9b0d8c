"""Pages written in bulk: a generated network of hundreds of chapters in seconds.

`Page.add_child` moves the tree one page at a time (a query to find the last
child, a save, a numchild update, a revision, a publish, the search index: a
few dozen queries a page). Here the tree's paths are computed once in
Python, the `wagtailcore_page` rows go in with `bulk_create`, then each page
type's own table (multi-table inheritance: the child rows share the page's
id), then one revision per page, and the search index in batches. What ends
up in the database is what a publish leaves; only the log entries are left
out.
"""

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import CharField, F, OuterRef, Subquery
from django.db.models.functions import Cast
from modelcluster.models import (
    get_all_child_m2m_relations,
    get_all_child_relations,
    get_serializable_data_for_fields,
)
from wagtail.models import Page, Revision
from wagtail.search.backends import get_search_backends

# Rows per INSERT: well under SQLite's 32,766 and PostgreSQL's 65,535 parameters.
BATCH = 500


def chunks(items: list, size: int = BATCH):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def child_path(parent_path: str, step: int) -> str:
    """The materialised path of a parent's `step`-th child (1-based)."""
    return parent_path + Page._int2str(step).rjust(Page.steplen, "0")


def next_child_step(parent: Page) -> int:
    """The step after the parent's last child (1 for a parent without children)."""
    last = Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
    last = last.order_by("-path").values_list("path", flat=True).first()
    return Page._str2int(last[-Page.steplen :]) + 1 if last else 1


def place(page: Page, parent: Page | dict, step: int, children: int = 0) -> Page:
    """Put `page` in the tree as the parent's `step`-th child with `children` children.
    `parent` is a Page or a dict with its path, depth and url_path."""
    fields = parent if isinstance(parent, dict) else vars(parent)
    page.path = child_path(fields["path"], step)
    page.depth = fields["depth"] + 1
    page.numchild = children
    page.url_path = fields["url_path"] + page.slug + "/"
    page.draft_title = page.title
    return page


def insert_pages(pages: list[Page], now) -> None:
    """Insert specific pages (ids unset, paths placed): the Page rows, each type's own
    rows, a revision each (the live one of a live page) and their search entries."""
    for page in pages:
        page.latest_revision_created_at = now
        if page.content_type_id is None:
            page.content_type_id = ContentType.objects.get_for_model(type(page)).pk
    # The specific pages' Page part, inserted as Page rows (ids come back).
    fields = [f for f in Page._meta.local_concrete_fields if not f.primary_key]
    ids = []
    for chunk in chunks(pages):
        ids += Page._base_manager._insert(chunk, fields=fields, returning_fields=[Page._meta.pk])
    by_model: dict[type, list[Page]] = defaultdict(list)
    for page, (page_id,) in zip(pages, ids, strict=True):
        page.id = page.page_ptr_id = page_id
        page._state.adding, page._state.db = False, "default"
        by_model[type(page)].append(page)
    for model, objs in by_model.items():
        fields = model._meta.local_concrete_fields
        for chunk in chunks(objs):
            model._base_manager._insert(chunk, fields=fields)
    _add_revisions(pages, now)


def _revision_content(page: Page) -> dict:
    """What `page.serializable_data()` gives, without a query per relation: the
    generated pages have no child objects or tags but what their `_children` and
    `_m2m_values` say."""
    content = get_serializable_data_for_fields(page)
    for relation in get_all_child_relations(page):
        items = getattr(page, "_children", {}).get(relation.get_accessor_name(), [])
        content[relation.get_accessor_name()] = [{**item, "page": page.pk} for item in items]
    for field in get_all_child_m2m_relations(page):
        content[field.name] = getattr(page, "_m2m_values", {}).get(field.name, [])
    return content


def _add_revisions(pages: list[Page], now) -> None:
    page_type = ContentType.objects.get_for_model(Page).pk
    revisions = [
        Revision(
            content_type_id=page.content_type_id,
            base_content_type_id=page_type,
            object_id=str(page.pk),
            created_at=now,
            object_str=page.title,
            content=_revision_content(page),
        )
        for page in pages
    ]
    Revision.objects.bulk_create(revisions, batch_size=BATCH)
    ids = [page.pk for page in pages]
    latest = Revision.objects.filter(
        base_content_type_id=page_type, object_id=Cast(OuterRef("pk"), CharField())
    ).values("pk")[:1]
    for chunk in chunks(ids, 5000):
        Page.objects.filter(pk__in=chunk).update(latest_revision_id=Subquery(latest))
        Page.objects.filter(pk__in=chunk, first_published_at__isnull=False).update(
            live_revision_id=F("latest_revision_id")
        )
    by_id = {revision.object_id: revision.pk for revision in revisions}
    for page in pages:
        page.latest_revision_id = by_id.get(str(page.pk))


def index_pages(pages: list[Page], indexable=None) -> None:
    """Add the pages to every search backend, as a save would (`indexable`: of these,
    the pks the page type's `get_indexed_objects` keeps; None keeps all)."""
    by_model: dict[type, list[Page]] = defaultdict(list)
    for page in pages:
        if indexable is None or page.pk in indexable:
            by_model[type(page)].append(page)
    size = 200 if connection.vendor == "sqlite" else BATCH
    for backend in get_search_backends(with_auto_update=True):
        for model, objs in by_model.items():
            for chunk in chunks(objs, size):
                backend.add_bulk(model, chunk)
