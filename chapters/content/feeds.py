"""RSS and Atom feeds of a listing page (a chapter's stories or archive, the network's stories).

One shape: the feed is named after the page and its parent, speaks the
page's language and links every item on its own chapter's site; each kind of
page says only what its items carry beyond a title and a link.
"""

from collections.abc import Callable, Iterable

from django.http import HttpResponse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed, SyndicationFeed
from wagtail.models import Page

from home.locales import language_of
from home.sites import absolute_page_url

# How many items a feed carries.
FEED_ITEMS = 20
CONTENT_TYPES = {Rss201rev2Feed: "application/rss+xml", Atom1Feed: "application/atom+xml"}


def listing_feed(
    page: Page,
    request,
    items: Iterable[Page],
    describe: Callable[[Page], dict],
    feed_class: type[SyndicationFeed] = Rss201rev2Feed,
    route: str = "feed/",
) -> HttpResponse:
    """The first FEED_ITEMS of `items` as a feed served at `route` below `page`.

    `describe(item)` gives the rest of `add_item`'s arguments (description,
    date, author, categories): what may be said of the item in a feed.
    """
    feed = feed_class(
        title=f"{page.get_parent().title}: {page.title}",
        link=absolute_page_url(page, request),
        description=page.intro or page.title,
        language=language_of(page),
        feed_url=absolute_page_url(page, request) + route,
    )
    for item in items[:FEED_ITEMS]:
        url = absolute_page_url(item, request)
        feed.add_item(title=item.title, link=url, unique_id=url, **describe(item))
    response = HttpResponse(content_type=f"{CONTENT_TYPES[feed_class]}; charset=utf-8")
    feed.write(response, "utf-8")
    return response
