from django import template
from django.conf import settings
from django.utils import translation
from wagtail.models import Page

from chapters.register.languages import site_languages, swap_language
from home.frame import frame_pages
from home.locales import language_of
from home.sites import page_addresses

register = template.Library()

# Languages that write other languages' names in lower case mid-sentence
# ("se muestra en inglés"); Django's catalogs capitalise them as list labels.
LOWER_CASE_LANGUAGE_NAMES = {"es", "fr", "it", "pt", "ca", "vi", "pl", "ro"}


def name_in_sentence(code: str) -> str:
    name = str(translation.get_language_info(code)["name_translated"])
    if translation.get_language() in LOWER_CASE_LANGUAGE_NAMES:
        return name[:1].lower() + name[1:]
    return name


def translation_addresses(page, request) -> dict[str, tuple[str, str]]:
    """The page's public translations by language: (link, absolute address), read with
    the rest of the page's frame (home/frame.py).

    Only translations the public may see: a draft, restricted or
    consent-withdrawn translation is neither linked nor named.
    """
    addresses = {}
    for other in frame_pages(request, page).translations:
        found = page_addresses(other, request)
        if found is not None:
            addresses[language_of(other)] = found
    return addresses


@register.simple_tag(takes_context=True)
def page_languages(context, page=None) -> dict:
    """The site's languages for this page: where each one leads, the page's canonical
    address, and whether the page is shown in another language than the reader's.

    For a page, each language links to its translation, or to the same page
    under that language's prefix (served in the default language with a
    notice). A routable page's sub-page (a right's page) names its own
    addresses per language in the context as `route_addresses`. Absolute
    addresses come from the pages' Sites, as the canonical, the sitemap and
    the API's do.
    """
    request = context["request"]
    names = dict(settings.LANGUAGES)
    current = translation.get_language()
    translations, canonical = {}, ""
    page_language = current
    base_path = request.get_full_path()
    if isinstance(page, Page):
        page_language = language_of(page)
        translations = context.get("route_addresses")
        if translations is not None:
            canonical = translations.get(page_language, ("", ""))[1]
        else:
            translations = translation_addresses(page, request)
            base_path = page.get_url(request) or request.path
            canonical = (page_addresses(page, request) or ("", ""))[1]
    languages = []
    for code in site_languages(request):
        link, absolute = translations.get(code, (None, None))
        languages.append(
            {
                "code": code,
                "name": names.get(code, code),
                "url": link or swap_language(base_path, code),
                "full_url": absolute,
                "translated": link is not None,
                "current": code == current,
                "bidi": translation.get_language_info(code)["bidi"],
            }
        )
    return {
        "languages": languages,
        "alternates": [lang for lang in languages if lang["translated"]],
        "canonical": canonical,
        "page_language": page_language,
        # In the reader's language, as a sentence needs them: "inglés", "español".
        "page_language_name": name_in_sentence(page_language),
        "page_dir": "rtl" if translation.get_language_info(page_language)["bidi"] else "ltr",
        "fallback": page_language != current,
        "current_name": name_in_sentence(current),
    }
