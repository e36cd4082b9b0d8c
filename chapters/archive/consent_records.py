"""Consent as data: who agreed to what, for an archive entry and for each file in it.

A consent record is not page content. It lives outside the page and its
revisions, so a withdrawal takes effect at once (no publishing), an old
revision can never bring consent back, and the narrator's real name and the
signed consent document never enter a page's revisions or previews.

One record covers an entry in every language (it is matched through the
entry's `translation_key`). A record with an image or a document covers that
one file as used in the entry. Without a record nothing is public: the
default is to deny.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Now
from wagtail.images import get_image_model

from home.references import check_references
from network_site.storage import private_storage

CHANNELS = ["web", "feeds", "api", "print"]


# Before consent records, each translation of an entry had its own consent fields.
STRICTNESS = {"given": 0, "pending": 1, "withdrawn": 2}


def strictest_consent(fields: list[tuple[str, str, object]]) -> dict:
    """One record's status, scope and embargo from translations' former (status, scope,
    embargo) fields: the strictest, so a translation withdrawn or still pending keeps
    every language hidden, members-only beats public and the latest embargo wins.
    (Used by migration 0009 and by importing a version 1 chapter export.)"""
    return {
        # An unknown status counts as strictest (and is then refused by validation).
        "status": max((f[0] for f in fields), key=lambda s: STRICTNESS.get(s, len(STRICTNESS))),
        "scope": "public" if all(scope == "public" for _, scope, _ in fields) else "members",
        "embargo_until": max((embargo for _, _, embargo in fields if embargo), default=None),
    }


def file_kind(item) -> str:
    """The record's field for a file: "image" or "document"."""
    return "image" if isinstance(item, get_image_model()) else "document"


class ConsentRecordQuerySet(models.QuerySet):
    def for_entry(self) -> "ConsentRecordQuerySet":
        """Records about an entry as a whole (not one of its files)."""
        return self.filter(image__isnull=True, document__isnull=True)

    def about_entry(self, entry) -> "ConsentRecordQuerySet":
        """Records about this entry (or its files), in whichever language it was recorded."""
        return self.filter(entry__translation_key=entry.translation_key)

    def for_file(self, item) -> "ConsentRecordQuerySet":
        """Records about this image or document."""
        return self.filter(**{file_kind(item): item})

    def in_force(
        self, scope: str | list[str] = "public", channel: str = "web"
    ) -> "ConsentRecordQuerySet":
        """Consent given, for `scope` (or any of several), on `channel`, not expired,
        embargo passed.

        Time is the database's clock at query time: an embargo ends, and a
        consent expires, exactly at its moment, with no job to run.
        """
        if channel not in CHANNELS:
            raise ValueError(f"unknown channel {channel!r}; expected one of {CHANNELS}")
        # Feeds and the API pass on what is published on the web: they need both.
        return self.filter(
            Q(embargo_until__isnull=True) | Q(embargo_until__lte=Now()),
            Q(valid_until__isnull=True) | Q(valid_until__gt=Now()),
            status=ConsentRecord.GIVEN,
            scope__in=[scope] if isinstance(scope, str) else scope,
            **{"channel_web": True, f"channel_{channel}": True},
        )


def consent_of(entry) -> "ConsentRecord | None":
    """The entry's own record (shared by all its translations), read now; or None."""
    return ConsentRecord.objects.about_entry(entry).for_entry().first()


def entry_consent_q(scope: str = "public", channel: str = "web") -> Q:
    """For a page queryset: an entry-level record in force for `scope` and `channel`."""
    return Q(
        Exists(
            ConsentRecord.objects.for_entry()
            .in_force(scope, channel)
            .filter(entry__translation_key=OuterRef("translation_key"))
        )
    )


class ConsentRecord(models.Model):
    PENDING, GIVEN, WITHDRAWN = "pending", "given", "withdrawn"
    STATUSES = [
        (PENDING, "Pending: not yet confirmed"),
        (GIVEN, "Given"),
        (WITHDRAWN, "Withdrawn"),
    ]
    SCOPES = [
        ("public", "The public"),
        ("members", "Chapter members only (they log in)"),
        ("research", "Research only: never shown online"),
    ]
    GIVERS = [
        ("narrator", "The narrator"),
        ("representative", "Their representative (family, guardian, community)"),
    ]

    entry = models.ForeignKey(
        "chapters.ArchiveEntryPage",
        on_delete=models.CASCADE,
        related_name="consent_records",
        help_text="The entry (in every language it is translated into).",
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="Only for consent about one image of the entry; leave empty for the entry.",
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="Only for consent about one file of the entry; leave empty for the entry.",
    )
    status = models.CharField(max_length=10, choices=STATUSES, default=PENDING)
    given_by = models.CharField(
        max_length=255,
        blank=True,
        help_text="Who gave consent. Private: seen only by the chapter's moderators.",
    )
    given_by_role = models.CharField(max_length=20, choices=GIVERS, default="narrator")
    narrator_real_name = models.CharField(
        max_length=255,
        blank=True,
        help_text="The narrator's real name, if they want it kept. Private: never shown on "
        "the site, searched or in the open-data API; only the chapter's moderators see it "
        "(and the chapter's own export).",
    )
    scope = models.CharField(max_length=10, choices=SCOPES, default="members")
    channel_web = models.BooleanField("on the web", default=True)
    channel_feeds = models.BooleanField("in feeds (RSS)", default=False)
    channel_api = models.BooleanField("in the open-data API", default=False)
    channel_print = models.BooleanField("in print", default=False)
    embargo_until = models.DateTimeField(
        null=True,
        blank=True,
        help_text="If the narrator asked to wait: hidden until this moment, to the second.",
    )
    valid_until = models.DateTimeField(
        null=True,
        blank=True,
        help_text="If consent was given for a time only: hidden again from this moment.",
    )
    consent_document = models.FileField(
        storage=private_storage,
        upload_to="consent/",
        blank=True,
        help_text="The signed form or recording of consent. Kept private.",
    )
    notes = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_at = models.DateTimeField(auto_now=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    withdrawal_reason = models.TextField(blank=True)
    # Given to a person who shared their story through the public form, to withdraw it.
    reference = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)

    objects = ConsentRecordQuerySet.as_manager()

    class Meta:
        verbose_name = "consent record"
        constraints = [
            models.UniqueConstraint(
                fields=["entry"],
                condition=Q(image__isnull=True, document__isnull=True),
                name="one_consent_record_per_entry",
            ),
            models.UniqueConstraint(
                fields=["entry", "image"],
                condition=Q(image__isnull=False),
                name="one_consent_record_per_entry_image",
            ),
            models.UniqueConstraint(
                fields=["entry", "document"],
                condition=Q(document__isnull=False),
                name="one_consent_record_per_entry_document",
            ),
            models.CheckConstraint(
                condition=Q(image__isnull=True) | Q(document__isnull=True),
                name="consent_record_about_one_file",
            ),
        ]

    def __str__(self) -> str:
        subject = self.image or self.document
        about = f"{subject.title} in " if subject else ""
        return f"Consent: {about}{self.entry.title} ({self.get_status_display()})"

    def clean(self):
        super().clean()
        # A file's consent only on an entry that may show that file (chapters.files.rules).
        check_references(self)

    @property
    def channels(self) -> list[str]:
        return [channel for channel in CHANNELS if getattr(self, f"channel_{channel}")]
