"""The Alliance's network pages: every chapter's public stories and events.

Every listing and feed reads through `home.publication.public_pages`, chooses
one version of each page (the reader's language, else the default language),
and annotates each page with its chapter's title in the same query: the
chapter of a page is its ancestor at depth 2, whose path is the first
`CHAPTER_PATH_LENGTH` characters of the page's own path.
"""

from datetime import datetime
from urllib.parse import urlencode

from django.db.models import Exists, Min, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce, Substr
from django.templatetags.static import static
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from chapters.content.rights import right_filter
from chapters.content.sections import paginate
from chapters.events.ical import calendar_response
from chapters.events.models import EventPage
from chapters.network.directory import OUTLINES
from chapters.network.pages import NetworkPage
from chapters.register.us_map import VIEWBOX
from chapters.site.home import ChapterHomePage
from chapters.stories.models import StoryPage, stories_feed
from home.frame import register_shared_pages
from home.locales import active_language, default_language, localized
from home.pagecache.remember import remembered
from home.params import parse_integer, query_text
from home.publication import public_pages
from home.renditions import prefetch_specs

# Wagtail's tree: root "0001" (depth 1), a site's home page "00010001" (depth 2).
CHAPTER_PATH_LENGTH = 2 * Page.steplen


def chapter_path():
    return Substr("path", 1, CHAPTER_PATH_LENGTH)


def in_reader_language(model) -> QuerySet:
    """Public pages of `model` of every chapter, one version of each, with its chapter's title.

    The reader's language where a public translation exists, else the
    default language. One query.
    """
    active, default = active_language(), default_language()
    pages = public_pages(model.objects.all())
    chosen = Q(locale__language_code=active)
    if default != active:
        translated = public_pages(model.objects.all()).filter(
            translation_key=OuterRef("translation_key"), locale__language_code=active
        )
        chosen |= Q(locale__language_code=default) & ~Exists(translated)
    home = ChapterHomePage.objects.filter(path=Substr(OuterRef("path"), 1, CHAPTER_PATH_LENGTH))
    # The chapter's name from its public home; a draft translation of the home
    # (made with a translated child) never lends its title, the original does.
    original = ChapterHomePage.objects.filter(
        translation_key=Subquery(home.values("translation_key")[:1]),
        locale__language_code=default,
    )
    return pages.filter(chosen).annotate(
        chapter_title=Coalesce(
            Subquery(public_pages(home).values("title")[:1]),
            Subquery(original.values("title")[:1]),
        ),
        chapter_path=chapter_path(),
    )


# How many chapters a typed name lists at most (links that choose one of them).
CHAPTER_MATCHES = 10


def chapter_filter(request, items: QuerySet) -> tuple[QuerySet, dict]:
    """Filter by `chapter`: a chapter home's id or slug (the links of older pages), or
    words of its name in any of its languages, typed by the reader.

    The form asks for a name in a text box, not a <select> of every chapter (526
    pages built per request at 500 chapters): the filter is a subquery of the
    listing's own query, and only a typed name costs a query (one: the matching
    chapters, up to CHAPTER_MATCHES, in the reader's language). Returns the
    filtered items and the context: the chosen text and the chapters it matched.
    """
    chosen = query_text(request, "chapter")
    context = {"chosen_chapter": chosen, "chapter_matches": [], "more_chapter_matches": False}
    if not chosen:
        return items, context
    number = parse_integer(chosen)
    match = Q(pk=number) if number is not None else Q(slug=chosen) | Q(title__icontains=chosen)
    homes = public_pages(ChapterHomePage.objects.all())
    keys = homes.filter(match).values("translation_key")
    paths = ChapterHomePage.objects.filter(translation_key__in=keys).values("path")
    # One query, whether or not anything matches (the budget is the same for both).
    shown = (
        homes.filter(match, locale__language_code=default_language())
        .order_by("title")
        .values("translation_key")[: CHAPTER_MATCHES + 1]
    )
    matches = localized(homes.filter(translation_key__in=shown).order_by("title"))
    context.update(
        chapter_matches=matches[:CHAPTER_MATCHES],
        more_chapter_matches=len(matches) > CHAPTER_MATCHES,
    )
    matches = matches[:CHAPTER_MATCHES]
    if len(matches) == 1 and number is None and chosen == matches[0].slug:
        context["chosen_chapter"] = matches[0].title  # the box shows its name, not its slug
    return items.filter(chapter_path__in=paths), context


def network_stories() -> QuerySet:
    images = get_image_model().objects.prefetch_renditions(*prefetch_specs("card"))
    return (
        in_reader_language(StoryPage)
        .prefetch_related(Prefetch("image", queryset=images))
        .order_by("-date", "-pk")
    )


def next_event_end() -> datetime | None:
    """When the soonest event still upcoming ends: a count of upcoming (or past) events
    changes then, with no save. One query (the `ends_at` index)."""
    upcoming = EventPage.objects.filter(ends_at__gte=timezone.now())
    return upcoming.aggregate(end=Min("ends_at"))["end"]


def listing_count(request, name: str, items: QuerySet, right_context: dict, chapter_context: dict):
    """How many items a network listing has, remembered until the network changes
    (home/pagecache/remember.py): counting every chapter's public stories through the
    gate read 5,500 rows at 500 chapters, on every request. Kept for the listing as
    it opens or filtered by a right; a typed chapter name (any text) is counted
    each time, so strangers' strings fill no cache."""
    right = right_context["chosen_right"]
    if chapter_context["chosen_chapter"] or (
        right and right not in {r.slug for r in right_context["rights"]}
    ):
        return None
    site = Site.find_for_request(request)
    if site is None:
        return None
    until = next_event_end if items.model is EventPage else None
    return remembered(f"{name}:{active_language()}:{right}", items.count, site.hostname, until)


def network_events() -> QuerySet:
    return in_reader_language(EventPage)


def upcoming_events() -> QuerySet:
    return network_events().filter(ends_at__gte=timezone.now()).order_by("starts_at", "pk")


class NetworkStoriesPage(RoutablePageMixin, NetworkPage):
    """Every chapter's public stories, newest first; RSS and Atom feeds."""

    class Meta:
        verbose_name = "network stories page"

    def stories(self) -> QuerySet:
        return network_stories()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        stories, right_context = right_filter(request, self.stories())
        stories, chapter_context = chapter_filter(request, stories)
        count = listing_count(request, "stories", stories, right_context, chapter_context)
        context.update(
            stories=paginate(request, stories, count=count), **right_context, **chapter_context
        )
        return context

    @path("feed/")
    def feed(self, request):
        return stories_feed(self, request, self.stories(), Rss201rev2Feed, "feed/")

    @path("atom/")
    def atom(self, request):
        return stories_feed(self, request, self.stories(), Atom1Feed, "atom/")


class NetworkEventsPage(RoutablePageMixin, NetworkPage):
    """Every chapter's public events, soonest first; an iCalendar feed."""

    class Meta:
        verbose_name = "network events page"

    def events(self) -> QuerySet:
        return network_events()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        show_past = request.GET.get("when") == "past"
        events, right_context = right_filter(request, self.events())
        events, chapter_context = chapter_filter(request, events)
        if show_past:
            events = events.filter(ends_at__lt=now).order_by("-starts_at", "-pk")
        else:
            events = events.filter(ends_at__gte=now).order_by("starts_at", "pk")
        name = "events:past" if show_past else "events"
        count = listing_count(request, name, events, right_context, chapter_context)
        page_of_events = paginate(request, events, count=count)
        context.update(
            events=page_of_events,
            events_map=None if show_past else events_map(page_of_events),
            show_past=show_past,
            **right_context,
            **chapter_context,
        )
        return context

    def ical_feed(self, request):
        name = f"{self.get_parent().title}: {self.title}"
        return calendar_response(
            self.events().order_by("starts_at", "pk"), request, name, "network-events.ics"
        )


def events_map(events) -> dict | None:
    """The states with a dot for each chapter holding one of this page's upcoming events,
    linked to the list of that chapter's events (one query: their chapters' homes);
    None if none is located."""
    counts: dict[str, int] = {}
    for event in events:
        home_path = event.path[:CHAPTER_PATH_LENGTH]
        counts[home_path] = counts.get(home_path, 0) + 1
    homes = public_pages(ChapterHomePage.objects.filter(path__in=counts)).filter(
        latitude__isnull=False, longitude__isnull=False
    )
    points = []
    for home in homes.order_by("title"):
        point = home.map_point()
        if point is not None:
            points.append(
                {
                    "x": point[0],
                    "y": point[1],
                    "title": home.title,
                    "count": counts[home.path],
                    "href": "?" + urlencode({"chapter": home.pk}),
                }
            )
    if not points:
        return None
    return {"file": static(OUTLINES), "viewbox": VIEWBOX, "points": points}


# The Alliance home and every right's page link to both lists (home/frame.py).
register_shared_pages(NetworkStoriesPage, NetworkEventsPage)
