import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpResponse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index

from chapters.content.sections import (
    FEED_ITEMS,
    ChapterContentPage,
    ChapterSectionPage,
    paginate,
    public_children,
    right_filter,
)
from home.locales import in_active_locale, language_of
from home.sites import absolute_page_url

FEED_TYPES = {Rss201rev2Feed: "application/rss+xml", Atom1Feed: "application/atom+xml"}


def stories_feed(page, request, stories, feed_class, route: str) -> HttpResponse:
    """An RSS or Atom feed of stories, linking each on its own chapter's site.

    Stories annotated with `chapter_title` (the network's feed) name their
    chapter as a category and, without authors, as the author.
    """
    feed = feed_class(
        title=f"{page.get_parent().title}: {page.title}",
        link=absolute_page_url(page, request),
        description=page.intro or page.title,
        language=language_of(page),
        feed_url=absolute_page_url(page, request) + route,
    )
    for story in stories[:FEED_ITEMS]:
        url = absolute_page_url(story, request)
        chapter = getattr(story, "chapter_title", None)
        feed.add_item(
            title=story.title,
            link=url,
            description=story.summary,
            author_name=story.authors or chapter or None,
            pubdate=datetime.datetime.combine(story.date, datetime.time(), datetime.UTC),
            unique_id=url,
            categories=[chapter] if chapter else None,
        )
    response = HttpResponse(content_type=f"{FEED_TYPES[feed_class]}; charset=utf-8")
    feed.write(response, "utf-8")
    return response


class StoryIndexPage(RoutablePageMixin, ChapterSectionPage):
    """The chapter's stories, newest first, with an RSS feed at feed/."""

    subpage_types = ["chapters.StoryPage"]

    def stories(self):
        return public_children(self, StoryPage).select_related("image").order_by("-date", "-pk")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        stories, rights, chosen_right = right_filter(request, self.stories())
        years = sorted(
            {d.year for d in self.stories().values_list("date", flat=True)}, reverse=True
        )
        year = request.GET.get("year", "")
        if year.isdigit():
            stories = stories.filter(date__year=int(year))
        context.update(
            stories=paginate(request, stories),
            rights=rights,
            chosen_right=chosen_right,
            years=years,
            chosen_year=year,
        )
        return context

    @path("feed/")
    def feed(self, request):
        return stories_feed(self, request, self.stories(), Rss201rev2Feed, "feed/")


class StoryPage(ChapterContentPage):
    """A chapter's story: news, a campaign, a reflection."""

    date = models.DateField(help_text="The date the story is about or was written.")
    authors = models.CharField(
        max_length=255, blank=True, help_text="Who wrote it. Several names: separate with commas."
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Optional. Shown at the top and in listings.",
    )
    image_alt = models.CharField(
        max_length=250,
        blank=True,
        help_text="Describe the image for people who cannot see it (needed if there is an image).",
    )
    rights = ParentalManyToManyField(
        "home.Right", blank=True, related_name="+", help_text="Which human rights is this about?"
    )
    related_principles = ParentalManyToManyField(
        "home.Principle", blank=True, related_name="+", help_text="Principles this story shows."
    )

    parent_page_types = ["chapters.StoryIndexPage"]
    subpage_types: list[str] = []

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("date"), FieldPanel("authors")]),
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading="Image"),
        FieldPanel("body"),
    ]
    tagging_panels = [
        FieldPanel("rights", widget=forms.CheckboxSelectMultiple),
        FieldPanel("related_principles"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Story"),
            ObjectList(tagging_panels, heading="Rights and principles"),
            ObjectList(Page.promote_panels, heading="Promote"),
            ObjectList(Page.settings_panels, heading="Settings"),
        ]
    )
    search_fields = ChapterContentPage.search_fields + [
        index.SearchField("authors"),
        index.FilterField("date"),
    ]

    class Meta:
        verbose_name = "story"
        verbose_name_plural = "stories"

    def clean(self):
        super().clean()
        if self.image_id and not self.image_alt.strip():
            raise ValidationError({"image_alt": "Describe the image for people who cannot see it."})

    def structured_data(self) -> dict:
        """schema.org Article, for search engines."""
        data = {
            "@context": "https://schema.org",
            "@type": "Article",
            "headline": self.title,
            "description": self.summary,
            "datePublished": self.date.isoformat(),
            "url": self.full_url,
            "inLanguage": language_of(self),
            "publisher": {"@type": "Organization", "name": self.get_parent().get_parent().title},
        }
        if self.authors:
            data["author"] = [
                {"@type": "Person", "name": name.strip()} for name in self.authors.split(",")
            ]
        return data

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["rights"] = in_active_locale(list(self.rights.all()))
        context["principles"] = in_active_locale(
            list(self.related_principles.select_related("principle_set"))
        )
        return context
