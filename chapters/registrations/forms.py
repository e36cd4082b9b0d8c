"""What a person fills in to register for an event."""

from django import forms
from django.utils.translation import gettext_lazy as _

from chapters.archive.intake.forms import GuardedForm
from chapters.registrations.models import ACCESS_NEEDS
from home.headers_text import one_line


class RegisterForm(GuardedForm):
    name = forms.CharField(label=_("Your name"), max_length=200)
    email = forms.EmailField(
        label=_("Your email address"),
        max_length=254,
        help_text=_("Your confirmation, the reminder and any change are sent here."),
    )
    access_needs = forms.MultipleChoiceField(
        label=_("What would help you take part? (optional)"),
        choices=ACCESS_NEEDS,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("The organizers arrange what people ask for."),
    )
    interpretation_language = forms.CharField(
        label=_("Interpretation into which language? (optional)"),
        max_length=100,
        required=False,
    )
    access_notes = forms.CharField(
        label=_("Anything else the organizers should prepare? (optional)"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"

    def clean_name(self):
        return one_line(self.cleaned_data["name"])  # the greeting of their messages

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean_interpretation_language(self):
        return one_line(self.cleaned_data["interpretation_language"])
