"""Registering for a chapter's event: places then a waiting list that moves up, access
needs, the messages (with the .ics and a cancel link), changes and cancellation told
once, the reminder the day before, closing after the event, forgetting past lists,
and the organizers' list of their own chapter's events only.
"""

import csv
import datetime
import io
import itertools
import re
import time

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.utils import timezone

from chapters.archive.intake.guard import form_token
from chapters.models import Registration
from chapters.registrations import service
from chapters.registrations.views import REGISTER_SALT
from tests.conftest import ALLIANCE_HOST, HILLTOP_HOST, RIVERSIDE_HOST
from tests.pages import add_event

pytestmark = pytest.mark.django_db

FORMS = itertools.count()  # each form shown a second earlier than the last: distinct forms
SOON = timezone.now().date() + datetime.timedelta(days=10)


@pytest.fixture(autouse=True)
def fresh_cache():
    """The rate limit and used forms live in the cache: each test starts with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def event(network):
    """Riverside's tenant meeting: two places, taking registrations."""
    return add_event(
        network.riverside,
        "Tenant meeting",
        start_date=SOON,
        takes_registrations=True,
        capacity=2,
        venue="Eastside Library",
    )


def form(network, host=RIVERSIDE_HOST, **overrides) -> dict:
    data = {
        "name": "Rosa Registrant",
        "email": "rosa@example.org",
        "access_needs": ["asl", "childcare"],
        "interpretation_language": "",
        "access_notes": "Two children, 4 and 7.",
        "website": "",
        "started": form_token(
            network.site(host), now=time.time() - 60 - next(FORMS), salt=REGISTER_SALT
        ),
    }
    return data | overrides


def register(client, event, data, *, lang="en", host=RIVERSIDE_HOST):
    return client.post(f"/{lang}/event-registration/{event.pk}/", data, headers={"host": host})


def cancel_path(message) -> str:
    return re.search(r"https?://[^/\s]+(/\S+/event-registration/cancel/[\w-]+/)", message.body)[1]


def calendars(message) -> list[str]:
    return [content for _name, content, kind in message.attachments if kind == "text/calendar"]


@pytest.fixture
def sign_up(client, network, django_capture_on_commit_callbacks):
    def _sign_up(event, email, **overrides):
        with django_capture_on_commit_callbacks(execute=True):
            response = register(client, event, form(network, email=email, **overrides))
        assert response.status_code == 200 and "Check your email" in response.text
        return Registration.objects.get(email=email.strip().lower(), event=event)

    return _sign_up


def test_places_then_a_waiting_list_that_moves_up_when_someone_cancels(
    client, event, sign_up, django_capture_on_commit_callbacks
):
    page = client.get(f"/en/event-registration/{event.pk}/", headers={"host": RIVERSIDE_HOST})
    assert "2 places left." in page.text
    first = sign_up(event, "first@example.org")
    sign_up(event, "second@example.org")
    full = client.get(f"/en/event-registration/{event.pk}/", headers={"host": RIVERSIDE_HOST})
    assert "Every place is taken" in full.text and "Join the waiting list" in full.text
    third = sign_up(event, "third@example.org")
    assert [r.status for r in Registration.objects.order_by("pk")] == [
        "registered",
        "registered",
        "waiting",
    ]
    # The access needs asked at sign-up reach the organizers.
    assert first.access_needs == ["asl", "childcare"] and "4 and 7" in first.access_notes
    registered, _second, waiting = mail.outbox
    assert registered.subject == "You are registered: Tenant meeting"
    [ics] = calendars(registered)
    assert "SUMMARY:Tenant meeting" in ics and "Eastside Library" in ics
    assert waiting.subject.startswith("You are on the waiting list") and not calendars(waiting)
    assert waiting.extra_headers["List-Unsubscribe"] == (
        f"<http://{RIVERSIDE_HOST}{cancel_path(waiting)}>"
    )

    # The first cancels in one click from their mail program (a POST, no CSRF token).
    mail.outbox.clear()
    client.handler.enforce_csrf_checks = True
    link = cancel_path(registered)
    assert "Cancel my registration" in client.get(link, headers={"host": RIVERSIDE_HOST}).text
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(link, headers={"host": RIVERSIDE_HOST})
    assert done.status_code == 200 and "cancelled" in done.text
    assert not Registration.objects.filter(pk=first.pk).exists()
    third.refresh_from_db()
    assert third.status == "registered" and third.promoted_at is not None
    [promoted] = mail.outbox
    assert promoted.to == ["third@example.org"] and promoted.subject.startswith("A place for you")
    assert calendars(promoted)
    again = client.get(link, headers={"host": RIVERSIDE_HOST})
    assert "nothing to cancel" in again.text


def test_signing_up_twice_never_tells_who_is_coming(client, network, event, sign_up):
    sign_up(event, "rosa@example.org")
    again = sign_up(event, "ROSA@example.org ")
    assert Registration.objects.filter(event=event).count() == 1
    assert again.name == "Rosa Registrant"
    assert [m.subject for m in mail.outbox] == [
        "You are registered: Tenant meeting",
        "You had already signed up: Tenant meeting",
    ]


def test_a_bad_form_keeps_what_was_typed_and_says_what_is_wrong(client, network, event):
    response = register(client, event, form(network, email="not an address"))
    assert response.status_code == 200
    text = response.text
    assert "There is a problem" in text and "Enter a valid email address" in text
    assert 'value="Rosa Registrant"' in text and "Two children, 4 and 7." in text
    assert not Registration.objects.exists()
    # A form sent a moment after it was shown (a bot) keeps the text and says why.
    hasty = form(network, started=form_token(network.site(RIVERSIDE_HOST), salt=REGISTER_SALT))
    refused = register(client, event, hasty)
    assert refused.status_code == 400 and "Rosa Registrant" in refused.text


def test_only_public_events_of_the_site_take_registrations(client, network, event):
    draft = add_event(
        network.riverside, "Secret draft", start_date=SOON, takes_registrations=True, live=False
    )
    hilltop = add_event(network.hilltop, "Hill supper", start_date=SOON, takes_registrations=True)
    plain = add_event(network.riverside, "Drop in", start_date=SOON)
    for event_id, host in [
        (draft.pk, RIVERSIDE_HOST),
        (hilltop.pk, RIVERSIDE_HOST),  # another chapter's event, on Riverside's site
        (event.pk, ALLIANCE_HOST),
        (event.pk, HILLTOP_HOST),
        (network.riverside.pk, RIVERSIDE_HOST),  # not an event
        (2**63, RIVERSIDE_HOST),
    ]:
        for method in (client.get, client.post):
            url = f"/en/event-registration/{event_id}/"
            response = method(url, form(network), headers={"host": host})
            assert response.status_code == 404, (event_id, host)
            assert "Secret draft" not in response.text
    assert (
        client.get("/en/event-registration/abc/", headers={"host": RIVERSIDE_HOST}).status_code
        == 404
    )
    closed = client.post(
        f"/en/event-registration/{plain.pk}/", form(network), headers={"host": RIVERSIDE_HOST}
    )
    assert "takes no registrations here" in closed.text
    assert not Registration.objects.exists()
    junk = client.get("/en/event-registration/cancel/not-a-key/", headers={"host": RIVERSIDE_HOST})
    assert junk.status_code == 404


def test_registration_closes_after_the_event(client, network):
    past = add_event(
        network.riverside,
        "Last month",
        start_date=timezone.now().date() - datetime.timedelta(days=30),
        takes_registrations=True,
    )
    page = client.get(f"/en/event-registration/{past.pk}/", headers={"host": RIVERSIDE_HOST})
    assert "registration is closed" in page.text and "<form" not in page.text.split("</header>")[-1]
    response = register(client, past, form(network))
    assert "registration is closed" in response.text
    assert not Registration.objects.exists()
    with pytest.raises(service.RegistrationClosed):
        service.register(past, form(network), language="en")
    event_page = client.get(past.url, headers={"host": RIVERSIDE_HOST})
    assert "Registration is closed." in event_page.text


def test_changes_and_cancellation_are_told_once_whoever_publishes(
    client, event, sign_up, django_capture_on_commit_callbacks
):
    rosa = sign_up(event, "rosa@example.org")
    mail.outbox.clear()

    def publish(**changes):
        page = event.__class__.objects.get(pk=event.pk)
        for name, value in changes.items():
            setattr(page, name, value)
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()

    publish(summary="New words only.")  # neither time nor place: nobody is disturbed
    assert mail.outbox == []
    publish(start_time=datetime.time(19, 30), end_time=datetime.time(21, 0))
    [changed] = mail.outbox
    assert changed.subject == "Changed: Tenant meeting" and "7:30" in changed.body
    assert "DTSTART;TZID=America/New_York:" in calendars(changed)[0]
    publish(summary="Again, no change of time.")
    assert len(mail.outbox) == 1
    publish(cancelled=True)
    cancelled = mail.outbox[-1]
    assert cancelled.subject == "Cancelled: Tenant meeting" and cancelled.to == [rosa.email]
    page = client.get(event.url, headers={"host": RIVERSIDE_HOST})
    assert "This event is cancelled." in page.text and "event-registration" not in page.text
    closed = client.get(f"/en/event-registration/{event.pk}/", headers={"host": RIVERSIDE_HOST})
    assert "This event is cancelled" in closed.text


def test_more_places_go_to_the_people_waiting(event, sign_up, django_capture_on_commit_callbacks):
    for n in range(4):
        sign_up(event, f"p{n}@example.org")
    assert Registration.objects.waiting().count() == 2
    page = event.__class__.objects.get(pk=event.pk)
    page.capacity = 3
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert list(Registration.objects.waiting().values_list("email", flat=True)) == [
        "p3@example.org"
    ]
    assert mail.outbox[-1].subject.startswith("A place for you") and mail.outbox[-1].to == [
        "p2@example.org"
    ]


def test_the_reminder_goes_the_day_before_once_to_people_with_a_place(
    event, sign_up, django_capture_on_commit_callbacks
):
    event.capacity = 1
    event.save()
    sign_up(event, "placed@example.org")
    sign_up(event, "waiting@example.org")
    mail.outbox.clear()
    assert service.send_reminders(now=event.starts_at - datetime.timedelta(days=2)) == 0
    the_day_before = event.starts_at - datetime.timedelta(hours=20)
    with django_capture_on_commit_callbacks(execute=True):
        assert service.send_reminders(now=the_day_before) == 1
        assert service.send_reminders(now=the_day_before) == 0
    [reminder] = mail.outbox
    assert reminder.to == ["placed@example.org"] and reminder.subject == "Tomorrow: Tenant meeting"
    assert calendars(reminder)
    out = io.StringIO()
    call_command("send_event_reminders", "--hours", "48", stdout=out)
    assert "Sent 0 reminder(s)." in out.getvalue()
    with pytest.raises(CommandError, match="--hours"):
        call_command("send_event_reminders", "--hours", "0")


def test_past_events_registrations_are_deleted_after_the_retention_period(event, sign_up, settings):
    sign_up(event, "rosa@example.org")
    settings.EVENT_REGISTRATION_RETENTION_DAYS = 30
    assert service.forget_past(now=event.ends_at + datetime.timedelta(days=29)) == 0
    assert service.forget_past(now=event.ends_at + datetime.timedelta(days=31)) == 1
    assert not Registration.objects.exists()
    out = io.StringIO()
    call_command("forget_past_registrations", stdout=out)
    assert "Deleted 0 registration(s)" in out.getvalue()


ADMIN = {"host": ALLIANCE_HOST}


def test_organizers_see_counts_and_the_list_of_their_own_chapters_events_only(
    client, network, event, sign_up, login
):
    sign_up(event, "river@example.org")
    hill_event = add_event(
        network.hilltop, "Hill supper", start_date=SOON, takes_registrations=True
    )
    hill = service.register(
        hill_event,
        {
            "name": "Hill Person",
            "email": "hill@example.org",
            "access_needs": [],
            "interpretation_language": "",
            "access_notes": "",
        },
        language="en",
    )
    login("riverside-editor")
    listing = client.get("/admin/registrations/", headers=ADMIN).text
    assert "Rosa Registrant" in listing and "Tenant meeting" in listing
    assert "Hill Person" not in listing and "Hill supper" not in listing
    export = client.get("/admin/registrations/?export=csv", headers=ADMIN)
    rows = list(csv.reader(io.StringIO(b"".join(export.streaming_content).decode("utf-8-sig"))))
    assert [row[1] for row in rows[1:]] == ["river@example.org"]
    assert "ASL interpretation" in rows[1][4]
    dashboard = client.get("/admin/", headers=ADMIN).text
    assert "Tenant meeting" in dashboard and "1 registered of 2 places" in dashboard
    for view in ("inspect", "delete", "history"):
        response = client.get(f"/admin/registrations/{view}/{hill.pk}/", headers=ADMIN, follow=True)
        assert response.status_code == 404 and "Hill Person" not in response.text
    refused = client.post(f"/admin/registrations/delete/{hill.pk}/", headers=ADMIN, follow=True)
    assert refused.status_code == 404 and Registration.objects.filter(pk=hill.pk).exists()
    # The filter offers the organizer's own events only; junk in it is no error page.
    assert "Hill supper" not in client.get("/admin/registrations/?event=", headers=ADMIN).text
    mine = client.get(f"/admin/registrations/?event={event.pk}", headers=ADMIN).text
    assert "Rosa Registrant" in mine
    theirs = client.get(f"/admin/registrations/?event={hill_event.pk}", headers=ADMIN)
    assert theirs.status_code == 200 and "Hill Person" not in theirs.text
    for junk in ("?event=abc", "?event=99999999999999999999", "?status=zzz", "?q=%00"):
        response = client.get(f"/admin/registrations/{junk}", headers=ADMIN)
        assert response.status_code == 200 and "Hill Person" not in response.text, junk
    for username in ("alliance-editor", "network-admin", "riverside-member"):
        client.logout()
        login(username)
        response = client.get("/admin/registrations/", headers=ADMIN, follow=True)
        assert "Rosa Registrant" not in response.text and "Hill Person" not in response.text


def test_the_form_costs_the_same_queries_however_many_have_signed_up(client, network, event):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = f"/en/event-registration/{event.pk}/"

    def cost() -> int:
        client.get(url, headers={"host": RIVERSIDE_HOST})  # warm per-process caches
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url, headers={"host": RIVERSIDE_HOST}).status_code == 200
        return len(queries)

    few = cost()
    event.capacity = None
    event.save()
    chapter = network.riverside.chapter
    Registration.objects.bulk_create(
        Registration(
            event=event,
            chapter=chapter,
            name=f"P{n}",
            email=f"p{n}@example.org",
            status=Registration.REGISTERED,
            language="en",
        )
        for n in range(30)
    )
    assert cost() <= few <= 14
