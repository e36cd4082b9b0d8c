from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.template.response import TemplateResponse
from wagtail.models import Locale, Page, Site

from chapters.network.directory import ChapterDirectoryPage
from home.locales import active_language
from home.params import query_integer, query_text, without_control_characters
from home.sites import site_root_url
from search.network import (
    ALL_LANGUAGES,
    MAX_RESULTS,
    apply_facets,
    build_facets,
    is_network_site,
    label_chapters,
    label_rights,
    model_class,
    query_pattern,
    ranked_public_hits,
    site_scope_q,
    snippet,
    type_label,
)

RESULTS_PER_PAGE = 10
__all__ = ["MAX_RESULTS", "RESULTS_PER_PAGE", "search", "search_site"]


def search_site(site: Site, query: str) -> list[Page]:
    """The site's public pages in the reader's language matching the query, best match first.

    The search backend ranks live pages in scope (the site's own; on the
    Alliance, every site's); the shared public gate (`public_pages`) then
    decides which of them the public may see, in one more query, so a
    restricted page or an archive entry without consent never shows, not even
    its title.
    """
    hits = ranked_public_hits(site_scope_q(site), query, Locale.get_active())
    pages = Page.objects.filter(pk__in=[hit.pk for hit in hits]).specific().in_bulk()
    return [pages[hit.pk] for hit in hits if hit.pk in pages]


def specific_pages(hits) -> dict:
    """The hits' pages as their own types: one query per page type among them (the
    hits already know their types: no query for the content types)."""
    by_model: dict = {}
    for hit in hits:
        by_model.setdefault(hit.model, []).append(hit.pk)
    pages: dict = {}
    for model_name, pks in by_model.items():
        model = model_class(model_name) or Page
        pages |= model.objects.filter(pk__in=pks).in_bulk()
    return pages


def _result_pages(results, pattern, chapter_labels: dict[str, str]) -> list[Page]:
    """The pages of this page of results, each with its excerpt, what kind of page it
    is and, across the network, whose it is (a chapter's name or "Alliance"): a reader
    on a phone sees where a result comes from before choosing it. No query of its own
    but the pages' (`specific_pages`): the hits carry their type and chapter."""
    pages = specific_pages(results.object_list)
    shown = []
    for hit in results:
        page = pages.get(hit.pk)
        if page is None:
            continue
        page.search_snippet = snippet(page, pattern)
        page.result_type = type_label(hit.model)
        page.result_chapter = chapter_labels.get(hit.chapter, "")
        shown.append(page)
    return shown


def _page_number(paginator, number):
    try:
        return paginator.page(number)
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)


def search(request):
    """Search public pages: the current chapter's own, or on the Alliance the whole network.

    Unlike the view `wagtail start` generates, this never shows a draft or a
    login-restricted page. It writes nothing: no query logging per request.
    """
    # Shown back in the page: no NUL or other control character in the HTML.
    query = without_control_characters(request.GET.get("query", "")).strip()
    site = Site.find_for_request(request)
    context = {"search_query": query, "search_results": None, "facets": [], "network": False}
    if site is None:
        return TemplateResponse(request, "search/search.html", context)
    network = is_network_site(site)
    context["network"] = network
    if query:
        active = active_language()
        lang = request.GET.get("lang", "") if network else ""
        # The Alliance ranks every language at once so the language facet can count both.
        scope = None if network else Locale.get_active()
        hits = ranked_public_hits(site_scope_q(site), query, scope)
        chapter_labels: dict[str, str] = {}
        in_language = [hit for hit in hits if hit.language == active]
        shown = hits if lang == ALL_LANGUAGES else in_language
        if network:
            chosen = {
                "chapter": query_text(request, "chapter"),
                "type": query_text(request, "type"),
                "right": query_text(request, "right"),
            }
            typed = query_text(request, "chapter_name")
            chapter_labels |= label_chapters(shown, site)
            right_labels = label_rights(shown, site)
            context["facets"] = build_facets(
                shown,
                chosen | {"chapter_name": typed},
                chapter_labels,
                right_labels,
                (len(in_language), len(hits)),
                lang,
            )
            context["chapter_name"] = typed
            shown = apply_facets(shown, chosen)
        number = query_integer(request, "page", minimum=1) or 1
        results = _page_number(Paginator(shown, RESULTS_PER_PAGE), number)
        results.object_list = _result_pages(results, query_pattern(query), chapter_labels)
        context["search_results"] = results
        if not results.paginator.count:
            context.update(_empty_state_links(site, request, network))
    return TemplateResponse(request, "search/search.html", context)


def _empty_state_links(site, request, network):
    """Where to go when nothing matched: the chapter directory and the whole network."""
    default_site = site if network else Site.objects.filter(is_default_site=True).first()
    links = {}
    if default_site is not None:
        directory = ChapterDirectoryPage.objects.live().filter(locale=Locale.get_active()).first()
        if directory is not None:
            links["directory_url"] = directory.get_url(request)
        if not network:
            links["network_search_url"] = (
                site_root_url(default_site, request).rstrip("/") + request.path
            )
    return links
