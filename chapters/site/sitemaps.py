"""sitemap.xml per site: the site's public pages in its languages, with hreflang alternates."""

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from chapters.register.languages import site_languages
from home.publication import public_pages_of_site


class SiteSitemap(Sitemap):
    """Every public page of the request's site, one <url> per language version.

    Each URL lists all its public translations in the site's languages (and an
    x-default: the version in the site's default language) as
    <xhtml:link rel="alternate" hreflang="...">. A routable page's sub-pages
    (each right's page) are listed too, with their own alternates. The whole
    sitemap is one query for the pages, whatever the number of pages, plus
    two per routable page that has sub-pages.
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

    def addresses(self, pages: list) -> list[dict]:
        """Each page's address, then its routable sub-pages' (a right's page under the
        rights index), each keyed by what it is in every language, for the alternates."""
        entries = []
        for item in pages:
            location = item.get_full_url(self.request)
            language = item.locale.language_code
            entries.append(
                {
                    "item": item,
                    "key": item.translation_key,
                    "language": language,
                    "location": location,
                    "lastmod": self.lastmod(item),
                }
            )
            # A routable page lists its sub-pages (one query for the page, one for them).
            if hasattr(item.specific_class, "sitemap_subpaths"):
                for key, subpath in item.specific.sitemap_subpaths():
                    entries.append(
                        {
                            "item": item,
                            "key": (item.translation_key, key),
                            "language": language,
                            "location": location + subpath,
                            "lastmod": None,
                        }
                    )
        return entries

    def _urls(self, page, protocol, domain):
        languages = site_languages(self.request)
        entries = self.addresses(list(self.paginator.page(page).object_list))
        versions: dict = {}
        for entry in entries:
            versions.setdefault(entry["key"], {})[entry["language"]] = entry["location"]
        urls = []
        for entry in entries:
            translations = versions[entry["key"]]
            alternates = []
            if len(translations) > 1:
                alternates = [
                    {"lang_code": code, "location": translations[code]}
                    for code in languages
                    if code in translations
                ]
                default = translations.get(languages[0])
                if default is not None:
                    alternates.append({"lang_code": "x-default", "location": default})
            urls.append({**entry, "alternates": alternates})
        lastmods = {url["lastmod"] for url in urls}
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)
        return urls
