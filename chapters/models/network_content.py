from wagtail.contrib.routable_page.models import RoutablePageMixin

from .network import NetworkPage


class NetworkStoriesPage(RoutablePageMixin, NetworkPage):
    """Every chapter's public stories, newest first; RSS and Atom feeds."""

    class Meta:
        verbose_name = "network stories page"


class NetworkEventsPage(RoutablePageMixin, NetworkPage):
    """Every chapter's public events, soonest first; an iCalendar feed."""

    class Meta:
        verbose_name = "network events page"
