import json

from django import template
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from home.frame import frame_pages
from home.sites import page_url

register = template.Library()

# Search engines show about this many characters of a description.
DESCRIPTION_LENGTH = 160


@register.simple_tag(takes_context=True)
def site_navigation(context) -> dict:
    """The current site's home and its menu pages, in the reader's language (read with
    the rest of the page's frame, home/frame.py)."""
    frame = frame_pages(context["request"], context.get("page"))
    return {"home": frame.home, "menu": frame.menu}


@register.simple_tag(takes_context=True)
def url_with(context, **changes) -> str:
    """This page's query string with some parameters changed (for pagination and filters)."""
    query = context["request"].GET.copy()
    for key, value in changes.items():
        if value in (None, ""):
            query.pop(key, None)
        else:
            query[key] = value
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.filter
def jsonld(data: dict) -> str:
    """Structured data for search engines, safe inside a <script> element."""
    text = json.dumps(data, ensure_ascii=False, default=str)
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(char, escape)
    return mark_safe(text)  # noqa: S308 - escaped above, like Django's json_script


@register.simple_tag(takes_context=True)
def network_pageurl(context, page) -> str:
    """Like {% pageurl %}, but a page of another chapter's site gets the reader's
    scheme and port (home.sites.page_url)."""
    return page_url(page, context["request"])


@register.simple_tag(takes_context=True)
def page_description(context, page=None) -> str:
    """The page's <meta name="description">: the editor's search description, else its
    summary or intro, on one line and trimmed.

    A page type that must say less (an archive entry behind a content warning)
    gives its own `meta_description`; a routable sub-page (a right's page) gives
    `route_description` in its context.
    """
    text = context.get("route_description")
    if text is None and page is not None:
        text = getattr(page, "meta_description", None)
        if text is None:
            text = (
                getattr(page, "search_description", "")
                or getattr(page, "summary", "")
                or getattr(page, "intro", "")
            )
    return Truncator(" ".join(str(text or "").split())).chars(DESCRIPTION_LENGTH)
