from django import template
from django.conf import settings
from django.utils import translation
from wagtail.models import Page

from chapters.register.languages import site_languages, swap_language
from home.locales import language_of
from home.publication import public_pages

register = template.Library()

# Languages that write other languages' names in lower case mid-sentence
# ("se muestra en inglés"); Django's catalogs capitalise them as list labels.
LOWER_CASE_LANGUAGE_NAMES = {"es", "fr", "it", "pt", "ca", "vi", "pl", "ro"}


def name_in_sentence(code: str) -> str:
    name = str(translation.get_language_info(code)["name_translated"])
    if translation.get_language() in LOWER_CASE_LANGUAGE_NAMES:
        return name[:1].lower() + name[1:]
    return name


@register.simple_tag(takes_context=True)
def page_languages(context, page=None) -> dict:
    """The site's languages for this page: where each one leads, and whether the
    page is shown in another language than the reader's (not translated yet).

    For a page, each language links to its translation, or to the same page
    under that language's prefix (served in the default language with a
    notice). One query for the page's translations.
    """
    request = context["request"]
    names = dict(settings.LANGUAGES)
    current = translation.get_language()
    translations = {}
    page_language = current
    if isinstance(page, Page):
        page_language = language_of(page)
        # Only translations the public may see: a draft, restricted or
        # consent-withdrawn translation is neither linked nor named.
        others = (
            public_pages(Page.objects.filter(translation_key=page.translation_key))
            .select_related("locale")
            .only("id", "url_path", "translation_key", "depth", "path", "locale__language_code")
        )
        for other in others:
            translations[language_of(other)] = other
        base_path = page.get_url(request) or request.path
    else:
        base_path = request.get_full_path()
    languages = []
    for code in site_languages(request):
        translated = translations.get(code)
        url = translated.get_url(request) if translated is not None else None
        languages.append(
            {
                "code": code,
                "name": names.get(code, code),
                "url": url or swap_language(base_path, code),
                "translated": url is not None,
                "current": code == current,
                "bidi": translation.get_language_info(code)["bidi"],
            }
        )
    return {
        "languages": languages,
        "alternates": [lang for lang in languages if lang["translated"]],
        "page_language": page_language,
        # In the reader's language, as a sentence needs them: "inglés", "español".
        "page_language_name": name_in_sentence(page_language),
        "page_dir": "rtl" if translation.get_language_info(page_language)["bidi"] else "ltr",
        "fallback": page_language != current,
        "current_name": name_in_sentence(current),
    }
