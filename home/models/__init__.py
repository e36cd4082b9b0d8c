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
    "Principle",
    "PrincipleSet",
    "PrinciplesPage",
    "Resource",
    "ResourceLibraryPage",
    "ResourceTopic",
    "Right",
    "StandardPage",
]
