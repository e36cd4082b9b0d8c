"""sitemap.xml per site: the site's public pages in its languages, with hreflang alternates."""

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from chapters.register.languages import site_languages
from home.publication import public_pages_of_site


class SiteSitemap(Sitemap):
    """Every public page of the request's site, one <url> per language version.

    Each URL lists all its public translations in the site's languages (and an
    x-default: the version in the site's default language) as
    <xhtml:link rel="alternate" hreflang="...">. The whole sitemap is one query
    for the pages, whatever the number of pages or page types.
    """

    def items(self):
        # Django's paginator property calls items() on every use; query once per request.
        if hasattr(self, "_items_cache"):
            return self._items_cache
        languages = site_languages(self.request)
        pages = (
            public_pages_of_site(self.get_wagtail_site(), Page.objects.all())
            .filter(locale__language_code__in=languages)
            .select_related("locale")
            .order_by("path")
        )
        self._items_cache = list(pages)
        return self._items_cache

    def _urls(self, page, protocol, domain):
        languages = site_languages(self.request)
        pages = list(self.paginator.page(page).object_list)
        versions: dict = {}
        for item in pages:
            item.sitemap_location = item.get_full_url(self.request)
            versions.setdefault(item.translation_key, {})[item.locale.language_code] = item
        urls = []
        for item in pages:
            translations = versions[item.translation_key]
            alternates = []
            if len(translations) > 1:
                alternates = [
                    {"lang_code": code, "location": translations[code].sitemap_location}
                    for code in languages
                    if code in translations
                ]
                default = translations.get(languages[0])
                if default is not None:
                    alternates.append(
                        {"lang_code": "x-default", "location": default.sitemap_location}
                    )
            urls.append(
                {
                    "item": item,
                    "location": item.sitemap_location,
                    "lastmod": self.lastmod(item),
                    "alternates": alternates,
                }
            )
        lastmods = {url["lastmod"] for url in urls}
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)
        return urls
