"""The public pages of joining: "Get involved", the confirmation link, and leaving.

Links carry the person's key (a random UUID): opening one shows a page with a
button, and only the button's POST changes anything, so a mail scanner that
follows links neither confirms nor deletes anyone. Leaving also accepts the
one-click POST of mail programs (List-Unsubscribe-Post, which sends no CSRF
token: the key is the authority).
"""

from django.http import Http404
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from wagtail.models import Locale, Site

from chapters.archive.intake.guard import (
    TOO_MANY,
    count_attempt,
    form_token,
    is_rate_limited,
    save_once,
    token_problem,
)
from chapters.register.chapter import Chapter
from chapters.supporters import service
from chapters.supporters.forms import JoinForm
from chapters.supporters.models import Supporter
from home.models import Right

# A token of the story form is no token of this one (chapters.archive.intake.guard).
JOIN_SALT = "chapters.supporters.join"


def chapter_of(request) -> tuple[Site, Chapter]:
    """The request's active chapter, or 404 (the Alliance site, an archived chapter)."""
    site = Site.find_for_request(request)
    chapter = (
        Chapter.objects.active().filter(site=site).select_related("home").first() if site else None
    )
    if chapter is None:
        raise Http404
    return site, chapter


def right_choices() -> list[tuple[str, str]]:
    """The rights in the reader's language (the slug is the same in every language)."""
    rights = Right.objects.filter(locale=Locale.get_active()).order_by("name")
    if not rights.exists():
        rights = Right.objects.filter(locale=Locale.get_default()).order_by("name")
    return list(rights.values_list("slug", "name"))


def join_form(chapter: Chapter, data=None) -> JoinForm:
    return JoinForm(data, chapter_name=chapter.localized_name, rights=right_choices())


def _checked(request, site, chapter, form):
    """The guard's verdict on a sent form: (problem, status, form to show)."""
    if is_rate_limited("join", site, request):
        return TOO_MANY, 429, form
    problem = token_problem(request.POST.get("started", ""), site, salt=JOIN_SALT)
    if problem is None:
        return None, 200, form
    data = request.POST.copy()
    data["started"] = form_token(site, salt=JOIN_SALT)
    return problem, 400, join_form(chapter, data)


@never_cache
def get_involved(request):
    site, chapter = chapter_of(request)
    context = {"chapter": chapter, "confirm_days": service.confirm_days()}
    if request.method != "POST":
        form = join_form(chapter)
        form.initial["started"] = form_token(site, salt=JOIN_SALT)
        return render(request, "chapters/join/join.html", {**context, "form": form})
    form = join_form(chapter, request.POST)
    if request.POST.get("website"):
        # A bot: thank it like a person, keep nothing.
        count_attempt("join", site, request)
        return render(request, "chapters/join/thanks.html", context)
    problem, status, form = _checked(request, site, chapter, form)
    if problem is None and form.is_valid():
        save_once(
            request.POST["started"],
            "join",
            site,
            request,
            lambda: service.join(
                chapter,
                form.cleaned_data,
                language=translation.get_language(),
                consent_wording=form.consent_wording,
            ),
        )
        return render(request, "chapters/join/thanks.html", context)
    return render(
        request,
        "chapters/join/join.html",
        {**context, "form": form, "problem": problem},
        status=status,
    )


@never_cache
def confirm_joining(request, key):
    _site, chapter = chapter_of(request)
    supporter = service.pending(key)
    if supporter is None or supporter.chapter_id != chapter.pk:
        return render(request, "chapters/join/confirm.html", {"chapter": chapter}, status=404)
    if request.method == "POST":
        service.confirm(key)
        return render(request, "chapters/join/confirm.html", {"chapter": chapter, "done": True})
    return render(
        request, "chapters/join/confirm.html", {"chapter": chapter, "supporter": supporter}
    )


@never_cache
@csrf_exempt
def leave_chapter(request, key):
    _site, chapter = chapter_of(request)
    if request.method == "POST":
        # The same answer whether or not the link was still valid: nothing leaks.
        service.leave(chapter, key)
        return render(request, "chapters/join/leave.html", {"chapter": chapter, "done": True})
    known = Supporter.objects.filter(key=key, chapter=chapter).exists()
    return render(request, "chapters/join/leave.html", {"chapter": chapter, "known": known})
