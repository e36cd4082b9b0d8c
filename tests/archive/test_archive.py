"""The truth-telling archive: only entries whose consent allows it reach the public."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from chapters.archive.consent_records import ConsentRecord
from tests.conftest import RIVERSIDE_HOST
from tests.pages import add_entry

pytestmark = pytest.mark.django_db

CANARY = "zebracanary"


def get(client, path):
    return client.get(path, headers={"host": RIVERSIDE_HOST})


def search_titles(client, query):
    return [
        page.title for page in get(client, f"/en/search/?query={query}").context["search_results"]
    ]


HIDDEN_STATES = {
    "pending": {"consent_status": "pending"},
    "withdrawn": {"consent_status": "withdrawn"},
    "members only": {"consent_scope": "members"},
    "embargoed": {"embargo_until": timezone.now() + datetime.timedelta(days=30)},
    "draft": {"live": False},
}


@pytest.mark.parametrize("state", HIDDEN_STATES)
def test_entry_without_public_consent_appears_nowhere(client, network, state):
    entry = add_entry(
        network.riverside,
        f"Testimony {CANARY}",
        slug="testimony",  # the address a visitor types is theirs to see again
        transcript=f"<p>{CANARY}</p>",
        **HIDDEN_STATES[state],
    )
    response = get(client, f"/en/archive/{entry.slug}/")
    if state == "members only":  # readers are asked to log in; nothing of the entry is shown
        assert response.status_code == 302 and "/_util/login/" in response["Location"]
    else:
        assert response.status_code == 404
    assert CANARY not in response.content.decode()
    for path in ("/en/archive/", "/en/"):
        response = get(client, path)
        assert response.status_code == 200
        assert CANARY not in response.text, f"{state} entry leaked on {path}"
    assert search_titles(client, CANARY) == []


def test_consented_public_entry_is_shown_everywhere(client, network):
    entry = add_entry(
        network.riverside,
        f"Testimony {CANARY}",
        transcript=f"<p>{CANARY}</p>",
        content_warning="Speaks of an eviction.",
    )
    page = get(client, f"/en/archive/{entry.slug}/")
    assert page.status_code == 200
    # The warning comes first; the transcript only once the reader chooses to continue.
    assert "Content warning" in page.text and "Transcript" not in page.text
    text = get(client, f"/en/archive/{entry.slug}/?continue=1").text
    assert text.index("Content warning") < text.index("Transcript") < text.index(f"<p>{CANARY}</p>")
    for path in ("/en/archive/", "/en/"):
        assert CANARY in get(client, path).text, path
    assert search_titles(client, CANARY) == [entry.title]


def test_embargo_ends_at_its_moment_with_no_job(client, network):
    entry = add_entry(
        network.riverside,
        "Embargoed testimony",
        embargo_until=timezone.now() + datetime.timedelta(days=1),
    )
    assert get(client, f"/en/archive/{entry.slug}/").status_code == 404
    ConsentRecord.objects.filter(entry=entry).update(
        embargo_until=timezone.now() - datetime.timedelta(seconds=1)
    )
    assert get(client, f"/en/archive/{entry.slug}/").status_code == 200


# The gate itself, with the record changed behind the consent service's back (a queryset
# update sends no signal); the service empties the page cache too (test_page_cache.py).
@pytest.mark.usefixtures("uncached")
def test_withdrawing_consent_hides_a_published_entry_at_once(client, network):
    entry = add_entry(network.riverside, "Testimony to withdraw")
    assert get(client, f"/en/archive/{entry.slug}/").status_code == 200
    ConsentRecord.objects.filter(entry=entry).update(status="withdrawn")
    assert get(client, f"/en/archive/{entry.slug}/").status_code == 404
    assert "Testimony to withdraw" not in get(client, "/en/archive/").text


def test_recording_cannot_be_published_without_transcript(network):
    with pytest.raises(ValidationError) as error:
        add_entry(network.riverside, "Oral history", media_url="https://example.org/a.mp3")
    assert "transcript" in error.value.message_dict


def test_recording_without_transcript_may_stay_a_draft(network):
    entry = add_entry(
        network.riverside, "Oral history", live=False, media_url="https://example.org/a.mp3"
    )
    assert not entry.live


def test_index_filters_by_kind_decade_and_right(client, network):
    from home.models import Right

    housing = Right.objects.get(slug="housing")
    add_entry(
        network.riverside,
        "Rent strike photo",
        kind="photograph",
        period_start=1971,
        rights=[housing],
    )
    add_entry(network.riverside, "School letter", kind="document", period_start=1988)

    def titles(query):
        return [e.title for e in get(client, f"/en/archive/{query}").context["entries"]]

    assert titles("?kind=photograph") == ["Rent strike photo"]
    assert titles("?decade=1980") == ["School letter"]
    assert titles("?right=housing") == ["Rent strike photo"]
    assert titles("") == ["Rent strike photo", "School letter"]


def test_pseudonym_is_labelled(client, network):
    entry = add_entry(
        network.riverside,
        "Told under another name",
        narrators="Rosa M.",
        narrator_is_pseudonym=True,
    )
    assert "Rosa M. (a pseudonym)" in get(client, f"/en/archive/{entry.slug}/").text


def test_a_testimony_is_told_by_its_narrator_and_a_photograph_is_by_its_maker(client, network):
    told = add_entry(network.riverside, "Told at the table", narrators="Rosa M.")
    taken = add_entry(
        network.riverside, "Taken at the meeting", kind="photograph", narrators="Ana P."
    )
    assert "Told by Rosa M." in get(client, f"/en/archive/{told.slug}/").text
    photograph = get(client, f"/en/archive/{taken.slug}/").text
    assert "By Ana P." in photograph and "Told by" not in photograph
