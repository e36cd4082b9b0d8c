"""Joining a chapter: the form, double opt-in by email, leaving (deletion), and the
moderators' list and CSV export of their own people only.
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
from django.core.management import call_command
from django.utils import timezone

from chapters.archive.intake.guard import form_token
from chapters.models import Chapter, Supporter
from chapters.supporters.views import JOIN_SALT
from tests.conftest import ALLIANCE_HOST, HILLTOP_HOST, RIVERSIDE_HOST

pytestmark = pytest.mark.django_db

FORMS = itertools.count()  # each form shown a second earlier than the last: distinct forms
NAME = "Ofelia Canary-Joiner"
EMAIL = "ofelia.joins@example.org"


@pytest.fixture(autouse=True)
def fresh_cache():
    """The rate limit and used forms live in the cache: each test starts with none."""
    cache.clear()
    yield
    cache.clear()


def join_data(network, host=RIVERSIDE_HOST, **overrides) -> dict:
    data = {
        "name": NAME,
        "email": EMAIL,
        "languages": ["es", "en"],
        "other_languages": "Haitian Creole",
        "rights": ["housing"],
        "help": ["events", "language"],
        "message": "I can interpret at meetings.",
        "consent": "on",
        "website": "",
        "started": form_token(
            network.site(host), now=time.time() - 60 - next(FORMS), salt=JOIN_SALT
        ),
    }
    data.update(overrides)
    return data


def join(client, data, *, lang="en", host=RIVERSIDE_HOST):
    return client.post(f"/{lang}/get-involved/", data, headers={"host": host})


def links(message) -> dict[str, str]:
    """The confirm and leave links of a message, as paths."""
    found = dict(
        re.findall(r"https?://[^/\s]+(/\S+/get-involved/(confirm|leave)/[\w-]+/)", message.body)
    )
    return {kind: path for path, kind in found.items()}


@pytest.fixture
def joined(client, network, django_capture_on_commit_callbacks):
    """A visitor who filled in the form on Riverside's site, in Spanish."""
    with django_capture_on_commit_callbacks(execute=True):
        response = join(client, join_data(network), lang="es")
    assert response.status_code == 200
    return Supporter.objects.get(email=EMAIL)


def test_a_visitor_joins_and_confirms_by_email(client, network, joined):
    # What they were asked to agree to is kept, in their language, with its moment.
    assert "Riverside" in joined.consent_wording and "correo" in joined.consent_wording
    assert joined.consented_at and joined.confirmed_at is None
    assert (joined.language, joined.rights, joined.help) == (
        "es",
        ["housing"],
        ["events", "language"],
    )
    [message] = mail.outbox
    assert message.to == [EMAIL] and "Riverside" in message.subject
    found = links(message)
    assert found["confirm"].startswith("/es/") and message.extra_headers[
        "List-Unsubscribe"
    ].endswith(found["leave"] + ">")
    # Opening the link asks; only pressing the button confirms (mail scanners follow links).
    page = client.get(found["confirm"], headers={"host": RIVERSIDE_HOST})
    assert page.status_code == 200 and NAME in page.content.decode()
    joined.refresh_from_db()
    assert joined.confirmed_at is None
    done = client.post(found["confirm"], headers={"host": RIVERSIDE_HOST})
    assert done.status_code == 200 and "Bienvenida" in done.content.decode()
    joined.refresh_from_db()
    assert joined.confirmed_at is not None
    # Another chapter's site does not know the link.
    other = client.get(found["confirm"].replace("/es/", "/en/"), headers={"host": HILLTOP_HOST})
    assert other.status_code == 404


def test_leaving_deletes_the_person_in_one_click(client, network, joined):
    leave = links(mail.outbox[0])["leave"]
    assert "Eliminar" in client.get(leave, headers={"host": RIVERSIDE_HOST}).content.decode()
    # The one-click unsubscribe of mail programs: a POST with no CSRF token.
    client.handler.enforce_csrf_checks = True
    response = client.post(
        leave, {"List-Unsubscribe": "One-Click"}, headers={"host": RIVERSIDE_HOST}
    )
    assert response.status_code == 200
    assert not Supporter.objects.filter(email=EMAIL).exists()
    again = client.get(leave, headers={"host": RIVERSIDE_HOST}).content.decode()
    assert "nada que eliminar" in again


def test_joining_twice_never_tells_who_has_joined(
    client, network, joined, django_capture_on_commit_callbacks
):
    Supporter.objects.filter(pk=joined.pk).update(confirmed_at=timezone.now())
    first = client.get("/en/get-involved/", headers={"host": RIVERSIDE_HOST})
    with django_capture_on_commit_callbacks(execute=True):
        again = join(client, join_data(network, name="Someone Else Entirely"))
    # The same page as for a new person; the owner of the address is told, nothing changes.
    assert again.status_code == 200 and "Check your email" in again.content.decode()
    assert first.status_code == 200
    assert Supporter.objects.filter(email=EMAIL).count() == 1
    assert Supporter.objects.get(email=EMAIL).name == NAME
    assert "Ya forma parte" in mail.outbox[-1].subject  # in the language they joined in


def test_a_bad_form_keeps_what_was_typed_and_says_what_is_wrong(client, network):
    response = join(client, join_data(network, email="not-an-address", consent=""))
    text = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in text and "valid email address" in text
    assert "Please agree to be contacted" in text
    assert NAME in text and "I can interpret at meetings." in text
    assert not Supporter.objects.exists() and not mail.outbox


@pytest.mark.parametrize(
    "overrides",
    [
        {"rights": ["no-such-right"]},
        {"help": ["<script>"]},
        {"languages": ["xx"]},
        {"name": "x" * 5000},
        {"started": "garbage"},
        {"website": "http://spam.example"},
    ],
)
def test_junk_is_refused_without_an_error_page(client, network, overrides):
    response = join(client, join_data(network, **overrides))
    assert response.status_code in (200, 400)
    assert not Supporter.objects.exists()


def test_the_alliance_site_and_unknown_links_have_no_form(client, network):
    assert join(client, join_data(network), host=ALLIANCE_HOST).status_code == 404
    assert client.get("/en/get-involved/", headers={"host": ALLIANCE_HOST}).status_code == 404
    for path in ("/en/get-involved/confirm/not-a-key/", "/en/get-involved/leave/1/"):
        assert client.get(path, headers={"host": RIVERSIDE_HOST}).status_code == 404


def test_unconfirmed_sign_ups_are_forgotten(network, joined, settings):
    Supporter.objects.filter(pk=joined.pk).update(
        created_at=timezone.now()
        - datetime.timedelta(days=settings.SUPPORTER_CONFIRM_DAYS, hours=1)
    )
    out = io.StringIO()
    call_command("forget_unconfirmed_supporters", stdout=out)
    assert "Deleted 1" in out.getvalue()
    assert not Supporter.objects.exists()


def add_people():
    riverside = Chapter.objects.get(home__title="Riverside")
    hilltop = Chapter.objects.get(home__title="Hilltop")
    now = timezone.now()
    common = {"language": "en", "consent_wording": "I agree.", "consented_at": now}
    Supporter.objects.create(
        chapter=riverside, name="River Confirmed", email="a@example.org", confirmed_at=now, **common
    )
    Supporter.objects.create(
        chapter=riverside, name="River Pending", email="b@example.org", **common
    )
    Supporter.objects.create(
        chapter=hilltop, name="Hill Confirmed", email="c@example.org", confirmed_at=now, **common
    )


ADMIN = {"host": ALLIANCE_HOST}


def test_moderators_see_and_export_only_their_own_confirmed_people(client, network, login):
    add_people()
    login("riverside-moderator")
    listing = client.get("/admin/people/", headers=ADMIN).content.decode()
    assert "River Confirmed" in listing
    assert "River Pending" not in listing and "Hill Confirmed" not in listing
    export = client.get("/admin/people/?export=csv", headers=ADMIN)
    rows = list(csv.reader(io.StringIO(b"".join(export.streaming_content).decode("utf-8-sig"))))
    assert [row[1] for row in rows[1:]] == ["a@example.org"]
    hill = Supporter.objects.get(name="Hill Confirmed")
    for view in ("inspect", "delete", "history"):
        response = client.get(f"/admin/people/{view}/{hill.pk}/", headers=ADMIN, follow=True)
        assert response.status_code == 404 and "Hill Confirmed" not in response.text
    refused = client.post(f"/admin/people/delete/{hill.pk}/", headers=ADMIN, follow=True)
    assert refused.status_code == 404 and Supporter.objects.filter(pk=hill.pk).exists()
    mine = Supporter.objects.get(name="River Confirmed")
    assert client.post(f"/admin/people/delete/{mine.pk}/", headers=ADMIN).status_code == 302
    assert not Supporter.objects.filter(pk=mine.pk).exists()
