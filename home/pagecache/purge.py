"""Telling a front-end cache (Varnish, a CDN: WAGTAILFRONTENDCACHE) what changed.

Each affected site's root in every language is purged: deploy/varnish/default.vcl
treats a PURGE as "everything under this address", so that empties the site, as
the page cache's generations do. A CDN that purges exact addresses only gets the
changed page's own addresses too (every translation); its other pages follow
within s-maxage (PAGE_CACHE_SHARED_MAX_AGE).
"""

from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache
from wagtail.models import Page, Site


def purge(root_urls: set[str], network: bool, page_ids: set[int]) -> None:
    paths = Site.get_site_root_paths()
    if network:
        root_urls = {path.root_url for path in paths}
    urls = set()
    for root in root_urls:
        urls.add(f"{root}/")
        urls |= {f"{root}/{path.language_code}/" for path in paths if path.root_url == root}
    for page in Page.objects.filter(pk__in=page_ids):
        for translation in page.get_translations(inclusive=True):
            url = translation.get_full_url()
            if url:
                urls.add(url)
    purge_urls_from_cache(sorted(urls))
