from .chapter_home import ChapterHomePage, PrincipleSetAdoption
from .indexes import ArchiveIndexPage, EventIndexPage, StoryIndexPage
from .settings import ChapterSettings

__all__ = [
    "ArchiveIndexPage",
    "ChapterHomePage",
    "ChapterSettings",
    "EventIndexPage",
    "PrincipleSetAdoption",
    "StoryIndexPage",
]
