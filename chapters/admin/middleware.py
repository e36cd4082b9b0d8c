"""Keeps a chapter's people inside what is theirs in the admin.

Two lines, for anyone whose admin is scoped to their own pages (see
`admin_scope.page_scope`: everyone but superusers and network admins):

1. Deny by default: the request's URL name must be in `admin_allowlist.ALLOWLIST`,
   or the answer is a 403 that says so. New Wagtail screens stay closed until
   someone decides who needs them.
2. Where a name cannot say enough (an id in the address or a form), the rules
   below refuse a request that names a page, image or document outside the
   person's scope, before Wagtail renders anything: bulk-action confirmations,
   move and copy errors and workflow messages name objects a person cannot change.

And, for everyone, `approval_refusal`: a workflow approval that would publish a
recording without its transcript is refused with the reason.
"""

from fnmatch import fnmatchcase

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.modal_workflow import render_modal_workflow
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.permissions import policy_registry

from chapters.admin.allowlist import admits
from chapters.admin.scope import own_pages_scope, page_scope, visible_pages
from chapters.archive.models import TRANSCRIPT_NEEDED, ArchiveEntryPage, needs_transcript
from home.params import parse_integer

REFUSAL = _(
    "This part of the admin is for network administrators. Your account works on "
    "your own chapter's pages, media and settings."
)
# Views whose page ids (in these URL arguments) must be the person's own pages.
PAGE_VIEWS = ("wagtailadmin_pages:*", "wagtailadmin_explore", "wagtailadmin_explore_results")
PAGE_KWARGS = ("page_id", "parent_page_id", "page_to_move_id", "destination_id", "pk")
LOCALIZE_PAGE_VIEWS = (
    "wagtail_localize:submit_page_translation",
    "wagtail_localize:convert_to_alias",
)
# Form fields that name a page: copy's destination, choose-parent, bulk move.
PAGE_ID_FIELDS = ("new_parent_page", "parent_page", "chooser")
MEDIA = {
    ("wagtailimages", "image"): get_image_model,
    ("wagtaildocs", "document"): get_document_model,
}


def _own_pages(user, ids) -> bool:
    """Whether every id is one of this person's own pages (or the tree root)."""
    scope = own_pages_scope(user)
    if scope is None:
        return True
    wanted = {parse_integer(str(value)) for value in ids}
    if None in wanted:
        return False
    found = Page.objects.filter(scope | Q(depth=1)).filter(pk__in=wanted).count()
    return found == len(wanted)


def approval_refusal(request):
    """Approving a workflow task publishes: a recording without transcript is not
    approved, and the moderator is told why (the entry's own save would refuse it
    with an error page, half-way through the approval)."""
    match = request.resolver_match
    if not (
        request.method == "POST"
        and match is not None
        and match.view_name == "wagtailadmin_pages:workflow_action"
        and match.kwargs.get("action_name") == "approve"
    ):
        return None
    page = Page.objects.filter(pk=match.kwargs.get("page_id")).first()
    latest = page.get_latest_revision_as_object() if page is not None else None
    if not (isinstance(latest, ArchiveEntryPage) and needs_transcript(latest)):
        return None
    messages.error(request, f"“{latest.title}” was not approved: {TRANSCRIPT_NEEDED}")
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    if request.headers.get("x-requested-with") == "XMLHttpRequest":
        return render_modal_workflow(
            request, "", None, {}, json_data={"step": "success", "redirect": url}
        )
    return redirect(url)


def all_numbers(values) -> bool:
    """Ids as a query string gives them: ASCII digits within an id's range ('²' passes
    `isdigit()`, then fails `int()`)."""
    return all(parse_integer(value) is not None for value in values)


def _names(view_name, patterns) -> bool:
    return any(fnmatchcase(view_name, pattern) for pattern in patterns)


class ChapterAdminScopeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.path.startswith("/admin/") and (refused := approval_refusal(request)):
            return refused
        if not (
            request.path.startswith("/admin/")
            and request.user.is_authenticated
            and page_scope(request.user) is not None
        ):
            return None
        match = request.resolver_match
        if not admits(request.user, match):
            return TemplateResponse(
                request, "chapters/admin/refused.html", {"message": REFUSAL}, status=403
            )
        self.check(request, match)
        return None

    def check(self, request, match):
        user, name, kwargs = request.user, match.view_name, match.kwargs
        if _names(name, PAGE_VIEWS + LOCALIZE_PAGE_VIEWS):
            ids = [kwargs[key] for key in PAGE_KWARGS if kwargs.get(key) is not None]
            if ids and not _own_pages(user, ids):
                raise Http404
        named = []
        if request.method == "POST" and _names(name, PAGE_VIEWS + ("wagtail_bulk_action",)):
            named = [request.POST.get(field) for field in PAGE_ID_FIELDS if request.POST.get(field)]
        if named and not _own_pages(user, named):
            raise Http404
        if name == "wagtail_localize:update_translations":
            self.check_translation_source(request, kwargs["translation_source_id"])
        if name == "wagtail_localize:submit_snippet_translation" and not user.has_perm(
            f"{kwargs['app_label']}.change_{kwargs['model_name']}"
        ):
            # wagtail-localize checks only "submit_translation", which chapters hold
            # for their own pages: shared snippets are translated by the Alliance.
            raise PermissionDenied
        if name == "wagtailadmin_choose_page_chosen_multiple":
            ids = request.GET.getlist("id")
            if not all_numbers(ids):
                raise Http404
            if visible_pages(user).filter(pk__in=ids).count() != len(set(ids)):
                raise Http404
        if name == "wagtail_bulk_action":
            self.check_bulk(request, (kwargs["app_label"], kwargs["model_name"]))

    def check_bulk(self, request, model):
        """Bulk-action confirmations list every chosen item by title, even those the
        person may not act on; `id=all` with `childOf` lists a whole subtree."""
        ids = request.GET.getlist("id")
        if not all_numbers(ids):
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
        elif not any(
            request.user.has_perm(f"{model[0]}.{action}_{model[1]}")
            for action in ("change", "delete")
        ):
            raise Http404  # snippets: the Alliance's; users: network admins only

    def check_translation_source(self, request, source_id):
        from wagtail_localize.models import TranslationSource

        source = TranslationSource.objects.filter(pk=source_id).first()
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
