from django import template
from django.db.models import F
from wagtail.models import Site

from chapters.network.directory import ChapterDirectoryPage
from chapters.network.rights import shared_page
from chapters.site.home import ChapterHomePage
from home.frame import frame_pages
from home.locales import active_language, default_language, in_active_locale, language_of
from home.pagecache.remember import remembered
from home.publication import public_pages
from home.sites import site_root_url

register = template.Library()


def newest_chapters(limit: int) -> tuple[list, int, dict, list]:
    """The newest `limit` public chapters (default language), how many there are, their
    sites by root page and the chapters in the reader's language. Four queries; the
    Alliance home remembers them until the network changes (home/pagecache/remember.py)."""
    public = public_pages(ChapterHomePage.objects.filter(locale__language_code=default_language()))
    # Newest first from the chapters' own rows (nulls last): walking the index of every
    # page's first publication instead read all 14,000 pages of a 500-chapter network,
    # and so did a window counting them in the same query.
    newest = public.order_by(F("first_published_at").desc(nulls_last=True), "title")
    chapters = list(newest[:limit])
    sites = {site.root_page_id: site for site in Site.objects.filter(root_page__in=chapters)}
    localized = in_active_locale(chapters, queryset=public_pages(ChapterHomePage.objects.all()))
    return chapters, public.count(), sites, localized


@register.inclusion_tag("chapters/includes/chapter_list.html", takes_context=True)
def chapter_list(context, limit: int = 8) -> dict:
    """Public chapters with links to their own sites, newest first, at most `limit`,
    and the way to the full directory; used by the Alliance home."""
    request = context["request"]
    site = Site.find_for_request(request)
    if site is None:
        chapters, total, sites, localized = newest_chapters(limit)
    else:
        chapters, total, sites, localized = remembered(
            f"chapters:newest:{limit}:{active_language()}",
            lambda: newest_chapters(limit),
            site.hostname,
        )
    active = active_language()
    # The directory in the reader's language, read with the page's frame (home/frame.py).
    directory = shared_page(frame_pages(request).shared, ChapterDirectoryPage)
    if total <= len(chapters):
        directory = None
    return {
        "total": total,
        "directory_url": directory.get_url(request) if directory else "",
        "chapters": [
            {
                "page": page,
                "url": site_root_url(sites[chapter.pk], request),
                # Not translated into the reader's language: say which language it is in.
                "language": language_of(page) if language_of(page) != active else "",
            }
            for chapter, page in zip(chapters, localized, strict=True)
            if chapter.pk in sites
        ],
    }
