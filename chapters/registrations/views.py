"""The public pages of registering: the sign-up form beside each event that takes
registrations, and the cancel link of every message.

The event must be public on the site the request is for (the shared query,
home.publication): a draft, a restricted event or another site's event is a 404.
Opening a cancel link shows a button, and only its POST cancels, so a mail
scanner that follows links cancels nobody; mail programs' one-click POST
(List-Unsubscribe-Post, no CSRF token) is accepted: the key is the authority.
"""

from django.http import Http404
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from wagtail.models import Site

from chapters.archive.intake.guard import (
    TOO_MANY,
    count_attempt,
    form_token,
    is_rate_limited,
    save_once,
    token_problem,
)
from chapters.events.models import EventPage
from chapters.register.chapter import Chapter
from chapters.registrations import service
from chapters.registrations.forms import RegisterForm
from chapters.registrations.models import Registration
from home.publication import is_public, public_pages_of_site

# A token of another form is no token of this one (chapters.archive.intake.guard).
REGISTER_SALT = "chapters.registrations.register"


def public_event(request, event_id: int) -> tuple[Site, EventPage]:
    """The event, if it is public on this request's (active chapter's) site; else 404."""
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    event = public_pages_of_site(site, EventPage.objects.filter(pk=event_id)).first()
    chapter = Chapter.of_page(event) if event is not None else None
    if chapter is None or chapter.is_archived or chapter.site_id != site.pk:
        raise Http404
    return site, event


def _page(request, event, form=None, problem=None, status=200):
    context = {
        "event": event,
        "open": event.registration_is_open(),
        "places_left": service.places_left(event),
        "form": form,
        "problem": problem,
    }
    return render(request, "chapters/registration/register.html", context, status=status)


@never_cache
def register_for_event(request, event_id: int):
    site, event = public_event(request, event_id)
    if not event.registration_is_open():
        return _page(request, event)
    if request.method != "POST":
        form = RegisterForm(initial={"started": form_token(site, salt=REGISTER_SALT)})
        return _page(request, event, form)
    form = RegisterForm(request.POST)
    if request.POST.get("website"):
        # A bot: thank it like a person, keep nothing.
        count_attempt("register", site, request)
        return render(request, "chapters/registration/thanks.html", {"event": event})
    if is_rate_limited("register", site, request):
        return _page(request, event, form, TOO_MANY, 429)
    problem = token_problem(request.POST.get("started", ""), site, salt=REGISTER_SALT)
    if problem is not None:
        data = request.POST.copy()
        data["started"] = form_token(site, salt=REGISTER_SALT)
        return _page(request, event, RegisterForm(data), problem, 400)
    if not form.is_valid():
        return _page(request, event, form, status=200)
    try:
        save_once(
            request.POST["started"],
            "register",
            site,
            request,
            lambda: service.register(event, form.cleaned_data, language=translation.get_language()),
        )
    except service.RegistrationClosed:
        return _page(request, event)
    return render(request, "chapters/registration/thanks.html", {"event": event})


@never_cache
@csrf_exempt
def cancel_registration(request, key):
    site = Site.find_for_request(request)
    registration = (
        Registration.objects.filter(key=key, chapter__site=site).select_related("event").first()
        if site
        else None
    )
    if request.method == "POST":
        # The same answer whether or not the link was still valid: nothing leaks.
        if registration is not None:
            service.cancel(key)
        return render(request, "chapters/registration/cancel.html", {"done": True})
    # The event is named only while it is public (it may have been withdrawn since).
    event = registration.event if registration and is_public(registration.event) else None
    context = {"registration": registration, "event": event}
    return render(request, "chapters/registration/cancel.html", context)
