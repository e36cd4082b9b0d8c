from wagtail.views import serve


def site_root(request):
    """Serve the site's home page at "/" in the language the reader asked for.

    LocaleMiddleware has already picked the language from the browser; the page
    itself links to its canonical /<lang>/ address.
    """
    return serve(request, "")
