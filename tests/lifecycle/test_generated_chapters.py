"""A generated network's chapters (chapters/demo/generate.py) are onboarded chapters:
the same rows beside their pages, and public exactly where an onboarded chapter with
the same content is, on every channel; nothing else shows on the network's pages."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import (
    GroupCollectionPermission,
    GroupPagePermission,
    GroupSitePermission,
    Page,
    PageViewRestriction,
    Site,
)

from chapters.archive.consent import withdraw_consent
from chapters.archive.consent_records import consent_of
from chapters.demo.generate import generate_network
from chapters.demo.generate_content import ENTRY_STATES
from chapters.lifecycle.onboarding import onboard_chapter
from chapters.models import Chapter, ChapterDirectoryPage, NetworkStoriesPage
from home.publication import CHANNELS, public_pages
from tests.conftest import ALLIANCE_HOST
from tests.pages import add_entry, add_event, add_story, publish

pytestmark = pytest.mark.django_db


def consent_fields(spec: dict) -> dict:
    now = timezone.now()
    fields = {"status": spec["status"], "scope": spec["scope"]}
    fields["channel_feeds"] = spec.get("channel_feeds", False)
    fields["channel_api"] = spec.get("api", False)
    if "embargo" in spec:
        fields["embargo_until"] = now + datetime.timedelta(days=spec["embargo"])
    if "expired" in spec:
        fields["valid_until"] = now - datetime.timedelta(days=spec["expired"])
    return fields


def onboard_like_generated(name: str) -> Chapter:
    """An onboarded chapter with what generate_network(…, 1, 1, len(ENTRY_STATES)) gives
    each chapter, made through the editor's paths (add_child, publish, record_consent)."""
    chapter = onboard_chapter(name=name, hostname="onboarded.localhost")
    home = chapter.home
    add_story(home, f"{name} public story 1")
    add_story(home, f"{name} draft story 2", live=False)
    behind_login = add_story(home, f"{name} story behind a login 3")
    PageViewRestriction.objects.create(
        page=behind_login, restriction_type=PageViewRestriction.LOGIN
    )
    soon = timezone.localdate() + datetime.timedelta(days=6)
    add_event(home, f"{name} meeting 1", start_date=soon)
    add_event(home, f"{name} draft meeting 2", start_date=soon, live=False)
    for n, (state, live, spec) in enumerate(ENTRY_STATES):
        title, slug = f"{name}: entry ({state}) {n + 1}", f"entry-{n + 1}"
        if state == "withdrawn":
            entry = add_entry(home, title, slug=slug)
            withdraw_consent(consent_of(entry), "The narrator asked.")
        elif spec is None:
            add_entry(home, title, slug=slug, consent=False)
        else:
            fields = consent_fields(spec)
            add_entry(
                home,
                title,
                slug=slug,
                live=live,
                consent_status=fields.pop("status"),
                consent_scope=fields.pop("scope"),
                consent=fields,
            )
    return chapter


def public_states(chapter: Chapter) -> dict:
    """Per channel: how many of the chapter's pages are public, of which page types,
    and which entry states."""
    found = {}
    for channel in CHANNELS:
        pages = list(public_pages(chapter.pages(), channel=channel).specific())
        found[channel] = (
            len(pages),
            sorted(type(page).__name__ for page in pages),
            sorted(p.title.split("(")[1].split(")")[0] for p in pages if "(" in p.title),
        )
    return found


def structure(chapter: Chapter) -> dict:
    """What onboarding made beside the pages, named by role, not by chapter."""
    groups = {"editors": chapter.editors, "moderators": chapter.moderators}
    return {
        "sections": [
            (type(p.specific).__name__, p.slug, p.live, p.live_revision_id is not None)
            for p in Page.objects.child_of(chapter.home).order_by("path")
        ],
        "home": Page.objects.filter(pk=chapter.home_id)
        .values_list("live", "live_revision__object_id")
        .get()
        == (True, str(chapter.home_id)),
        "page permissions": {
            role: sorted(
                GroupPagePermission.objects.filter(group=group, page=chapter.home).values_list(
                    "permission__codename", flat=True
                )
            )
            for role, group in groups.items()
        },
        "media permissions": {
            role: sorted(
                GroupCollectionPermission.objects.filter(group=group).values_list(
                    "collection__depth", "permission__codename"
                )
            )
            for role, group in groups.items()
        },
        "model permissions": {
            role: sorted(group.permissions.values_list("codename", flat=True))
            for role, group in groups.items()
        },
        "settings permission": GroupSitePermission.objects.filter(
            group=chapter.moderators, site=chapter.site
        ).count(),
        "archive collection": chapter.archive_collection.get_parent() == chapter.collection,
        "workflow": (
            chapter.workflow.workflow_pages.filter(page=chapter.home).exists(),
            [list(t.specific.groups.all()) == [chapter.moderators] for t in chapter.workflow.tasks],
        ),
        "port": chapter.site.port,
        "members": chapter.members is not None,
    }


def test_generated_chapters_are_public_exactly_where_onboarded_ones_are(client, network):
    onboarded = onboard_like_generated("Onboarded")
    before = set(Chapter.objects.values_list("pk", flat=True))
    generate_network(2, stories=1, events=1, entries=len(ENTRY_STATES))
    generated = list(Chapter.objects.exclude(pk__in=before).select_related("home", "site"))
    assert len(generated) == 2
    expected = public_states(onboarded)
    assert expected["web"][2] == ["public", "web-only"]  # the rules did decide
    for chapter in generated:
        assert public_states(chapter) == expected, chapter.name
        assert structure(chapter) == structure(onboarded), chapter.name
    assert not Page.find_problems()[4], "numchild of a parent is wrong"

    # The network's pages and search show the generated public pages and nothing else.
    stories = publish(network.alliance, NetworkStoriesPage(title="Stories", slug="stories"))
    directory = publish(network.alliance, ChapterDirectoryPage(title="Chapters", slug="chapters"))
    name = generated[0].name
    listing = client.get(stories.url, headers={"host": ALLIANCE_HOST}).content.decode()
    assert f"{name}: " in listing and "story 2" not in listing and "story 3" not in listing
    chapters = client.get(directory.url, headers={"host": ALLIANCE_HOST}).content.decode()
    assert all(chapter.name in chapters for chapter in generated)
    found = client.get(
        "/en/search/", {"query": name, "lang": "all"}, headers={"host": ALLIANCE_HOST}
    ).content.decode()
    assert "(public)" in found and "(web-only)" in found
    for state, *_ in ENTRY_STATES[2:]:
        assert f"({state})" not in found, state
    # Each generated chapter's site answers with its home.
    site = Site.objects.get(root_page=generated[0].home)
    assert client.get("/en/", headers={"host": site.hostname}).status_code == 200


def test_a_stored_directory_lists_chapters_generated_after_it(client, network):
    """The bulk inserts send no signal, so generate_network itself renews the page cache."""
    directory = publish(network.alliance, ChapterDirectoryPage(title="Chapters", slug="chapters"))
    client.get(directory.url, headers={"host": ALLIANCE_HOST})
    stored = client.get(directory.url, headers={"host": ALLIANCE_HOST})
    assert stored["X-Page-Cache"] == "hit"
    known = set(Chapter.objects.values_list("pk", flat=True))
    generate_network(1, stories=0, events=0, entries=0)
    new = Chapter.objects.exclude(pk__in=known).get()
    after = client.get(directory.url, headers={"host": ALLIANCE_HOST}).content.decode()
    assert new.name in after
