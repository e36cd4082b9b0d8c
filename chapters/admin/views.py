"""Admin views for running chapters: onboard, invite, history, offboard.

Network admins (the `chapters.*_chapter` permissions) see and manage every
chapter; a chapter's moderators see their own chapter, invite people to it and
read its history. Everyone else gets a 403.
"""

import tempfile
from itertools import chain

from django import forms
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.views.generic import FormView, TemplateView
from wagtail.admin import messages
from wagtail.admin.views.chooser import BrowseView, page_models_from_string
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import ModelLogEntry, Page, PageLogEntry
from wagtail.permissions import policy_registry

from chapters.admin.scope import page_scope, visible_pages
from chapters.lifecycle.onboarding import OnboardingError, onboard_chapter
from chapters.lifecycle.people import ROLES, InviteError, invite_person
from chapters.register.chapter import Chapter
from chapters.register.settings import TIME_ZONES, ChapterSettings
from chapters.register.us_states import STATE_CHOICES
from chapters.site.home import ChapterHomePage
from home.models import Resource
from home.sites import site_root_url


class ScopedPageBrowseView(BrowseView):
    """Wagtail's page chooser, browsing only what this person may see.

    The listed pages are filtered by the `construct_page_chooser_queryset` hook;
    this also keeps the page being browsed (its title is the chooser's heading)
    inside the person's scope.
    """

    def get(self, request, parent_page_id=None):
        visible = visible_pages(request.user)
        if parent_page_id is not None:
            if not visible.filter(pk=parent_page_id).exists():
                raise Http404
        else:
            try:
                classes = page_models_from_string(
                    request.GET.get("page_type") or "wagtailcore.page"
                )
            except (ValueError, LookupError) as error:
                raise Http404 from error
            if classes != (Page,):
                choosable = visible.type(*classes)
                parent = choosable.first_common_ancestor() if choosable.exists() else None
                parent_page_id = parent.pk if parent else Page.get_first_root_node().pk
        return super().get(request, parent_page_id)


# Who may do what with chapters.


def is_network_admin(user, action: str = "view") -> bool:
    return user.has_perm(f"chapters.{action}_chapter")


def manageable_chapters(user):
    chapters = Chapter.objects.select_related("home", "site")
    if is_network_admin(user):
        return chapters
    return chapters.of_user(user, moderator=True)


def chapter_for(user, pk: int, action: str = "view") -> Chapter:
    """The chapter if this person may do `action` with it: network admins always;
    its moderators may view it and invite people."""
    chapter = get_object_or_404(Chapter.objects.select_related("home", "site"), pk=pk)
    if is_network_admin(user, "change" if action != "view" else "view"):
        return chapter
    if action in ("view", "invite") and chapter.moderators.user_set.filter(pk=user.pk).exists():
        return chapter
    raise PermissionDenied


class ChapterAdminMixin(WagtailAdminTemplateMixin):
    header_icon = "site"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("chapters_admin:index"), "label": "Chapters"},
            {"url": "", "label": self.get_page_title()},
        ]


class ChapterIndexView(ChapterAdminMixin, TemplateView):
    page_title = "Chapters"
    template_name = "chapters/admin/index.html"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": "Chapters"}]

    def get_context_data(self, **kwargs):
        user = self.request.user
        chapters = list(manageable_chapters(user))
        if not chapters and not is_network_admin(user, "add"):
            raise PermissionDenied
        for chapter in chapters:
            chapter.public_url = site_root_url(chapter.site, self.request) if chapter.site else ""
        return super().get_context_data(
            chapters=chapters,
            can_onboard=is_network_admin(user, "add"),
            can_offboard=is_network_admin(user, "change"),
            can_delete=is_network_admin(user, "delete"),
            **kwargs,
        )


class OnboardForm(forms.Form):
    name = forms.CharField(max_length=120, help_text="The chapter's public name.")
    hostname = forms.CharField(
        max_length=255,
        help_text="Its own hostname, e.g. riverbend.example.org. The site answers on it at once "
        "(point the name's DNS at this server).",
    )
    region = forms.CharField(
        max_length=100, required=False, help_text="State or region, e.g. Oregon."
    )
    locality_type = forms.ChoiceField(choices=ChapterHomePage.LOCALITY_TYPES, initial="city")
    state = forms.ChoiceField(
        label="US state",
        choices=[("", "Several states, or none")] + STATE_CHOICES,
        required=False,
        help_text="Places the chapter on the Alliance's chapter map and in the directory's "
        "state filter.",
    )
    latitude = forms.FloatField(
        required=False,
        help_text="With the longitude: the chapter's point on the network's map, e.g. 39.96.",
    )
    longitude = forms.FloatField(
        required=False, help_text="West is negative, e.g. -82.99 (Columbus, Ohio)."
    )
    status = forms.ChoiceField(
        choices=ChapterHomePage.STATUSES,
        initial="exploring",
        help_text=ChapterHomePage._meta.get_field("status").help_text,
    )
    languages = forms.MultipleChoiceField(
        choices=settings.LANGUAGES,
        initial=[settings.LANGUAGE_CODE],
        widget=forms.CheckboxSelectMultiple,
        help_text="The languages the chapter publishes in.",
    )
    time_zone = forms.ChoiceField(choices=TIME_ZONES, initial="America/New_York")
    moderator_email = forms.EmailField(
        label="First moderator's email",
        required=False,
        help_text="We create their account and email them a link to choose a password.",
    )


class NetworkAdminFormView(ChapterAdminMixin, FormView):
    """A form in the Chapters admin that only network admins (who add chapters) open."""

    template_name = "wagtailadmin/generic/form.html"
    url_name = ""
    submit_labels = ("", "")  # the button, and the button while working

    def dispatch(self, request, *args, **kwargs):
        if not is_network_admin(request.user, "add"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        label, active_label = self.submit_labels
        return super().get_context_data(
            action_url=reverse(self.url_name),
            submit_button_label=label,
            submit_button_active_label=active_label,
            **kwargs,
        )


class OnboardView(NetworkAdminFormView):
    page_title = "Onboard a chapter"
    form_class = OnboardForm
    url_name = "chapters_admin:onboard"
    submit_labels = ("Onboard chapter", "Onboarding…")

    def form_valid(self, form):
        data = form.cleaned_data
        default = settings.LANGUAGE_CODE
        languages = sorted(data["languages"], key=lambda code: code != default)
        try:
            chapter = onboard_chapter(
                name=data["name"],
                hostname=data["hostname"],
                region=data["region"],
                locality_type=data["locality_type"],
                state=data["state"],
                status=data["status"],
                languages=languages,
                time_zone=data["time_zone"],
                latitude=data["latitude"],
                longitude=data["longitude"],
                moderator_email=data["moderator_email"],
                invited_by=self.request.user,
                must_be_new=True,
            )
        except OnboardingError as error:
            form.add_error(error.field if error.field in form.fields else None, str(error))
            return self.form_invalid(form)
        messages.success(
            self.request,
            f"Chapter '{chapter.name}' is onboarded. Its site answers at "
            f"{site_root_url(chapter.site, self.request)} now.",
        )
        return redirect("chapters_admin:index")


class InviteForm(forms.Form):
    email = forms.EmailField(help_text="We email them a link to choose a password.")
    role = forms.ChoiceField(
        choices=ROLES,
        initial="editor",
        widget=forms.RadioSelect,
        help_text="Editors write and submit pages for moderation; moderators also publish.",
    )


class InviteView(ChapterAdminMixin, FormView):
    template_name = "wagtailadmin/generic/form.html"
    form_class = InviteForm

    def dispatch(self, request, *args, pk, **kwargs):
        self.chapter = chapter_for(request.user, pk, "invite")
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return f"Invite a person to {self.chapter.name}"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            action_url=reverse("chapters_admin:invite", args=[self.chapter.pk]),
            submit_button_label="Send invitation",
            submit_button_active_label="Sending…",
            **kwargs,
        )

    def form_valid(self, form):
        try:
            user, _created = invite_person(
                self.chapter,
                form.cleaned_data["email"],
                form.cleaned_data["role"],
                invited_by=self.request.user,
            )
        except InviteError as error:
            form.add_error(error.field, str(error))
            return self.form_invalid(form)
        # The same words whether or not the person had an account: a chapter's
        # moderators learn nothing about who else uses the network.
        messages.success(
            self.request,
            f"{user.email} is now {form.cleaned_data['role']} of {self.chapter.name}; "
            "we emailed them.",
        )
        return redirect("chapters_admin:index")


def chapter_history(chapter: Chapter):
    """Every audit log entry about the chapter: its pages (all locales), its media,
    its settings and its register row, newest first."""
    page_entries = PageLogEntry.objects.filter(page__in=chapter.pages()).select_related("user")
    model_entries = ModelLogEntry.objects.none()
    related = [
        (get_image_model(), get_image_model().objects.filter(collection=chapter.collection)),
        (
            get_document_model(),
            get_document_model().objects.filter(collection=chapter.collection),
        ),
        (ChapterSettings, ChapterSettings.objects.filter(site=chapter.site)),
        (Chapter, Chapter.objects.filter(pk=chapter.pk)),
    ]
    for model, objects in related:
        ids = [str(pk) for pk in objects.values_list("pk", flat=True)]
        model_entries |= ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(model), object_id__in=ids
        )
    model_entries = model_entries.select_related("user", "content_type")
    return sorted(
        chain(page_entries.order_by("-timestamp")[:2000], model_entries[:2000]),
        key=lambda entry: entry.timestamp,
        reverse=True,
    )


class HistoryView(ChapterAdminMixin, TemplateView):
    template_name = "chapters/admin/history.html"

    def dispatch(self, request, *args, pk, **kwargs):
        self.chapter = chapter_for(request.user, pk, "view")
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return f"History of {self.chapter.name}"

    def get_context_data(self, **kwargs):
        page = Paginator(chapter_history(self.chapter), 50).get_page(self.request.GET.get("p"))
        return super().get_context_data(chapter=self.chapter, entries=page, **kwargs)


# Offboarding: network admins only. The work is done by chapters.lifecycle's archiving,
# deletion, importing and exporting services, imported when used (the admin starts without them).


class ArchiveForm(forms.Form):
    pass


class DeleteForm(forms.Form):
    confirm_name = forms.CharField(
        label="Type the chapter's name to delete it",
        help_text="An export of the chapter is written to the server first.",
    )


class OffboardView(ChapterAdminMixin, FormView):
    template_name = "chapters/admin/confirm.html"
    form_class = ArchiveForm
    action = ""  # archive, restore or delete

    def dispatch(self, request, *args, pk, **kwargs):
        self.chapter = chapter_for(request.user, pk, self.action)
        if self.action == "delete" and not is_network_admin(request.user, "delete"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return f"{self.action.capitalize()} {self.chapter.name}"

    def get_context_data(self, **kwargs):
        return super().get_context_data(chapter=self.chapter, action=self.action, **kwargs)

    def form_valid(self, form):
        from chapters.lifecycle.archiving import archive_chapter, restore_chapter
        from chapters.lifecycle.common import OffboardingError
        from chapters.lifecycle.deletion import delete_chapter

        try:
            if self.action == "archive":
                count = archive_chapter(self.chapter, user=self.request.user)
                message = f"Archived {self.chapter.name}: {count} pages unpublished, content kept."
            elif self.action == "restore":
                count = restore_chapter(self.chapter, user=self.request.user)
                message = f"Restored {self.chapter.name}: {count} pages published again."
            else:
                name = self.chapter.name
                path = delete_chapter(
                    self.chapter,
                    confirm_name=form.cleaned_data["confirm_name"],
                    user=self.request.user,
                )
                message = f"Deleted {name}. Its export was written to {path}."
        except OffboardingError as error:
            form.add_error(error.field if error.field in form.fields else None, str(error))
            return self.form_invalid(form)
        messages.success(self.request, message)
        return redirect("chapters_admin:index")


class ArchiveView(OffboardView):
    action = "archive"


class RestoreView(OffboardView):
    action = "restore"


class DeleteView(OffboardView):
    action = "delete"
    form_class = DeleteForm


class ImportForm(forms.Form):
    file = forms.FileField(help_text="A .zip file made by Export (or the export_chapter command).")
    name = forms.CharField(
        required=False, max_length=120, help_text="Leave empty to keep the exported name."
    )
    hostname = forms.CharField(
        required=False, max_length=255, help_text="Leave empty to keep the exported hostname."
    )


class ImportView(NetworkAdminFormView):
    page_title = "Import a chapter"
    form_class = ImportForm
    url_name = "chapters_admin:import"
    submit_labels = ("Import chapter", "Importing…")

    def form_valid(self, form):
        from chapters.lifecycle.common import OffboardingError
        from chapters.lifecycle.importing import import_chapter

        data = form.cleaned_data
        try:
            chapter = import_chapter(
                data["file"],
                name=data["name"] or None,
                hostname=data["hostname"] or None,
                user=self.request.user,
            )
        except OffboardingError as error:
            form.add_error(error.field if error.field in form.fields else None, str(error))
            return self.form_invalid(form)
        messages.success(
            self.request,
            f"Imported '{chapter.name}'. Its site answers at "
            f"{site_root_url(chapter.site, self.request)}.",
        )
        return redirect("chapters_admin:index")


def export_view(request, pk):
    """Download the chapter as one file (POST, so a link preview cannot start one)."""
    from chapters.lifecycle.common import OffboardingError
    from chapters.lifecycle.exporting import export_chapter

    if request.method != "POST":
        raise Http404
    chapter = chapter_for(request.user, pk, "export")
    stamp = timezone.now().strftime("%Y%m%dT%H%M%SZ")
    export = tempfile.SpooledTemporaryFile(max_size=50 * 1024 * 1024)  # noqa: SIM115
    try:
        export_chapter(chapter, export)
    except OffboardingError as error:
        messages.error(request, f"Could not export {chapter.name}: {error}")
        return redirect("chapters_admin:index")
    export.seek(0)
    filename = f"{slugify(chapter.name)}-{stamp}.zip"
    return FileResponse(export, as_attachment=True, filename=filename)


def tag_autocomplete(request, app_name=None, model_name=None):
    """Wagtail's tag autocomplete offers every tag of the install; a chapter's people
    get the tags of media they may use and of the shared resources only."""
    from taggit.models import Tag

    if page_scope(request.user) is None:
        from wagtail.admin.views.tags import autocomplete

        return autocomplete(request, app_name, model_name)
    term = request.GET.get("term", "")
    if not term:
        return JsonResponse([], safe=False)
    visible = Q(home_resourcetopic_items__content_object__in=Resource.objects.all())
    for model in (get_image_model(), get_document_model()):
        policy = policy_registry.get_by_type(model)
        ids = policy.instances_user_has_any_permission_for(request.user, ["choose", "change"])
        visible |= Q(
            taggit_taggeditem_items__content_type=ContentType.objects.get_for_model(model),
            taggit_taggeditem_items__object_id__in=ids.values("pk"),
        )
    names = (
        Tag.objects.filter(visible, name__istartswith=term)
        .distinct()
        .order_by("name")
        .values_list("name", flat=True)[:10]
    )
    return JsonResponse(list(names), safe=False)
