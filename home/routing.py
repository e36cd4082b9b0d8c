"""Wagtail's page routing, with the pages on the way read in one query.

Wagtail routes one path component at a time: a query for the child by its slug,
then one for its specific row, two per level (five for a story). Here the pages
whose `url_path` is a prefix of the request's path are read together, the walk
down the tree is the same as Wagtail's (a routable page on the way answers its
own sub-routes first; a missing child is a 404; only the page reached must be
live), and only the page reached is read as its specific type, in one query that
also says whether it is public (the shared public query, `public_pages`) and
whether a view restriction applies to it. Wagtail's view-restriction check and
the archive's consent gate then ask no query of their own for a public page.

A page type with a `route()` of its own is routed by it, as Wagtail would.
"""

from django.db.models import Exists, OuterRef, Q
from django.http import Http404
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, PageViewRestriction
from wagtail.url_routing import RouteResult

from home.publication import public_pages

# The attributes the specific fetch sets on the page reached (see `reached`).
PUBLIC_FLAG = "_routed_public"
RESTRICTED_FLAG = "_routed_view_restricted"


def ancestor_paths(path: str) -> list[str]:
    """The tree paths of a page and of every ancestor, from its path alone."""
    step = Page.steplen
    return [path[:end] for end in range(step, len(path) + 1, step)]


def view_restrictions(page: Page):
    """The view restrictions that apply to `page`, as Wagtail's
    `Page.get_view_restrictions` finds them (its own and its ancestors', an alias's
    through its original), in one query instead of one per alias plus two."""
    paths = ancestor_paths(page.path)
    # Looked up from the pages' side: their path index finds the few candidates,
    # where a join from the restrictions read all of a network's (1,001 at 500 chapters).
    lineage = Page.objects.filter(path__in=paths).order_by()
    pages = lineage.values("pk").union(lineage.filter(alias_of__isnull=False).values("alias_of"))
    return PageViewRestriction.objects.filter(page__in=pages)


class RoutedViewRestrictions:
    """For a page model: Wagtail's view-restriction lookup in one query, and none at all
    for the page a request was routed to, whose fetch already asked (`reached`)."""

    def get_view_restrictions(self):
        if getattr(self, RESTRICTED_FLAG, None) is False:
            return PageViewRestriction.objects.none()
        return view_restrictions(self)


def reached(page: Page) -> Page:
    """The page as its specific type, with whether it is public and restricted. One query."""
    public = public_pages(Page.objects.filter(pk=OuterRef("pk")))
    restricted = view_restrictions(page)
    model = page.specific_class or type(page)
    specific = (
        model._default_manager.annotate(
            **{PUBLIC_FLAG: Exists(public), RESTRICTED_FLAG: Exists(restricted)}
        )
        .filter(pk=page.pk)
        .first()
    )
    if specific is None:
        raise Http404
    if getattr(page, "_cached_parent_obj", None) is not None:
        specific._cached_parent_obj = page._cached_parent_obj
    return specific


def forget(page: Page) -> None:
    """Drop what the fetch said once the request's checks are done: the answers are
    this request's, and a page object can outlive it (a test's response context)."""
    for flag in (PUBLIC_FLAG, RESTRICTED_FLAG):
        page.__dict__.pop(flag, None)


def _own_route(cls) -> bool:
    """Does this page type route in a way of its own (not Wagtail's or a routable page's)?"""
    return cls.route not in (Page.route, RoutablePageMixin.route)


def chains(roots: list[Page], components: list[str]) -> dict[str, Page]:
    """The pages under each root whose url_path is a prefix of the path, by url_path."""
    if not components:
        return {}
    condition = Q(pk__in=[])
    for root in roots:
        prefixes = [
            root.url_path + "/".join(components[: n + 1]) + "/" for n in range(len(components))
        ]
        condition |= Q(path__startswith=root.path, depth__gt=root.depth, url_path__in=prefixes)
    return {page.url_path: page for page in Page.objects.filter(condition)}


def route(request, root: Page, components: list[str], found: dict[str, Page]) -> RouteResult:
    """Route `components` from `root` as Wagtail's `Page.route` would, with the pages
    on the way from `found` (see `chains`) and one query for the page reached."""
    current, remaining, url_path = root, list(components), root.url_path
    while True:
        cls = current.specific_class or type(current)
        if _own_route(cls):
            return reached(current).route(request, remaining)
        if issubclass(cls, RoutablePageMixin) and current.live:
            try:
                cls.get_resolver().resolve("/" + "".join(f"{c}/" for c in remaining))
            except Http404:
                pass
            else:
                return reached(current).route(request, remaining)
        if not remaining:
            if not current.live:
                raise Http404
            return RouteResult(reached(current))
        url_path += remaining.pop(0) + "/"
        child = found.get(url_path)
        if child is None:
            raise Http404
        child._cached_parent_obj = current
        current = child
