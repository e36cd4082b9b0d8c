from django import template
from wagtail.models import Site

from chapters.models import ChapterHomePage
from home.locales import active_language, default_language, in_active_locale, language_of
from home.publication import public_pages
from home.sites import site_root_url

register = template.Library()


@register.inclusion_tag("chapters/includes/chapter_list.html", takes_context=True)
def chapter_list(context) -> dict:
    """Every public chapter with a link to its own site; used by the Alliance home."""
    request = context["request"]
    chapters = public_pages(
        ChapterHomePage.objects.filter(locale__language_code=default_language())
    )
    chapters = list(chapters.order_by("title"))
    sites = {site.root_page_id: site for site in Site.objects.filter(root_page__in=chapters)}
    active = active_language()
    localized = in_active_locale(chapters, queryset=public_pages(ChapterHomePage.objects.all()))
    return {
        "chapters": [
            {
                "page": page,
                "url": site_root_url(sites[chapter.pk], request),
                # Not translated into the reader's language: say which language it is in.
                "language": language_of(page) if language_of(page) != active else "",
            }
            for chapter, page in zip(chapters, localized, strict=True)
            if chapter.pk in sites
        ]
    }
