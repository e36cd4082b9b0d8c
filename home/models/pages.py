"""Base page classes, the Alliance home and the national pages."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home import citations
from home.blocks import BodyBlock
from home.forms import NetworkPageForm
from home.locales import active_language, default_language, in_active_locale
from home.params import query_choice, query_integer, query_text, query_year
from home.references import check_references
from home.routing import RoutedViewRestrictions
from home.seo import organization_data

from .snippets import PrincipleSet, Resource, ResourceTopic, principles_by_set


class BasePage(RoutedViewRestrictions, Page):
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

    def clean(self):
        super().clean()
        # Which images and documents this page may use (chapters.files.rules).
        check_references(self)


class AllianceHomePage(BasePage):
    """The national Alliance's home: the default site of the install."""

    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = "Alliance home page"

    def structured_data(self) -> dict:
        """The Alliance as a schema.org Organization."""
        return organization_data(self)


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


class ResourceLibraryPage(RoutablePageMixin, BasePage):
    """The shared library of readings and tools, as citations.

    Filter by topic, kind and year (GET `topic`, `kind`, `year`); export the
    filtered list at `export/bib/`, `export/ris/`, `export/json/` and one
    resource at `<id>/cite/bib/` (or `ris`, `json`).
    """

    parent_page_types = ["home.AllianceHomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    PER_PAGE = 20
    EXPORTS = {
        "bib": (citations.to_bibtex, "application/x-bibtex", "bib"),
        "ris": (citations.to_ris, "application/x-research-info-systems", "ris"),
        "json": (citations.to_csl_json, "application/vnd.citationstyles.csl+json", "json"),
    }

    @staticmethod
    def library_queryset():
        return Resource.objects.select_related("document").prefetch_related("topics")

    def default_resources(self):
        """The library's resources in the network's default language (one row per resource)."""
        return self.library_queryset().filter(locale__language_code=default_language())

    def filters(self, request) -> dict:
        """The valid filters of the request: topic slug, kind and year."""
        chosen = {}
        topic = query_text(request, "topic")
        if topic:
            chosen["topic"] = topic
        kind = query_choice(request, "kind", dict(Resource.KINDS))
        if kind:
            chosen["kind"] = kind
        year = query_year(request, "year")
        if year is not None:
            chosen["year"] = year
        return chosen

    def filtered_resources(self, request):
        resources = self.default_resources()
        chosen = self.filters(request)
        if "topic" in chosen:
            resources = resources.filter(topics__slug=chosen["topic"]).distinct()
        if "kind" in chosen:
            resources = resources.filter(kind=chosen["kind"])
        if "year" in chosen:
            resources = resources.filter(year=chosen["year"])
        return resources

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        paginator = Paginator(self.filtered_resources(request), self.PER_PAGE)
        try:
            items = paginator.page(query_integer(request, "page", minimum=1) or 1)
        except PageNotAnInteger:
            items = paginator.page(1)
        except EmptyPage:
            items = paginator.page(paginator.num_pages)
        items.object_list = in_active_locale(
            list(items.object_list), queryset=self.library_queryset()
        )
        default = default_language()
        topics = (
            ResourceTopic.objects.filter(content_object__locale__language_code=default)
            .values_list("tag__slug", "tag__name")
            .distinct()
            .order_by("tag__name")
        )
        years = (
            Resource.objects.filter(locale__language_code=default, year__isnull=False)
            .values_list("year", flat=True)
            .distinct()
            .order_by("-year")
        )
        chosen = self.filters(request)
        context.update(
            resources=items.object_list,
            items=items,
            topics=list(topics),
            kinds=Resource.KINDS,
            years=list(years),
            chosen_topic=chosen.get("topic", ""),
            chosen_kind=chosen.get("kind", ""),
            chosen_year=chosen.get("year"),
            export_query=_without_page(request.GET),
            cite_links=True,
        )
        return context

    def _export(self, resources, fmt: str, filename: str) -> HttpResponse:
        serialize, content_type, extension = self.EXPORTS[fmt]
        response = HttpResponse(serialize(resources), content_type=f"{content_type}; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{filename}.{extension}"'
        return response

    @path("export/<slug:fmt>/", name="export")
    def export(self, request, fmt: str):
        """The whole filtered list (not just one page of it)."""
        if fmt not in self.EXPORTS:
            raise Http404
        resources = in_active_locale(
            list(self.filtered_resources(request)), queryset=self.library_queryset()
        )
        return self._export(resources, fmt, self.slug or "resources")

    @path("<int:pk>/cite/<slug:fmt>/", name="cite")
    def cite(self, request, pk: int, fmt: str):
        """One resource, as shown on the page: in the reader's language or the default."""
        if fmt not in self.EXPORTS:
            raise Http404
        default = default_language()
        resource = get_object_or_404(
            self.library_queryset(),
            pk=pk,
            locale__language_code__in={default, active_language()},
            translation_key__in=Resource.objects.filter(locale__language_code=default).values(
                "translation_key"
            ),
        )
        return self._export([resource], fmt, citations.citation_key(resource))


def _without_page(query) -> str:
    """The query string (with its '?') minus the page number, for the export links."""
    query = query.copy()
    query.pop("page", None)
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else ""
