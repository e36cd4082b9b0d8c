"""What every section of a chapter (stories, archive, events) shares."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.db.models import QuerySet
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import BodyBlock
from home.forms import NetworkPageForm
from home.locales import localized
from home.models import BasePage, Right
from home.publication import public_pages
from home.references import check_references

PER_PAGE = 10
# How many items a feed (RSS, Atom) carries.
FEED_ITEMS = 20


class ChapterSectionPage(BasePage):
    parent_page_types = ["chapters.ChapterHomePage"]
    max_count_per_parent = 1

    class Meta:
        abstract = True


def paginate(request, items: QuerySet, per_page: int = PER_PAGE):
    paginator = Paginator(items, per_page)
    try:
        return paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)


def right_filter(request, items: QuerySet) -> tuple[QuerySet, list, str]:
    """Filter by the `right` query parameter (a Right's slug, the same in every language).

    Returns the filtered items, every right in the reader's language for the
    filter form, and the chosen slug.
    """
    chosen = request.GET.get("right", "")
    rights = localized(Right.objects.all())
    if chosen:
        items = items.filter(rights__slug=chosen).distinct()
    return items, rights, chosen


def public_children(index: Page, model) -> QuerySet:
    return public_pages(model.objects.child_of(index))


class ChapterContentPage(Page):
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
        # Which images and documents this page may use (chapters.media.rules).
        check_references(self)
