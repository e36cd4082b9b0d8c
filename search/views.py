from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.template.response import TemplateResponse
from wagtail.models import Locale, Site

from home.publication import public_pages_of_site

RESULTS_PER_PAGE = 10


def search(request):
    """Search the current site's public pages in the reader's language.

    Unlike the view `wagtail start` generates, this never searches other sites
    and never shows a draft or a login-restricted page, not even its title.
    It also writes nothing: no query logging per request.
    """
    query = request.GET.get("query", "").strip()
    site = Site.find_for_request(request)
    results = None
    if query and site is not None:
        pages = public_pages_of_site(site).filter(locale=Locale.get_active()).specific()
        paginator = Paginator(pages.search(query), RESULTS_PER_PAGE)
        try:
            results = paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            results = paginator.page(1)
        except EmptyPage:
            results = paginator.page(paginator.num_pages)
    return TemplateResponse(
        request,
        "search/search.html",
        {"search_query": query, "search_results": results},
    )
