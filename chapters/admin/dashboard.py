"""The admin's dashboard for a chapter's editors and moderators: start a story, an
event or an archive entry in one click, and pick up their own drafts.

Only the chapters the person edits or moderates (Chapter.objects.of_user) and only
pages under those chapters' homes: the panel shows nothing of another chapter.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.models import Page

from chapters.archive.models import ArchiveIndexPage
from chapters.events.models import EventIndexPage, EventPage
from chapters.register.chapter import Chapter
from chapters.registrations.service import counts
from chapters.stories.models import StoryIndexPage
from chapters.supporters.models import Supporter

DRAFTS_SHOWN = 8
# What an editor adds most: (label, index page model, the page type added under it).
STARTS = (
    ("Add a story", StoryIndexPage, "storypage"),
    ("Add an event", EventIndexPage, "eventpage"),
    ("Add an archive entry", ArchiveIndexPage, "archiveentrypage"),
)


@dataclass
class ChapterStart:
    chapter: Chapter
    links: list[tuple[str, str]]  # (label, address of the add form)
    drafts: list[Page]
    people: int | None  # confirmed people who joined, for its moderators; else None
    events: list[
        tuple[EventPage, int, int]
    ]  # upcoming, taking registrations: (registered, waiting)


def _links(chapter: Chapter) -> list[tuple[str, str]]:
    links = []
    for label, index_model, page_type in STARTS:
        index = index_model.objects.child_of(chapter.home).first()
        if index is not None:
            url = reverse("wagtailadmin_pages:add", args=["chapters", page_type, index.pk])
            links.append((label, url))
    return links


def _drafts(chapter: Chapter, user) -> list[Page]:
    """The person's own unpublished changes under the chapter's home, in every language."""
    homes = chapter.homes()
    pages = Page.objects.none()
    for home in homes:
        pages |= Page.objects.descendant_of(home, inclusive=True)
    return list(
        pages.filter(has_unpublished_changes=True, latest_revision__user=user)
        .order_by("-latest_revision_created_at")
        .specific()[:DRAFTS_SHOWN]
    )


def _registrations(chapter: Chapter) -> list[tuple[EventPage, int, int]]:
    """The chapter's upcoming events that take registrations, with their counts (every
    language's sign-ups: the places are shared)."""
    events = list(
        EventPage.objects.descendant_of(chapter.home)
        .filter(takes_registrations=True, ends_at__gte=timezone.now())
        .order_by("starts_at")[:DRAFTS_SHOWN]
    )
    found = counts(events)
    return [(event, *found.get(event.translation_key, (0, 0))) for event in events]


def chapter_starts(user) -> list[ChapterStart]:
    moderated = set(Chapter.objects.of_user(user, moderator=True).values_list("pk", flat=True))
    starts = []
    for chapter in Chapter.objects.of_user(user).active().select_related("home"):
        people = (
            Supporter.objects.confirmed().filter(chapter=chapter).count()
            if chapter.pk in moderated
            else None
        )
        starts.append(
            ChapterStart(
                chapter,
                _links(chapter),
                _drafts(chapter, user),
                people,
                _registrations(chapter),
            )
        )
    return starts


class ChapterStartPanel(Component):
    name = "chapter_start"
    order = 50  # above Wagtail's own panels
    template_name = "chapters/admin/dashboard_panel.html"

    def __init__(self, starts: list[ChapterStart]):
        self.starts = starts

    def get_context_data(self, parent_context=None):
        return {"starts": self.starts}
