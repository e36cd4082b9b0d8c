"""Start a chapter: a would-be organizer asks on the Alliance's site; a network admin
approves the request into onboarding in one step, or declines and deletes it."""

import itertools
import time

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from chapters.archive.intake.guard import form_token
from chapters.models import Chapter
from chapters.network.start_chapter import SALT
from home.models import ChapterRequest
from network_site.api import api_router
from tests.conftest import ALLIANCE_HOST, RIVERSIDE_HOST

pytestmark = pytest.mark.django_db
ADMIN = {"host": "localhost"}
PLACE = "Riverbend"
EMAIL = "organizer.private@example.org"
FORMS = itertools.count()  # a distinct form each time (a form is used once)


@pytest.fixture(autouse=True)
def fresh_cache():
    """The rate limit and used forms live in the cache: each test starts with none."""
    cache.clear()
    yield
    cache.clear()


def request_data(network, *, age: float = 60, **overrides) -> dict:
    site = network.site(ALLIANCE_HOST)
    data = {
        "place": PLACE,
        "locality_type": "city",
        "state": "OR",
        "contact_name": "Ana Organizer",
        "contact_email": EMAIL,
        "languages": ["en", "es"],
        "activities": "A tenants' union meets every Tuesday.",
        "consent": "on",
        "website": "",
        "started": form_token(site, now=time.time() - age - next(FORMS), salt=SALT),
    }
    data.update(overrides)
    return data


def send(client, data, *, lang="en", host=ALLIANCE_HOST):
    return client.post(f"/{lang}/start-a-chapter/", data, headers={"host": host})


def pending_request(network) -> ChapterRequest:
    """A request as the form saves it, sent by a reader (not the admin's client)."""
    assert send(Client(), request_data(network)).status_code == 200
    return ChapterRequest.objects.get(place=PLACE)


def test_an_organizer_asks_and_the_request_keeps_the_consent_they_saw(
    client, network, django_capture_on_commit_callbacks
):
    page = client.get("/en/start-a-chapter/", headers={"host": ALLIANCE_HOST})
    assert page.status_code == 200
    assert "Start a chapter where you live" in page.text
    home = client.get("/en/", headers={"host": ALLIANCE_HOST})
    assert 'href="/en/start-a-chapter/"' in home.text  # the home page's call to action

    with django_capture_on_commit_callbacks(execute=True):
        response = send(client, request_data(network), lang="es")
    assert response.status_code == 200
    assert "Qué sigue" in response.text  # the confirmation says what happens next
    saved = ChapterRequest.objects.get()
    assert (saved.place, saved.state, saved.languages) == (PLACE, "OR", ["en", "es"])
    assert saved.status == ChapterRequest.PENDING and saved.language == "es"
    assert saved.consent_text.startswith("La Alianza de Ciudades de Derechos Humanos")
    assert abs((timezone.now() - saved.consented_at).total_seconds()) < 60
    # Not a page: neither search nor the open data API has it.
    found = client.get(f"/en/search/?query={PLACE}", headers={"host": ALLIANCE_HOST})
    assert EMAIL not in found.text and "Ana Organizer" not in found.text
    assert not any("request" in name for name in api_router._endpoints)
    # The network admins are told, without the person's name or address.
    (notice,) = mail.outbox
    assert notice.to == ["network-admin@example.org"]
    assert PLACE in notice.subject and EMAIL not in notice.body and "Ana" not in notice.body


def test_a_bad_form_keeps_the_text_and_says_what_to_fix(client, network):
    response = send(client, request_data(network, contact_email="not an address", consent=""))
    assert response.status_code == 200
    assert "There is a problem" in response.text
    assert "Enter a valid email address." in response.text
    assert "Please agree to be contacted" in response.text
    assert f'value="{PLACE}"' in response.text and "tenants&#x27; union" in response.text
    # Sent a moment after it opened: refused, and still everything typed is there.
    fast = send(client, request_data(network, age=-60))
    assert fast.status_code == 400 and f'value="{PLACE}"' in fast.text
    assert not ChapterRequest.objects.exists()


def test_no_form_on_a_chapter_site(client, network):
    assert client.get("/en/start-a-chapter/", headers={"host": RIVERSIDE_HOST}).status_code == 404
    assert send(client, request_data(network), host=RIVERSIDE_HOST).status_code == 404


JUNK = [
    {},
    {"place": "x" * 10000, "locality_type": "castle", "state": "ZZ", "languages": "klingon"},
    {"place": "\x00\r\n", "contact_email": "@", "consent": ["on", "off"], "started": "💥"},
    {"languages": ["en"] * 50, "started": "a:b:c", "website": ""},
    {"website": "spam", "place": PLACE},  # the honeypot: thanked, nothing saved
]


@pytest.mark.parametrize("junk", JUNK)
def test_junk_is_never_a_server_error_nor_a_request(client, network, junk):
    response = client.post("/en/start-a-chapter/", junk, headers={"host": ALLIANCE_HOST})
    assert response.status_code < 500
    assert not ChapterRequest.objects.exists()


def test_a_network_admin_approves_a_request_into_a_live_chapter_once(client, login, network):
    chapter_request = pending_request(network)
    login("network-admin")
    url = reverse("chapter_requests:approve", args=[chapter_request.pk])
    form = client.get(url, headers=ADMIN)
    assert 'value="riverbend.localhost"' in form.text  # suggested from the place's name

    # Onboarding's refusal is shown beside the field, and what was typed stays.
    taken = {"name": "Riverbend Rising", "hostname": RIVERSIDE_HOST, "time_zone": "America/Denver"}
    refused = client.post(url, {**taken, "invite_requester": "on"}, headers=ADMIN)
    assert "is already used by the site" in refused.text
    assert 'value="Riverbend Rising"' in refused.text

    done = client.post(url, {**taken, "hostname": "riverbend.localhost"}, headers=ADMIN)
    assert done.status_code == 302
    chapter = Chapter.objects.get(home__title="Riverbend Rising")
    assert (chapter.home.state, chapter.home.region) == ("OR", "Oregon")
    assert chapter.languages == ["en", "es"]
    assert client.get("/en/", headers={"host": "riverbend.localhost"}).status_code == 200
    chapter_request.refresh_from_db()
    assert chapter_request.status == ChapterRequest.APPROVED
    assert chapter_request.decided_by.username == "network-admin"
    assert chapter_request.site == chapter.site
    detail = client.get(
        reverse("chapter_requests:inspect", args=[chapter_request.pk]), headers=ADMIN
    )
    assert "It cannot be approved again" in detail.text and "riverbend.localhost" in detail.text

    again = client.post(url, {**taken, "hostname": "riverbend-2.localhost"}, headers=ADMIN)
    assert again.status_code == 302
    assert Chapter.objects.filter(home__title__startswith="Riverbend").count() == 1
    assert not ChapterRequest.objects.filter(hostname="riverbend-2.localhost").exists()


def test_declined_requests_can_be_deleted_and_only_those(client, login, network):
    chapter_request = pending_request(network)
    login("network-admin")
    delete = reverse("chapter_requests:delete", args=[chapter_request.pk])
    client.post(delete, headers=ADMIN)  # refused: a waiting request is decided first
    assert ChapterRequest.objects.filter(pk=chapter_request.pk).exists()
    client.post(reverse("chapter_requests:decline", args=[chapter_request.pk]), headers=ADMIN)
    chapter_request.refresh_from_db()
    assert chapter_request.status == ChapterRequest.DECLINED
    client.post(delete, headers=ADMIN)
    assert not ChapterRequest.objects.filter(pk=chapter_request.pk).exists()
