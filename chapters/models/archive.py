"""The truth-telling archive: testimonies, oral histories, documents, photographs.

An entry is public only when it is live *and* its consent record allows it:
consent given, public scope, embargo passed. `ArchiveEntryPage.public_q` is
that rule; it is registered with home.publication, so every public route
applies it through `public_pages`.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.http import Http404
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from home.forms import NetworkPageForm
from home.locales import in_active_locale
from home.publication import is_public

from .sections import (
    ChapterContentPage,
    ChapterSectionPage,
    paginate,
    public_children,
    right_filter,
)

TRANSCRIPT_NEEDED = "An audio or video recording needs a transcript before it can be published."


class ArchiveEntryForm(NetworkPageForm):
    """Tells the editor, on the form, why a recording without transcript cannot go live."""

    def clean(self):
        cleaned = super().clean()
        publishing = "action-publish" in self.data or "action-submit" in self.data
        if publishing and cleaned.get("media_url") and not _has_text(cleaned.get("transcript")):
            self.add_error("transcript", TRANSCRIPT_NEEDED)
        return cleaned


def _has_text(html: str | None) -> bool:
    return bool(strip_tags(html or "").strip())


class ArchiveIndexPage(ChapterSectionPage):
    """The chapter's archive; lists only entries whose consent allows the public to see them."""

    subpage_types = ["chapters.ArchiveEntryPage"]

    def entries(self):
        return public_children(self, ArchiveEntryPage)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        entries, rights, chosen_right = right_filter(request, self.entries())
        kind = request.GET.get("kind", "")
        if kind in dict(ArchiveEntryPage.KINDS):
            entries = entries.filter(kind=kind)
        decade = request.GET.get("decade", "")
        if decade.isdigit():
            start = int(decade)
            # An entry speaks of a decade if its period overlaps it.
            entries = entries.filter(period_start__lte=start + 9).filter(
                Q(period_end__gte=start) | Q(period_end__isnull=True, period_start__gte=start)
            )
        starts = self.entries().values_list("period_start", flat=True)
        context.update(
            entries=paginate(request, entries.order_by("period_start", "title")),
            rights=rights,
            chosen_right=chosen_right,
            kinds=ArchiveEntryPage.KINDS,
            chosen_kind=kind,
            decades=sorted({year // 10 * 10 for year in starts}),
            chosen_decade=decade,
        )
        return context


class ArchiveEntryPage(ChapterContentPage):
    KINDS = [
        ("testimony", _("Testimony")),
        ("oral_history", _("Oral history")),
        ("document", _("Document")),
        ("photograph", _("Photograph")),
        ("artwork", _("Artwork")),
        ("timeline_event", _("Timeline event")),
    ]
    CONSENT_STATUSES = [
        ("pending", "Pending: not yet confirmed"),
        ("given", "Given"),
        ("withdrawn", "Withdrawn"),
    ]
    CONSENT_SCOPES = [
        ("public", "The public"),
        ("members", "Chapter members only"),
    ]

    kind = models.CharField(max_length=20, choices=KINDS, default="testimony")
    period_start = models.PositiveSmallIntegerField(
        help_text="The year the entry speaks of (or the first year of a period)."
    )
    period_end = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="The last year of the period, if it is more than one."
    )
    place = models.CharField(max_length=200, blank=True, help_text="Where it happened.")
    narrators = models.CharField(
        max_length=255,
        blank=True,
        help_text="Who tells it, as they want to be named. A pseudonym is fine and often wise.",
    )
    narrator_is_pseudonym = models.BooleanField(
        default=False, help_text="Say so on the page: the name shown is not the real one."
    )
    transcript = RichTextField(
        blank=True,
        features=["bold", "italic", "ol", "ul"],
        help_text="Required for audio or video before publishing.",
    )
    media_url = models.URLField(
        blank=True, help_text="A link to the audio or video recording (YouTube, Vimeo…)."
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="A scan or file, uploaded to this chapter's collection.",
    )
    content_warning = models.CharField(
        max_length=255,
        blank=True,
        help_text="If the entry speaks of violence, loss or other harm, say so briefly. "
        "It is shown before the content, with the chapter's support resources.",
    )
    rights = ParentalManyToManyField("home.Right", blank=True, related_name="+")
    related_principles = ParentalManyToManyField("home.Principle", blank=True, related_name="+")
    consent_status = models.CharField(
        max_length=10,
        choices=CONSENT_STATUSES,
        default="pending",
        help_text="Only entries with consent given are ever shown to the public.",
    )
    consent_scope = models.CharField(
        max_length=10,
        choices=CONSENT_SCOPES,
        default="members",
        help_text="Who the narrator agreed may see it.",
    )
    embargo_until = models.DateTimeField(
        null=True,
        blank=True,
        help_text="If the narrator asked to wait, the entry stays hidden until this moment.",
    )

    parent_page_types = ["chapters.ArchiveIndexPage"]
    subpage_types: list[str] = []
    base_form_class = ArchiveEntryForm

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("content_warning"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("place")]),
        FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")]),
        FieldRowPanel([FieldPanel("narrators"), FieldPanel("narrator_is_pseudonym")]),
        MultiFieldPanel(
            [FieldPanel("media_url"), FieldPanel("transcript"), FieldPanel("document")],
            heading="Recording, transcript and files",
        ),
        FieldPanel("body"),
    ]
    consent_panels = [
        FieldRowPanel([FieldPanel("consent_status"), FieldPanel("consent_scope")]),
        FieldPanel("embargo_until"),
    ]
    tagging_panels = [
        FieldPanel("rights", widget=forms.CheckboxSelectMultiple),
        FieldPanel("related_principles"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Entry"),
            ObjectList(consent_panels, heading="Consent"),
            ObjectList(tagging_panels, heading="Rights and principles"),
            ObjectList(Page.promote_panels, heading="Promote"),
            ObjectList(Page.settings_panels, heading="Settings"),
        ]
    )
    search_fields = ChapterContentPage.search_fields + [
        index.SearchField("transcript"),
        index.SearchField("place"),
        index.FilterField("kind"),
        index.FilterField("consent_status"),
    ]

    class Meta:
        verbose_name = "archive entry"
        verbose_name_plural = "archive entries"

    @staticmethod
    def public_q() -> Q:
        """Consent given, for the public, and no embargo still running (checked at query time)."""
        return Q(consent_status="given", consent_scope="public") & (
            Q(embargo_until__isnull=True) | Q(embargo_until__lte=timezone.now())
        )

    def clean(self):
        super().clean()
        errors = {}
        if self.period_end and self.period_end < self.period_start:
            errors["period_end"] = "The period cannot end before it starts."
        if self.live and self.media_url and not _has_text(self.transcript):
            errors["transcript"] = TRANSCRIPT_NEEDED
        if errors:
            raise ValidationError(errors)

    def serve(self, request, *args, **kwargs):
        # Editors preview any state; the public only sees what the shared gate allows.
        if not getattr(request, "is_preview", False) and not is_public(self):
            raise Http404
        return super().serve(request, *args, **kwargs)

    def period(self) -> str:
        if self.period_end and self.period_end != self.period_start:
            return f"{self.period_start}–{self.period_end}"
        return str(self.period_start)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["rights"] = in_active_locale(list(self.rights.all()))
        context["principles"] = in_active_locale(
            list(self.related_principles.select_related("principle_set"))
        )
        return context
