"""The public side of the archive: "Share your story" and "Withdraw my story".

A story shared here becomes a draft entry in the chapter's archive, with a
consent record that says *pending*, in the chapter's moderation queue. It is
never public by itself: a moderator reads it, confirms consent and publishes.

What the person keeps private (their real name, how to reach them) goes to the
consent record, never to the page or its revisions (see models/consent.py).

Spam is kept out without third-party services: a honeypot field, a signed
timestamp (a form sent seconds after it was shown was not written by a
person), and a limit per client address per site, kept in Django's cache,
which every worker shares (the database cache, or Redis: settings CACHES).

The person gets a reference (the consent record's UUID) to withdraw the story
later. It is shown once, on the page that confirms the story was received,
and is neither emailed nor logged anywhere.
"""

import datetime
import hashlib
import re
import time
import uuid

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.db import transaction
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from wagtail.coreutils import find_available_slug
from wagtail.log_actions import log
from wagtail.models import Site

from chapters.archive.consent import record_consent, withdraw_consent
from chapters.archive.consent_records import CHANNELS, ConsentRecord
from chapters.archive.models import ArchiveEntryPage, ArchiveIndexPage
from chapters.register.chapter import Chapter
from chapters.register.languages import site_languages
from home.headers_text import one_line

RATE_WINDOW = 60 * 60  # seconds: STORY_INTAKE_RATE_LIMIT counts per hour
MIN_SECONDS = 3  # nobody reads the form and writes a story faster than this
MAX_AGE = 60 * 60 * 24  # a story may take a day to write
FORM_SALT = "chapters.archive.intake.form"  # signs when a form was shown, not a secret
FIRST_YEAR = 1600
SUMMARY_LENGTH = 280
WITHDRAWAL_REASON = "Withdrawn by the narrator through the public form"

TOO_FAST = _(
    "The form was sent a moment after it opened, faster than a person can write. "
    "Everything you wrote is still here: please check it and send it again."
)
EXPIRED = _(
    "This form was opened more than a day ago, so it has expired. "
    "Everything you wrote is still here: please send it again."
)
UNCHECKED = _(
    "The form could not be checked. Everything you wrote is still here: please send it again."
)
TOO_MANY = _(
    "Too many forms have been sent from your connection in the last hour. "
    "Everything you wrote is still here: please keep a copy and try again in an hour."
)
ALREADY_RECEIVED = _(
    "This story has already been received: the form was sent twice. Nothing more is needed."
)


def rate_limit() -> int:
    return getattr(settings, "STORY_INTAKE_RATE_LIMIT", 5)


# --- The chapter site and its archive --------------------------------------


def chapter_archive(request) -> tuple[Site, Chapter, ArchiveIndexPage]:
    """The request's chapter and its archive in the site's default language, or 404.

    The Alliance site, an unknown host, an archived chapter or one without a
    published archive offer no form.
    """
    site = Site.find_for_request(request)
    chapter = (
        Chapter.objects.active().filter(site=site).select_related("home", "workflow").first()
        if site
        else None
    )
    if chapter is None:
        raise Http404
    default_language = site_languages(request)[0]
    homes = chapter.homes()
    home = homes.filter(locale__language_code=default_language).first() or chapter.home
    index = ArchiveIndexPage.objects.child_of(home).live().first()
    if index is None:
        raise Http404
    return site, chapter, index


# --- Spam: rate limit and signed timestamp ---------------------------------


def client_address(request) -> str:
    """The reader's address. Behind TRUSTED_PROXY_COUNT reverse proxies it is the one
    the outermost of them saw (X-Forwarded-For), not the proxy's own, which every
    reader would share; entries further left are the client's to invent."""
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    if proxies and len(forwarded) >= proxies and forwarded[-proxies]:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR") or "unknown"


def _rate_key(action: str, site: Site, request) -> str:
    # The address is hashed: the cache never holds a reader's IP address.
    address = client_address(request)
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()[:32]
    return f"intake:{action}:{site.pk}:{digest}"


def is_rate_limited(action: str, site: Site, request) -> bool:
    return cache.get(_rate_key(action, site, request), 0) >= rate_limit()


def count_attempt(action: str, site: Site, request) -> None:
    key = _rate_key(action, site, request)
    if cache.add(key, 1, RATE_WINDOW):
        return
    try:
        cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.set(key, 1, RATE_WINDOW)


def form_token(site: Site, now: float | None = None) -> str:
    """A signed note of when the form was shown, and on which site."""
    return signing.dumps({"site": site.pk, "t": int(now or time.time())}, salt=FORM_SALT)


def token_problem(token: str, site: Site):
    """Why this token cannot be accepted (a message for the person), or None."""
    try:
        data = signing.loads(token, salt=FORM_SALT, max_age=MAX_AGE)
    except signing.SignatureExpired:
        return EXPIRED
    except signing.BadSignature:
        return UNCHECKED
    if not isinstance(data, dict) or data.get("site") != site.pk:
        return UNCHECKED
    if time.time() - data.get("t", 0) < MIN_SECONDS:
        return TOO_FAST
    return None


def _token_key(token: str) -> str:
    return "intake:used:" + hashlib.sha256(token.encode()).hexdigest()


def claim_token(token: str) -> bool:
    """One story per form shown: False if this form was already sent (a reload, a
    double click). Atomic, so two requests at once cannot both claim it."""
    return cache.add(_token_key(token), 1, MAX_AGE)


def release_token(token: str) -> None:
    """The story could not be saved: the same form may be sent again."""
    cache.delete(_token_key(token))


# --- Forms ------------------------------------------------------------------


class StoryForm(forms.Form):
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
    # The honeypot: hidden from people and screen readers, filled in by bots.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    started = forms.CharField(widget=forms.HiddenInput)

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


# --- Making the draft -------------------------------------------------------


def summarize(story: str) -> str:
    """The first sentence or two, for listings (moderators rewrite it as needed)."""
    text = " ".join(story.split())
    sentences = re.split(r"(?<=[.!?…])\s+", text)
    summary = ""
    for sentence in sentences:
        summary = f"{summary} {sentence}".strip()
        if len(summary) >= SUMMARY_LENGTH // 2:
            break
    return Truncator(summary).chars(SUMMARY_LENGTH)


def as_rich_text(story: str) -> str:
    """Plain text as paragraphs: an empty line starts a paragraph, a line break stays one."""
    paragraphs = [part.strip() for part in re.split(r"\n\s*\n", story.replace("\r\n", "\n"))]
    return "".join(
        "<p>" + "<br/>".join(escape(line.strip()) for line in part.splitlines()) + "</p>"
        for part in paragraphs
        if part
    )


def private_notes(data: dict, language: str) -> str:
    lines = [f"Shared through the public form ({language})."]
    if data["contact"]:
        lines.append(f"Contact: {data['contact']}")
    return "\n".join(lines)


@transaction.atomic
def create_story(chapter: Chapter, index: ArchiveIndexPage, data: dict) -> ConsentRecord:
    """A draft entry with pending consent, submitted to the chapter's moderation workflow."""
    language = translation.get_language()
    slug = find_available_slug(index, slugify(data["title"])[:60].strip("-") or "story")
    entry = ArchiveEntryPage(
        title=data["title"],
        slug=slug,
        summary=summarize(data["story"]),
        kind="testimony",
        period_start=data["year"],
        place=data["place"],
        narrators=data["narrator"],
        narrator_is_pseudonym=data["is_pseudonym"],
        transcript=as_rich_text(data["story"]),
        content_warning=data["content_warning"],
        live=False,
    )
    index.add_child(instance=entry)
    entry.save_revision(log_action=True)
    embargo = data["embargo_until"]
    chosen = set(data["channels"]) if data["scope"] != "research" else set()
    record = record_consent(
        entry,
        recorded_by=None,
        status=ConsentRecord.PENDING,
        scope=data["scope"],
        given_by=data["representative_name"] or data["narrator"],
        given_by_role=data["given_by_role"],
        narrator_real_name=data["real_name"],
        embargo_until=(
            timezone.make_aware(datetime.datetime.combine(embargo, datetime.time.min))
            if embargo
            else None
        ),
        notes=private_notes(data, language),
        **{f"channel_{channel}": channel in chosen for channel in CHANNELS},
    )
    workflow = chapter.workflow or entry.get_workflow()
    if workflow is not None and workflow.active:
        workflow.start(entry, None)
    # No personal data in the audit log: only what the person chose.
    log(
        instance=entry,
        action="chapters.story_shared",
        data={"language": language, "scope": record.scope, "channels": record.channels},
    )
    return record


# --- Views ------------------------------------------------------------------


@never_cache
def share_story(request):
    site, chapter, index = chapter_archive(request)
    context = {"chapter": chapter, "archive": index}
    if request.method != "POST":
        form = StoryForm(initial={"started": form_token(site)})
        return render(request, "chapters/share_story.html", {**context, "form": form})

    form = StoryForm(request.POST)
    token = request.POST.get("started", "")
    if request.POST.get("website"):
        # A bot: thank it like a person, create nothing.
        count_attempt("share", site, request)
        return render(
            request, "chapters/share_story_thanks.html", {**context, "reference": uuid.uuid4()}
        )
    problem, status = None, 200
    if is_rate_limited("share", site, request):
        problem, status = TOO_MANY, 429
    else:
        problem = token_problem(token, site)
        if problem is not None:
            status = 400
            form = StoryForm(request.POST.copy())
            form.data["started"] = form_token(site)
    if problem is None and form.is_valid():
        if not claim_token(token):
            return render(
                request,
                "chapters/share_story_thanks.html",
                {**context, "notice": ALREADY_RECEIVED},
            )
        count_attempt("share", site, request)
        try:
            record = create_story(chapter, index, form.cleaned_data)
        except BaseException:
            release_token(token)
            raise
        return render(
            request,
            "chapters/share_story_thanks.html",
            {**context, "reference": record.reference},
        )
    return render(
        request,
        "chapters/share_story.html",
        {**context, "form": form, "problem": problem},
        status=status,
    )


def find_record(chapter: Chapter, reference: uuid.UUID) -> ConsentRecord | None:
    """The entry's own consent record with this reference, only among this chapter's entries."""
    return (
        ConsentRecord.objects.for_entry()
        .filter(reference=reference, entry_id__in=chapter.pages().values("pk"))
        .select_related("entry")
        .first()
    )


def withdraw(record: ConsentRecord, reason: str) -> None:
    if record.status == ConsentRecord.WITHDRAWN:
        return
    reason = reason.strip()
    withdraw_consent(
        record, reason=f"{WITHDRAWAL_REASON}: {reason}" if reason else WITHDRAWAL_REASON, user=None
    )
    # Nothing left for the moderators to review.
    state = record.entry.current_workflow_state
    if state is not None:
        state.cancel(user=None)


@never_cache
def withdraw_story(request):
    site, chapter, index = chapter_archive(request)
    context = {"chapter": chapter, "archive": index}
    if request.method != "POST":
        return render(request, "chapters/withdraw_story.html", {**context, "form": WithdrawForm()})
    form = WithdrawForm(request.POST)
    if is_rate_limited("withdraw", site, request):
        return render(
            request,
            "chapters/withdraw_story.html",
            {**context, "form": form, "problem": TOO_MANY},
            status=429,
        )
    # Only misses count: guessing references is what the limit stops; a narrator
    # withdrawing their own stories uses none of it.
    if not form.is_valid():
        count_attempt("withdraw", site, request)
        return render(request, "chapters/withdraw_story.html", {**context, "form": form})
    record = find_record(chapter, form.cleaned_data["reference"])
    if record is None:
        count_attempt("withdraw", site, request)
    else:
        withdraw(record, form.cleaned_data["reason"])
    # The same answer whether or not the reference was found: nothing leaks.
    return render(request, "chapters/withdraw_story.html", {**context, "done": True})
