"""The demo in every language it has text in (a `<file>.<language>.yaml` beside the
English), as real Wagtail translations: the Alliance's pages and shared snippets, and
each chapter's home, sections, stories, events and archive entries.

Translation files are keyed by what identifies the English original; anything not in
them (dates, images, rights, principles, consent, addresses) the translation keeps from
its original. Onboarding may already have made a chapter's translated home and sections
(for a chapter that publishes in that language): those are reused and given the text.
Idempotent, and nothing a person has edited is overwritten (chapters.demo.translate).
"""

from wagtail.models import Locale, Site

from chapters.archive.models import ArchiveEntryPage, ArchiveIndexPage
from chapters.demo import data
from chapters.demo.translate import (
    Tally,
    edited_by_a_person,
    locale,
    page_fields,
    translate_page,
    translate_snippet,
)
from chapters.events.models import EventIndexPage, EventPage
from chapters.site.home import ChapterHomePage, PrincipleSetAdoption
from chapters.stories.models import StoryIndexPage, StoryPage
from home.models import AllianceHomePage, PrincipleSet, Resource, Right

# What a translation keeps from its original: everything that is not text.
HOME_SHARED = ["locality_type", "status", "founded_year", "cover_image", "latitude", "longitude"]
STORY_SHARED = ["date", "image", "rights", "related_principles"]
EVENT_SHARED = ["start_date", "start_time", "end_date", "end_time", "all_day", "time_zone"]
EVENT_SHARED += ["address", "online_url", "registration_url", "accessibility", "rights"]
EVENT_SHARED += ["takes_registrations", "capacity", "cancelled"]
ARCHIVE_SHARED = ["kind", "period_start", "period_end", "narrator_is_pseudonym"]
ARCHIVE_SHARED += ["media_url", "document", "rights", "related_principles"]

SECTIONS = [
    ("stories", StoryIndexPage, StoryPage, STORY_SHARED),
    ("events", EventIndexPage, EventPage, EVENT_SHARED),
    ("archive", ArchiveIndexPage, ArchiveEntryPage, ARCHIVE_SHARED),
]


def load_alliance_translations() -> int:
    """Returns how many objects it created or updated, in every language."""
    return sum(_alliance(language) for language in data.languages())


def load_chapter_translations() -> int:
    """Returns how many pages it created or updated, in every language."""
    return sum(_chapters(language) for language in data.languages())


def _alliance(language: str) -> int:
    """Translate the Alliance's pages and the shared snippets into `language`."""
    text = data.alliance_translation(language)
    if not text:
        return 0
    target = locale(language)
    tally = Tally()
    default = Locale.get_default()
    rights = text.get("rights", {})
    for right in Right.objects.filter(locale=default, slug__in=rights):
        translate_snippet(right, target, rights[right.slug], tally)
    _principle_sets(text.get("principle_sets", {}), target, tally)
    resources = text.get("resources", {})
    for resource in Resource.objects.filter(locale=default, title__in=resources):
        translate_snippet(resource, target, resources[resource.title], tally)
    home = AllianceHomePage.objects.filter(locale=default).first()
    if home is not None and "home" in text:
        translate_page(home, target, page_fields(text["home"]), tally)
        pages = text.get("pages", {})
        for page in home.get_children().filter(slug__in=pages):
            translate_page(page, target, page_fields(pages[page.slug]), tally)
    return tally.changed


def _principle_sets(sets: dict, target: Locale, tally: Tally) -> None:
    default = Locale.get_default()
    for principle_set in PrincipleSet.objects.filter(locale=default, title__in=sets):
        item = sets[principle_set.title]
        fields = {k: v for k, v in item.items() if k != "principles"}
        translated_set = translate_snippet(principle_set, target, fields, tally)
        principles = item.get("principles", {})
        for principle in principle_set.principles.filter(locale=default, title__in=principles):
            fields = {**principles[principle.title], "principle_set": translated_set}
            translate_snippet(principle, target, fields, tally)


def _chapters(language: str) -> int:
    """Translate, top down, the demo chapters that have text in `language`."""
    target = None
    tally = Tally()
    for chapter in data.chapters():
        text = data.chapter_translation(chapter["hostname"], language)
        site = Site.objects.filter(hostname=chapter["hostname"]).select_related("root_page")
        site = site.first()
        if not text or site is None:
            continue
        target = target or locale(language)
        home = site.root_page.specific
        translated_home = translate_page(
            home, target, page_fields(text["home"]), tally, HOME_SHARED
        )
        _sync_adoptions(home, translated_home, tally)
        for key, index_class, page_class, shared in SECTIONS:
            section = index_class.objects.child_of(home).first()
            if section is None:
                continue
            translate_page(section, target, page_fields(text["sections"][key]), tally)
            pages = text.get(key, {})
            for page in page_class.objects.child_of(section).filter(slug__in=pages):
                translate_page(page, target, page_fields(pages[page.slug]), tally, shared)
    return tally.changed


def _sync_adoptions(home: ChapterHomePage, translated: ChapterHomePage, tally: Tally) -> None:
    """The translated home lists the principle sets the chapter adopted, like the English.

    Onboarding may have made the translated home before the demo filled in the English one.
    """
    if translated.locale_id == home.locale_id or edited_by_a_person(translated):
        return

    def rows(page):
        return [(a.principle_set_id, a.adopted_year) for a in page.principle_set_adoptions.all()]

    if rows(translated) == rows(home):
        return
    translated.principle_set_adoptions = [
        PrincipleSetAdoption(principle_set_id=set_id, adopted_year=year)
        for set_id, year in rows(home)
    ]
    translated.save_revision().publish()
    tally.updated += 1
