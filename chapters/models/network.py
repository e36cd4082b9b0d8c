"""The Alliance's network-wide pages: what every chapter publishes, in one place.

They live under the Alliance home (DESIGN.md, the page tree) but are defined
here, beside the chapter content they gather. Each reads only public content,
through `home.publication.public_pages`.
"""

from wagtail.contrib.routable_page.models import RoutablePageMixin

from home.models import BasePage

ALLIANCE_ONLY = ["home.AllianceHomePage"]


class NetworkPage(BasePage):
    parent_page_types = ALLIANCE_ONLY
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        abstract = True


class ChapterDirectoryPage(NetworkPage):
    """Every chapter: where, what kind of place, how far along; filterable, on a map."""

    class Meta:
        verbose_name = "chapter directory"


class NetworkStoriesPage(RoutablePageMixin, NetworkPage):
    """Every chapter's public stories, newest first; RSS and Atom feeds."""

    class Meta:
        verbose_name = "network stories page"


class NetworkEventsPage(RoutablePageMixin, NetworkPage):
    """Every chapter's public events, soonest first; an iCalendar feed."""

    class Meta:
        verbose_name = "network events page"


class RightsPage(RoutablePageMixin, NetworkPage):
    """Browse by right: each right with what the network has published about it."""

    class Meta:
        verbose_name = "rights page"
