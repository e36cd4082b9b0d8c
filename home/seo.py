"""Per-site files for search engines and browsers: robots.txt, the favicon, and the
schema.org Organization a site's home speaks for (sitemap.xml is chapters.site.sitemaps)."""

import functools
from pathlib import Path

from django.http import HttpResponse
from django.views.decorators.http import require_GET

from home.sites import absolute_on_site

FAVICON = Path(__file__).parent / "static" / "home" / "favicon.ico"


@require_GET
def robots_txt(request):
    """Keep crawlers out of the admin and point them at this site's own sitemap."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Sitemap: {absolute_on_site('/sitemap.xml', request)}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@functools.cache
def _favicon() -> bytes:
    return FAVICON.read_bytes()


@require_GET
def favicon(request):
    """/favicon.ico on every host: browsers and feed readers ask for it whatever the
    page's <link rel="icon"> says. The file is committed in home/static/home/."""
    response = HttpResponse(_favicon(), content_type="image/x-icon")
    response["Cache-Control"] = "public, max-age=86400"
    return response


def organization_data(page, **extra) -> dict:
    """schema.org Organization for a site's home (the Alliance or a chapter), as plain data:
    the jsonld filter escapes it once for the <script> element."""
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": page.title,
        "url": page.full_url,
    }
    description = page.search_description or page.intro
    if description:
        data["description"] = description
    data.update(extra)
    return data
