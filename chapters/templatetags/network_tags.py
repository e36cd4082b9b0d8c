"""The network's latest stories and next events, for the Alliance home."""

from django import template

from chapters.network.content import (
    NetworkEventsPage,
    NetworkStoriesPage,
    network_stories,
    upcoming_events,
)
from home.locales import localized
from home.publication import public_pages

register = template.Library()

LATEST = 3


@register.inclusion_tag("chapters/includes/network_latest.html", takes_context=True)
def network_latest(context, count: int = LATEST) -> dict:
    """The latest stories and next events across every chapter, with links to the full lists."""
    stories_pages = localized(public_pages(NetworkStoriesPage.objects.all()))
    events_pages = localized(public_pages(NetworkEventsPage.objects.all()))
    return {
        "request": context["request"],
        "stories": list(network_stories()[:count]),
        "events": list(upcoming_events()[:count]),
        "stories_page": stories_pages[0] if stories_pages else None,
        "events_page": events_pages[0] if events_pages else None,
    }
