"""Start a chapter: the Alliance's public form for people who want one where they live.

A request is saved for the network admins (home.models.ChapterRequest), who
approve it into onboarding in the admin (chapters/admin/chapter_requests.py).
The form is guarded like the story intake (chapters/archive/intake/guard.py:
honeypot, signed timestamp with its own salt, a limit per address) and is only
on the Alliance's site: a chapter's own site answers 404.
"""

import logging

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from wagtail.models import Site

from chapters.archive.intake.forms import GuardedForm
from chapters.archive.intake.guard import (
    TOO_MANY,
    claim_token,
    count_attempt,
    form_token,
    is_rate_limited,
    release_token,
    token_problem,
)
from chapters.register.us_states import STATE_CHOICES
from chapters.site.home import ChapterHomePage
from home.headers_text import one_line
from home.models import AllianceHomePage, ChapterRequest
from home.setup import NETWORK_ADMINS

logger = logging.getLogger(__name__)

ACTION = "start-chapter"
SALT = "chapters.network.start_chapter.form"  # signs when the form was shown, not a secret
RATE_LIMIT = 3  # requests per address per hour: nobody starts more chapters than that
LOCALITY_TYPES = [value for value, _label in ChapterHomePage.LOCALITY_TYPES]
STATES = [code for code, _name in STATE_CHOICES]
CONSENT = _(
    "The Human Rights Cities Alliance may contact me by email about starting a chapter. "
    "My name and email address are seen only by the Alliance's network admins and are "
    "never published."
)
ALREADY_RECEIVED = _("Your request has already been received: the form was sent twice.")


class RequestError(ValueError):
    """A request the service refuses; `field` names the field at fault."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


class StartChapterForm(GuardedForm):
    place = forms.CharField(
        label=_("Where you live"),
        max_length=120,
        help_text=_("The city, county, town or reservation, for example Riverbend."),
    )
    locality_type = forms.ChoiceField(
        label=_("What kind of place it is"),
        choices=ChapterHomePage.LOCALITY_TYPES,
        initial="city",
    )
    state = forms.ChoiceField(
        label=_("State (optional)"),
        choices=[("", _("Several states, or none"))] + STATE_CHOICES,
        required=False,
    )
    contact_name = forms.CharField(label=_("Your name"), max_length=120)
    contact_email = forms.EmailField(
        label=_("Your email address"),
        help_text=_("We write to you here about the next steps."),
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages of your chapter's website"),
        choices=settings.LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        initial=[settings.LANGUAGE_CODE],
        help_text=_("Choose every language your neighbors read. You can add more later."),
    )
    activities = forms.CharField(
        label=_("What you already do (optional)"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "A group you meet with, a campaign, a declaration your council passed: "
            "anything that helps us understand where you start from."
        ),
    )
    consent = forms.BooleanField(
        label=CONSENT,
        error_messages={"required": _("Please agree to be contacted: we cannot reply otherwise.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["place"].widget.attrs["autocomplete"] = "address-level2"
        self.fields["contact_name"].widget.attrs["autocomplete"] = "name"
        self.fields["contact_email"].widget.attrs["autocomplete"] = "email"
        # The error summary names the field briefly, not by its whole wording.
        self.fields["consent"].summary_label = _("Consent to be contacted")

    def clean_place(self):
        return one_line(self.cleaned_data["place"])  # it becomes an email's subject

    def clean_contact_name(self):
        return one_line(self.cleaned_data["contact_name"])


def submit_request(data: dict, *, language: str) -> ChapterRequest:
    """Save a request, with the consent wording shown (in the form's language) and
    its time. The rules are here, not only on the form: every caller obeys them."""
    if not data.get("consent"):
        raise RequestError("consent", "consent to be contacted is required")
    if data["locality_type"] not in LOCALITY_TYPES:
        raise RequestError("locality_type", "unknown locality type")
    if data.get("state") and data["state"] not in STATES:
        raise RequestError("state", "unknown US state")
    known = {code for code, _name in settings.LANGUAGES}
    languages = [code for code in dict.fromkeys(data["languages"]) if code in known]
    if not languages:
        raise RequestError("languages", "choose at least one language")
    with translation.override(language):
        consent_text = str(CONSENT)
    chapter_request = ChapterRequest.objects.create(
        place=data["place"].strip(),
        locality_type=data["locality_type"],
        state=data.get("state", ""),
        contact_name=data["contact_name"].strip(),
        contact_email=data["contact_email"].strip(),
        languages=languages,
        activities=data.get("activities", "").strip(),
        consent_text=consent_text,
        consented_at=timezone.now(),
        language=language,
    )
    transaction.on_commit(lambda: notify_network_admins(chapter_request))
    return chapter_request


def notify_network_admins(chapter_request: ChapterRequest) -> None:
    """Tell the network admins a request waits. The email names the place and links to
    the request in the admin; the person's name and address stay in the admin."""
    recipients = list(
        get_user_model()
        .objects.filter(groups__name=NETWORK_ADMINS, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
        .distinct()
    )
    if not recipients:
        return
    link = settings.WAGTAILADMIN_BASE_URL + reverse(
        "chapter_requests:inspect", args=[chapter_request.pk]
    )
    try:
        send_mail(
            subject=one_line(f"Request to start a chapter: {chapter_request.place}"),
            message="Someone asks to start a chapter. Read the request and approve or "
            f"decline it in the admin:\n\n{link}\n",
            from_email=None,
            recipient_list=recipients,
        )
    except Exception:
        # The request is saved either way; the log says which, never who.
        logger.exception(
            "Chapter request notice failed",
            extra={"event": "mail_failed", "kind": "chapter_request", "id": chapter_request.pk},
        )


def alliance_site(request) -> Site:
    """The Alliance's site, or 404: a chapter's site or an unknown host has no form."""
    site = Site.find_for_request(request)
    if site is None or not AllianceHomePage.objects.filter(pk=site.root_page_id).exists():
        raise Http404
    return site


def _refused(request, site, problem, status):
    """The form again, with what was typed and a new token, and why it was not taken."""
    form = StartChapterForm(request.POST.copy())
    form.data["started"] = form_token(site, salt=SALT)
    context = {"form": form, "problem": problem}
    return render(request, "chapters/start_chapter.html", context, status=status)


@never_cache
def start_chapter(request):
    site = alliance_site(request)
    if request.method != "POST":
        # The language of the form they read is one they likely want.
        languages = list(dict.fromkeys([settings.LANGUAGE_CODE, translation.get_language()]))
        initial = {"started": form_token(site, salt=SALT), "languages": languages}
        form = StartChapterForm(initial=initial)
        return render(request, "chapters/start_chapter.html", {"form": form})
    if request.POST.get("website"):
        # A bot: thank it like a person, save nothing.
        count_attempt(ACTION, site, request)
        return render(request, "chapters/start_chapter_thanks.html")
    if is_rate_limited(ACTION, site, request, limit=RATE_LIMIT):
        return _refused(request, site, TOO_MANY, 429)
    token = request.POST.get("started", "")
    problem = token_problem(token, site, salt=SALT)
    if problem is not None:
        return _refused(request, site, problem, 400)
    form = StartChapterForm(request.POST)
    if not form.is_valid():
        return render(request, "chapters/start_chapter.html", {"form": form})
    if not claim_token(token):
        return render(request, "chapters/start_chapter_thanks.html", {"notice": ALREADY_RECEIVED})
    count_attempt(ACTION, site, request)
    try:
        submit_request(form.cleaned_data, language=translation.get_language())
    except RequestError as error:
        release_token(token)
        form.add_error(error.field if error.field in form.fields else None, str(error))
        return render(request, "chapters/start_chapter.html", {"form": form})
    except BaseException:
        release_token(token)
        raise
    return render(request, "chapters/start_chapter_thanks.html")
