"""Every change to data a public page can show invalidates the pages showing it,
in the request that makes the change.

Rules live where data changes: receivers of every model's post_save, post_delete
and many-to-many change (and Wagtail's page move), whatever saved it (page
editor, wagtail-localize, bulk actions, consent withdrawal, management commands).
Deny by default here too: any model not listed in IGNORED (data no public page
shows, written often) invalidates.

* A page of a chapter's site (or a record pointing at one: a consent record, a
  view restriction, the chapter's settings): that site and the Alliance (its
  aggregations show every chapter's pages).
* A page of the Alliance's site, a page in no site, a site, a shared snippet,
  anything else: every site (the header of every site links the Alliance's
  network pages; a principle shows on every chapter).

The generations are bumped at once and again when the transaction commits (a
page rendered from the old data during the transaction is then never read), and
a front-end cache (WAGTAILFRONTENDCACHE) is told after the commit: the affected
sites' roots (our Varnish configuration purges everything under an address) and
the changed page's own addresses in every language.
"""

import threading
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import Page, Site
from wagtail.signals import post_page_move

from home.pagecache.keys import bump
from home.pagecache.moments import forget as forget_moment

IGNORED_APPS = {
    "sessions", "admin", "axes", "contenttypes", "otp_totp", "otp_static",
    "wagtail_localize", "wagtailsearch", "django_tasks", "django_tasks_database",
}  # fmt: skip
IGNORED_MODELS = {
    "wagtailcore.revision", "wagtailcore.pagelogentry", "wagtailcore.modellogentry",
    "wagtailcore.referenceindex", "wagtailcore.pagesubscription", "wagtailcore.taskstate",
    "wagtailcore.workflowstate", "wagtailcore.comment", "wagtailcore.commentreply",
    "wagtailcore.uploadedfile", "wagtailusers.userprofile", "wagtailimages.rendition",
    "wagtailadmin.editingsession", "auth.user", "chapters.consentlogentry",
}  # fmt: skip

# What saving a draft or locking a page writes on the page row.
DRAFT_FIELDS = {
    "draft_title", "latest_revision", "latest_revision_created_at", "has_unpublished_changes",
    "locked", "locked_at", "locked_by",
}  # fmt: skip

_pending = threading.local()


def site_roots() -> list[tuple[str, str, bool]]:
    """(root path, root url, default site?) of every site and every translation of its root."""
    default_ids = set(Site.objects.filter(is_default_site=True).values_list("pk", flat=True))
    return [
        (path.root_path, path.root_url, path.site_id in default_ids)
        for path in Site.get_site_root_paths()
    ]


def hosts_of_url_paths(url_paths) -> tuple[set[str], bool]:
    """The root urls of the sites these tree paths belong to, and whether the change
    reaches every site (a path of the Alliance or of no site)."""
    roots = site_roots()
    urls = {url for _path, url, is_default in roots if is_default}
    for url_path in url_paths:
        owner = next((r for r in roots if url_path.startswith(r[0])), None)
        if owner is None or owner[2]:
            return urls, True
        urls.add(owner[1])
    return urls, False


def related_page_paths(instance) -> list[str] | None:
    """The tree paths of the page (or the site's root) a record belongs to, or None."""
    if isinstance(instance, Page):
        return [instance.url_path]
    for field in instance._meta.concrete_fields:
        model = field.related_model if field.is_relation else None
        value = getattr(instance, field.attname, None) if model else None
        if value is None:
            continue
        if issubclass(model, Page):
            return list(Page.objects.filter(pk=value).values_list("url_path", flat=True))
        if issubclass(model, Site) and not isinstance(instance, Site):
            roots = Page.objects.filter(sites_rooted_here=value)
            return list(roots.values_list("url_path", flat=True))
    return None


def changed(instance, extra_paths=()) -> None:
    label = instance._meta.label_lower
    if instance._meta.app_label in IGNORED_APPS or label in IGNORED_MODELS:
        return
    paths = None if isinstance(instance, Site) else related_page_paths(instance)
    if paths is None:
        invalidate(set(), network=True, page=None)
        return
    urls, network = hosts_of_url_paths([*paths, *extra_paths])
    invalidate(urls, network=network, page=instance if isinstance(instance, Page) else None)


def invalidate(root_urls: set[str], network: bool, page) -> None:
    hostnames = {urlsplit(url).hostname for url in root_urls}
    bump(hostnames, network=network)
    forget_moment()  # a consent record may have a new embargo or end
    state = _state()
    state["hosts"] |= hostnames
    state["roots"] |= root_urls
    state["network"] = state["network"] or network
    if page is not None:
        state["pages"].add(page.pk)
    transaction.on_commit(flush, robust=True)


def _state() -> dict:
    if not hasattr(_pending, "state"):
        _pending.state = {"hosts": set(), "roots": set(), "network": False, "pages": set()}
    return _pending.state


def flush() -> None:
    """After the commit: bump again, and purge the front-end cache once."""
    state = _state()
    if not (state["hosts"] or state["network"]):
        return
    del _pending.state
    bump(state["hosts"], network=state["network"])
    if getattr(settings, "WAGTAILFRONTENDCACHE", None):
        from home.pagecache.purge import purge

        purge(state["roots"], state["network"], state["pages"])


def on_save(sender, instance, raw=False, update_fields=None, **kwargs):
    # A draft saved (a new revision, a lock) changes nothing a reader sees.
    if raw or (update_fields and set(update_fields) <= DRAFT_FIELDS):
        return
    changed(instance)


def on_delete(sender, instance, **kwargs):
    changed(instance)


def on_m2m(sender, instance, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear"):
        changed(instance)


def on_move(sender, instance, url_path_before="", **kwargs):
    changed(instance, extra_paths=[url_path_before] if url_path_before else [])


def connect() -> None:
    post_save.connect(on_save, dispatch_uid="pagecache.save")
    post_delete.connect(on_delete, dispatch_uid="pagecache.delete")
    m2m_changed.connect(on_m2m, dispatch_uid="pagecache.m2m")
    post_page_move.connect(on_move, dispatch_uid="pagecache.move")
