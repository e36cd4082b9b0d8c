"""The intake's two public pages: "Share your story" and "Withdraw my story".

The person gets a reference (the consent record's UUID) to withdraw the story
later. It is shown once, on the page that confirms the story was received,
and is neither emailed nor logged anywhere.
"""

import uuid

from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from chapters.archive.intake.forms import StoryForm, WithdrawForm
from chapters.archive.intake.guard import (
    TOO_MANY,
    claim_token,
    count_attempt,
    form_token,
    is_rate_limited,
    release_token,
    token_problem,
)
from chapters.archive.intake.stories import chapter_archive, create_story, find_record, withdraw

ALREADY_RECEIVED = _(
    "This story has already been received: the form was sent twice. Nothing more is needed."
)


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
