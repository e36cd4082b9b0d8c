"""What a person fills in to join a chapter."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from chapters.archive.intake.forms import GuardedForm
from chapters.supporters.models import HELP_CHOICES
from home.headers_text import one_line

# The wording a person agrees to; kept, in their language, with the moment they agreed.
CONSENT_WORDING = _(
    "I agree that %(chapter)s may email me about its work: meetings, events and ways "
    "to help. I can unsubscribe at any time with the link in every message, and my "
    "details are then deleted."
)


class JoinForm(GuardedForm):
    name = forms.CharField(label=_("Your name"), max_length=200)
    email = forms.EmailField(
        label=_("Your email address"),
        max_length=254,
        help_text=_("We send you a message to confirm it is yours."),
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages you are comfortable in"),
        choices=settings.LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    other_languages = forms.CharField(
        label=_("Other languages (optional)"), max_length=200, required=False
    )
    rights = forms.MultipleChoiceField(
        label=_("The rights you care about most (optional)"),
        choices=[],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    help = forms.MultipleChoiceField(
        label=_("How you would like to help (optional)"),
        choices=HELP_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    message = forms.CharField(
        label=_("Anything else you want the organizers to know (optional)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    consent = forms.BooleanField(
        error_messages={
            "required": _("Please agree to be contacted: without it we cannot write to you.")
        },
    )

    def __init__(self, *args, chapter_name: str, rights: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rights"].choices = rights
        self.consent_wording = str(CONSENT_WORDING) % {"chapter": chapter_name}
        self.fields["consent"].label = self.consent_wording
        # The error summary names the field briefly, not by its whole wording.
        self.fields["consent"].summary_label = _("Consent to be contacted")
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"

    def clean_name(self):
        # One line: it is the greeting of their messages.
        return one_line(self.cleaned_data["name"])

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()
