"""The sections every chapter has; onboarding creates one of each."""

from home.models import BasePage


class ChapterSectionPage(BasePage):
    parent_page_types = ["chapters.ChapterHomePage"]
    max_count_per_parent = 1

    class Meta:
        abstract = True


class StoryIndexPage(ChapterSectionPage):
    """The chapter's stories."""

    subpage_types: list[str] = []


class ArchiveIndexPage(ChapterSectionPage):
    """The chapter's truth-telling archive: testimonies, oral histories, documents."""

    subpage_types: list[str] = []


class EventIndexPage(ChapterSectionPage):
    """The chapter's events."""

    subpage_types: list[str] = []
