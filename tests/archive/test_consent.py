"""Consent as data: moderators record and withdraw it; a withdrawal takes the entry
down everywhere in the same request, is audited, and purges front-end caches."""

import datetime
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from wagtail.models import PageLogEntry, PageViewRestriction
from wagtail.search.backends import get_search_backend

from chapters.archive.consent import record_consent, withdraw_consent
from chapters.archive.consent_records import ConsentRecord
from chapters.models import ArchiveEntryPage
from tests.conftest import HILLTOP_HOST, RIVERSIDE_HOST
from tests.pages import add_entry, translate

pytestmark = pytest.mark.django_db


def get(client, path, host=RIVERSIDE_HOST):
    return client.get(path, headers={"host": host})


def indexed(title_word: str) -> list[str]:
    return [page.title for page in get_search_backend().search(title_word, ArchiveEntryPage)]


def test_a_moderator_records_consent_and_the_entry_goes_public_at_once(login, network):
    entry = add_entry(network.riverside, "Kitchen table interview", consent=False)
    client = login("riverside-moderator")
    assert get(client, "/en/archive/kitchen-table-interview/").status_code == 404

    form = client.get(f"/admin/chapters/consent/{entry.pk}/")
    assert form.status_code == 200
    response = client.post(
        f"/admin/chapters/consent/{entry.pk}/",
        {
            "status": "given",
            "scope": "public",
            "given_by": "Ana Real",
            "given_by_role": "narrator",
            "narrator_real_name": "Ana Real Surname",
            "channel_web": "on",
            "consent_document": SimpleUploadedFile("signed-form.pdf", b"%PDF signed by Ana"),
        },
    )
    assert response.status_code == 302
    record = entry.consent
    assert (record.status, record.scope, record.recorded_by.username) == (
        "given",
        "public",
        "riverside-moderator",
    )
    # Stored privately, readable by the moderator only.
    assert Path(record.consent_document.path).is_relative_to(settings.PRIVATE_MEDIA_ROOT)
    download = client.get(f"/admin/chapters/consent/record/{record.pk}/document/")
    assert b"".join(download.streaming_content) == b"%PDF signed by Ana"
    client.logout()
    page = get(client, "/en/archive/kitchen-table-interview/")
    assert page.status_code == 200
    # Who gave consent and the real name are never on the public page.
    assert "Ana Real" not in page.text
    assert indexed("kitchen") == ["Kitchen table interview"]
    assert PageLogEntry.objects.filter(page=entry, action="chapters.record_consent").exists()


@pytest.mark.parametrize("username", ["riverside-editor", "hilltop-moderator", "riverside-member"])
def test_only_the_chapters_moderators_reach_consent(login, network, username):
    entry = add_entry(
        network.riverside,
        "Private form",
        consent={"narrator_real_name": "Hidden Realname", "notes": "call after six"},
    )
    client = login(username)
    record = entry.consent
    for url in (
        f"/admin/chapters/consent/{entry.pk}/",
        f"/admin/chapters/consent/record/{record.pk}/withdraw/",
        f"/admin/chapters/consent/record/{record.pk}/document/",
    ):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert b"Hidden Realname" not in response.content
    assert client.post(
        f"/admin/chapters/consent/record/{record.pk}/withdraw/", {"reason": "x"}
    ).status_code in (302, 403)
    assert ConsentRecord.objects.get(pk=record.pk).status == "given"
    if username == "riverside-editor":
        # The editor sees the status on the entry's Consent tab, not the names.
        edit = client.get(f"/admin/pages/{entry.pk}/edit/").text
        assert "The public" in edit and "Hidden Realname" not in edit


def test_withdrawal_needs_a_reason_and_keeps_it(login, network):
    entry = add_entry(network.riverside, "Needs a reason")
    client = login("riverside-moderator")
    url = f"/admin/chapters/consent/record/{entry.consent.pk}/withdraw/"
    response = client.post(url, {"reason": "   "})
    assert response.status_code == 200
    assert "This field is required." in response.text
    assert ConsentRecord.objects.get(entry=entry).status == "given"


def test_withdrawing_in_the_admin_takes_the_entry_down_everywhere_in_that_request(
    login, client, network
):
    entry = add_entry(network.riverside, "Bridge street testimony", summary="Quokkaflat story.")
    translate(entry, slug="bridge-street-testimony")
    routes = ["/en/archive/bridge-street-testimony/", "/es/archive/bridge-street-testimony/"]
    assert get(client, routes[1]).status_code == 200
    listings = [
        "/en/archive/",
        "/en/",
        "/en/search/?query=quokkaflat",
        "/sitemap.xml",
        "/api/v2/pages/?type=chapters.ArchiveEntryPage",
        "/es/archive/",
    ]

    def shown(path):
        text = get(client, path).content.decode()
        return "Bridge street testimony" in text or "bridge-street-testimony" in text

    for path in listings:
        assert shown(path), path
    assert indexed("quokkaflat") != []

    moderator = login("riverside-moderator")
    response = moderator.post(
        f"/admin/chapters/consent/record/{entry.consent.pk}/withdraw/",
        {"reason": "The narrator called the office on Monday."},
    )
    assert response.status_code == 302
    moderator.logout()

    for path in routes:
        assert get(client, path).status_code == 404, path
    for path in listings:
        assert not shown(path), path
    assert indexed("quokkaflat") == []
    entry.refresh_from_db()
    assert not entry.live  # unpublished, not deleted
    assert ArchiveEntryPage.objects.filter(translation_key=entry.translation_key).count() == 2
    log = PageLogEntry.objects.get(page=entry, action="chapters.withdraw_consent")
    assert log.data["reason"] == "The narrator called the office on Monday."
    assert log.user.username == "riverside-moderator"
    # The chapter's moderators read it in Chapters → History; other chapters' do not.
    history_url = f"/admin/chapters/{network.riverside.chapter.pk}/history/"
    history = login("riverside-moderator").get(history_url)
    assert "Consent withdrawn" in history.text
    assert "Reason: The narrator called the office on Monday." in history.text
    other = login("hilltop-moderator").get(history_url)
    assert other.status_code in (302, 403) and "Consent withdrawn" not in other.text
    assert "The narrator called" not in other.text


def test_members_scope_is_a_view_restriction_for_the_chapters_groups(client, login, network):
    entry = add_entry(network.riverside, "For our members", consent_scope="members")
    restriction = PageViewRestriction.objects.get(page=entry)
    chapter = network.riverside.chapter
    assert set(restriction.groups.all()) == set(chapter.groups())

    anonymous = get(client, "/en/archive/for-our-members/")
    assert anonymous.status_code == 302 and "/_util/login/" in anonymous["Location"]
    assert get(login("hilltop-member"), "/en/archive/for-our-members/").status_code == 404
    member = login("riverside-member")
    assert get(member, "/en/archive/for-our-members/").status_code == 200
    assert "For our members" in get(member, "/en/archive/").text
    # Members-only entries are never in the search index (only the public's are).
    assert indexed("members") == []

    # A translation made later is restricted the same way as soon as it is published.
    spanish = translate(entry, slug="para-miembros")
    assert PageViewRestriction.objects.filter(page=spanish).exists()
    client.logout()
    assert get(client, "/es/archive/para-miembros/").status_code == 302

    record_consent(entry, status="given", scope="public")
    assert not PageViewRestriction.objects.filter(page=entry).exists()
    client.logout()
    assert get(client, "/en/archive/for-our-members/").status_code == 200


def test_embargo_ends_to_the_second_with_no_job(client, network, settings):
    # Time passing is played by update(), which no cache can see: the page cache is
    # off here (tests/platform/test_page_cache.py: no stored page outlives a moment).
    settings.PAGE_CACHE_TIMEOUT = 0
    moment = timezone.now() + datetime.timedelta(seconds=2)
    entry = add_entry(network.riverside, "Waiting words", embargo_until=moment)
    assert get(client, "/en/archive/waiting-words/").status_code == 404
    ConsentRecord.objects.filter(entry=entry).update(
        embargo_until=timezone.now() - datetime.timedelta(milliseconds=1)
    )
    assert get(client, "/en/archive/waiting-words/").status_code == 200


def test_consent_given_for_a_time_ends_at_its_moment(client, network, settings):
    settings.PAGE_CACHE_TIMEOUT = 0  # as above
    entry = add_entry(network.riverside, "For a year", consent={"valid_until": None})
    assert get(client, "/en/archive/for-a-year/").status_code == 200
    ConsentRecord.objects.filter(entry=entry).update(
        valid_until=timezone.now() - datetime.timedelta(seconds=1)
    )
    assert get(client, "/en/archive/for-a-year/").status_code == 404


def test_channels_are_kept_apart(client, network):
    add_entry(network.riverside, "Web only", consent={"channel_api": False})
    add_entry(network.riverside, "Everywhere")
    assert get(client, "/en/archive/web-only/").status_code == 200
    api = get(client, "/api/v2/pages/?type=chapters.ArchiveEntryPage").json()
    assert [item["title"] for item in api["items"]] == ["Everywhere"]


def test_a_withdrawal_purges_the_front_end_cache(front_end_purges, network):
    entry = add_entry(network.riverside, "Cached testimony")
    front_end_purges.clear()
    withdraw_consent(entry.consent, "Asked by phone.")
    purged = set(front_end_purges)
    for path in (
        "/en/archive/cached-testimony/",
        "/en/archive/",
        "/en/archive/feed/",
        "/en/",
        "/sitemap.xml",
        "/api/v2/pages/",
    ):
        assert f"{RIVERSIDE_HOST}{path}" in purged, path


def test_other_chapters_entries_are_not_shared_with_their_members(login, network):
    add_entry(network.hilltop, "Hilltop members story", consent_scope="members")
    member = login("riverside-member")
    assert get(member, "/en/archive/hilltop-members-story/", HILLTOP_HOST).status_code == 404
    assert "Hilltop members story" not in get(member, "/en/archive/", HILLTOP_HOST).text


def test_a_moderator_invites_a_member_who_then_reads_members_only_entries(login, client, network):
    from django.contrib.auth import get_user_model
    from django.core import mail

    add_entry(network.riverside, "Shared with members", consent_scope="members")
    riverside = network.riverside.chapter
    response = login("riverside-moderator").post(
        f"/admin/chapters/{riverside.pk}/invite/",
        {"email": "reader@example.org", "role": "member"},
    )
    assert response.status_code == 302
    reader = get_user_model().objects.get(email="reader@example.org")
    assert list(reader.groups.all()) == [riverside.members]
    assert "a member of Riverside" in mail.outbox[0].body
    assert "/_util/login/" in mail.outbox[0].body
    reader.set_password("a-long-reader-password")
    reader.save()

    client.logout()
    asked = get(client, "/en/archive/shared-with-members/")
    login_page = get(client, asked["Location"])
    assert login_page.status_code == 200
    assert "Members log in" in login_page.text
    # A wrong password: the reason at the top, the username kept, nothing else lost.
    wrong = client.post(
        "/en/_util/login/",
        {"username": "reader@example.org", "password": "not-it", "next": "/en/archive/"},
        headers={"host": RIVERSIDE_HOST},
    )
    assert wrong.status_code == 200
    assert "There is a problem" in wrong.text
    assert "Please enter a correct username and password" in wrong.text
    assert 'value="reader@example.org"' in wrong.text
    assert 'value="/en/archive/"' in wrong.text
    logged_in = client.post(
        "/en/_util/login/",
        {
            "username": "reader@example.org",
            "password": "a-long-reader-password",
            "next": "/en/archive/shared-with-members/",
        },
        headers={"host": RIVERSIDE_HOST},
    )
    assert logged_in.status_code == 302
    assert get(client, logged_in["Location"]).status_code == 200
    # A member has no admin access.
    assert client.get("/admin/").status_code == 302


def test_a_password_protected_page_opens_with_its_password(client, network):
    """Wagtail's own privacy setting still works for other pages (its form's
    address is not taken for a page path)."""
    from tests.pages import add_story

    story = add_story(network.riverside, "Coalition minutes")
    restriction = PageViewRestriction.objects.create(
        page=story, restriction_type=PageViewRestriction.PASSWORD, password="river-2026"
    )
    form = get(client, "/en/stories/coalition-minutes/")
    assert form.status_code == 200 and "Coalition minutes" not in form.text
    response = client.post(
        f"/en/_util/authenticate_with_password/{restriction.pk}/{story.pk}/",
        {"password": "river-2026", "return_url": "/en/stories/coalition-minutes/"},
        headers={"host": RIVERSIDE_HOST},
    )
    assert response.status_code == 302
    assert "Coalition minutes" in get(client, "/en/stories/coalition-minutes/").text


def test_the_page_explorer_says_which_entries_the_public_cannot_see(login, network):
    """Wagtail's "live" means published; for an entry the public query leaves out,
    the explorer's status says why instead (no consent, pending, members only,
    embargoed, withdrawn)."""
    import re

    from chapters.models import ArchiveIndexPage
    from tests.pages import section

    later = timezone.now() + datetime.timedelta(days=30)
    entries = {
        "Status public": add_entry(network.riverside, "Status public"),
        "Status no consent": add_entry(network.riverside, "Status no consent", consent=False),
        "Status pending": add_entry(network.riverside, "Status pending", consent_status="pending"),
        "Status members": add_entry(network.riverside, "Status members", consent_scope="members"),
        "Status embargo": add_entry(network.riverside, "Status embargo", embargo_until=later),
        "Status withdrawn": add_entry(network.riverside, "Status withdrawn"),
    }
    withdraw_consent(entries["Status withdrawn"].consent, "The family asked.")
    archive = section(network.riverside, ArchiveIndexPage)
    html = login("riverside-editor").get(
        f"/admin/pages/{archive.pk}/", headers={"host": "localhost"}
    )
    assert html.status_code == 200
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", html.content.decode(), re.S)

    def status(title):
        row = next(row for row in rows if f">{title}<" in row or f"{title}\n" in row)
        tag = row[row.index('class="w-status') :]
        tag = tag[tag.index(">") + 1 : tag.index("</td>")]
        text = re.sub(r"<[^>]+>", " ", tag).replace("Current page status:", "")
        return " ".join(text.split())

    assert status("Status public") == "live"
    assert status("Status no consent") == "live · no consent"
    assert status("Status pending") == "live · consent pending"
    assert status("Status members") == "live · members only"
    assert status("Status embargo") == "live · embargoed"
    assert status("Status withdrawn") == "consent withdrawn"
