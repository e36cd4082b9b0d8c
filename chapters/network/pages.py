"""The Alliance's network-wide pages: what every chapter publishes, in one place.

They live under the Alliance home (DESIGN.md, the page tree) but are defined
in `chapters`, beside the chapter content they gather. Each reads only public
content, through `home.publication.public_pages`.
"""

from home.models import BasePage

ALLIANCE_ONLY = ["home.AllianceHomePage"]


class NetworkPage(BasePage):
    parent_page_types = ALLIANCE_ONLY
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        abstract = True
