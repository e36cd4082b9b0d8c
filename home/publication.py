"""What the public may see.

`public_pages` is the one query that decides whether a page is public, and
`is_public` the same decision for one page; every public route (pages,
listings, search, the Alliance's aggregations, feeds) goes through them.

Beyond Wagtail's own rules (live, no view restriction), a page type can add
its own condition with `register_public_rule`: the chapters app uses it so
that an archive entry is public only with consent given, public scope and a
passed embargo. The rule is a Q on the page type's own table, applied as a
subquery, so the decision stays one SQL query.
"""

from collections.abc import Callable

from django.db.models import Exists, Model, OuterRef, Q
from django.db.models.functions import Length, Substr
from wagtail.models import Page, PageQuerySet, PageViewRestriction, Site

_rules: dict[type[Model], Callable[[], Q]] = {}


def register_public_rule(model: type[Page], public_q: Callable[[], Q]) -> None:
    """Pages of `model` are public only where `public_q()` holds (evaluated per query)."""
    _rules[model] = public_q


def public_pages(queryset: PageQuerySet | None = None) -> PageQuerySet:
    """Live pages outside any view-restricted section that pass every page type's rule."""
    queryset = Page.objects.all() if queryset is None else queryset
    # Wagtail's .public() runs a query for the restrictions first, on every call;
    # this correlated subquery asks the same question inside the one query.
    restricted_ancestor = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path"))
    )
    queryset = queryset.live().exclude(Exists(restricted_ancestor))
    for model, public_q in _rules.items():
        hidden = model.objects.exclude(public_q()).values("pk")
        queryset = queryset.exclude(pk__in=hidden)
    return queryset


def is_public(page: Page) -> bool:
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


def public_pages_of_site(site: Site, queryset: PageQuerySet | None = None) -> PageQuerySet:
    return public_pages(queryset).filter(site_pages_q(site))
