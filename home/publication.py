"""What the public may see.

`public_pages` is the one query that decides whether a page is public, and
`is_public` the same decision for one page; every public route (pages,
listings, search, the Alliance's aggregations, feeds) goes through them.

Beyond Wagtail's own rules (live, no view restriction), a page type can add
its own condition with `register_public_rule`: the chapters app uses it so
that an archive entry is public only while its consent record is in force
for the public (given, public scope, the route's channel, embargo passed,
not expired). The rule is a Q (a correlated subquery on the page's
translation key) asked only of rows of that page type, so the decision stays
one SQL query and costs nothing on listings of other page types.

Routes name their channel: "web" (pages, listings, search, sitemap), "feeds"
(RSS, iCal) or "api" (the open-data API); a narrator may agree to one and not
another.
"""

from collections.abc import Callable

from django.contrib.contenttypes.models import ContentType
from django.db.models import BooleanField, Exists, Expression, F, Model, OuterRef, Q, QuerySet
from wagtail.models import Page, PageQuerySet, PageViewRestriction, Site

_rules: dict[type[Model], Callable[[str], Q]] = {}


class IsAncestorPath(Expression):
    """`ancestor` (a tree path) is `path` or one of its ancestors' paths.

    Asked as `ancestor = ANY(path's prefixes)`, so PostgreSQL finds the few
    candidate rows through the path index. The obvious form, `ancestor =
    substr(path, 1, length(ancestor))`, compares every restriction with every
    page: 7.7 s for the public pages of a 500-chapter network (1,001
    restrictions), against 0.37 s this way. Pages and collections share
    treebeard's 4-character steps.
    """

    output_field = BooleanField()
    conditional = True

    def __init__(self, ancestor, path):
        super().__init__()
        self.ancestor, self.path = F(ancestor) if isinstance(ancestor, str) else ancestor, path

    def get_source_expressions(self):
        return [self.ancestor, self.path]

    def set_source_expressions(self, exprs):
        self.ancestor, self.path = exprs

    def resolve_expression(self, *args, **kwargs):
        clone = self.copy()
        clone.ancestor = self.ancestor.resolve_expression(*args, **kwargs)
        clone.path = self.path.resolve_expression(*args, **kwargs)
        return clone

    def as_sql(self, compiler, connection):
        ancestor, ancestor_params = compiler.compile(self.ancestor)
        path, path_params = compiler.compile(self.path)
        step = Page.steplen
        # Compiled column references and a constant; values travel as params.
        sql = (
            f"{ancestor} = ANY(ARRAY(SELECT SUBSTR({path}, 1, n * {step}) "  # noqa: S608
            f"FROM generate_series(1, LENGTH({path}) / {step}) AS n))"
        )
        return sql, (*ancestor_params, *path_params, *path_params)

    def as_sqlite(self, compiler, connection):
        # The demo's SQLite has no generate_series; its networks are small.
        ancestor, ancestor_params = compiler.compile(self.ancestor)
        path, path_params = compiler.compile(self.path)
        sql = f"{ancestor} = SUBSTR({path}, 1, LENGTH({ancestor}))"
        return sql, (*ancestor_params, *path_params, *ancestor_params)


CHANNELS = ("web", "feeds", "api")


def register_public_rule(model: type[Page], public_q: Callable[[str], Q]) -> None:
    """Pages of `model` are public on a channel only where `public_q(channel)` holds
    (evaluated per query). The Q may use Page's own fields only (it is applied to
    any page queryset), typically as a correlated subquery."""
    _rules[model] = public_q


def public_pages(queryset: PageQuerySet | None = None, channel: str = "web") -> PageQuerySet:
    """Live pages outside any view-restricted section that pass every page type's rule."""
    if channel not in CHANNELS:
        raise ValueError(f"unknown channel {channel!r}; expected one of {CHANNELS}")
    queryset = Page.objects.all() if queryset is None else queryset
    # Wagtail's .public() runs a query for the restrictions first, on every call;
    # this correlated subquery asks the same question inside the one query.
    restricted_ancestor = PageViewRestriction.objects.filter(
        IsAncestorPath("page__path", OuterRef("path"))
    )
    queryset = queryset.live().exclude(Exists(restricted_ancestor))
    for model, public_q in _rules.items():
        if not (issubclass(queryset.model, model) or issubclass(model, queryset.model)):
            continue  # e.g. chapter homes: no archive entry among them, nothing to ask
        # Only rows of that page type answer the rule (a correlated EXISTS per row).
        content_type = ContentType.objects.get_for_model(model)
        queryset = queryset.exclude(Q(content_type_id=content_type.pk) & ~public_q(channel))
    return queryset


def is_public(page: Page) -> bool:
    """`public_pages` asked of one page; the page a request was routed to carries the
    same query's answer from its fetch (home/routing.py), asked in this request."""
    routed = getattr(page, "_routed_public", None)
    if routed is not None:
        return routed
    return public_pages(Page.objects.filter(pk=page.pk)).exists()


def site_pages_q(site: Site) -> Q:
    """Pages under the site's root page or any translation of it.

    Translations of a site's root page sit beside it in the tree, so Wagtail's
    `in_site` (which looks under the default-language root only) misses them.
    """
    root = site.root_page
    paths = Page.objects.filter(translation_key=root.translation_key).values_list("path", flat=True)
    q = Q(path__startswith=root.path)
    for path in paths:
        q |= Q(path__startswith=path)
    return q


def public_pages_of_site(
    site: Site, queryset: PageQuerySet | None = None, channel: str = "web"
) -> PageQuerySet:
    return public_pages(queryset, channel).filter(site_pages_q(site))


def under_collections(roots: QuerySet, path: str = "collection__path") -> Exists:
    """For a queryset whose `path` field is a collection's path (an image's
    `collection__path`, a collection's own `path`): that collection is one of `roots`
    or below one. One subquery, whatever the number of roots."""
    return Exists(roots.filter(IsAncestorPath("path", OuterRef(path))))
