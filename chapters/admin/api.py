"""The admin API (/admin/api/main/…) and the media choosers: only what is the person's.

Wagtail's admin API lists images and documents like the public API does: every
item outside a view-restricted collection, whoever asks. The admin reads it for
its explorer menu and choosers, so any chapter editor could list every chapter's
titles, descriptions and file names there. These endpoints replace Wagtail's
under the same names and list only the items in collections the person may use
(choose, add, change or delete: their chapter's and the Alliance's shared
collection), and only the pages they may explore and see. Their parameters are
checked as the public API's are (home/api_checks.py): 400, never a 500.
"""

from django.db.models import Q
from wagtail.admin.api.views import PagesAdminAPIViewSet
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.models import Collection
from wagtail.permissions import policy_registry

from chapters.admin.scope import page_scope
from chapters.files.private import archive_collections
from home.api_checks import CheckedParametersMixin
from home.publication import under_collections

MEDIA_ACTIONS = ["choose", "add", "change", "delete"]


class _OwnMediaMixin(CheckedParametersMixin):
    def get_queryset(self):
        policy = policy_registry.get_by_type(self.model)
        collections = policy.collections_user_has_any_permission_for(
            self.request.user, MEDIA_ACTIONS
        )
        # Ids, not a subquery: `?search=` hands the queryset to the search backend.
        ids = list(collections.values_list("pk", flat=True))
        return super().get_queryset().filter(collection__in=ids)


class OwnImagesAdminAPIViewSet(_OwnMediaMixin, ImagesAdminAPIViewSet):
    pass


class OwnDocumentsAdminAPIViewSet(_OwnMediaMixin, DocumentsAdminAPIViewSet):
    pass


class OwnPagesAdminAPIViewSet(CheckedParametersMixin, PagesAdminAPIViewSet):
    def get_base_queryset(self):
        pages = super().get_base_queryset()
        scope = page_scope(self.request.user)
        return pages if scope is None else pages.filter(scope | Q(depth=1))


def register_own_endpoints(router) -> None:
    router.register_endpoint("pages", OwnPagesAdminAPIViewSet)
    router.register_endpoint("images", OwnImagesAdminAPIViewSet)
    router.register_endpoint("documents", OwnDocumentsAdminAPIViewSet)


def opened_from_settings(request) -> bool:
    """A chooser opened from a site's settings (the chapter logo): its Referer."""
    return "/admin/settings/" in request.headers.get("referer", "")


def archive_collection_ids():
    """The chapters' archive collections and everything below them."""
    return Collection.objects.filter(under_collections(archive_collections(), "path")).values_list(
        "pk", flat=True
    )
