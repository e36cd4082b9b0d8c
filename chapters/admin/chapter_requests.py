"""Admin > Chapter requests: the network admins read, export, approve and decline the
requests sent through "Start a chapter" (chapters/network/start_chapter.py).

Deny by default: the permission policy below opens the screens to superusers and
to people with the request permissions, which only the network admins' group has
(home 0004); approving also needs onboarding's right (chapters.add_chapter).
Nobody adds or edits a request here: it is what the person sent. The admin
allowlist (chapters/admin/allowlist.py) names none of these routes, so every
chapter-scoped person is refused before the view is reached.
"""

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.views.generic import DeleteView, InspectView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from chapters.lifecycle.chapter_requests import (
    approve_request,
    decline_request,
    delete_request,
    suggested_hostname,
)
from chapters.lifecycle.onboarding import OnboardingError
from chapters.register.settings import TIME_ZONES
from chapters.site.home import ChapterHomePage
from home.models import ChapterRequest
from home.sites import site_root_url


class ChapterRequestPolicy(ModelPermissionPolicy):
    """Only what is named here is allowed: view (the list, a request, the export),
    approve (and decline), delete (a declined request). Never add or change."""

    CODENAMES = {"view": "view", "approve": "change", "delete": "delete"}

    def user_has_permission(self, user, action):
        codename = self.CODENAMES.get(action)
        if codename is None or not user.is_active:
            return False
        if user.is_superuser:
            return True
        if action == "approve" and not user.has_perm("chapters.add_chapter"):
            return False
        return user.has_perm(f"home.{codename}_chapterrequest")

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        if action == "approve" and not instance.is_pending:
            return False
        if action == "delete" and instance.status != ChapterRequest.DECLINED:
            return False
        return self.user_has_permission(user, action)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(self.user_has_permission_for_instance(user, a, instance) for a in actions)

    def instances_user_has_any_permission_for(self, user, actions):
        if self.user_has_any_permission(user, actions):
            return ChapterRequest.objects.all()
        return ChapterRequest.objects.none()

    def users_with_any_permission(self, actions):
        known = [self.CODENAMES[a] for a in actions if a in self.CODENAMES]
        return super().users_with_any_permission(known) if known else User.objects.none()


User = get_user_model()
LOCALITY_NAMES = dict(ChapterHomePage.LOCALITY_TYPES)
POLICY = ChapterRequestPolicy(ChapterRequest)
register_permission_policy(ChapterRequest, POLICY)
INSPECT_FIELDS = [
    "place",
    "locality_type",
    "state",
    "languages",
    "activities",
    "contact_name",
    "contact_email",
    "consent_text",
    "consented_at",
    "language",
    "created_at",
    "status",
    "decided_by",
    "decided_at",
    "site",
]


def _allowed(request, action: str, chapter_request=None) -> None:
    allowed = (
        POLICY.user_has_permission(request.user, action)
        if chapter_request is None
        else POLICY.user_has_permission_for_instance(request.user, action, chapter_request)
    )
    if not allowed:
        raise PermissionDenied


class ChapterRequestInspectView(InspectView):
    template_name = "chapters/admin/chapter_request.html"

    def get_site_display_value(self):
        site = self.object.site
        if site is None:
            return self.object.hostname or "-"
        url = site_root_url(site, self.request)
        return format_html('<a href="{}">{}</a>', url, url)

    def get_languages_display_value(self):
        names = dict(settings.LANGUAGES)
        return ", ".join(names.get(code, code) for code in self.object.languages)

    def get_locality_type_display_value(self):
        return LOCALITY_NAMES.get(self.object.locality_type, self.object.locality_type)

    def get_decided_by_display_value(self):
        user = self.object.decided_by
        return (user.get_full_name() or user.get_username()) if user else "-"

    @property
    def header_more_buttons(self):
        buttons = []
        for action, label, icon in [
            ("approve", "Approve", "check"),
            ("decline", "Decline", "cross"),
        ]:
            if POLICY.user_has_permission_for_instance(self.request.user, "approve", self.object):
                url = reverse(f"chapter_requests:{action}", args=[self.object.pk])
                buttons.append(Button(label, url=url, icon_name=icon, priority=10))
        if url := self.get_delete_url():
            buttons.append(Button("Delete", url=url, icon_name="bin", priority=20))
        return buttons

    def get_delete_url(self):
        if POLICY.user_has_permission_for_instance(self.request.user, "delete", self.object):
            return reverse("chapter_requests:delete", args=[self.object.pk])
        return None

    def get_context_data(self, **kwargs):
        site = self.object.site
        return super().get_context_data(
            chapter_request=self.object,
            site_url=site_root_url(site, self.request) if site else "",
            can_decide=POLICY.user_has_permission_for_instance(
                self.request.user, "approve", self.object
            ),
            **kwargs,
        )


class ChapterRequestDeleteView(DeleteView):
    """Retention: only a declined request can be deleted, and only by network admins."""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        _allowed(request, "delete", self.object)

    def delete_action(self):
        delete_request(self.object)


class ApproveForm(forms.Form):
    name = forms.CharField(max_length=120, help_text="The chapter's public name.")
    hostname = forms.CharField(
        max_length=255,
        help_text="Its own hostname (suggested from the place's name). The site answers on "
        "it at once; point the name's DNS at this server.",
    )
    time_zone = forms.ChoiceField(choices=TIME_ZONES, initial="America/New_York")
    invite_requester = forms.BooleanField(
        label="Invite the person who asked as the chapter's first moderator",
        required=False,
        initial=True,
        help_text="We create their account and email them a link to choose a password.",
    )


class DecideView(WagtailAdminTemplateMixin, FormView):
    """Approve or decline one waiting request."""

    template_name = "chapters/admin/chapter_request_decide.html"
    header_icon = "group"
    form_class = forms.Form
    action = ""

    def dispatch(self, request, *args, pk, **kwargs):
        _allowed(request, "approve")
        self.object = get_object_or_404(ChapterRequest, pk=pk)
        if not self.object.is_pending:
            messages.error(
                request,
                f"This request was already {self.object.get_status_display().lower()}.",
            )
            return redirect("chapter_requests:inspect", pk)
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return f"{self.action.capitalize()} the request for {self.object.place}"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("chapter_requests:index"), "label": "Chapter requests"},
            {
                "url": reverse("chapter_requests:inspect", args=[self.object.pk]),
                "label": str(self.object),
            },
            {"url": "", "label": self.action.capitalize()},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(chapter_request=self.object, action=self.action, **kwargs)


class ApproveView(DecideView):
    action = "approve"
    form_class = ApproveForm

    def get_initial(self):
        return {"name": self.object.place, "hostname": suggested_hostname(self.object)}

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            chapter = approve_request(self.object, user=self.request.user, **data)
        except OnboardingError as error:
            form.add_error(error.field if error.field in form.fields else None, str(error))
            return self.form_invalid(form)
        messages.success(
            self.request,
            f"Approved: the chapter '{chapter.name}' is onboarded. Its site answers at "
            f"{site_root_url(chapter.site, self.request)} now.",
        )
        return redirect("chapter_requests:inspect", self.object.pk)


class DeclineView(DecideView):
    action = "decline"

    def form_valid(self, form):
        try:
            decline_request(self.object, user=self.request.user)
        except OnboardingError as error:
            messages.error(self.request, str(error))
        else:
            messages.success(self.request, f"Declined the request for {self.object.place}.")
        return redirect("chapter_requests:inspect", self.object.pk)


class ChapterRequestViewSet(ModelViewSet):
    model = ChapterRequest
    name = "chapter_requests"
    url_prefix = "chapter-requests"
    menu_label = _("Chapter requests")
    icon = "group"
    menu_order = 260
    add_to_admin_menu = True
    inspect_view_enabled = True
    inspect_view_class = ChapterRequestInspectView
    inspect_view_fields = INSPECT_FIELDS
    delete_view_class = ChapterRequestDeleteView
    copy_view_enabled = False
    list_display = ["place", "locality_type", "state", "status", "created_at"]
    ordering = "-created_at"  # the newest first
    list_filter = ["status"]
    list_export = [
        "place",
        "locality_type",
        "state",
        "contact_name",
        "contact_email",
        "languages",
        "activities",
        "consent_text",
        "consented_at",
        "status",
        "created_at",
        "decided_at",
        "hostname",
    ]
    export_filename = "chapter-requests"
    search_fields = ["place", "contact_name", "contact_email"]
    form_fields = ["place"]  # the policy refuses adding and editing to everyone

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("approve/<int:pk>/", ApproveView.as_view(), name="approve"),
            path("decline/<int:pk>/", DeclineView.as_view(), name="decline"),
        ]


chapter_request_viewset = ChapterRequestViewSet()
