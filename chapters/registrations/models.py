"""A person registered for an event (or waiting for a place), with their access needs."""

import uuid

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from chapters.events.models import EventPage
from chapters.register.chapter import Chapter

# What organizers arrange when asked at sign-up (the keys are kept; the CSV says the key).
ACCESS_NEEDS = [
    ("interpretation", _("Language interpretation")),
    ("asl", _("ASL interpretation")),
    ("captioning", _("Live captioning")),
    ("childcare", _("Childcare")),
    ("step_free", _("Step-free access")),
]


class RegistrationQuerySet(models.QuerySet):
    def organized_by(self, user) -> "RegistrationQuerySet":
        """The registrations of the chapters this person edits or moderates: the only
        ones anybody sees in the admin. Deny by default: nobody else's."""
        return self.filter(chapter__in=Chapter.objects.of_user(user))

    def of_event(self, event: EventPage) -> "RegistrationQuerySet":
        """Of the event in every language: its translations share one list of places."""
        return self.filter(event__translation_key=event.translation_key)

    def registered(self) -> "RegistrationQuerySet":
        return self.filter(status=Registration.REGISTERED)

    def waiting(self) -> "RegistrationQuerySet":
        return self.filter(status=Registration.WAITING)


class Registration(models.Model):
    REGISTERED = "registered"
    WAITING = "waiting"
    STATUSES = [(REGISTERED, _("Registered")), (WAITING, _("On the waiting list"))]

    # The page they signed up on (its language); places are shared by its translations.
    event = models.ForeignKey(EventPage, on_delete=models.CASCADE, related_name="registrations")
    chapter = models.ForeignKey(Chapter, on_delete=models.CASCADE, related_name="registrations")
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("email"), max_length=254)
    access_needs = models.JSONField(_("access needs"), default=list, blank=True)
    interpretation_language = models.CharField(_("interpretation into"), max_length=100, blank=True)
    access_notes = models.TextField(_("other needs"), max_length=1000, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=STATUSES)
    # The interface language they signed up in: their messages are written in it.
    language = models.CharField(max_length=16)
    # The secret in their cancel link: 122 random bits, never shown in the admin.
    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(_("signed up"), default=timezone.now)
    promoted_at = models.DateTimeField(_("given a place"), null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    # The event's when/where/whether they were last told (EventPage.schedule).
    told_schedule = models.TextField(blank=True, editable=False)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "email"], name="registration_one_per_event_and_email"
            )
        ]
        indexes = [models.Index(fields=["status", "created_at"], name="registration_queue")]

    def __str__(self):
        return self.name

    def access_labels(self) -> str:
        labels = dict(ACCESS_NEEDS)
        needs = [str(labels.get(key, key)) for key in self.access_needs]
        if self.interpretation_language:
            needs.append(f"{_('interpretation into')} {self.interpretation_language}")
        return ", ".join(needs)

    access_labels.short_description = _("access needs")

    def event_title(self) -> str:
        return self.event.title

    event_title.short_description = _("event")
