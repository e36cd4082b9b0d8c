from wagtail.contrib.routable_page.models import RoutablePageMixin

from .network import NetworkPage


class RightsPage(RoutablePageMixin, NetworkPage):
    """Browse by right: each right with what the network has published about it."""

    class Meta:
        verbose_name = "rights page"
