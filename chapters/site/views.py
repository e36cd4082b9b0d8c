from django.utils import translation

from chapters.register.languages import site_languages
from home.views import serve


def site_root(request):
    """Serve the site's home page at "/" in the language the reader asked for.

    LocaleMiddleware has already picked the language from the browser; a site
    that does not publish in it answers in its own default language. The page
    itself links to its canonical /<lang>/ address.
    """
    languages = site_languages(request)
    if translation.get_language() not in languages:
        translation.activate(languages[0])
        request.LANGUAGE_CODE = languages[0]
    return serve(request, "")
