"""A request to start a chapter, sent through the Alliance's public form.

It holds a person's name and email address, so it is personal data: it is not
a page, a snippet or an API model, and only network admins see it in the admin
(the permission policy in chapters/admin/chapter_requests.py). A network admin
approves it into onboarding (chapters.lifecycle.chapter_requests) or declines
it; a declined request can then be deleted.

The place's kind and US state are checked against the chapter register's lists
by the service that saves a request (chapters.network.start_chapter): `home`
sits below `chapters` and does not import them.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ChapterRequest(models.Model):
    PENDING, APPROVED, DECLINED = "pending", "approved", "declined"
    STATUSES = [
        (PENDING, _("Waiting for a decision")),
        (APPROVED, _("Approved")),
        (DECLINED, _("Declined")),
    ]

    place = models.CharField(max_length=120, help_text="The city, county or reservation.")
    locality_type = models.CharField(max_length=20, help_text="What kind of place it is.")
    state = models.CharField(max_length=2, blank=True, help_text="Its US state, if any.")
    contact_name = models.CharField(max_length=120)
    contact_email = models.EmailField()
    languages = models.JSONField(default=list, help_text="The languages they want the site in.")
    activities = models.TextField(blank=True, help_text="What they already do, in their words.")
    # The consent to be contacted, exactly as the person saw it, and when they gave it.
    consent_text = models.TextField()
    consented_at = models.DateTimeField()
    language = models.CharField(max_length=10, help_text="The language of the form they filled.")
    created_at = models.DateTimeField(auto_now_add=True)

    status = models.CharField(max_length=10, choices=STATUSES, default=PENDING)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The chapter's site, once approved (a Site, not the chapter: home does not
    # depend on chapters); the hostname stays if the chapter is deleted later.
    site = models.ForeignKey(
        "wagtailcore.Site", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hostname = models.CharField(max_length=255, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "chapter request"
        # Requests come only from the public form: nobody adds one in the admin.
        default_permissions = ("view", "change", "delete")
        indexes = [models.Index(fields=["status", "-created_at"])]

    def __str__(self) -> str:
        return self.place

    @property
    def is_pending(self) -> bool:
        return self.status == self.PENDING
