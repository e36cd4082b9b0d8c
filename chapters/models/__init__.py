from .archive import ArchiveEntryPage, ArchiveIndexPage
from .chapter import Chapter
from .chapter_home import ChapterHomePage, PrincipleSetAdoption
from .events import EventIndexPage, EventPage
from .settings import ChapterSettings
from .stories import StoryIndexPage, StoryPage

__all__ = [
    "ArchiveEntryPage",
    "ArchiveIndexPage",
    "Chapter",
    "ChapterHomePage",
    "ChapterSettings",
    "EventIndexPage",
    "EventPage",
    "PrincipleSetAdoption",
    "StoryIndexPage",
    "StoryPage",
]
