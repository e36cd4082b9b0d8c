from chapters.archive.models import ArchiveEntryPage, ArchiveIndexPage
from chapters.events.models import EventIndexPage, EventPage
from chapters.network.content import NetworkEventsPage, NetworkStoriesPage
from chapters.network.directory import ChapterDirectoryPage
from chapters.network.rights import RightsPage
from chapters.register.chapter import Chapter
from chapters.register.settings import ChapterSettings
from chapters.registrations.models import Registration
from chapters.site.home import ChapterHomePage, PrincipleSetAdoption
from chapters.stories.models import StoryIndexPage, StoryPage
from chapters.supporters.models import Supporter

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
    "Registration",
    "RightsPage",
    "StoryIndexPage",
    "StoryPage",
    "Supporter",
]
