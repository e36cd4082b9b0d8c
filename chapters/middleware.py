"""Closes the admin routes that would show a chapter's people what is not theirs.

Wagtail checks permissions on what a person may change; several admin screens
still name objects a person cannot change (bulk-action confirmations, move and
copy errors, workflow messages, the translations report). For anyone whose
admin is scoped to their own pages (see `admin_scope.page_scope`), each rule
below refuses a request that names a page, image or document outside that
scope, before Wagtail renders anything.
"""

import re

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.permissions import policy_registry

from chapters.admin_scope import own_pages_scope, page_scope, visible_pages

# Wagtail's reports (locked pages, workflows, site history, aging pages, page
# types, translations) cover the whole install, and their filters list every
# workflow, site and person: network tools. A chapter reads its own history.
NETWORK_ONLY = ("/admin/reports/", "/admin/localize/reports/")

# Admin URLs that carry a page id in their path.
PAGE_ID_PATHS = [
    re.compile(r"^/admin/pages/(?P<page>\d+)/(?:move/(?P<destination>\d+)/)?"),
    re.compile(r"^/admin/pages/add/\w+/\w+/(?P<page>\d+)/"),
    re.compile(r"^/admin/pages/workflow/\w+/(?P<page>\d+)/"),
    re.compile(r"^/admin/localize/submit/page/(?P<page>\d+)/"),
]
# Form fields that name a page: copy's destination, choose-parent, bulk move.
PAGE_ID_FIELDS = ("new_parent_page", "parent_page", "chooser")
SUBMIT_SNIPPET = re.compile(r"^/admin/localize/submit/snippet/(?P<app>\w+)/(?P<model>\w+)/")
BULK = re.compile(r"^/admin/bulk/(?P<app>\w+)/(?P<model>\w+)/")
MEDIA = {
    ("wagtailimages", "image"): get_image_model,
    ("wagtaildocs", "document"): get_document_model,
}


def _own_pages(user, ids) -> bool:
    """Whether every id is one of this person's own pages (or the tree root)."""
    scope = own_pages_scope(user)
    if scope is None:
        return True
    if not all(str(value).isdigit() for value in ids):
        return False
    wanted = {int(value) for value in ids}
    found = Page.objects.filter(scope | Q(depth=1)).filter(pk__in=wanted).count()
    return found == len(wanted)


class ChapterAdminScopeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path
        if (
            path.startswith("/admin/")
            and request.user.is_authenticated
            and page_scope(request.user) is not None
        ):
            self.check(request, path)
        return self.get_response(request)

    def check(self, request, path):
        user = request.user
        if path.startswith(NETWORK_ONLY):
            raise PermissionDenied
        for pattern in PAGE_ID_PATHS:
            match = pattern.match(path)
            if match and not _own_pages(user, [v for v in match.groupdict().values() if v]):
                raise Http404
        named = []
        if request.method == "POST" and path.startswith(("/admin/pages/", "/admin/bulk/")):
            named = [request.POST.get(name) for name in PAGE_ID_FIELDS if request.POST.get(name)]
        if named and not _own_pages(user, named):
            raise Http404
        if path.startswith("/admin/localize/update/"):
            self.check_translation_source(request, path)
        snippet = SUBMIT_SNIPPET.match(path)
        if snippet and not user.has_perm(f"{snippet['app']}.change_{snippet['model']}"):
            # wagtail-localize checks only "submit_translation", which chapters hold
            # for their own pages: shared snippets are translated by the Alliance.
            raise PermissionDenied
        if path.startswith("/admin/choose-page/chosen-multiple/"):
            ids = request.GET.getlist("id")
            if not all(v.isdigit() for v in ids):
                raise Http404
            if visible_pages(user).filter(pk__in=ids).count() != len(set(ids)):
                raise Http404
        bulk = BULK.match(path)
        if bulk:
            self.check_bulk(request, (bulk["app"], bulk["model"]))

    def check_bulk(self, request, model):
        """Bulk-action confirmations list every chosen item by title, even those the
        person may not act on; `id=all` with `childOf` lists a whole subtree."""
        ids = request.GET.getlist("id")
        if not all(value.isdigit() for value in ids):
            raise Http404
        child_of = request.GET.get("childOf")
        if model == ("wagtailcore", "page"):
            if not _own_pages(request.user, ids + ([child_of] if child_of else [])):
                raise Http404
        elif model in MEDIA:
            media = MEDIA[model]()
            policy = policy_registry.get_by_type(media)
            visible = policy.instances_user_has_any_permission_for(
                request.user, ["choose", "change"]
            )
            if visible.filter(pk__in=ids).count() != len(set(ids)):
                raise Http404

    def check_translation_source(self, request, path):
        from wagtail_localize.models import TranslationSource

        match = re.match(r"^/admin/localize/update/(\d+)/", path)
        if not match:
            return
        source = TranslationSource.objects.filter(pk=match.group(1)).first()
        if source is None:
            return
        instance = source.get_source_instance()
        if isinstance(instance, Page):
            if not _own_pages(request.user, [instance.pk]):
                raise Http404
        elif not request.user.has_perm(
            f"{instance._meta.app_label}.change_{instance._meta.model_name}"
        ):
            raise PermissionDenied
