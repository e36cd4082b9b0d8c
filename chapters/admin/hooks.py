from django.contrib import messages
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Locale
from wagtail.wagtail_hooks import require_wagtail_login

from chapters.admin import api as admin_api
from chapters.admin import chapter_requests, translation_report
from chapters.admin import consent as consent_admin
from chapters.admin import scope as admin_scope
from chapters.admin import views as admin_views
from chapters.admin.scope import page_scope
from chapters.archive.access import entry_visible_to, members_consent_in_force
from chapters.archive.models import TRANSCRIPT_NEEDED, ArchiveEntryPage, needs_transcript
from chapters.files import private as private_media
from chapters.files import views as media_views
from chapters.register.chapter import Chapter
from home.params import parse_integer, query_text


@hooks.register("construct_page_chooser_queryset")
def only_pages_in_scope(pages, request):
    """The page chooser lists only the person's own chapter (and the Alliance's live pages)."""
    scope = page_scope(request.user)
    pages = pages if scope is None else pages.filter(scope)
    code = query_text(request, "locale")
    locale = Locale.objects.filter(language_code=code).first() if code else None
    if locale is not None:  # the language of the page being edited (see home.middleware)
        pages = pages.filter(Q(depth=1) | Q(locale=locale))
    return pages


def _scoped_filter_querysets():
    """The page explorer's filters offer every site, owner and editor of the whole
    install; offer only those of the person's own pages."""
    from wagtail.admin.views.pages.listing import PageFilterSet

    filters = PageFilterSet.base_filters
    filters["site"].queryset = lambda request: admin_scope.visible_sites(request.user)
    filters["owner"].queryset = lambda request: admin_scope.page_owners(request.user)
    filters["edited_by"].queryset = lambda request: admin_scope.page_editors(request.user)


_scoped_filter_querysets()


admin_urls = [
    path("", admin_views.ChapterIndexView.as_view(), name="index"),
    path("onboard/", admin_views.OnboardView.as_view(), name="onboard"),
    path("import/", admin_views.ImportView.as_view(), name="import"),
    path("<int:pk>/invite/", admin_views.InviteView.as_view(), name="invite"),
    path("<int:pk>/history/", admin_views.HistoryView.as_view(), name="history"),
    path(
        "translations/",
        translation_report.TranslationStateReport.as_view(),
        name="translation_state",
    ),
    path("<int:pk>/export/", admin_views.export_view, name="export"),
    path("<int:pk>/archive/", admin_views.ArchiveView.as_view(), name="archive"),
    path("<int:pk>/restore/", admin_views.RestoreView.as_view(), name="restore"),
    path("<int:pk>/delete/", admin_views.DeleteView.as_view(), name="delete"),
    path("consent/<int:pk>/", consent_admin.ConsentView.as_view(), name="consent"),
    path(
        "consent/<int:pk>/<str:kind>/<int:media_id>/",
        consent_admin.ConsentView.as_view(),
        name="file_consent",
    ),
    path(
        "consent/record/<int:pk>/withdraw/",
        consent_admin.WithdrawView.as_view(),
        name="withdraw_consent",
    ),
    path(
        "consent/record/<int:pk>/document/",
        consent_admin.consent_document,
        name="consent_document",
    ),
]


@hooks.register("register_admin_urls")
def register_chapter_admin_urls():
    return [path("chapters/", include((admin_urls, "chapters_admin")))]


class ChaptersMenuItem(MenuItem):
    def is_shown(self, request):
        user = request.user
        return admin_views.is_network_admin(user) or (
            Chapter.objects.of_user(user, moderator=True).exists()
        )


@hooks.register("register_admin_menu_item")
def register_chapters_menu_item():
    return ChaptersMenuItem(
        "Chapters", reverse("chapters_admin:index"), icon_name="site", order=250
    )


@hooks.register("register_admin_viewset")
def register_chapter_requests():
    """Admin > Chapter requests, the network admins' (chapters/admin/chapter_requests.py)."""
    return chapter_requests.chapter_request_viewset


class TranslationStateMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("wagtail_localize.submit_translation")


@hooks.register("register_reports_menu_item")
def register_translation_state_report():
    return TranslationStateMenuItem(
        _("Translation state"),
        reverse("chapters_admin:translation_state"),
        name="translation-state",
        icon_name="globe",
        order=8900,
    )


@hooks.register("construct_reports_menu")
def hide_network_reports(request, menu_items):
    """Scoped people keep only the reports of their own work (translation state)."""
    if page_scope(request.user) is not None:
        menu_items[:] = [item for item in menu_items if item.name == "translation-state"]


@hooks.register("register_log_actions")
def register_consent_log_actions(actions):
    actions.register_action("chapters.record_consent", "Record consent", "Consent recorded")
    actions.register_action("chapters.withdraw_consent", "Withdraw consent", "Consent withdrawn")
    actions.register_action(
        "chapters.story_shared", "Story shared", "Story shared through the form"
    )


@hooks.register("before_serve_page", order=-1)
def archive_consent_gate(page, request, serve_args, serve_kwargs):
    """Before Wagtail's own view-restriction check: an entry this reader may not see
    is a 404, not a login prompt that would confirm it exists. Only a members-only
    entry whose consent is in force asks an anonymous reader to log in."""
    if not isinstance(page, ArchiveEntryPage) or getattr(request, "is_preview", False):
        return None
    if entry_visible_to(page, request.user):
        request.consent_gate_passed = page.pk  # ArchiveEntryPage.serve need not ask again
        return None
    if not request.user.is_authenticated and members_consent_in_force(page):
        return require_wagtail_login(next=request.get_full_path())
    raise Http404


# --- Private media: the archive's files (chapters/files/private.py) ---------------


@hooks.register("register_admin_urls")
def register_private_media_urls():
    urls = [path("<path:name>", media_views.admin_file, name="file")]
    return [path("private-media/", include((urls, "chapters_private_media")))]


@hooks.register("before_serve_document", order=-1)
def archive_documents_only_in_admin(document, request):
    """Wagtail's own address of an archive document answers only people who manage
    it in the admin; readers get it at /archive-media/ through the consent check."""
    if private_media.is_archive_item(document) and not private_media.may_manage(
        request.user, document
    ):
        raise Http404


@hooks.register("before_bulk_action")
def refuse_bulk_publishing_without_transcript(request, action_type, objects, action):
    """Bulk publish: name the recordings that lack a transcript before Wagtail publishes
    any (the entry's own save would refuse it with an error page); nothing is published."""
    if action_type != "publish":
        return None
    missing = []
    for page in objects:
        latest = page.get_latest_revision_as_object()
        if isinstance(latest, ArchiveEntryPage) and needs_transcript(latest):
            missing.append(f"“{latest.title}”")
    if not missing:
        return None
    messages.error(request, f"Nothing was published: {', '.join(missing)}. {TRANSCRIPT_NEEDED}")
    return redirect(action.next_url)


@hooks.register("before_bulk_action")
def refuse_bulk_moves_that_break_pages(request, action_type, objects, action):
    """ "Add to collection" moves files with a queryset update (no save): the move rule
    (chapters/files/rules.py) is asked here, and nothing moves if it refuses one."""
    if action_type != "add_to_collection":
        return None
    from copy import copy

    from chapters.files.rules import move_refusal

    collection = action.cleaned_form.cleaned_data.get("collection")
    for item in objects:
        moved = copy(item)
        moved.collection = collection
        if message := move_refusal(moved):
            messages.error(request, f"Nothing was moved. {message}")
            return redirect(action.next_url)
    return None


@hooks.register("after_bulk_action")
def archive_files_moved_in_bulk(request, action_type, objects, action_class_instance):
    private_media.secure_bulk_moves(request, action_type, objects, action_class_instance)


# --- The admin API and the media choosers: only what is the person's (chapters/admin/api.py)


@hooks.register("construct_admin_api", order=100)  # after Wagtail's own endpoints
def own_admin_api_endpoints(router):
    admin_api.register_own_endpoints(router)


def _not_archive_in_settings(items, request):
    """A site's logo is never an archive file: the chooser opened from the settings
    leaves the chapters' private archive collections out."""
    if admin_api.opened_from_settings(request):
        # A list of ids, not a subquery: the chooser's search backend filters on it too.
        return items.exclude(collection__in=list(admin_api.archive_collection_ids()))
    return items


hooks.register("construct_image_chooser_queryset", _not_archive_in_settings)
hooks.register("construct_document_chooser_queryset", _not_archive_in_settings)


# --- Moving or copying a page to another chapter (chapters/files/rules.py) ----------------


def _refuse_placement(request, page, destination, *, subtree: bool):
    """Files a page uses may not be usable where it goes: say so before Wagtail's move
    or copy saves it (the page's own save would refuse it with an error page)."""
    from chapters.files.rules import placement_refusal

    message = placement_refusal(page, destination, subtree=subtree)
    if message:
        messages.error(request, message)
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    return None


@hooks.register("before_move_page")
def refuse_moving_files_elsewhere(request, page, destination):
    # Someone who may not move it there meets Wagtail's own refusal first.
    if not page.permissions_for_user(request.user).can_move_to(destination):
        return None
    return _refuse_placement(request, page, destination, subtree=True)


@hooks.register("before_copy_page")
def refuse_copying_files_elsewhere(request, page):
    from wagtail.models import Page

    parent_id = request.POST.get("new_parent_page", "") if request.method == "POST" else ""
    parent_id = parse_integer(parent_id)
    destination = Page.objects.filter(pk=parent_id).first() if parent_id is not None else None
    if destination is None or not page.permissions_for_user(request.user).can_copy_to(destination):
        return None
    subtree = bool(request.POST.get("copy_subpages"))
    return _refuse_placement(request, page, destination, subtree=subtree)


@hooks.register("register_admin_viewset")
def register_registrations_viewset():
    from chapters.registrations.admin import registration_viewset

    return registration_viewset


@hooks.register("register_admin_viewset")
def register_supporters_viewset():
    from chapters.supporters.admin import supporter_viewset

    return supporter_viewset


@hooks.register("construct_homepage_panels")
def add_chapter_start_panel(request, panels):
    """A chapter's people start their work from the dashboard (chapters/admin/dashboard.py)."""
    from chapters.admin.dashboard import ChapterStartPanel, chapter_starts

    starts = chapter_starts(request.user)
    if starts:
        panels.insert(0, ChapterStartPanel(starts))
