"""A person who joined a chapter, with the consent they gave."""

import uuid

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from chapters.register.chapter import Chapter

# How a person may help: the choices of the form, kept by key (the CSV says the key).
HELP_CHOICES = [
    ("events", _("Come to events and actions")),
    ("organizing", _("Organize in my neighborhood or workplace")),
    ("stories", _("Collect or share stories for the truth-telling archive")),
    ("language", _("Translate or interpret")),
    ("research", _("Research and document rights in our city")),
    ("skills", _("Lend a skill: design, writing, law, care, food")),
]


class SupporterQuerySet(models.QuerySet):
    def confirmed(self) -> "SupporterQuerySet":
        return self.filter(confirmed_at__isnull=False)

    def moderated_by(self, user) -> "SupporterQuerySet":
        """The confirmed people of the chapters this person moderates: the only ones
        anybody sees in the admin. Deny by default: nobody else's, no unconfirmed."""
        return self.confirmed().filter(chapter__in=Chapter.objects.of_user(user, moderator=True))


class Supporter(models.Model):
    chapter = models.ForeignKey(Chapter, on_delete=models.CASCADE, related_name="supporters")
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("email"), max_length=254)
    languages = models.JSONField(_("languages"), default=list, blank=True)
    other_languages = models.CharField(_("other languages"), max_length=200, blank=True)
    rights = models.JSONField(_("rights they care about"), default=list, blank=True)
    help = models.JSONField(_("how they want to help"), default=list, blank=True)
    message = models.TextField(_("anything else"), max_length=2000, blank=True)
    # The interface language they joined in: their messages are written in it.
    language = models.CharField(max_length=16)
    consent_wording = models.TextField(_("consent they gave"))
    consented_at = models.DateTimeField(_("consent given"))
    confirmed_at = models.DateTimeField(_("email confirmed"), null=True, blank=True)
    # The secret in their links (confirm, leave): 122 random bits, never shown in the admin.
    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = SupporterQuerySet.as_manager()

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["-confirmed_at", "-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["chapter", "email"], name="supporter_one_per_chapter_and_email"
            ),
            # Nobody is kept without the consent they gave, in words, with its moment.
            models.CheckConstraint(
                condition=~Q(consent_wording=""), name="supporter_consent_has_wording"
            ),
        ]

    def __str__(self):
        return self.name

    def help_labels(self) -> str:
        labels = dict(HELP_CHOICES)
        return ", ".join(str(labels.get(key, key)) for key in self.help)

    help_labels.short_description = _("how they want to help")

    def rights_list(self) -> str:
        return ", ".join(self.rights)

    rights_list.short_description = _("rights")

    def languages_list(self) -> str:
        return ", ".join([*self.languages, *filter(None, [self.other_languages])])

    languages_list.short_description = _("languages")
