from django.db.models import Q
from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Locale

from chapters import admin_scope, admin_views
from chapters.admin_scope import page_scope
from chapters.models import Chapter


@hooks.register("construct_page_chooser_queryset")
def only_pages_in_scope(pages, request):
    """The page chooser lists only the person's own chapter (and the Alliance's live pages)."""
    scope = page_scope(request.user)
    pages = pages if scope is None else pages.filter(scope)
    code = request.GET.get("locale")
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
    path("<int:pk>/export/", admin_views.export_view, name="export"),
    path("<int:pk>/archive/", admin_views.ArchiveView.as_view(), name="archive"),
    path("<int:pk>/restore/", admin_views.RestoreView.as_view(), name="restore"),
    path("<int:pk>/delete/", admin_views.DeleteView.as_view(), name="delete"),
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


@hooks.register("construct_reports_menu")
def hide_network_reports(request, menu_items):
    if page_scope(request.user) is not None:
        menu_items[:] = []
