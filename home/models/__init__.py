from .chapter_request import ChapterRequest
from .pages import (
    AllianceHomePage,
    BasePage,
    PrinciplesPage,
    ResourceLibraryPage,
    StandardPage,
)
from .snippets import Principle, PrincipleSet, Resource, ResourceTopic, Right

__all__ = [
    "AllianceHomePage",
    "BasePage",
    "ChapterRequest",
    "Principle",
    "PrincipleSet",
    "PrinciplesPage",
    "Resource",
    "ResourceLibraryPage",
    "ResourceTopic",
    "Right",
    "StandardPage",
]
