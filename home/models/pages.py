"""Base page classes, the Alliance home and the national pages."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import BodyBlock
from home.forms import NetworkPageForm
from home.locales import default_language, in_active_locale

from .snippets import PrincipleSet, Resource, principles_by_set


class BasePage(Page):
    """What every content page of the network has: an intro and a body."""

    intro = models.TextField(
        blank=True,
        help_text="One or two sentences under the title; also used in listings and search.",
    )
    body = StreamField(BodyBlock(), blank=True, use_json_field=True)

    base_form_class = NetworkPageForm
    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    class Meta:
        abstract = True


class AllianceHomePage(BasePage):
    """The national Alliance's home: the default site of the install."""

    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = "Alliance home page"


class StandardPage(BasePage):
    """An ordinary page: about, FAQ, what a human rights city is."""

    parent_page_types = [
        "home.AllianceHomePage",
        "home.StandardPage",
        "chapters.ChapterHomePage",
    ]


class PrinciplesPage(BasePage):
    """Every shared principle set, in the reader's language."""

    parent_page_types = ["home.AllianceHomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        default_sets = PrincipleSet.objects.filter(locale__language_code=default_language())
        context["principle_sets"] = principles_by_set(default_sets)
        return context


class ResourceLibraryPage(BasePage):
    """The shared library of readings and tools, as citations."""

    parent_page_types = ["home.AllianceHomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        resources = Resource.objects.prefetch_related("topics")
        context["resources"] = in_active_locale(
            list(resources.filter(locale__language_code=default_language())), queryset=resources
        )
        return context
