from .archive import ArchiveEntryPage, ArchiveIndexPage
from .chapter import Chapter
from .chapter_home import ChapterHomePage, PrincipleSetAdoption
from .directory import ChapterDirectoryPage
from .events import EventIndexPage, EventPage
from .network_content import NetworkEventsPage, NetworkStoriesPage
from .rights import RightsPage
from .settings import ChapterSettings
from .stories import StoryIndexPage, StoryPage

__all__ = [
    "ArchiveEntryPage",
    "ArchiveIndexPage",
    "Chapter",
    "ChapterDirectoryPage",
    "ChapterHomePage",
    "ChapterSettings",
    "EventIndexPage",
    "EventPage",
    "NetworkEventsPage",
    "NetworkStoriesPage",
    "PrincipleSetAdoption",
    "RightsPage",
    "StoryIndexPage",
    "StoryPage",
]
