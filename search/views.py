from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.template.response import TemplateResponse
from wagtail.models import Locale, Page, Site

from home.publication import public_pages, site_pages_q

RESULTS_PER_PAGE = 10
# More matches than anyone reads; bounds the work of one search.
MAX_RESULTS = 500


def search_site(site: Site, query: str) -> list[Page]:
    """The site's public pages matching the query, best match first.

    The search backend ranks live pages of the site in the reader's language;
    the shared public gate (`public_pages`) then decides which of them the
    public may see, in one more query, so a restricted page or an archive
    entry without consent never shows, not even its title.
    """
    candidates = (
        Page.objects.live()
        .filter(site_pages_q(site))
        .filter(locale=Locale.get_active())
        .search(query)
    )
    ranked = [page.pk for page in candidates[:MAX_RESULTS]]
    allowed = public_pages(Page.objects.filter(pk__in=ranked)).specific().in_bulk()
    return [allowed[pk] for pk in ranked if pk in allowed]


def search(request):
    """Search the current site's public pages in the reader's language.

    Unlike the view `wagtail start` generates, this never searches other sites
    and never shows a draft or a login-restricted page. It writes nothing: no
    query logging per request.
    """
    query = request.GET.get("query", "").strip()
    site = Site.find_for_request(request)
    results = None
    if query and site is not None:
        paginator = Paginator(search_site(site, query), RESULTS_PER_PAGE)
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
