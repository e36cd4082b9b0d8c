"""The network's latest stories and next events, for the Alliance home; the links every
site has to the Alliance and to browse by right."""

from django import template

from chapters.network import rights
from chapters.network.content import (
    NetworkEventsPage,
    NetworkStoriesPage,
    network_stories,
    upcoming_events,
)
from home.frame import frame_pages

register = template.Library()

LATEST = 3


@register.inclusion_tag("chapters/includes/network_latest.html", takes_context=True)
def network_latest(context, count: int = LATEST) -> dict:
    """The latest stories and next events across every chapter, with links to the full lists."""
    shared = frame_pages(context["request"]).shared  # read with the page's frame
    return {
        "request": context["request"],
        "stories": list(network_stories()[:count]),
        "events": list(upcoming_events()[:count]),
        "stories_page": rights.shared_page(shared, NetworkStoriesPage),
        "events_page": rights.shared_page(shared, NetworkEventsPage),
    }


@register.simple_tag(takes_context=True)
def network_links(context) -> dict:
    """The Alliance's home (`alliance_url`, `alliance_title`) and browse by right
    (`rights_url`), in the reader's language (chapters.network.rights)."""
    request = context.get("request")
    if request is None:
        return {"alliance_url": "", "alliance_title": "", "rights_url": ""}
    return rights.network_links(request)


@register.simple_tag(takes_context=True)
def right_url(context, right) -> str:
    """A right's page on the Alliance's site, in the reader's language."""
    request = context.get("request")
    return rights.right_url(request, right) if request is not None else ""
