import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpResponse
from django.utils.feedgenerator import Rss201rev2Feed
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index

from chapters.content.feeds import listing_feed
from chapters.content.rights import (
    RightsAndPrinciplesMixin,
    principles_field,
    right_filter,
    rights_field,
)
from chapters.content.sections import (
    ChapterContentPage,
    ChapterSectionPage,
    edit_tabs,
    optional_file,
    paginate,
    public_children,
)
from chapters.content.structured_data import authors_data
from home.locales import language_of
from home.params import query_year


def stories_feed(page, request, stories, feed_class, route: str) -> HttpResponse:
    """An RSS or Atom feed of stories, linking each on its own chapter's site.

    Stories annotated with `chapter_title` (the network's feed) name their
    chapter as a category and, without authors, as the author.
    """

    def describe(story) -> dict:
        chapter = getattr(story, "chapter_title", None)
        return {
            "description": story.summary,
            "author_name": story.authors or chapter or None,
            "pubdate": datetime.datetime.combine(story.date, datetime.time(), datetime.UTC),
            "categories": [chapter] if chapter else None,
        }

    return listing_feed(page, request, stories, describe, feed_class, route)


class StoryIndexPage(RoutablePageMixin, ChapterSectionPage):
    """The chapter's stories, newest first, with an RSS feed at feed/."""

    subpage_types = ["chapters.StoryPage"]

    def stories(self):
        return public_children(self, StoryPage).select_related("image").order_by("-date", "-pk")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        stories, right_context = right_filter(request, self.stories())
        years = sorted(
            {d.year for d in self.stories().values_list("date", flat=True)}, reverse=True
        )
        year = query_year(request, "year")
        if year is not None:
            stories = stories.filter(date__year=year)
        context.update(
            stories=paginate(request, stories),
            **right_context,
            years=years,
            chosen_year=year,
        )
        return context

    @path("feed/")
    def feed(self, request):
        return stories_feed(self, request, self.stories(), Rss201rev2Feed, "feed/")


class StoryPage(RightsAndPrinciplesMixin, ChapterContentPage):
    """A chapter's story: news, a campaign, a reflection."""

    date = models.DateField(help_text="The date the story is about or was written.")
    authors = models.CharField(
        max_length=255, blank=True, help_text="Who wrote it. Several names: separate with commas."
    )
    image = optional_file("wagtailimages.Image", "Optional. Shown at the top and in listings.")
    image_alt = models.CharField(
        max_length=250,
        blank=True,
        help_text="Describe the image for people who cannot see it (needed if there is an image).",
    )
    rights = rights_field("Which human rights is this about?")
    related_principles = principles_field("Principles this story shows.")

    parent_page_types = ["chapters.StoryIndexPage"]
    subpage_types: list[str] = []

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("date"), FieldPanel("authors")]),
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading="Image"),
        FieldPanel("body"),
    ]
    edit_handler = edit_tabs(("Story", content_panels), RightsAndPrinciplesMixin.tagging_tab)
    search_fields = ChapterContentPage.search_fields + [
        index.SearchField("authors"),
        index.FilterField("date"),
    ]

    class Meta:
        verbose_name = "story"
        verbose_name_plural = "stories"
        # The network's newest stories (chapters/network/content.py) are read in this
        # order and cut to a page: the index lets PostgreSQL stop there, where it
        # sorted every chapter's stories (5,500 at 500 chapters) first.
        indexes = [models.Index(fields=["date", "page_ptr"], name="story_date_pk")]

    def clean(self):
        super().clean()
        if self.image_id and not self.image_alt.strip():
            raise ValidationError({"image_alt": "Describe the image for people who cannot see it."})

    def structured_data(self) -> dict:
        """schema.org Article, for search engines: authors that are groups are Organizations."""
        chapter = self.get_parent().get_parent().title
        data = {
            "@context": "https://schema.org",
            "@type": "Article",
            "headline": self.title,
            "description": self.summary,
            "datePublished": self.date.isoformat(),
            "url": self.full_url,
            "inLanguage": language_of(self),
            "publisher": {"@type": "Organization", "name": chapter},
        }
        changed = self.last_published_at or self.latest_revision_created_at
        if changed:
            data["dateModified"] = changed.isoformat()
        if self.share_image:
            data["image"] = self.share_image["url"]
        if self.authors:
            data["author"] = authors_data(self.authors, {chapter})
        return data

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.tags_context())
        return context
