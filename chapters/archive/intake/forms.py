"""The forms of the public intake: sharing a story, and withdrawing it by reference."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from home.headers_text import one_line

FIRST_YEAR = 1600


class GuardedForm(forms.Form):
    """A public form with the spam guard's two fields (chapters.archive.intake.guard):
    the honeypot, hidden from people and screen readers and filled in by bots, and the
    signed moment the form was shown. Templates place them with
    chapters/includes/form_guard.html."""

    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    started = forms.CharField(widget=forms.HiddenInput)


class StoryForm(GuardedForm):
    title = forms.CharField(
        label=_("Title of your story"),
        max_length=200,
        help_text=_("A few words that say what your story is about. Shown if it is published."),
    )
    story = forms.CharField(
        label=_("Your story"),
        max_length=50000,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_(
            "Tell it in your own words, as long or as short as you like. "
            "Leave an empty line between paragraphs."
        ),
    )
    year = forms.IntegerField(
        label=_("When it happened"),
        help_text=_("The year, for example 1998. If it lasted several years, the year it began."),
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    place = forms.CharField(
        label=_("Where it happened (optional)"),
        max_length=200,
        required=False,
        help_text=_("A neighborhood, street, building or city: as much as you want to say."),
    )
    narrator = forms.CharField(
        label=_("How you want to be named"),
        max_length=255,
        help_text=_(
            "The name shown with the story: a full name, a first name, initials or a made-up name."
        ),
    )
    is_pseudonym = forms.BooleanField(
        label=_("This is not my real name"),
        required=False,
        help_text=_("The page will say that the name shown is not the narrator's real name."),
    )
    real_name = forms.CharField(
        label=_("Your real name (optional, private)"),
        max_length=255,
        required=False,
        help_text=_(
            "Only the chapter's moderators see it, to know who they are talking to. "
            "It is never shown, searched or shared."
        ),
    )
    contact = forms.CharField(
        label=_("How the moderators can reach you (optional, private)"),
        max_length=255,
        required=False,
        help_text=_(
            "An email address or phone number, if you want them to be able to ask you "
            "questions. Only the moderators see it."
        ),
    )
    given_by_role = forms.ChoiceField(
        label=_("Who is giving consent"),
        choices=[
            ("narrator", _("I am the narrator: it is my own story")),
            (
                "representative",
                _("I share it for the narrator, as family, guardian or community"),
            ),
        ],
        widget=forms.RadioSelect,
        initial="narrator",
    )
    representative_name = forms.CharField(
        label=_("Your name, if you share it for someone else (optional, private)"),
        max_length=255,
        required=False,
        help_text=_("Only the chapter's moderators see it."),
    )
    scope = forms.ChoiceField(
        label=_("Who may see your story"),
        choices=[
            ("public", _("Everyone: it may be published on the chapter's website")),
            ("members", _("Only the chapter's members, who log in to read it")),
            ("research", _("Nobody online: it is kept for research only")),
        ],
        widget=forms.RadioSelect,
        help_text=_("Moderators will never show it to more people than you choose."),
    )
    channels = forms.MultipleChoiceField(
        label=_("Where it may appear"),
        choices=[
            ("web", _("On this website")),
            ("feeds", _("In news feeds that people subscribe to")),
            ("api", _("In the open data that other organizations may reuse")),
            ("print", _("In printed materials, such as a booklet or an exhibition")),
        ],
        widget=forms.CheckboxSelectMultiple,
        required=False,
        initial=["web"],
        help_text=_("Choose at least one, unless you keep it for research only."),
    )
    embargo_until = forms.DateField(
        label=_("Wait until (optional)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_(
            "If you want your story kept hidden until a date, choose it. "
            "Nothing is shown before then."
        ),
    )
    content_warning = forms.CharField(
        label=_("Content warning (optional)"),
        max_length=255,
        required=False,
        help_text=_(
            "If your story speaks of violence, loss or other harm, say so in a few words. "
            "Readers see it before the story."
        ),
    )
    understood = forms.BooleanField(
        label=_(
            "I understand that the chapter's moderators read my story before anything is "
            "published, and that I can withdraw it at any time with the reference I will get."
        ),
        error_messages={"required": _("Please confirm that you understand this.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        this_year = timezone.localdate().year
        self.fields["year"].widget.attrs.update(min=FIRST_YEAR, max=this_year)
        self.this_year = this_year
        self.fields["narrator"].widget.attrs["autocomplete"] = "nickname"
        self.fields["real_name"].widget.attrs["autocomplete"] = "name"
        self.fields["embargo_until"].widget.attrs["min"] = (
            timezone.localdate() + datetime.timedelta(days=1)
        ).isoformat()

    def clean_year(self):
        year = self.cleaned_data["year"]
        if not FIRST_YEAR <= year <= self.this_year:
            raise forms.ValidationError(
                _("Enter a year between %(first)s and %(last)s."),
                params={"first": FIRST_YEAR, "last": self.this_year},
            )
        return year

    def clean_title(self):
        # A title is one line: it becomes the moderators' email subject.
        return one_line(self.cleaned_data["title"])

    def clean_story(self):
        story = self.cleaned_data["story"].strip()
        if len(story) < 20:
            raise forms.ValidationError(_("Please tell a little more: at least a sentence."))
        return story

    def clean_embargo_until(self):
        date = self.cleaned_data["embargo_until"]
        if date and date <= timezone.localdate():
            raise forms.ValidationError(_("Choose a date after today, or leave it empty."))
        return date

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("scope") in ("public", "members") and not cleaned.get("channels"):
            self.add_error(
                "channels",
                _("Choose at least one place where it may appear, or keep it for research only."),
            )
        return cleaned


class WithdrawForm(forms.Form):
    reference = forms.UUIDField(
        label=_("Your reference"),
        help_text=_(
            "The reference you were given when you shared your story. "
            "It looks like 1b4e28ba-2fa1-41d2-883f-0016d3cca427."
        ),
        error_messages={
            "invalid": _(
                "That is not a reference: it has 32 letters (a to f) and digits, "
                "usually in groups separated by dashes."
            )
        },
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    reason = forms.CharField(
        label=_("Why you are withdrawing it (optional)"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Kept with the chapter's records. You do not have to say."),
    )
