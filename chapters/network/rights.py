"""Browse by right: every right, then one page per right with what the network published.

The index lists each right in the reader's language with the instrument and
article it comes from, and how many public stories, upcoming events and
archive entries across the network are tagged with it (one aggregate query
per kind, remembered until the network changes: `counts_by_right`). A right's
page (`<slug>/`, with the right's slug in the page's language) is an address
of its own: its canonical, its translations as hreflang alternates, the
language switcher and the sitemap all name it. It lists those items, newest
first, each with its chapter, and the Alliance's resources on it: a resource
is about a right when one of its topic tags has the right's slug, or the
right's name, as its slug or its name (compared without regard to case).

Every listing goes through `home.publication.public_pages`.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, Q, Subquery
from django.db.models.functions import Substr
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.translation import gettext
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page, Site

from chapters.archive.models import ArchiveEntryPage
from chapters.events.models import EventPage
from chapters.network.content import (
    CHAPTER_PATH_LENGTH,
    NetworkEventsPage,
    NetworkStoriesPage,
    next_event_end,
)
from chapters.network.pages import NetworkPage
from chapters.site.home import ChapterHomePage
from chapters.stories.models import StoryPage
from home.frame import frame_pages, register_shared_pages
from home.locales import (
    active_language,
    default_language,
    language_of,
    localized,
    pick_localized,
)
from home.models import AllianceHomePage, Resource, Right
from home.pagecache.remember import remembered
from home.publication import public_pages
from home.sites import page_addresses, page_url

LIMIT = 12


# What a right's page lists, by the context name of each list.
KINDS = {"stories": StoryPage, "events": EventPage, "entries": ArchiveEntryPage}


def public_items(model):
    """Public pages of `model` across the network, one per translation, in the reader's language.

    A page shows in the reader's language where it exists, else in the default
    language; other languages are left out. Stays a queryset (no query yet).
    """
    active, default = active_language(), default_language()
    items = public_pages(model.objects.all())
    if active == default:
        return items.filter(locale__language_code=default)
    translated = public_pages(model.objects.all()).filter(
        locale__language_code=active, translation_key=OuterRef("translation_key")
    )
    return items.filter(
        Q(locale__language_code=active) | Q(locale__language_code=default) & ~Exists(translated)
    )


def counts_by_right(request) -> tuple[dict, dict, dict]:
    """How many public stories, upcoming events and archive entries the network has per
    right (by the right's translation key): three aggregates over every chapter's
    public pages (5,500 stories at 500 chapters), remembered until the network
    changes, an event ends or an embargo does (home/pagecache/remember.py)."""

    def count():
        return (
            KINDS["stories"].counts_by_right(public_items(KINDS["stories"])),
            KINDS["events"].counts_by_right(upcoming(public_items(KINDS["events"]))),
            KINDS["entries"].counts_by_right(public_items(KINDS["entries"])),
        )

    site = Site.find_for_request(request)
    if site is None:
        return count()
    return remembered(f"rights:counts:{active_language()}", count, site.hostname, next_event_end)


def upcoming(events):
    return events.filter(ends_at__gte=timezone.now())


def with_chapter_titles(items):
    """The queryset with each page's chapter title (its home, the ancestor at depth 2),
    read in the same query."""
    homes = ChapterHomePage.objects.filter(path=Substr(OuterRef("path"), 1, CHAPTER_PATH_LENGTH))
    return items.annotate(chapter_title=Subquery(homes.values("title")[:1]))


def with_chapters(items: list) -> list[tuple]:
    """Each page with the title of the chapter it belongs to (`with_chapter_titles`)."""
    return [(item, getattr(item, "chapter_title", None) or "") for item in items]


def resources_about(right: Right) -> list:
    """Resources one of whose topic tags matches the right's slug or name (case-insensitive)."""
    keys = {right.slug, right.name}
    match = Q()
    for key in keys:
        match |= Q(tagged_items__tag__slug__iexact=key) | Q(tagged_items__tag__name__iexact=key)
    matching = Resource.objects.filter(match).values("translation_key")
    return localized(
        Resource.objects.filter(translation_key__in=matching).select_related("document")
    )


class RightsPage(RoutablePageMixin, NetworkPage):
    """Browse by right: each right with what the network has published about it."""

    class Meta:
        verbose_name = "rights page"

    @staticmethod
    def _sibling_url(request, model_name: str) -> str:
        """The network's full list of that kind, from the frame's shared pages."""
        model = {"stories": NetworkStoriesPage, "events": NetworkEventsPage}[model_name]
        sibling = shared_page(frame_pages(request).shared, model)
        return page_url(sibling, request) if sibling else ""

    @path("")
    def index_route(self, request):
        rights = localized(Right.objects.all())
        story_counts, event_counts, entry_counts = counts_by_right(request)
        rows = [
            {
                "right": right,
                "stories": story_counts.get(right.translation_key, 0),
                "events": event_counts.get(right.translation_key, 0),
                "entries": entry_counts.get(right.translation_key, 0),
            }
            for right in rights
        ]
        return self.render(
            request,
            context_overrides={"rows": rows},
            template="chapters/rights_page.html",
        )

    @path("<slug:slug>/")
    def right_route(self, request, slug):
        right = right_for_slug(slug)
        if right is None:
            raise Http404("No such right.")
        if right.slug != slug:  # another language's slug: this language's own address
            return redirect(request.path[: -len(slug) - 1] + right.slug + "/")
        context = {
            **self.right_listings(right, request),
            "right": right,
            "resources": resources_about(right),
            # base.html: the right's own addresses, title and description.
            "route_addresses": self.right_addresses(request, right),
            "route_title": right.name,
            "route_description": right_description(right),
        }
        return TemplateResponse(
            request, "chapters/right_page.html", {**self.get_context(request), **context}
        )

    def right_listings(self, right: Right, request) -> dict:
        """The public stories, upcoming events and archive entries tagged with the right."""
        site = Site.find_for_request(request)
        if site is None:
            stories, events, entries = tagged_items(right)
        else:
            stories, events, entries = remembered(
                f"rights:items:{right.translation_key}:{active_language()}",
                lambda: tagged_items(right),
                site.hostname,
                next_event_end,
            )
        return {
            "stories": with_chapters(stories[:LIMIT]),
            "events": with_chapters(events[:LIMIT]),
            "entries": with_chapters(entries[:LIMIT]),
            "more_stories": len(stories) > LIMIT,
            "more_events": len(events) > LIMIT,
            "more_entries": len(entries) > LIMIT,
            "stories_url": self._sibling_url(request, "stories") if len(stories) > LIMIT else "",
            "events_url": self._sibling_url(request, "events") if len(events) > LIMIT else "",
        }

    def right_addresses(self, request, right: Right) -> dict[str, tuple[str, str]]:
        """The right's page in each language this page is published in, with the right's
        slug in that language: {language: (link, absolute address)}. No query of its own:
        the right's translations came with it (`right_for_slug`), the page's public
        translations come with its frame (home/frame.py)."""
        translations = getattr(right, "_translations", None)
        if translations is None:
            translations = Right.objects.filter(translation_key=right.translation_key)
        slugs = {language_of(r): r.slug for r in translations}
        addresses = {}
        for page in frame_pages(request, self).translations:
            code = language_of(page)
            found = page_addresses(page, request)
            if found is not None:
                slug = slugs.get(code) or slugs.get(default_language()) or right.slug
                addresses[code] = (found[0] + slug + "/", found[1] + slug + "/")
        return addresses

    def sitemap_subpaths(self) -> list[tuple[str, str]]:
        """Each right's page under this page, in this page's language, for the sitemap:
        (the right's translation key, "<slug>/"). One query."""
        return [
            (str(right.translation_key), right.slug + "/") for right in rights_in(language_of(self))
        ]


def tagged_items(right: Right) -> tuple[list, list, list]:
    """The newest public stories, next events and newest archive entries tagged with the
    right, LIMIT + 1 of each (one more says there are more), with their chapters'
    titles. Three queries; a right's page remembers them until the network changes,
    an event ends or an embargo does (home/pagecache/remember.py): the archive's
    gate reads every entry of the network (its consent records), whatever the LIMIT."""
    kinds = KINDS
    stories = kinds["stories"].tagged_with(public_items(kinds["stories"]), right)
    events = kinds["events"].tagged_with(upcoming(public_items(kinds["events"])), right)
    entries = kinds["entries"].tagged_with(public_items(kinds["entries"]), right)
    stories, events, entries = (
        with_chapter_titles(items) for items in (stories.select_related("image"), events, entries)
    )
    return (
        list(stories.order_by("-date", "-pk")[: LIMIT + 1]),
        list(events.order_by("starts_at", "pk")[: LIMIT + 1]),
        list(entries.order_by("-first_published_at", "-pk")[: LIMIT + 1]),
    )


def rights_in(language: str) -> list[Right]:
    """Every right in `language` where it is translated, else in the default language."""
    with translation.override(language):
        return localized(Right.objects.all())


def right_for_slug(slug: str) -> Right | None:
    """The right a slug names, in the reader's language: a slug of any language finds the
    right (a reader switching language keeps their right), shown in the reader's language.
    One query, which also brings the right's other translations (`_translations`)."""
    named = Right.objects.filter(slug=slug).values("translation_key")[:1]
    translations = list(Right.objects.filter(translation_key=Subquery(named)))
    chosen = pick_localized(
        [r for r in translations if language_of(r) in {active_language(), default_language()}]
    )
    if not chosen:
        return None
    chosen[0]._translations = translations
    return chosen[0]


def right_description(right: Right) -> str:
    """A right's page description: where the right is written down, then its description."""
    source = gettext("From the %(instrument)s, %(article)s.") % {
        "instrument": right.get_instrument_display(),
        "article": right.article,
    }
    return f"{source} {right.description}".strip()


# Every page's footer links to both (network_links).
register_shared_pages(AllianceHomePage, RightsPage)


def network_links(request) -> dict:
    """The Alliance's home and its browse-by-right page in the reader's language, as
    this reader follows them from any site of the network (home.sites.page_url).

    Every page's footer links to both, and a page's rights link to their pages on
    the Alliance's site, so a reader of one chapter finds the whole network. Read
    once per request, in one query; an empty address where a page is not public.
    """
    cached = getattr(request, "_network_links", None)
    if cached is not None:
        return cached
    pages = frame_pages(request).shared  # read with the page's frame, home/frame.py
    alliance, rights = shared_page(pages, AllianceHomePage), shared_page(pages, RightsPage)
    links = {
        "alliance_url": page_url(alliance, request) if alliance else "",
        "alliance_title": alliance.title if alliance else "",
        "rights_url": page_url(rights, request) if rights else "",
    }
    request._network_links = links
    return links


def shared_page(pages: list[Page], model: type[Page]) -> Page | None:
    """The page of `model` among a frame's shared pages (`register_shared_pages`)."""
    content_type = ContentType.objects.get_for_model(model).pk
    return next((p for p in pages if p.content_type_id == content_type), None)


def right_url(request, right: Right) -> str:
    """The address of a right's page on the Alliance's site, in the reader's language."""
    index = network_links(request)["rights_url"]
    if not index:
        return ""
    return index + RightsPage.get_resolver().reverse("right_route", slug=right.slug)
