"""Who comes to a chapter's events, in the admin: listed by event, inspected, exported
(CSV) and cancelled on request, by the chapter's organizers (its editors and
moderators) only.

The rule is the permission policy every one of these views asks, and the queryset
every view reads: the registrations of the chapters the person edits or
moderates (Registration.objects.organized_by). Deny by default: the Alliance's
roles and network admins see nothing, superusers included, and nobody adds or
edits a registration (people sign up and cancel themselves). Cancelling here
goes through the service, so the freed place goes to the first person waiting.
The admin allowlist opens these routes to chapter editors and moderators
(chapters/admin/allowlist.py).
"""

import django_filters
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy

from chapters.events.models import EventPage
from chapters.register.chapter import Chapter
from chapters.registrations import service
from chapters.registrations.models import Registration

DETAILS = [
    "name",
    "email",
    "event_title",
    "status",
    "access_labels",
    "access_notes",
    "language",
    "created_at",
    "promoted_at",
]
ALLOWED_ACTIONS = {"view", "delete"}


class RegistrationPolicy(BasePermissionPolicy):
    def user_has_permission(self, user, action):
        return action in ALLOWED_ACTIONS and Chapter.objects.of_user(user).exists()

    def user_has_permission_for_instance(self, user, action, instance):
        return (
            action in ALLOWED_ACTIONS
            and self.instances_user_has_permission_for(user, action).filter(pk=instance.pk).exists()
        )

    def instances_user_has_any_permission_for(self, user, actions):
        if not ALLOWED_ACTIONS & set(actions):
            return Registration.objects.none()
        return Registration.objects.organized_by(user)

    def users_with_any_permission(self, actions):
        if not ALLOWED_ACTIONS & set(actions):
            return get_user_model().objects.none()
        organizers = Q(groups__editors_of__isnull=False) | Q(groups__moderators_of__isnull=False)
        return get_user_model().objects.filter(organizers).distinct()


def organizer_events(request):
    """The events the person may filter by: their own chapters' events only."""
    if request is None:
        return EventPage.objects.none()
    chapters = Chapter.objects.of_user(request.user)
    return (
        EventPage.objects.filter(registrations__chapter__in=chapters)
        .distinct()
        .order_by("-starts_at")
    )


class RegistrationFilterSet(WagtailFilterSet):
    event = django_filters.ModelChoiceFilter(
        label=_("Event"), queryset=organizer_events, method="of_event"
    )

    class Meta:
        model = Registration
        fields = ["status"]

    def of_event(self, queryset, name, value):
        return queryset.of_event(value)  # in every language


class ScopedObject:
    """A registration is found only among those the viewer may see: anyone else's is a 404."""

    def get_object(self, queryset=None):
        pk = self.kwargs.get(self.pk_url_kwarg) or getattr(self, "pk", None)
        found = Registration.objects.organized_by(self.request.user).filter(pk=pk).first()
        if found is None:
            raise Http404
        return found


class IndexView(generic.IndexView):
    def get_base_queryset(self):
        return Registration.objects.organized_by(self.request.user).select_related("event")


class InspectView(ScopedObject, generic.InspectView):
    pass


class DeleteView(ScopedObject, generic.DeleteView):
    def delete_action(self):
        service.cancel(self.object.key)  # the freed place goes to the first person waiting


class HistoryView(ScopedObject, generic.HistoryView):
    pass


class RegistrationViewSet(ModelViewSet):
    model = Registration
    icon = "date"
    menu_label = _("Registrations")
    menu_order = 250
    add_to_admin_menu = True
    url_prefix = "registrations"
    name = "registrations"
    inspect_view_enabled = True
    copy_view_enabled = False
    index_view_class = IndexView
    inspect_view_class = InspectView
    delete_view_class = DeleteView
    history_view_class = HistoryView
    filterset_class = RegistrationFilterSet
    list_display = [
        "name",
        Column("event_title", label=_("Event")),
        "status",
        "access_labels",
        DateColumn("created_at", label=_("Signed up")),
    ]
    search_fields = ["name", "email"]
    search_backend_name = None
    list_export = DETAILS
    export_filename = "registrations"
    inspect_view_fields = DETAILS
    form_fields = []

    def get_permissions_to_register(self):
        """No group grants these: organizing the chapter does (the policy)."""
        return Permission.objects.none()


POLICY = RegistrationPolicy(Registration)
register_permission_policy(Registration, POLICY)
registration_viewset = RegistrationViewSet()
