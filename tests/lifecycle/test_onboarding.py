"""Onboarding a chapter with `create_chapter`: one service, one transaction."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    GroupSitePermission,
    Page,
    Site,
    Workflow,
    WorkflowPage,
)

from chapters.models import (
    ArchiveIndexPage,
    Chapter,
    ChapterHomePage,
    ChapterSettings,
    EventIndexPage,
    StoryIndexPage,
)
from tests.process import run_manage

pytestmark = pytest.mark.django_db


def create(**options):
    args = []
    for key, value in options.items():
        args.append(f"--{key.replace('_', '-')}={value}")
    call_command("create_chapter", *args)


def snapshot() -> dict:
    return {
        "pages": Page.objects.count(),
        "sites": Site.objects.count(),
        "collections": Collection.objects.count(),
        "groups": Group.objects.count(),
        "page_permissions": GroupPagePermission.objects.count(),
        "collection_permissions": GroupCollectionPermission.objects.count(),
        "workflows": Workflow.objects.count(),
    }


def test_create_chapter_builds_everything_a_chapter_needs(client):
    create(
        name="Lakeview",
        hostname="lakeview.localhost",
        region="Michigan",
        locality_type="county",
        state="MI",
        status="organizing",
        languages="en,es",
        time_zone="America/Chicago",
    )

    home = ChapterHomePage.objects.get(title="Lakeview")
    assert (home.state, home.status) == ("MI", "organizing")  # on the directory's map
    assert (home.region, home.locality_type, home.live) == ("Michigan", "county", True)
    sections = {type(p.specific) for p in home.get_children().live()}
    assert sections == {StoryIndexPage, ArchiveIndexPage, EventIndexPage}

    site = Site.objects.get(hostname="lakeview.localhost")
    assert site.root_page_id == home.pk
    assert Collection.objects.filter(name="Lakeview").exists()

    editors = Group.objects.get(name="Lakeview editors")
    moderators = Group.objects.get(name="Lakeview moderators")
    assert_rights_reach_only_the_chapter(home, site, editors, moderators)

    chapter = Chapter.objects.get(home=home)
    assert (chapter.site, chapter.editors, chapter.moderators) == (site, editors, moderators)
    assert chapter.languages == ["en", "es"]
    assert ChapterSettings.for_site(site).time_zone == "America/Chicago"

    workflow = WorkflowPage.objects.get(page=home).workflow
    task = workflow.tasks.get().specific
    assert list(task.groups.all()) == [moderators]

    # The new site answers on its hostname at once.
    response = client.get("/en/", headers={"host": "lakeview.localhost"})
    assert response.status_code == 200
    assert response.context["page"].pk == home.pk


def assert_rights_reach_only_the_chapter(home, site, editors, moderators) -> None:
    """Its groups' rights: its pages, its media (the Alliance's shared media to choose
    only) and, for its moderators, its settings; nothing of another chapter."""
    editor_codes = set(
        GroupPagePermission.objects.filter(group=editors).values_list(
            "permission__codename", flat=True
        )
    )
    assert editor_codes == {"add_page", "change_page"}
    assert "publish_page" in set(
        GroupPagePermission.objects.filter(group=moderators).values_list(
            "permission__codename", flat=True
        )
    )
    # Page permissions sit on this chapter's root page only.
    assert set(
        GroupPagePermission.objects.filter(group__in=[editors, moderators]).values_list(
            "page_id", flat=True
        )
    ) == {home.pk}
    media = GroupCollectionPermission.objects.filter(group=editors)
    assert set(
        media.filter(collection__name="Lakeview").values_list("permission__codename", flat=True)
    ) == {"add_image", "change_image", "choose_image", "add_document", "change_document"} | {
        "choose_document"
    }
    # The Alliance's shared media may be used, not changed.
    assert set(
        media.filter(collection__name="Alliance shared media").values_list(
            "permission__codename", flat=True
        )
    ) == {"choose_image", "choose_document"}
    assert media.exclude(collection__name__in=["Lakeview", "Alliance shared media"]).count() == 0
    # Only its moderators change its settings, and only for its site.
    assert set(
        GroupSitePermission.objects.filter(permission__codename="change_chaptersettings")
        .filter(site=site)
        .values_list("group__name", flat=True)
    ) == {"Lakeview moderators"}


def test_create_chapter_is_idempotent(capsys):
    create(name="Lakeview", hostname="lakeview.localhost")
    before = snapshot()
    create(name="Lakeview", hostname="lakeview.localhost")
    assert snapshot() == before
    assert "Already onboarded" in capsys.readouterr().out


def test_rerun_completes_a_chapter_missing_a_part():
    create(name="Lakeview", hostname="lakeview.localhost")
    Group.objects.get(name="Lakeview moderators").delete()
    create(name="Lakeview", hostname="lakeview.localhost")
    assert Group.objects.filter(name="Lakeview moderators").exists()


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"name": "   ", "hostname": "x.localhost"}, "name: the chapter name is empty"),
        ({"name": "N" * 121, "hostname": "x.localhost"}, "name: the chapter name is longer than"),
        (
            {"name": "X", "hostname": "not a host!"},
            "hostname: 'not a host!' is not a valid hostname",
        ),
        ({"name": "X", "hostname": "-bad.localhost"}, "is not a valid hostname"),
        (
            {"name": "X", "hostname": "riverside.localhost"},
            "hostname: hostname 'riverside.localhost' is already used by the site 'Riverside'",
        ),
        ({"name": "X", "hostname": "localhost"}, "hostname 'localhost' is already used"),
        (
            {"name": "Riverside", "hostname": "other.localhost"},
            "name: a chapter named 'Riverside' already exists at 'riverside.localhost'",
        ),
        (
            {"name": "X", "hostname": "x.localhost", "locality_type": "village"},
            "locality-type: unknown locality type 'village' (choose one of city, county, rural",
        ),
        (
            {"name": "X", "hostname": "x.localhost", "languages": "en,xx"},
            "languages: unknown language 'xx' (choose from en, es)",
        ),
        (
            {"name": "X", "hostname": "x.localhost", "time_zone": "Mars/Base"},
            "time-zone: unknown time zone 'Mars/Base'",
        ),
        (
            {"name": "X", "hostname": "x.localhost", "state": "XX"},
            "state: unknown US state 'XX'",
        ),
        (
            {"name": "X", "hostname": "x.localhost", "status": "dreaming"},
            "status: unknown status 'dreaming' (choose one of exploring, organizing, declared)",
        ),
        (
            {"name": "X", "hostname": "x.localhost", "moderator_email": "not-an-email"},
            "moderator-email: 'not-an-email' is not an email address",
        ),
    ],
)
def test_bad_input_names_the_problem_and_changes_nothing(network, options, message):
    before = snapshot()
    with pytest.raises(CommandError) as error:
        create(**options)
    assert message in str(error.value)
    assert "\n" not in str(error.value)
    assert snapshot() == before


def test_command_exits_non_zero_with_one_line(tmp_path):
    result = run_manage(
        "create_chapter",
        "--name",
        "X",
        "--hostname",
        "bad host",
        DJANGO_SETTINGS_MODULE="network_site.settings.dev",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
    )
    assert result.returncode != 0
    assert result.stderr.strip().splitlines() == [
        "CommandError: hostname: 'bad host' is not a valid hostname (letters, digits and "
        "hyphens in dot-separated labels, e.g. riverbend.localhost)"
    ]
