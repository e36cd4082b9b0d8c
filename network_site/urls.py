from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.auth import views as auth_views
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from chapters.admin.views import ScopedPageBrowseView, tag_autocomplete
from chapters.archive.intake import views as intake
from chapters.events import views as event_views
from chapters.files import views as media_views
from chapters.network import start_chapter as start_chapter_views
from chapters.registrations import views as registering
from chapters.site import views as chapter_views
from chapters.site.sitemaps import SiteSitemap
from chapters.supporters import views as joining
from home import seo
from home.views import serve
from network_site.api import api_router
from search import views as search_views

urlpatterns = [
    # Wagtail's page chooser browses the whole tree; ours stays inside the person's chapter.
    path(
        "admin/choose-page/<int:parent_page_id>/",
        require_admin_access(ScopedPageBrowseView.as_view()),
        name="wagtailadmin_choose_page_child",
    ),
    path(
        "admin/choose-page/",
        require_admin_access(ScopedPageBrowseView.as_view()),
        name="wagtailadmin_choose_page",
    ),
    # Named as the routes they replace, so the admin allowlist (chapters/admin/allowlist.py)
    # knows them.
    path(
        "admin/tag-autocomplete/",
        require_admin_access(tag_autocomplete),
        name="wagtailadmin_tag_autocomplete",
    ),
    path(
        "admin/tag-autocomplete/<slug:app_name>/<slug:model_name>/",
        require_admin_access(tag_autocomplete),
        name="wagtailadmin_tag_model_autocomplete",
    ),
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's document view, with the file headers (a download, sandboxed, no sniffing).
    re_path(
        r"^documents/(\d+)/(.*)$", media_views.serve_wagtail_document, name="wagtaildocs_serve"
    ),
    path("documents/", include(wagtaildocs_urls)),
    # Archive files, through the entry's and the file's consent: an id, never a file name;
    # files of view-restricted collections, through the restriction.
    *media_views.urlpatterns,
    # Open data and search engines: per site (the Host header), outside the language prefix.
    path("api/v2/", api_router.urls),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": SiteSitemap}}, name="sitemap"),
    path("robots.txt", seo.robots_txt, name="robots_txt"),
    path("favicon.ico", seo.favicon, name="favicon"),
    # "/" serves the site's home in the reader's language instead of redirecting,
    # so each hostname answers with its own home page at its bare address.
    path("", chapter_views.site_root, name="site_root"),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
if settings.DEBUG or settings.SERVE_MEDIA:
    # The demo's public uploads (django.conf.urls.static.static() does nothing without DEBUG).
    from django.views.static import serve as serve_file

    urlpatterns.append(
        re_path(
            rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.*)$",
            serve_file,
            {"document_root": settings.MEDIA_ROOT},
        )
    )

urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    # The archive's public intake (chapter sites only): share a testimony, withdraw it.
    path("share-your-story/", intake.share_story, name="share_story"),
    path("withdraw-my-story/", intake.withdraw_story, name="withdraw_story"),
    # Joining a chapter (chapter sites only): the form, the email's confirm and leave links.
    path("get-involved/", joining.get_involved, name="get_involved"),
    path("get-involved/confirm/<uuid:key>/", joining.confirm_joining, name="confirm_joining"),
    path("get-involved/leave/<uuid:key>/", joining.leave_chapter, name="leave_chapter"),
    # Registering for a chapter's event, and the messages' cancel link.
    path(
        "event-registration/<int:event_id>/",
        registering.register_for_event,
        name="register_for_event",
    ),
    path(
        "event-registration/cancel/<uuid:key>/",
        registering.cancel_registration,
        name="cancel_registration",
    ),
    # Asking the Alliance to start a chapter (the Alliance's site only).
    path("start-a-chapter/", start_chapter_views.start_chapter, name="start_chapter"),
    re_path(
        r"^(?P<path>(?:[\w\-]+/)*)(?P<name>feed|event)\.ics$",
        event_views.calendar,
        name="calendar",
    ),
    # Wagtail's login for readers (chapter members) and its password form for
    # protected pages: before page serving, whose pattern takes "_util/…" for a page.
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        wagtail_views.authenticate_with_password,
        name="wagtailcore_authenticate_with_password",
    ),
    path(
        "_util/login/",
        auth_views.LoginView.as_view(template_name=settings.WAGTAIL_FRONTEND_LOGIN_TEMPLATE),
        name="wagtailcore_login",
    ),
    # Members log out from the site's header (a POST form) and stay on the page.
    path("_util/logout/", auth_views.LogoutView.as_view(), name="member_logout"),
    # Wagtail's page serving (same pattern, so its URLs reverse the same), with a
    # fallback to the default language for pages not translated yet.
    re_path(r"^((?:[\w\-]+/)*)$", serve, name="wagtail_serve"),
    path("", include(wagtail_urls)),
)
handler404 = "chapters.network.not_found.page_not_found"
