"""The Alliance's network-wide pages (network.yaml's `network_pages`), each once,
published and in the menu, and translated where the data has their text."""

from wagtail.models import Locale

from chapters.demo import data
from chapters.demo.data import DemoDataError
from chapters.network.content import NetworkEventsPage, NetworkStoriesPage
from chapters.network.directory import ChapterDirectoryPage
from chapters.network.rights import RightsPage
from home.models import AllianceHomePage

# A network page's `type` in the data, and the page it is.
PAGE_TYPES = {
    "directory": ChapterDirectoryPage,
    "stories": NetworkStoriesPage,
    "events": NetworkEventsPage,
    "rights": RightsPage,
}


def load_network_pages() -> int:
    """Returns how many pages it created (translations included)."""
    alliance = AllianceHomePage.objects.get(locale=Locale.get_default())
    translations = {
        language: data.network_translation(language).get("network_pages", {})
        for language in data.languages()
    }
    created = 0
    for item in data.network()["network_pages"]:
        model = PAGE_TYPES.get(item["type"])
        if model is None:
            raise DemoDataError(f"network.yaml: no network page type {item['type']!r}")
        page = model.objects.child_of(alliance).first()
        if page is None:
            fields = {k: item[k] for k in ("title", "slug", "intro")}
            page = alliance.add_child(instance=model(show_in_menus=True, **fields))
            page.save_revision().publish()
            created += 1
        for language, pages in translations.items():
            if item["slug"] in pages:
                created += _translate(alliance, page, language, pages[item["slug"]])
    return created


def _translate(alliance, page, language: str, text: dict) -> int:
    locale = Locale.objects.filter(language_code=language).first()
    if locale is None or page.get_translation_or_none(locale) is not None:
        return 0
    if alliance.get_translation_or_none(locale) is None:
        return 0  # the translated Alliance home comes from the Alliance's translation
    translated = page.copy_for_translation(locale)
    translated.title, translated.draft_title = text["title"], text["title"]
    translated.intro = text["intro"]
    # The translator's own slug, if any: /es/historias/ (the English one redirects there).
    translated.slug = text.get("slug", translated.slug)
    translated.save_revision().publish()
    return 1
