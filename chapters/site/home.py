from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, Site
from wagtail.search import index

from chapters.archive.models import ArchiveEntryPage
from chapters.content.sections import optional_file
from chapters.events.models import EventPage
from chapters.register.coordinates import coordinate_errors
from chapters.register.us_map import project
from chapters.register.us_states import STATE_CHOICES
from chapters.stories.models import StoryPage
from home.locales import (
    active_language,
    default_language,
    in_active_locale,
    language_of,
    pick_localized,
)
from home.models import BasePage, PrincipleSet, PrinciplesPage
from home.models.snippets import principles_by_set
from home.pagecache.remember import remembered
from home.publication import public_pages
from home.seo import organization_data
from home.sites import page_url

# The Alliance's name, in the reader's language (the catalogue: no query on every home).
ALLIANCE_NAME = _("US Human Rights Cities Alliance")


class ChapterHomePage(BasePage):
    """A chapter's home: the root page of the chapter's own site."""

    LOCALITY_TYPES = [
        ("city", _("City")),
        ("county", _("County")),
        ("rural", _("Rural community")),
        ("reservation", _("Tribal nation or reservation")),
        ("state", _("State")),
        ("region", _("Region")),
    ]
    STATUSES = [
        ("exploring", _("Exploring")),
        ("organizing", _("Organizing")),
        ("declared", _("Declared")),
    ]

    locality_type = models.CharField(
        max_length=20,
        choices=LOCALITY_TYPES,
        default="city",
        help_text="What kind of place the chapter organizes in.",
    )
    region = models.CharField(
        max_length=100,
        blank=True,
        help_text="The state or region, e.g. 'Oregon' or 'Great Lakes'.",
    )
    state = models.CharField(
        max_length=2,
        choices=STATE_CHOICES,
        blank=True,
        help_text="The US state (or territory) where the chapter organizes; places it on "
        "the Alliance's chapter map. Leave empty for a chapter spanning several states.",
    )
    status = models.CharField(
        max_length=20,
        choices=STATUSES,
        default="exploring",
        help_text="Exploring: a core group is forming. Organizing: public education and "
        "campaigns are under way. Declared: the community has made a public commitment.",
    )
    founded_year = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="The year the chapter's core group first met."
    )
    # The chapter's point on the network's map (chapters/register/us_map.py).
    latitude = models.FloatField(
        null=True,
        blank=True,
        help_text="Where the chapter's point goes on the network's map, e.g. 39.96.",
    )
    longitude = models.FloatField(
        null=True, blank=True, help_text="West is negative, e.g. -82.99 (Columbus, Ohio)."
    )
    cover_image = optional_file(
        "wagtailimages.Image",
        "Optional. A wide photograph or illustration at the top of the home page (cut to 2:1).",
    )
    cover_alt = models.CharField(
        "cover description",
        max_length=250,
        blank=True,
        help_text="What the cover shows, for people who cannot see it.",
    )

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "chapters.StoryIndexPage",
        "chapters.ArchiveIndexPage",
        "chapters.EventIndexPage",
        "home.StandardPage",
    ]

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("locality_type"), FieldPanel("region")]),
                FieldPanel("state"),
                FieldRowPanel([FieldPanel("status"), FieldPanel("founded_year")]),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading="Chapter profile",
        ),
        MultiFieldPanel([FieldPanel("cover_image"), FieldPanel("cover_alt")], heading="Cover"),
        InlinePanel(
            "principle_set_adoptions",
            heading="Principle sets the chapter has adopted",
            label="Adopted set",
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.FilterField("locality_type"),
        index.FilterField("status"),
        index.FilterField("state"),
    ]

    class Meta:
        verbose_name = "chapter home page"

    def clean(self):
        super().clean()
        errors = coordinate_errors(self.latitude, self.longitude)
        if self.cover_image_id and not self.cover_alt.strip():
            errors["cover_alt"] = "Describe the cover for people who cannot see it."
        if errors:
            raise ValidationError(errors)

    def map_point(self) -> tuple[float, float] | None:
        """Where the chapter is on the network's map (its SVG's coordinates), if known."""
        if self.latitude is None or self.longitude is None:
            return None
        return project(self.latitude, self.longitude)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["adopted_principle_sets"] = principles_by_set(
            self.adopted_sets(), localized_sets=True
        )
        context["principles_url"] = self.principles_url(request)
        context["latest_stories"] = self.public_descendants(StoryPage).order_by("-date")[:3]
        context["next_events"] = (
            self.public_descendants(EventPage)
            .filter(ends_at__gte=timezone.now())
            .order_by("starts_at")[:3]
        )
        context["archive_highlights"] = self.public_descendants(ArchiveEntryPage).order_by(
            "-first_published_at"
        )[:3]
        return context

    def adopted_sets(self) -> list[PrincipleSet]:
        """The adopted principle sets in adoption order, each in the reader's language
        where it is translated, else as adopted. One query: the sets and their
        translations together."""
        adoptions = self.principle_set_adoptions.all()
        if not isinstance(adoptions, models.QuerySet):  # a preview's unsaved choices
            chosen = [adoption.principle_set for adoption in adoptions]
            return in_active_locale(chosen)
        order = adoptions.filter(principle_set__translation_key=OuterRef("translation_key"))
        versions = (
            PrincipleSet.objects.filter(
                translation_key__in=adoptions.values("principle_set__translation_key")
            )
            .annotate(
                adopted_order=Subquery(order.order_by("sort_order").values("sort_order")[:1]),
                adopted=Exists(adoptions.filter(principle_set=OuterRef("pk"))),
            )
            .order_by("adopted_order", "pk")
        )
        active = active_language()
        chosen: dict = {}
        for version in versions:
            key = version.translation_key
            if version.adopted and key not in chosen or language_of(version) == active:
                chosen[key] = version
        return list(chosen.values())

    def principles_url(self, request) -> str:
        """The Alliance's principles page in the reader's language, where each adopted set
        is read in full (its section is `#set-<pk>`, templates/includes/principle_sets.html):
        the home lists the sets, not every principle. Found through the public gate once,
        then remembered until this site or the network changes, as the frame's links to
        the Alliance's pages are (no query on a warm page)."""
        site = Site.find_for_request(request)
        found = remembered(
            f"principles-page:{active_language()}",
            public_principles_page,
            site.hostname if site is not None else "",
        )
        return page_url(found, request) if found is not None else ""

    def public_descendants(self, model):
        return public_pages(model.objects.descendant_of(self))

    def structured_data(self) -> dict:
        """The chapter as a schema.org Organization, part of the Alliance, serving its area."""
        extra = {
            "parentOrganization": {"@type": "Organization", "name": str(ALLIANCE_NAME)},
        }
        area = self.region or self.get_state_display()
        if area:
            extra["areaServed"] = {"@type": "AdministrativeArea", "name": str(area)}
        return organization_data(self, **extra)


class PrincipleSetAdoption(Orderable):
    """A principle set a chapter has adopted; shown on its home page in every language."""

    page = ParentalKey(
        ChapterHomePage, on_delete=models.CASCADE, related_name="principle_set_adoptions"
    )
    principle_set = models.ForeignKey(
        PrincipleSet,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Choose one of the Alliance's shared principle sets.",
    )
    adopted_year = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="When the chapter adopted it, if known."
    )

    panels = [FieldPanel("principle_set"), FieldPanel("adopted_year")]


def public_principles_page() -> PrinciplesPage | None:
    """The public principles page in the reader's language, else the default's. One query."""
    languages = {active_language(), default_language()}
    pages = public_pages(PrinciplesPage.objects.filter(locale__language_code__in=languages))
    return next(iter(pick_localized(pages.order_by("pk"))), None)
