"""What every section of a chapter (stories, archive, events) shares."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.db.models import QuerySet
from django.utils.functional import cached_property
from wagtail.admin.panels import ObjectList, TabbedInterface
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from chapters.content import structured_data
from home.blocks import BodyBlock
from home.forms import NetworkPageForm
from home.models import BasePage
from home.params import query_integer
from home.publication import public_pages
from home.references import check_references
from home.routing import RoutedViewRestrictions

PER_PAGE = 10


class ChapterSectionPage(BasePage):
    parent_page_types = ["chapters.ChapterHomePage"]
    max_count_per_parent = 1

    class Meta:
        abstract = True


def paginate(request, items: QuerySet, per_page: int = PER_PAGE, count: int | None = None):
    """The reader's page of `items`; `count`, when known already (a remembered count of
    the network's, home/pagecache/remember.py), spares the paginator its COUNT query."""
    paginator = Paginator(items, per_page)
    if count is not None:
        paginator.count = count  # a cached property: set, it is not counted again
    try:
        return paginator.page(query_integer(request, "page", minimum=1) or 1)
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)


def public_children(index: Page, model) -> QuerySet:
    return public_pages(model.objects.child_of(index))


def edit_tabs(*tabs: tuple[str, list]) -> TabbedInterface:
    """A content page's editor: its own tabs, as (heading, panels), then Promote and Settings."""
    own = [ObjectList(panels, heading=heading) for heading, panels in tabs]
    return TabbedInterface(
        [
            *own,
            ObjectList(Page.promote_panels, heading="Promote"),
            ObjectList(Page.settings_panels, heading="Settings"),
        ]
    )


def optional_file(model: str, help_text: str) -> models.ForeignKey:
    """An image or document a content page may show ("wagtailimages.Image",
    "wagtaildocs.Document"). Deleting the file empties the field and keeps the page."""
    return models.ForeignKey(
        model,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=help_text,
    )


class ChapterContentPage(RoutedViewRestrictions, Page):
    """A story, event or archive entry: a summary for listings and feeds, then a body."""

    summary = models.TextField(
        help_text="Two or three sentences shown in listings, feeds and search results."
    )
    body = StreamField(BodyBlock(), blank=True, use_json_field=True)

    base_form_class = NetworkPageForm
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
    ]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        # Which images and documents this page may use (chapters.files.rules).
        check_references(self)

    def lead_image(self) -> tuple | None:
        """(image, description) for share cards and structured data, or None."""
        return structured_data.lead_image(self)

    @cached_property
    def share_image(self) -> dict | None:
        """The lead image for og:image and schema.org: {"url": absolute, "alt": ...}, or None."""
        return structured_data.share_image(self)
