"""What a person sees in the admin: their own chapter, never anyone else's.

Wagtail already limits the page explorer and the admin page search to pages a
person has permissions on, and image and document listings to their
collections. It does not limit the page chooser, which browses the whole tree.
`page_scope` closes that gap; the hooks in `chapters/admin/hooks.py` apply it.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.models import GroupPagePermission, Page, PageLogEntry, Site

from home.models import AllianceHomePage


def _user_cache(user) -> dict:
    if not hasattr(user, "_chapter_scope_cache"):
        user._chapter_scope_cache = {}
    return user._chapter_scope_cache


def _own_root_paths(user) -> list[str]:
    """Paths of the pages this person holds permissions on, and of their translations."""
    granted = Page.objects.filter(
        pk__in=GroupPagePermission.objects.filter(group__user=user).values("page_id")
    ).values_list("translation_key", "depth")
    if not granted:
        return []
    same = Q(pk__in=[])
    for translation_key, depth in granted:
        same |= Q(translation_key=translation_key, depth=depth)
    return list(Page.objects.filter(same).values_list("path", flat=True))


def page_scope(user) -> Q | None:
    """The pages this person may see in the admin, or None for every page.

    Network admins (permissions on the root) and superusers see every page.
    Everyone else sees the pages under the roots they hold permissions on, in
    every locale, plus the live pages of the Alliance site (they may link to
    them), plus the tree's root so the chooser can be browsed.
    """
    cache = _user_cache(user)
    if "pages" in cache:
        return cache["pages"]
    if user.is_superuser:
        cache["pages"] = None
        return None
    granted = GroupPagePermission.objects.filter(group__user=user)
    if granted.filter(page__depth=1).exists():
        cache["pages"] = None
        return None
    scope = Q(depth=1)
    for path in _own_root_paths(user):
        scope |= Q(path__startswith=path)
    for path in AllianceHomePage.objects.values_list("path", flat=True):
        scope |= Q(path__startswith=path, live=True)
    cache["pages"] = scope
    return scope


def visible_pages(user, pages=None):
    pages = Page.objects.all() if pages is None else pages
    scope = page_scope(user)
    return pages if scope is None else pages.filter(scope)


def own_pages_scope(user) -> Q | None:
    """The pages under the roots this person holds permissions on (every locale),
    without the Alliance pages everyone may link to. None for every page."""
    cache = _user_cache(user)
    if "own" not in cache:
        if page_scope(user) is None:
            cache["own"] = None
        else:
            scope = Q(pk__in=[])
            for path in _own_root_paths(user):
                scope |= Q(path__startswith=path)
            cache["own"] = scope
    return cache["own"]


def visible_sites(user):
    scope = own_pages_scope(user)
    sites = Site.objects.all()
    return sites if scope is None else sites.filter(root_page__in=Page.objects.filter(scope))


def page_owners(user):
    scope = own_pages_scope(user)
    pages = Page.objects.all() if scope is None else Page.objects.filter(scope)
    return get_user_model().objects.filter(pk__in=pages.order_by().values("owner_id"))


def page_editors(user):
    scope = own_pages_scope(user)
    entries = PageLogEntry.objects.filter(action="wagtail.edit")
    if scope is not None:
        entries = entries.filter(page__in=Page.objects.filter(scope))
    return get_user_model().objects.filter(pk__in=entries.order_by().values("user_id"))
