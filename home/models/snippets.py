"""Shared snippets the Alliance writes once and every chapter uses.

All of them are translatable: a chapter page refers to the snippet, never a
copy, and renders the translation in the reader's language.
"""

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import TranslatableMixin
from wagtail.search import index

from home.locales import in_active_locale, localized
from home.references import check_references


class PrincipleSet(TranslatableMixin, index.Indexed, models.Model):
    title = models.CharField(max_length=200)
    short_title = models.CharField(
        max_length=80,
        blank=True,
        help_text="A short name for menus and filters, e.g. 'Jemez Principles'.",
    )
    source = models.CharField(
        max_length=255,
        help_text="Who adopted it, where and when, e.g. 'Jemez, New Mexico, 1996'.",
    )
    year = models.PositiveSmallIntegerField(help_text="The year the set was adopted.")
    description = RichTextField(
        features=["bold", "italic", "link"],
        blank=True,
        help_text="What the set is and why the network uses it.",
    )
    sort_order = models.PositiveSmallIntegerField(
        default=0, help_text="Sets are listed from the lowest number up."
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("short_title"),
        FieldRowPanel([FieldPanel("source"), FieldPanel("year"), FieldPanel("sort_order")]),
        FieldPanel("description"),
    ]
    search_fields = [
        index.SearchField("title"),
        index.AutocompleteField("title"),
        index.FilterField("locale"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order", "title"]
        verbose_name = "principle set"

    def __str__(self) -> str:
        return self.title

    @property
    def label(self) -> str:
        return self.short_title or self.title


class Principle(TranslatableMixin, index.Indexed, models.Model):
    principle_set = models.ForeignKey(
        PrincipleSet,
        on_delete=models.PROTECT,
        related_name="principles",
        help_text="The set this principle belongs to.",
    )
    sort_order = models.PositiveSmallIntegerField(
        default=0, help_text="Its number within the set; principles are listed in this order."
    )
    title = models.CharField(max_length=200, help_text="A short name for the principle.")
    statement = models.TextField(help_text="The principle itself, in one or a few sentences.")
    commentary = RichTextField(
        features=["bold", "italic", "link", "ul", "ol"],
        blank=True,
        help_text="Optional: what it means in practice for a chapter.",
    )

    panels = [
        FieldRowPanel([FieldPanel("principle_set"), FieldPanel("sort_order")]),
        FieldPanel("title"),
        FieldPanel("statement"),
        FieldPanel("commentary"),
    ]
    search_fields = [
        index.SearchField("title"),
        index.SearchField("statement"),
        index.AutocompleteField("title"),
        index.AutocompleteField("statement"),
        index.FilterField("locale"),
        index.FilterField("principle_set"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["principle_set__sort_order", "sort_order"]

    def __str__(self) -> str:
        return self.title


class Right(TranslatableMixin, index.Indexed, models.Model):
    """A human right in the taxonomy that stories, archive entries and events are tagged with."""

    # The instruments' names in the reader's language (the article is the Right's own
    # translatable text: "Article 25" / "Artículo 25").
    INSTRUMENTS = [
        ("UDHR", gettext_lazy("Universal Declaration of Human Rights")),
        ("ICCPR", gettext_lazy("International Covenant on Civil and Political Rights")),
        ("ICESCR", gettext_lazy("International Covenant on Economic, Social and Cultural Rights")),
        (
            "ICERD",
            gettext_lazy(
                "International Convention on the Elimination of All Forms of Racial Discrimination"
            ),
        ),
        (
            "CEDAW",
            gettext_lazy(
                "Convention on the Elimination of All Forms of Discrimination against Women"
            ),
        ),
        ("CRC", gettext_lazy("Convention on the Rights of the Child")),
        ("CRPD", gettext_lazy("Convention on the Rights of Persons with Disabilities")),
        ("UNDRIP", gettext_lazy("UN Declaration on the Rights of Indigenous Peoples")),
        ("UNGA", gettext_lazy("UN General Assembly resolution")),
    ]

    name = models.CharField(max_length=120, help_text="e.g. 'Right to housing'.")
    slug = models.SlugField(
        max_length=120,
        help_text="Used in addresses, e.g. 'housing'. The same in every language.",
    )
    description = models.TextField(blank=True, help_text="One or two plain sentences.")
    instrument = models.CharField(max_length=10, choices=INSTRUMENTS)
    article = models.CharField(
        max_length=60, help_text="Where in the instrument, e.g. 'Article 25' or 'Res. 64/292'."
    )
    sort_order = models.PositiveSmallIntegerField(default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("instrument"), FieldPanel("article")]),
        FieldPanel("sort_order"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("description"),
        index.AutocompleteField("name"),
        index.AutocompleteField("description"),
        index.FilterField("locale"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order", "name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self) -> str:
        return self.name

    @property
    def source(self) -> str:
        return f"{self.get_instrument_display()}, {self.article}"


class Resource(TranslatableMixin, index.Indexed, ClusterableModel):
    """A citable reading or tool in the shared resource library."""

    KINDS = [
        ("book", "Book"),
        ("chapter", "Book chapter"),
        ("article", "Article"),
        ("report", "Report"),
        ("principles", "Statement of principles"),
        ("toolkit", "Toolkit or guide"),
        ("web", "Web page"),
        ("video", "Video"),
    ]

    title = models.CharField(max_length=255)
    authors = models.CharField(
        max_length=255,
        blank=True,
        help_text="Family name, given name; separate several with ';'. "
        "Leave empty for an organization's own statement.",
    )
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    kind = models.CharField(max_length=20, choices=KINDS, default="article")
    container_title = models.CharField(
        max_length=255,
        blank=True,
        help_text="The book, report or periodical it appears in.",
    )
    editors = models.CharField(
        max_length=255, blank=True, help_text="Editors of the container, as 'Family, Given; …'."
    )
    pages = models.CharField(max_length=40, blank=True, help_text="e.g. '17-22'.")
    publisher = models.CharField(max_length=255, blank=True)
    place = models.CharField(max_length=120, blank=True, help_text="Place of publication.")
    url = models.URLField(blank=True, help_text="A link to read it online, if there is one.")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Or upload the document itself (only if the network may share it).",
    )
    summary = models.TextField(blank=True, help_text="Why a chapter would read this.")
    topics = ClusterTaggableManager(through="home.ResourceTopic", blank=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("authors"),
        FieldRowPanel([FieldPanel("year"), FieldPanel("kind")]),
        MultiFieldPanel(
            [
                FieldPanel("container_title"),
                FieldPanel("editors"),
                FieldPanel("pages"),
                FieldRowPanel([FieldPanel("publisher"), FieldPanel("place")]),
            ],
            heading="Where it appears",
        ),
        MultiFieldPanel([FieldPanel("url"), FieldPanel("document")], heading="Read it"),
        FieldPanel("summary"),
        FieldPanel("topics"),
    ]
    search_fields = [
        index.SearchField("title"),
        index.SearchField("authors"),
        index.SearchField("summary"),
        index.AutocompleteField("title"),
        index.AutocompleteField("authors"),
        index.AutocompleteField("summary"),
        index.FilterField("locale"),
        index.FilterField("kind"),
        index.FilterField("year"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["-year", "title"]

    def __str__(self) -> str:
        return self.title

    def clean(self):
        super().clean()
        # A shared resource's document comes from the Alliance's shared media.
        check_references(self)

    def author_list(self) -> list[str]:
        return [name.strip() for name in self.authors.split(";") if name.strip()]

    def citation(self) -> str:
        """A plain-text citation in the author-date style the Alliance uses."""
        parts = []
        authors = self.author_list()
        if authors:
            # Translators: joins the authors of a citation, e.g. "Doe, Jane and Roe, Sam".
            conjunction = pgettext("citation", "and")
            parts.append(f" {conjunction} ".join(authors) + ".")
        if self.year:
            parts.append(f"{self.year}.")
        if self.container_title:
            parts.append(f"“{self.title}.”")
            if self.pages:
                container = _("Pp. %(pages)s in %(container)s") % {
                    "pages": self.pages,
                    "container": self.container_title,
                }
            else:
                container = _("In %(container)s") % {"container": self.container_title}
            if self.editors:
                container += _(", edited by %(editors)s") % {"editors": self.editors}
            parts.append(f"{container}.")
        else:
            parts.append(f"{self.title}.")
        where = ": ".join(p for p in [self.place, self.publisher] if p)
        if where:
            parts.append(f"{where}.")
        return " ".join(parts)


class ResourceTopic(TaggedItemBase):
    content_object = ParentalKey(Resource, on_delete=models.CASCADE, related_name="tagged_items")


def principles_by_set(
    sets: list[PrincipleSet], localized_sets: bool = False
) -> list[tuple[PrincipleSet, list[Principle]]]:
    """Each set with its principles, both in the reader's language.

    A principle not yet translated shows in the default language, so a chapter
    page never loses a principle. Two queries whatever the number of sets, one
    if the sets are already in the reader's language where they can be
    (`localized_sets`).
    """
    sets = list(sets) if localized_sets else in_active_locale(list(sets))
    if not sets:
        return []
    principles = localized(
        Principle.objects.filter(
            principle_set__translation_key__in=[s.translation_key for s in sets]
        ).select_related("principle_set")
    )
    grouped: dict = {s.translation_key: [] for s in sets}
    for principle in principles:
        grouped[principle.principle_set.translation_key].append(principle)
    return [(s, sorted(grouped[s.translation_key], key=lambda p: p.sort_order)) for s in sets]
