"""The demo chapters' pages in Spanish, as real Wagtail translations (Tillory Valley).

Translates, top down, each chapter's home, its Stories, Archive and Events sections, and
every story, event and archive entry of chapters/demo_content_es.py. Onboarding may already
have made the Spanish home and sections (for a chapter that publishes in Spanish); those
are reused and given the Spanish text. Same rules as home/demo_es.py: idempotent, and
nothing a person has edited is overwritten.
"""

from wagtail.models import Site

from chapters import demo_content_es as content
from chapters.archive.models import ArchiveEntryPage, ArchiveIndexPage
from chapters.events.models import EventIndexPage, EventPage
from chapters.site.home import ChapterHomePage, PrincipleSetAdoption
from chapters.stories.models import StoryIndexPage, StoryPage
from home.demo_es import Tally, edited_by_a_person, page_fields, spanish, translate_page

# What a translation keeps from its original: everything that is not text.
HOME_SHARED = ["locality_type", "status", "founded_year"]
STORY_SHARED = ["date", "image", "rights", "related_principles"]
EVENT_SHARED = [
    "start_date",
    "start_time",
    "end_date",
    "end_time",
    "all_day",
    "time_zone",
    "address",
    "online_url",
    "registration_url",
    "accessibility",
    "rights",
]
ARCHIVE_SHARED = [
    "kind",
    "period_start",
    "period_end",
    "narrator_is_pseudonym",
    "media_url",
    "document",
    "rights",
    "related_principles",
]

SECTIONS = [
    ("stories", StoryIndexPage, StoryPage, STORY_SHARED),
    ("events", EventIndexPage, EventPage, EVENT_SHARED),
    ("archive", ArchiveIndexPage, ArchiveEntryPage, ARCHIVE_SHARED),
]


def load_chapters_es() -> int:
    """Translate the demo chapters that have Spanish text. Returns how many pages it
    created or updated (0 when everything is already there)."""
    es = spanish()
    tally = Tally()
    for hostname, data in content.CHAPTERS.items():
        site = Site.objects.filter(hostname=hostname).select_related("root_page").first()
        if site is None:
            continue
        home = site.root_page.specific
        es_home = translate_page(home, es, page_fields(data["home"]), tally, HOME_SHARED)
        _sync_adoptions(home, es_home, tally)
        for key, index_class, page_class, shared in SECTIONS:
            section = index_class.objects.child_of(home).first()
            if section is None:
                continue
            translate_page(section, es, page_fields(data["sections"][key]), tally)
            pages = data.get(key, {})
            for page in page_class.objects.child_of(section).filter(slug__in=pages):
                translate_page(page, es, page_fields(pages[page.slug]), tally, shared)
    return tally.changed


def _sync_adoptions(home: ChapterHomePage, es_home: ChapterHomePage, tally: Tally) -> None:
    """The Spanish home lists the principle sets the chapter adopted, like the English.

    Onboarding may have made the Spanish home before the demo filled in the English one.
    """
    if es_home.locale_id == home.locale_id or edited_by_a_person(es_home):
        return

    def rows(page):
        return [(a.principle_set_id, a.adopted_year) for a in page.principle_set_adoptions.all()]

    if rows(es_home) == rows(home):
        return
    es_home.principle_set_adoptions = [
        PrincipleSetAdoption(principle_set_id=set_id, adopted_year=year)
        for set_id, year in rows(home)
    ]
    es_home.save_revision().publish()
    tally.updated += 1
