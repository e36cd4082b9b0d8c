"""The chapter's people in the admin: listed, inspected, exported (CSV) and deleted on
request, by the chapter's moderators only.

The rule is the permission policy every one of the admin's views asks, and the
queryset every view reads: the confirmed people of the chapters the person
moderates (Supporter.objects.moderated_by). Deny by default: editors, the
Alliance's roles and network admins see nothing, superusers included (being a
moderator of the chapter is what grants it), and nobody adds or edits a person
(people join and change themselves). The admin allowlist opens these routes
to scoped people who moderate a chapter (chapters/admin/allowlist.py).
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy

from chapters.register.chapter import Chapter
from chapters.supporters.models import Supporter

# What the export and each person's page show.
DETAILS = [
    "name",
    "email",
    "chapter",
    "languages_list",
    "rights_list",
    "help_labels",
    "message",
    "language",
    "consent_wording",
    "consented_at",
    "confirmed_at",
]
# What a moderator may do with their people.
ALLOWED_ACTIONS = {"view", "delete"}


class SupporterPolicy(BasePermissionPolicy):
    def user_has_permission(self, user, action):
        return action in ALLOWED_ACTIONS and Chapter.objects.of_user(user, moderator=True).exists()

    def user_has_permission_for_instance(self, user, action, instance):
        return (
            action in ALLOWED_ACTIONS
            and self.instances_user_has_permission_for(user, action).filter(pk=instance.pk).exists()
        )

    def instances_user_has_any_permission_for(self, user, actions):
        if not ALLOWED_ACTIONS & set(actions):
            return Supporter.objects.none()
        return Supporter.objects.moderated_by(user)

    def users_with_any_permission(self, actions):
        if not ALLOWED_ACTIONS & set(actions):
            return get_user_model().objects.none()
        return get_user_model().objects.filter(groups__moderators_of__isnull=False).distinct()


class ScopedObject:
    """A person is found only among those the viewer may see: anyone else is a 404."""

    def get_object(self, queryset=None):
        pk = self.kwargs.get(self.pk_url_kwarg) or getattr(self, "pk", None)
        found = Supporter.objects.moderated_by(self.request.user).filter(pk=pk).first()
        if found is None:
            raise Http404
        return found


class IndexView(generic.IndexView):
    def get_base_queryset(self):
        return Supporter.objects.moderated_by(self.request.user).select_related("chapter__home")


class InspectView(ScopedObject, generic.InspectView):
    pass


class DeleteView(ScopedObject, generic.DeleteView):
    pass


class HistoryView(ScopedObject, generic.HistoryView):
    pass


class SupporterViewSet(ModelViewSet):
    model = Supporter
    icon = "group"
    menu_label = _("People")
    menu_order = 260
    add_to_admin_menu = True
    url_prefix = "people"
    name = "supporters"
    inspect_view_enabled = True
    copy_view_enabled = False
    index_view_class = IndexView
    inspect_view_class = InspectView
    delete_view_class = DeleteView
    history_view_class = HistoryView
    list_display = [
        "name",
        "email",
        Column("chapter", label=_("Chapter")),
        "languages_list",
        "help_labels",
        DateColumn("confirmed_at", label=_("Joined")),
    ]
    list_filter = ["confirmed_at"]
    search_fields = ["name", "email", "message"]
    search_backend_name = None
    list_export = DETAILS
    export_filename = "people"
    inspect_view_fields = DETAILS
    form_fields = []

    def get_permissions_to_register(self):
        """No group grants these people: moderating their chapter does (the policy)."""
        return Permission.objects.none()


POLICY = SupporterPolicy(Supporter)
register_permission_policy(Supporter, POLICY)
supporter_viewset = SupporterViewSet()
