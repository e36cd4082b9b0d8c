"""The truth-telling archive: testimonies, oral histories, documents, photographs.

An entry is public only when it is live *and* its consent record allows it:
consent given, public scope, embargo passed. `ArchiveEntryPage.public_q` is
that rule; it is registered with home.publication, so every public route
applies it through `public_pages`.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.documents import get_document_model
from wagtail.fields import RichTextField
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.search import index

from chapters.archive.access import entry_visible_to, indexable_q, visible_entries
from chapters.archive.consent_records import ConsentRecord, consent_of, entry_consent_q
from chapters.archive.panels import ConsentPanel
from chapters.content.feeds import listing_feed
from chapters.content.rights import RightsAndPrinciplesMixin, right_filter
from chapters.content.sections import (
    ChapterContentPage,
    ChapterSectionPage,
    edit_tabs,
    optional_file,
    paginate,
    public_children,
)
from home.forms import NetworkPageForm
from home.locales import in_active_locale
from home.params import query_choice, query_year
from home.publication import is_public, public_pages

TRANSCRIPT_NEEDED = "An audio or video recording needs a transcript before it can be published."


class ArchiveEntryForm(NetworkPageForm):
    """Tells the editor, on the form, why a recording without transcript cannot go live:
    when they publish (now or scheduled), submit it for moderation or approve it. A
    draft saves without one: the transcript is often typed after the recording."""

    def clean(self):
        cleaned = super().clean()
        approving = "action-workflow-action" in self.data and (
            self.data.get("workflow-action-name") == "approve"
        )
        publishing = approving or "action-publish" in self.data or "action-submit" in self.data
        if publishing and cleaned.get("media_url") and not _has_text(cleaned.get("transcript")):
            self.add_error("transcript", TRANSCRIPT_NEEDED)
        return cleaned


def _has_text(html: str | None) -> bool:
    return bool(strip_tags(html or "").strip())


def needs_transcript(entry) -> bool:
    """A recording without a transcript: it may be saved as a draft, never published."""
    return bool(entry.media_url) and not _has_text(entry.transcript)


def refuse_publishing_without_transcript(sender, instance, raw=False, update_fields=None, **kw):
    """pre_save of an entry: every path that publishes (the editor, bulk publish, a
    scheduled publish, a workflow approval, code) saves the whole page with `live`
    set; a draft (`save_revision`) saves only a few fields and is not refused. An
    entry already live with this very recording and transcript is left alone, so
    no unrelated save (a move, unpublishing) is blocked by an old entry."""
    if raw or update_fields is not None or not instance.live or not needs_transcript(instance):
        return
    stored = None
    if instance.pk is not None:
        stored = sender.objects.filter(pk=instance.pk).values_list(
            "live", "media_url", "transcript"
        )
        stored = stored.first()
    if stored == (True, instance.media_url, instance.transcript):
        return
    raise ValidationError({"transcript": [TRANSCRIPT_NEEDED]})


def not_public_reason(consent) -> str:
    """Why the public does not see a live entry, in the admin's words."""
    if consent is None:
        return pgettext("page status", "live · no consent")
    if consent.status != ConsentRecord.GIVEN:
        return pgettext("page status", "live · consent pending")
    if consent.scope != "public":
        return pgettext("page status", "live · members only")
    if consent.embargo_until and consent.embargo_until > timezone.now():
        return pgettext("page status", "live · embargoed")
    return pgettext("page status", "live · not public")


def archive_feed(page, request, entries) -> HttpResponse:
    """An RSS feed of archive entries: title, summary and link, never narrators,
    transcript or files, which stay behind the entry's own page and its content
    warning. A warning, if any, comes before the summary.
    """

    def describe(entry) -> dict:
        return {"description": entry.warned_summary, "pubdate": entry.first_published_at}

    response = listing_feed(page, request, entries, describe)
    # Consent can be withdrawn at any moment: a shared cache must ask again.
    response["Cache-Control"] = "no-cache"
    return response


class ArchiveIndexPage(RoutablePageMixin, ChapterSectionPage):
    """The chapter's archive; lists only entries whose consent allows the public to see them.

    Its RSS feed at feed/ lists only public entries whose narrators also agreed to feeds.
    """

    subpage_types = ["chapters.ArchiveEntryPage"]

    def feed_entries(self):
        entries = ArchiveEntryPage.objects.child_of(self)
        return public_pages(entries, channel="feeds").order_by("-first_published_at", "-pk")

    @path("feed/")
    def feed(self, request):
        return archive_feed(self, request, self.feed_entries())

    def entries(self, user=None):
        """Public entries; for a logged-in reader, also those shared with their chapter."""
        if user is None or not user.is_authenticated:
            return public_children(self, ArchiveEntryPage)

        return visible_entries(ArchiveEntryPage.objects.child_of(self), user)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        entries, right_context = right_filter(request, self.entries(request.user))
        kind = query_choice(request, "kind", dict(ArchiveEntryPage.KINDS))
        if kind:
            entries = entries.filter(kind=kind)
        decade = query_year(request, "decade")
        if decade is not None:
            start = decade
            # An entry speaks of a decade if its period overlaps it.
            entries = entries.filter(period_start__lte=start + 9).filter(
                Q(period_end__gte=start) | Q(period_end__isnull=True, period_start__gte=start)
            )
        starts = self.entries().values_list("period_start", flat=True)
        context.update(
            entries=paginate(request, entries.order_by("period_start", "title")),
            **right_context,
            kinds=ArchiveEntryPage.KINDS,
            chosen_kind=kind,
            decades=sorted({year // 10 * 10 for year in starts}),
            chosen_decade=decade,
        )
        return context


class ArchiveEntryPage(RightsAndPrinciplesMixin, ChapterContentPage):
    KINDS = [
        ("testimony", _("Testimony")),
        ("oral_history", _("Oral history")),
        ("document", _("Document")),
        ("photograph", _("Photograph")),
        ("artwork", _("Artwork")),
        ("timeline_event", _("Timeline event")),
    ]
    # Kinds a person tells (a testimony, an oral history); the others are made or kept.
    TOLD_KINDS = {"testimony", "oral_history"}

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
    document = optional_file(
        "wagtaildocs.Document", "A scan or file, uploaded to this chapter's collection."
    )
    content_warning = models.CharField(
        max_length=255,
        blank=True,
        help_text="If the entry speaks of violence, loss or other harm, say so briefly. "
        "It is shown before the content, with the chapter's support resources.",
    )
    image = optional_file(
        "wagtailimages.Image",
        "A photograph or scan, uploaded to this chapter's archive collection "
        "(private until the entry and the image both have consent).",
    )
    blur_images = models.BooleanField(
        default=False,
        help_text="Blur the entry's images until the reader chooses to see them.",
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
            [
                FieldPanel("media_url"),
                FieldPanel("transcript"),
                FieldPanel("image"),
                FieldPanel("blur_images"),
                FieldPanel("document"),
            ],
            heading="Recording, transcript and files",
        ),
        FieldPanel("body"),
    ]
    consent_panels = [ConsentPanel()]
    edit_handler = edit_tabs(
        ("Entry", content_panels),
        ("Consent", consent_panels),
        RightsAndPrinciplesMixin.tagging_tab,
    )
    search_fields = ChapterContentPage.search_fields + [
        index.SearchField("transcript"),
        index.SearchField("place"),
        index.FilterField("kind"),
    ]

    class Meta:
        verbose_name = "archive entry"
        verbose_name_plural = "archive entries"

    is_archive_entry = True  # archive_tags: its images go through consent (and a blur)

    @property
    def warned_summary(self) -> str:
        """The summary, after the content warning if there is one: wherever a summary
        is shown away from the entry's page (the feed, the API), the warning comes first."""
        if not self.content_warning:
            return self.summary
        warning = pgettext("feed", "Content warning: %(warning)s") % {
            "warning": self.content_warning
        }
        return f"{warning}\n\n{self.summary}"

    @property
    def share_description(self) -> str:
        """Share cards lead with the content warning, as the page does."""
        if self.content_warning:
            return _("Content warning: %(warning)s") % {"warning": self.content_warning}
        return ""

    @property
    def meta_description(self) -> str:
        """What search engines and previews may say of the entry: what a reader meets first.

        With a content warning, the page shows only the warning until the reader
        chooses to go on, so the description is the warning (and the editor's
        search description, written to be public), never the summary.
        """
        if not self.content_warning:
            return self.search_description or self.summary
        warning = self.share_description
        if self.search_description:
            ending = "" if warning.endswith((".", "!", "?")) else "."
            return f"{warning}{ending} {self.search_description}"
        return warning

    def lead_image(self) -> None:
        """None: an entry's images are behind consent and maybe a blur, so never on a share
        card or in structured data."""
        return None

    @staticmethod
    def public_q(channel: str = "web") -> Q:
        """Its consent record is in force for the public on `channel` (see consent.py)."""
        return entry_consent_q("public", channel)

    @cached_property
    def consent(self) -> "ConsentRecord | None":
        """The entry's consent record (shared by all its translations), or None."""
        return consent_of(self)

    @property
    def status_string(self):
        """The admin's status tag: an entry the public cannot see (the shared public
        query) says why, never "live"; a withdrawn one says so, not "draft"."""
        consent = self.consent
        if consent is not None and consent.status == ConsentRecord.WITHDRAWN:
            return pgettext("page status", "consent withdrawn")
        if not self.live or is_public(self):
            return super().status_string
        return not_public_reason(consent)

    def files(self) -> list:
        """The images and documents the entry shows: its own fields and its body's blocks."""
        media = (get_image_model(), get_document_model())
        files = [item for item in (self.image, self.document) if item is not None]
        for block in self.body:
            value = block.value
            get = getattr(value, "get", lambda _key: None)
            for item in (value, get("image"), get("document")):
                if isinstance(item, media) and item not in files:
                    files.append(item)
        return files

    @classmethod
    def get_indexed_objects(cls):
        # Only entries the public may find are in the search index: live, with
        # consent in force for the public web (an embargo still running is
        # checked when searching, so it ends without a job to reindex).

        return super().get_indexed_objects().filter(indexable_q())

    def clean(self):
        errors: dict = {}
        try:
            # The media rules too: an entry's own files come from its chapter's
            # private archive (chapters.files.rules).
            super().clean()
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if self.period_end and self.period_end < self.period_start:
            errors.setdefault("period_end", []).append("The period cannot end before it starts.")
        if errors:
            raise ValidationError(errors)

    def serve(self, request, *args, **kwargs):
        # Editors preview any state; readers only see what the shared gate allows them.

        checked = getattr(request, "consent_gate_passed", None) == self.pk
        preview = getattr(request, "is_preview", False)
        if not (preview or checked or entry_visible_to(self, request.user)):
            raise Http404
        response = super().serve(request, *args, **kwargs)
        # Behind a content warning, each reader chooses to go on: never a shared copy.
        # A public entry may be cached: a withdrawal purges it in the same request.
        if self.content_warning:
            response["Cache-Control"] = "private, no-cache"
        return response

    def period(self) -> str:
        if self.period_end and self.period_end != self.period_start:
            return f"{self.period_start}–{self.period_end}"
        return str(self.period_start)

    # Editors preview what a reader meets first as well as the entry itself.
    preview_modes = [("", "Entry"), ("warning", "Content warning, as readers first see it")]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # With a content warning, the content is rendered only once the reader
        # chooses to continue: a plain link (?continue=1), no script needed.
        if getattr(request, "is_preview", False):
            chosen = getattr(request, "preview_mode", "") != "warning"
        else:
            chosen = request.GET.get("continue") == "1"
        context["show_content"] = not self.content_warning or chosen
        context["images_blurred"] = self.blur_images and request.GET.get("show_images") != "1"
        if not context["show_content"]:
            context["archive"] = in_active_locale([self.get_parent()], queryset=public_pages())[0]
            return context
        context.update(self.tags_context())
        # A member reading an entry shared with the chapter only is told so.
        consent = self.consent
        context["members_only"] = consent is not None and consent.scope == "members"
        return context
