"""What the benchmark runs inside our project's Django, as its own process:

    python -m chapters.demo.benchmark.inside load demo|<chapters>
    python -m chapters.demo.benchmark.inside pages

with DATABASE_URL and DJANGO_SETTINGS_MODULE (production) set by `run.py`.
`pages` prints, as JSON, one page of every public type and the SQL queries one
render of it runs (after a first render warmed the process), the page cache
off; a page that does not answer 200 is an error, not a row.
"""

import json
import sys

SEARCH_WORD = "housing"


def load(size: str) -> None:
    """The demo network, and for a number that many generated chapters on top of it
    (the demo brings the Alliance's network pages the generated chapters appear on)."""
    from django.core.management import call_command

    call_command("load_demo_network", verbosity=0)
    if size != "demo":
        from chapters.demo.generate import generate_network

        generate_network(int(size))


def _first(queryset):
    page = queryset.order_by("path").first()
    if page is None:
        raise SystemExit(f"no public {queryset.model.__name__} in English to benchmark")
    return page


def _form_pages(chapter_host: str, english) -> list[tuple]:
    """The forms people take part with (never cached): joining, and registering where an
    upcoming event takes registrations (the demo's do)."""
    from django.utils.timezone import now
    from wagtail.models import Site

    from chapters.events.models import EventPage
    from home.publication import public_pages

    found = [("get involved", "other", chapter_host, "/en/get-involved/")]
    taking = public_pages(
        EventPage.objects.filter(locale=english, takes_registrations=True, ends_at__gte=now())
    ).first()
    if taking is not None:
        host = Site.objects.get(pk=taking.get_url_parts()[0]).hostname
        found.append(("event registration", "other", host, f"/en/event-registration/{taking.pk}/"))
    return found


def pages() -> list[dict]:
    """(label, kind, host, path) of one public page of each type, in English."""
    from wagtail.models import Locale, Site

    from chapters.archive.models import ArchiveEntryPage, ArchiveIndexPage
    from chapters.events.models import EventIndexPage, EventPage
    from chapters.network.content import NetworkEventsPage, NetworkStoriesPage
    from chapters.network.directory import ChapterDirectoryPage
    from chapters.network.rights import RightsPage
    from chapters.site.home import ChapterHomePage
    from chapters.stories.models import StoryIndexPage, StoryPage
    from home.models import AllianceHomePage
    from home.publication import public_pages

    english = Locale.objects.get(language_code="en")

    def public(model, within=None):
        queryset = public_pages(model.objects.filter(locale=english))
        if within is not None:
            queryset = queryset.descendant_of(within, inclusive=True)
        page = _first(
            queryset.filter(content_warning="") if model is ArchiveEntryPage else queryset
        )
        site_id, _root, path = page.get_url_parts()
        return Site.objects.get(pk=site_id).hostname, path

    # The chapter: the first with a public story, event and archive entry in English.
    entry = _first(
        public_pages(ArchiveEntryPage.objects.filter(locale=english, content_warning=""))
    )
    home = ChapterHomePage.objects.filter(locale=english).ancestor_of(entry).get()
    chapter_host = public(ChapterHomePage, home)[0]
    alliance_host = public(AllianceHomePage)[0]
    found = [
        ("Alliance home", "home", *public(AllianceHomePage)),
        ("directory", "index", *public(ChapterDirectoryPage)),
        ("network stories", "index", *public(NetworkStoriesPage)),
        ("network events", "index", *public(NetworkEventsPage)),
        ("network search", "search", alliance_host, f"/en/search/?query={SEARCH_WORD}"),
        ("rights page", "index", *public(RightsPage)),
        ("chapter home", "home", *public(ChapterHomePage, home)),
        ("story index", "index", *public(StoryIndexPage, home)),
        ("story", "detail", *public(StoryPage, home)),
        ("event index", "index", *public(EventIndexPage, home)),
        ("event", "detail", *public(EventPage, home)),
        ("archive index", "index", *public(ArchiveIndexPage, home)),
        ("archive entry", "detail", *public(ArchiveEntryPage, home)),
        ("chapter search", "search", chapter_host, f"/en/search/?query={SEARCH_WORD}"),
        ("sitemap", "other", chapter_host, "/sitemap.xml"),
    ]
    story_index = public(StoryIndexPage, home)
    found.append(("feed", "other", story_index[0], story_index[1] + "feed/"))
    found += _form_pages(chapter_host, english)
    return [dict(zip(("label", "kind", "host", "path"), row, strict=True)) for row in found]


def count_queries(found: list[dict], warm: bool = True) -> list[dict]:
    """Each page's SQL queries in one render after a warm-up (the steady state a
    running worker is in), through Django's test client as the proxy would send it
    (HTTPS said by X-Forwarded-Proto)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    client = Client()
    headers = {"X-Forwarded-Proto": "https"}
    with override_settings(PAGE_CACHE_TIMEOUT=0):
        for page in found:
            if warm:
                client.get(page["path"], headers={**headers, "Host": page["host"]})
            with CaptureQueriesContext(connection) as queries:
                response = client.get(page["path"], headers={**headers, "Host": page["host"]})
            if response.status_code != 200:
                raise SystemExit(f"{page['label']}: {page['host']}{page['path']} answered "
                                 f"{response.status_code}")  # fmt: skip
            page["queries"] = len(queries)
    return found


def main(argv: list[str]) -> None:
    import django

    django.setup()
    if argv[:1] == ["load"] and len(argv) == 2:
        load(argv[1])
    elif argv == ["pages"]:
        print(json.dumps(count_queries(pages())))  # noqa: T201 - read by run.py
    else:
        raise SystemExit("usage: inside.py load demo|<chapters> | pages")


if __name__ == "__main__":
    main(sys.argv[1:])
