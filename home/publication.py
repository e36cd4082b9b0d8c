"""What the public may see.

`public_pages` is the one query that decides whether a page is public; every
public route (page listings, search, the Alliance's aggregations, and later
feeds, sitemaps and the API) goes through it.
"""

from django.db.models import Q
from wagtail.models import Page, PageQuerySet, Site


def public_pages(queryset: PageQuerySet | None = None) -> PageQuerySet:
    """Live pages outside any view-restricted section."""
    queryset = Page.objects.all() if queryset is None else queryset
    return queryset.live().public()


def site_pages_q(site: Site) -> Q:
    """Pages under the site's root page or any translation of it.

    Translations of a site's root page sit beside it in the tree, so Wagtail's
    `in_site` (which looks under the default-language root only) misses them.
    """
    root = site.root_page
    paths = Page.objects.filter(translation_key=root.translation_key).values_list("path", flat=True)
    q = Q(path__startswith=root.path)
    for path in paths:
        q |= Q(path__startswith=path)
    return q


def public_pages_of_site(site: Site, queryset: PageQuerySet | None = None) -> PageQuerySet:
    return public_pages(queryset).filter(site_pages_q(site))
