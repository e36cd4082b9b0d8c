"""The archive's public intake: "Share your story" and withdrawal by reference.

A shared story is a draft with consent pending in the chapter's moderation
queue, never public by itself; private details stay out of the page; bots get
nothing in; the narrator can withdraw with the reference they were shown.
"""

import itertools
import json
import re
import time
import uuid

import pytest
from django.core import mail
from django.core.cache import cache
from wagtail.models import PageLogEntry, WorkflowState

from chapters.archive.consent_records import ConsentRecord
from chapters.archive.intake.guard import form_token
from chapters.models import ArchiveEntryPage, ArchiveIndexPage, Chapter
from tests.conftest import ALLIANCE_HOST, HILLTOP_HOST, RIVERSIDE_HOST
from tests.pages import add_entry, section

pytestmark = pytest.mark.django_db

TITLE = "The winter the water was cut"
STORY = (
    "In January our building lost water for three weeks. We carried buckets up six floors.\n\n"
    "The landlord never answered our letters."
)
REAL_NAME = "Marisol Quintanilla-Verdadera"
CONTACT = "marisol.private@example.org"
REPRESENTATIVE = "Tomasina Guardian-Privada"
FORMS = itertools.count()  # each form shown a second earlier than the last: distinct forms


@pytest.fixture(autouse=True)
def fresh_cache():
    """The rate limit and used forms live in the cache: each test starts with none."""
    cache.clear()
    yield
    cache.clear()


def story_data(network, *, age: float = 60, **overrides) -> dict:
    site = network.site(RIVERSIDE_HOST)
    data = {
        "title": TITLE,
        "story": STORY,
        "year": "2014",
        "place": "Elm Street",
        "narrator": "M.",
        "is_pseudonym": "on",
        "real_name": REAL_NAME,
        "contact": CONTACT,
        "given_by_role": "representative",
        "representative_name": REPRESENTATIVE,
        "scope": "public",
        "channels": ["web", "feeds"],
        "embargo_until": "",
        "content_warning": "Speaks of a winter without water.",
        "understood": "on",
        "website": "",
        # Shown `age` seconds ago; a distinct form each time (a form is used once).
        "started": form_token(site, now=time.time() - age - next(FORMS)),
    }
    data.update(overrides)
    return data


def share(client, data, *, lang="en", host=RIVERSIDE_HOST):
    return client.post(f"/{lang}/share-your-story/", data, headers={"host": host})


def withdraw(client, reference, reason="", *, host=RIVERSIDE_HOST):
    return client.post(
        "/en/withdraw-my-story/",
        {"reference": str(reference), "reason": reason},
        headers={"host": host},
    )


def shared_entry() -> ArchiveEntryPage:
    return ArchiveEntryPage.objects.get(title=TITLE)


def test_form_is_offered_on_a_chapter_site_in_its_languages(client, network):
    response = client.get("/en/share-your-story/", headers={"host": RIVERSIDE_HOST})
    assert response.status_code == 200
    assert "Share your story" in response.text
    assert 'aria-describedby="id_story_helptext"' in response.text
    # The honeypot is out of sight, out of the tab order and of the accessibility tree.
    assert 'aria-hidden="true"' in response.text and 'tabindex="-1"' in response.text
    assert response["Cache-Control"].startswith("max-age=0")

    spanish = client.get("/es/share-your-story/", headers={"host": RIVERSIDE_HOST})
    assert spanish.status_code == 200
    assert '<html lang="es"' in spanish.text
    assert "Comparta su historia" in spanish.text


@pytest.mark.parametrize("path", ["/en/share-your-story/", "/en/withdraw-my-story/"])
@pytest.mark.parametrize("host", [ALLIANCE_HOST, "nowhere.localhost"])
def test_no_intake_on_the_alliance_site_or_unknown_hosts(client, network, path, host):
    assert client.get(path, headers={"host": host}).status_code == 404
    assert client.post(path, {}, headers={"host": host}).status_code == 404


def test_a_shared_story_is_a_draft_with_pending_consent_in_the_moderation_queue(
    client, network, login
):
    mail.outbox.clear()
    response = share(client, story_data(network))
    assert response.status_code == 200

    entry = shared_entry()
    assert not entry.live
    assert entry.get_parent().specific == section(network.riverside, ArchiveIndexPage)
    assert (entry.kind, entry.period_start, entry.place) == ("testimony", 2014, "Elm Street")
    assert (entry.narrators, entry.narrator_is_pseudonym) == ("M.", True)
    assert entry.summary.startswith("In January our building lost water for three weeks.")
    assert "<p>The landlord never answered our letters.</p>" in entry.transcript
    assert entry.content_warning == "Speaks of a winter without water."

    record = ConsentRecord.objects.get(entry=entry)
    assert record.status == ConsentRecord.PENDING
    assert record.recorded_by is None
    assert (record.scope, record.channels) == ("public", ["web", "feeds"])
    assert (record.given_by, record.given_by_role) == (REPRESENTATIVE, "representative")
    assert record.narrator_real_name == REAL_NAME
    assert CONTACT in record.notes
    # The reference is shown once, to the person who shared the story.
    assert str(record.reference) in response.text
    assert "/en/withdraw-my-story/" in response.text

    chapter = Chapter.objects.get(home=network.riverside)
    state = WorkflowState.objects.get(object_id=str(entry.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow == chapter.workflow
    assert "riverside-moderator@example.org" in [m.to[0] for m in mail.outbox]

    log = PageLogEntry.objects.get(page=entry, action="chapters.story_shared")
    assert REAL_NAME not in json.dumps(log.data) and CONTACT not in json.dumps(log.data)

    # Wagtail's "Awaiting your review" for the chapter's moderators, not another chapter's.
    dashboard = login("riverside-moderator").get("/admin/", headers={"host": RIVERSIDE_HOST})
    assert TITLE in dashboard.text
    client.logout()
    other = login("hilltop-moderator").get("/admin/", headers={"host": HILLTOP_HOST})
    assert TITLE not in other.text


def test_a_shared_story_is_never_public_by_itself(client, network):
    share(client, story_data(network, scope="public", channels=["web"]))
    entry = shared_entry()
    get = lambda path: client.get(path, headers={"host": RIVERSIDE_HOST})  # noqa: E731
    assert get(f"/en/archive/{entry.slug}/").status_code == 404
    assert TITLE not in get("/en/archive/").text
    assert TITLE not in get("/en/").text
    # Search answers (an entry the public may see is found), the shared story is not.
    add_entry(network.riverside, "Buckets on the stairs", summary="Carrying buckets.")
    search = get("/en/search/?query=buckets")
    assert [page.title for page in search.context["search_results"]] == ["Buckets on the stairs"]


def test_private_details_never_reach_the_page_or_its_revisions(client, network):
    response = share(client, story_data(network))
    entry = shared_entry()
    content = json.dumps(entry.latest_revision.content)
    for private in (REAL_NAME, CONTACT, REPRESENTATIVE):
        assert private not in content
        assert private not in response.text
        assert private not in entry.title + entry.slug + entry.summary + entry.transcript
    assert entry.slug == "the-winter-the-water-was-cut"


def test_slugs_are_unique(client, network):
    share(client, story_data(network))
    share(client, story_data(network))
    slugs = sorted(ArchiveEntryPage.objects.filter(title=TITLE).values_list("slug", flat=True))
    assert slugs == ["the-winter-the-water-was-cut", "the-winter-the-water-was-cut-1"]


def test_the_honeypot_is_thanked_and_nothing_is_created(client, network):
    response = share(client, story_data(network, website="https://spam.example"))
    assert response.status_code == 200
    assert "Your reference" in response.text
    assert not ArchiveEntryPage.objects.filter(title=TITLE).exists()
    assert not ConsentRecord.objects.filter(narrator_real_name=REAL_NAME).exists()


def test_a_form_sent_too_fast_is_refused_and_keeps_the_text(client, network):
    response = share(client, story_data(network, started=form_token(network.site(RIVERSIDE_HOST))))
    assert response.status_code == 400
    assert "faster than a person can write" in response.text
    assert "We carried buckets up six floors." in response.text
    assert not ArchiveEntryPage.objects.filter(title=TITLE).exists()


def test_a_forged_or_foreign_form_is_refused(client, network):
    forged = share(client, story_data(network, started="not-signed"))
    hilltop_token = form_token(network.site(HILLTOP_HOST), now=time.time() - 60)
    foreign = share(client, story_data(network, started=hilltop_token))
    assert forged.status_code == foreign.status_code == 400
    assert not ArchiveEntryPage.objects.filter(title=TITLE).exists()


def test_the_same_form_sent_twice_makes_one_entry(client, network):
    data = story_data(network)
    share(client, data)
    again = share(client, data)
    assert again.status_code == 200
    assert "already been received" in again.text
    assert ArchiveEntryPage.objects.filter(title=TITLE).count() == 1


def test_rate_limit_per_address_returns_429_and_keeps_the_text(client, network, settings):
    settings.STORY_INTAKE_RATE_LIMIT = 2
    for _ in range(2):
        assert share(client, story_data(network)).status_code == 200
    response = share(client, story_data(network, story=STORY + " One more time."))
    assert response.status_code == 429
    assert "Too many forms" in response.text
    assert "One more time." in response.text
    assert ArchiveEntryPage.objects.filter(title=TITLE).count() == 2
    # Another chapter's site counts its own.
    hilltop_form = form_token(network.site(HILLTOP_HOST), now=time.time() - 60)
    response = share(client, story_data(network, started=hilltop_form), host=HILLTOP_HOST)
    assert "Your reference" in response.text


def test_validation_errors_are_beside_the_fields_and_keep_the_text(client, network):
    data = story_data(network, year="1200", scope="", understood="")
    response = share(client, data)
    assert response.status_code == 200
    text = response.text
    assert "There is a problem" in text
    assert 'href="#id_year"' in text and 'href="#id_scope_0"' in text
    assert 'aria-invalid="true"' in text
    assert 'id="id_year_error"' in text
    assert "Enter a year between 1600 and" in text
    assert "We carried buckets up six floors." in text
    assert 'value="The winter the water was cut"' in text
    assert 'value="Marisol Quintanilla-Verdadera"' in text  # kept, for the person only
    assert not ArchiveEntryPage.objects.filter(title=TITLE).exists()


def test_channels_are_needed_unless_kept_for_research(client, network):
    assert "at least one place" in share(client, story_data(network, channels=[])).text
    response = share(client, story_data(network, channels=[], scope="research"))
    assert "Your reference" in response.text
    assert ConsentRecord.objects.get(entry=shared_entry()).channels == []


def test_spanish_form_on_riverside(client, network):
    response = share(client, story_data(network), lang="es")
    assert response.status_code == 200
    assert '<html lang="es"' in response.text
    assert "Su referencia" in response.text
    entry = shared_entry()
    # In the site's default-language tree, for the moderators to review and translate.
    assert entry.locale.language_code == "en"


def test_withdrawal_by_reference_of_a_draft(client, network):
    share(client, story_data(network))
    entry = shared_entry()
    record = ConsentRecord.objects.get(entry=entry)
    response = withdraw(client, record.reference, "I changed my mind.")
    assert response.status_code == 200
    assert "the story is withdrawn now" in response.text
    record.refresh_from_db()
    assert record.status == ConsentRecord.WITHDRAWN
    assert record.withdrawn_by is None
    assert record.withdrawal_reason == (
        "Withdrawn by the narrator through the public form: I changed my mind."
    )
    assert PageLogEntry.objects.filter(page=entry, action="chapters.withdraw_consent").exists()
    # Nothing left in the moderators' queue.
    state = WorkflowState.objects.get(object_id=str(entry.pk))
    assert state.status == WorkflowState.STATUS_CANCELLED


def test_withdrawal_by_reference_takes_a_published_entry_down(client, network):
    entry = add_entry(network.riverside, "Published testimony")
    url = f"/en/archive/{entry.slug}/"
    assert client.get(url, headers={"host": RIVERSIDE_HOST}).status_code == 200
    record = ConsentRecord.objects.get(entry=entry)
    withdraw(client, str(record.reference).upper())
    record.refresh_from_db()
    assert record.status == ConsentRecord.WITHDRAWN
    assert record.withdrawal_reason == "Withdrawn by the narrator through the public form"
    assert client.get(url, headers={"host": RIVERSIDE_HOST}).status_code == 404
    assert (
        "Published testimony"
        not in client.get("/en/archive/", headers={"host": RIVERSIDE_HOST}).text
    )


def test_a_wrong_or_foreign_reference_gets_the_same_neutral_answer(client, network):
    mine = add_entry(network.riverside, "Riverside testimony")
    theirs = add_entry(network.hilltop, "Hilltop testimony")
    right = withdraw(client, ConsentRecord.objects.get(entry=mine).reference)
    wrong = withdraw(client, uuid.uuid4())
    foreign = withdraw(client, ConsentRecord.objects.get(entry=theirs).reference)
    assert right.status_code == wrong.status_code == foreign.status_code == 200
    # Every page has its own CSP nonce; everything else is the same.
    right, wrong, foreign = (
        re.sub(rb'nonce="[^"]*"', b"", answer.content) for answer in (right, wrong, foreign)
    )
    assert right == wrong == foreign
    assert ConsentRecord.objects.get(entry=theirs).status == ConsentRecord.GIVEN
    assert (
        client.get(f"/en/archive/{theirs.slug}/", headers={"host": HILLTOP_HOST}).status_code == 200
    )


def test_a_malformed_reference_is_explained_beside_the_field(client, network):
    response = withdraw(client, "not-a-reference")
    assert response.status_code == 200
    assert "That is not a reference" in response.text
    assert 'aria-invalid="true"' in response.text


def test_withdrawal_attempts_are_rate_limited(client, network, settings):
    settings.STORY_INTAKE_RATE_LIMIT = 2
    for _ in range(2):
        withdraw(client, uuid.uuid4())
    reference = uuid.uuid4()
    response = withdraw(client, reference, "Please")
    assert response.status_code == 429
    assert str(reference) in response.text


def test_behind_a_proxy_each_reader_is_counted_by_their_own_address(client, network, settings):
    """Behind the deployment's reverse proxy every request comes from the proxy: the
    limit counts the address the proxy saw, or one reader would block everyone."""
    settings.STORY_INTAKE_RATE_LIMIT = 1
    settings.TRUSTED_PROXY_COUNT = 1

    def share_from(forwarded_for, **overrides):
        return client.post(
            "/en/share-your-story/",
            story_data(network, **overrides),
            headers={"host": RIVERSIDE_HOST, "x-forwarded-for": forwarded_for},
        )

    assert "Your reference" in share_from("203.0.113.7").text
    assert share_from("203.0.113.7").status_code == 429
    # Another reader through the same proxy is not blocked by the first.
    assert "Your reference" in share_from("198.51.100.4").text
    # Nor does the first get round the limit by inventing addresses to the left.
    assert share_from("192.0.2.99, 203.0.113.7").status_code == 429
    assert ArchiveEntryPage.objects.filter(title=TITLE).count() == 2


def test_a_narrator_withdrawing_their_stories_never_uses_up_the_limit(client, network, settings):
    settings.STORY_INTAKE_RATE_LIMIT = 1
    first = add_entry(network.riverside, "First of mine")
    second = add_entry(network.riverside, "Second of mine")
    for entry in (first, second):
        withdraw(client, ConsentRecord.objects.get(entry=entry).reference)
        assert ConsentRecord.objects.get(entry=entry).status == "withdrawn"
    # Misses count: one is allowed, the next is refused.
    assert withdraw(client, uuid.uuid4()).status_code == 200
    assert withdraw(client, uuid.uuid4()).status_code == 429
