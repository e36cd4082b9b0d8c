"""The chapter register: what onboarding created for each chapter, in one row.

A chapter is its home page plus a Site, a Collection, two groups and a
workflow. Keeping those links in one row lets the admin answer "which chapter
is this person in?" with one query, instead of guessing from group names.
"""

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from wagtail.models import Collection, Page, Site, Workflow

from chapters.register.settings import ChapterSettings


class ChapterQuerySet(models.QuerySet):
    def of_user(self, user, *, moderator: bool = False) -> "ChapterQuerySet":
        """The chapters this person edits (or, with moderator=True, moderates)."""
        if not user.is_authenticated:
            return self.none()
        if moderator:
            return self.filter(moderators__user=user).distinct()
        return self.filter(Q(editors__user=user) | Q(moderators__user=user)).distinct()

    def active(self) -> "ChapterQuerySet":
        return self.filter(archived_at__isnull=True)


# The name of each chapter's private archive collection (a child of its own).
ARCHIVE_COLLECTION = "Archive (private)"


class Chapter(models.Model):
    home = models.OneToOneField(
        "chapters.ChapterHomePage", on_delete=models.CASCADE, related_name="chapter"
    )
    site = models.OneToOneField(Site, null=True, on_delete=models.SET_NULL, related_name="chapter")
    collection = models.OneToOneField(
        Collection, null=True, on_delete=models.SET_NULL, related_name="chapter"
    )
    editors = models.OneToOneField(
        Group, null=True, on_delete=models.SET_NULL, related_name="editors_of"
    )
    moderators = models.OneToOneField(
        Group, null=True, on_delete=models.SET_NULL, related_name="moderators_of"
    )
    # Readers who log in to see entries their narrators shared with the chapter only.
    members = models.OneToOneField(
        Group, null=True, on_delete=models.SET_NULL, related_name="members_of"
    )
    # The archive's files: private (outside MEDIA_ROOT) and served only through
    # the same check as the entry that shows them.
    archive_collection = models.OneToOneField(
        Collection, null=True, on_delete=models.SET_NULL, related_name="archive_of"
    )
    workflow = models.ForeignKey(Workflow, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    archived_at = models.DateTimeField(null=True, blank=True)
    archived_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Pages that were live when the chapter was archived, so restoring republishes them.
    archived_live_pages = models.JSONField(default=list, blank=True)

    objects = ChapterQuerySet.as_manager()

    class Meta:
        ordering = ["home__title"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.home.title

    @property
    def localized_name(self) -> str:
        """The chapter's name in the reader's language: the title of its home page in that
        language (each language's home is the chapter's own name there, edited like any
        page or in wagtail-localize's editor), else its original name. A translation that
        was never published does not lend its title."""
        translated = (
            self.homes()
            .filter(locale__language_code=get_language(), first_published_at__isnull=False)
            .values_list("title", flat=True)
            .first()
        )
        return translated or self.name

    @property
    def languages(self) -> list[str]:
        """The languages the chapter publishes in (its site settings), default first."""
        return ChapterSettings.for_site(self.site).language_codes if self.site else []

    @property
    def is_archived(self) -> bool:
        return self.archived_at is not None

    def homes(self):
        """The home page in every locale: a translated home is a sibling of the original."""
        return Page.objects.filter(translation_key=self.home.translation_key, depth=self.home.depth)

    def groups(self) -> list[Group]:
        """Everyone who belongs to the chapter: members, editors, moderators."""
        return [group for group in (self.members, self.editors, self.moderators) if group]

    @classmethod
    def of_page(cls, page: Page) -> "Chapter | None":
        """The chapter a page belongs to (in any locale), or None for Alliance pages.

        A home being translated is not saved yet when it is checked: it is its chapter's
        by its own translation key (it shares it with the chapter's home)."""
        homes = Page.objects.filter(
            path__in=[page.path[:n] for n in range(Page.steplen, len(page.path) + 1, Page.steplen)]
        ).values("translation_key")
        return cls.objects.filter(
            Q(home__translation_key__in=homes) | Q(home__translation_key=page.translation_key)
        ).first()

    def pages(self):
        """Every page of the chapter, in every locale."""
        condition = Q(pk__in=[])
        for path in self.homes().values_list("path", flat=True):
            condition |= Q(path__startswith=path)
        return Page.objects.filter(condition)
