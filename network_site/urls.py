from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from chapters import views as chapter_views
from chapters.admin_views import ScopedPageBrowseView, tag_autocomplete
from chapters.sitemaps import SiteSitemap
from home import seo
from home.views import serve
from network_site.api import api_router
from search import views as search_views

urlpatterns = [
    path("django-admin/", admin.site.urls),
    # Wagtail's page chooser browses the whole tree; ours stays inside the person's chapter.
    path(
        "admin/choose-page/<int:parent_page_id>/",
        require_admin_access(ScopedPageBrowseView.as_view()),
    ),
    path(
        "admin/choose-page/",
        require_admin_access(ScopedPageBrowseView.as_view()),
    ),
    path("admin/tag-autocomplete/", require_admin_access(tag_autocomplete)),
    path(
        "admin/tag-autocomplete/<slug:app_name>/<slug:model_name>/",
        require_admin_access(tag_autocomplete),
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Open data and search engines: per site (the Host header), outside the language prefix.
    path("api/v2/", api_router.urls),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": SiteSitemap}}, name="sitemap"),
    path("robots.txt", seo.robots_txt, name="robots_txt"),
    # "/" serves the site's home in the reader's language instead of redirecting,
    # so each hostname answers with its own home page at its bare address.
    path("", chapter_views.site_root, name="site_root"),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    re_path(
        r"^(?P<path>(?:[\w\-]+/)*)(?P<name>feed|event)\.ics$",
        chapter_views.calendar,
        name="calendar",
    ),
    # Wagtail's page serving (same pattern, so its URLs reverse the same), with a
    # fallback to the default language for pages not translated yet.
    re_path(r"^((?:[\w\-]+/)*)$", serve, name="wagtail_serve"),
    path("", include(wagtail_urls)),
)
