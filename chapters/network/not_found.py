"""The answer for an address that has no public page.

On an archived chapter's hostname every address is missing (archiving
unpublishes every page), so a reader who followed an old link gets a notice
instead: the chapter's site is archived, with the way to the chapters that
publish today. It answers 410 Gone, so search engines drop the old addresses.
Everywhere else it is the usual 404 page.
"""

from django.shortcuts import render
from django.utils.translation import get_language
from wagtail.models import Site

from chapters.network.directory import ChapterDirectoryPage
from chapters.register.chapter import Chapter


def page_not_found(request, exception=None):
    """Django's handler404: the archived chapter's notice, or the 404 page."""
    site = Site.find_for_request(request)
    chapter = Chapter.objects.filter(site=site).first() if site is not None else None
    if chapter is None or not chapter.is_archived:
        return render(request, "404.html", status=404)
    context = {"archived_chapter": chapter, "directory_url": _directory_url(request)}
    return render(request, "chapters/archived_chapter.html", context, status=410)


def _directory_url(request) -> str | None:
    """The network's chapter directory in the reader's language, else in any."""
    directories = ChapterDirectoryPage.objects.live().public()
    directory = (
        directories.filter(locale__language_code=get_language()).first() or directories.first()
    )
    return directory.get_full_url(request) if directory is not None else None
