from django.core.exceptions import PermissionDenied
from django.http import Http404
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy

from chapters.admin_scope import page_scope, visible_pages

# Wagtail's reports (locked pages, workflows, site history, aging pages, page
# types) cover the whole install, and their filters list every workflow, site
# and person. They are network tools; a chapter reads its own history instead.
NETWORK_ONLY_ADMIN_PATHS = ("/admin/reports/",)
BULK_ACTIONS = "/admin/bulk/"


def _visible_media(user, model):
    policy = CollectionOwnershipPermissionPolicy(model, owner_field_name="uploaded_by_user")
    return policy.instances_user_has_any_permission_for(user, ["choose", "change"])


class ChapterAdminScopeMiddleware:
    """Closes the admin routes that would show a chapter's people what is not theirs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path
        if path.startswith(("/admin/reports/", BULK_ACTIONS)):
            user = request.user
            if user.is_authenticated and page_scope(user) is not None:
                if path.startswith(NETWORK_ONLY_ADMIN_PATHS):
                    raise PermissionDenied
                self._check_bulk_items(request)
        return self.get_response(request)

    def _check_bulk_items(self, request):
        """Bulk action confirmations list every chosen item by title, even ones the
        person may not act on: refuse ids outside their scope."""
        parts = request.path[len(BULK_ACTIONS) :].split("/")
        ids = [value for value in request.GET.getlist("id") if value.isdigit()]
        if len(parts) < 2 or not ids:
            return
        model = (parts[0], parts[1])
        if model == ("wagtailcore", "page"):
            visible = visible_pages(request.user)
        elif model == ("wagtailimages", "image"):
            visible = _visible_media(request.user, get_image_model())
        elif model == ("wagtaildocs", "document"):
            visible = _visible_media(request.user, get_document_model())
        else:
            return
        if visible.filter(pk__in=ids).count() != len(set(ids)):
            raise Http404
