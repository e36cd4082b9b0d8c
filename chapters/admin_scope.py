"""What a person sees in the admin: their own chapter, never anyone else's.

Wagtail already limits the page explorer and the admin page search to pages a
person has permissions on, and image and document listings to their
collections. It does not limit the page chooser, which browses the whole tree.
`page_scope` closes that gap; the hooks in `wagtail_hooks.py` apply it.
"""

from django.db.models import Q
from wagtail.models import GroupPagePermission, Page

from home.models import AllianceHomePage


def _user_cache(user) -> dict:
    if not hasattr(user, "_chapter_scope_cache"):
        user._chapter_scope_cache = {}
    return user._chapter_scope_cache


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
    granted = Page.objects.filter(
        pk__in=GroupPagePermission.objects.filter(group__user=user).values("page_id")
    )
    if granted.filter(depth=1).exists():
        cache["pages"] = None
        return None
    roots = Page.objects.filter(
        translation_key__in=granted.values("translation_key"),
        depth__in=granted.values("depth"),
    )
    scope = Q(depth=1)
    for path in roots.values_list("path", flat=True):
        scope |= Q(path__startswith=path)
    for path in AllianceHomePage.objects.values_list("path", flat=True):
        scope |= Q(path__startswith=path, live=True)
    cache["pages"] = scope
    return scope


def visible_pages(user, pages=None):
    pages = Page.objects.all() if pages is None else pages
    scope = page_scope(user)
    return pages if scope is None else pages.filter(scope)
