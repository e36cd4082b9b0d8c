"""Running chapters from the admin: onboarding, invitations, moderation, history,
offboarding and a chapter's links. That a chapter's people never see another chapter
there is in test_chapter_scope.py."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from wagtail.models import Site
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from chapters.models import Chapter, ChapterSettings, StoryIndexPage, StoryPage
from tests.pages import add_story, chapter, section

pytestmark = pytest.mark.django_db
ADMIN = {"host": "localhost"}


# Onboarding in the admin


def onboard(client, **fields):
    data = {
        "name": "Brightwater",
        "hostname": "brightwater.localhost",
        "region": "Minnesota",
        "locality_type": "city",
        "state": "",
        "status": "exploring",
        "languages": ["en", "es"],
        "time_zone": "America/Chicago",
        "moderator_email": "",
        **fields,
    }
    return client.post(reverse("chapters_admin:onboard"), data, headers=ADMIN)


def test_network_admin_onboards_a_chapter_that_answers_at_once(login, client):
    admin = login("network-admin")
    response = onboard(admin, moderator_email="Ana.Ruiz@Example.org")
    assert response.status_code == 302

    brightwater = chapter("Brightwater")
    assert brightwater.languages == ["en", "es"]
    assert ChapterSettings.for_site(brightwater.site).time_zone == "America/Chicago"
    admin.logout()
    home = client.get("/", headers={"host": "brightwater.localhost"})
    assert home.status_code == 200
    assert "<h1" in home.content.decode() and "Brightwater" in home.content.decode()

    # The first moderator got an account and a link to choose a password.
    (invitation,) = mail.outbox
    assert invitation.to == ["ana.ruiz@example.org"]
    link = re.search(r"http://\S+/admin/password_reset/confirm/\S+/", invitation.body).group(0)
    moderator = get_user_model().objects.get(email="ana.ruiz@example.org")
    assert list(moderator.groups.all()) == [brightwater.moderators]
    assert not moderator.has_usable_password()
    path = link.split("localhost:8000", 1)[-1].split("localhost", 1)[-1]
    form = client.get(path, headers=ADMIN, follow=True)
    assert form.status_code == 200
    assert "new_password1" in form.content.decode()


def test_a_chapter_onboarded_in_the_admin_is_on_the_map_and_in_the_state_filter(login, network):
    """The form asks the chapter's US state and status, so a new chapter is on the
    directory's map and in its state and status filters from the start."""
    from chapters.models import ChapterDirectoryPage
    from tests.pages import publish

    publish(network.alliance, ChapterDirectoryPage(title="Chapters", slug="chapters"))
    admin = login("network-admin")
    form = admin.get(reverse("chapters_admin:onboard"), headers=ADMIN).content.decode()
    assert '<option value="MN">Minnesota</option>' in form
    assert '<option value="declared">Declared</option>' in form
    assert onboard(admin, state="MN", status="organizing").status_code == 302
    admin.logout()

    directory = admin.get("/en/chapters/?state=MN", headers=ADMIN)
    assert [c["page"].title for c in directory.context["chapters"]] == ["Brightwater"]
    assert '<option value="MN"' in directory.content.decode()
    organizing = admin.get("/en/chapters/?status=organizing", headers=ADMIN)
    assert "Brightwater" in [c["page"].title for c in organizing.context["chapters"]]
    tile = next(t for t in directory.context["map"]["tiles"] if t["code"] == "MN")
    assert tile["count"] == 1 and tile["href"]

    wrong = onboard(
        login("network-admin"), name="Nowhere", hostname="nowhere.localhost", state="XX"
    )
    assert wrong.status_code == 200 and "Select a valid choice" in wrong.content.decode()


def test_onboarding_errors_keep_what_was_typed(login):
    admin = login("network-admin")
    response = onboard(admin, hostname="riverside.localhost", region="Lake Country")
    assert response.status_code == 200
    html = response.content.decode()
    assert "already used by the site" in html
    assert 'value="Brightwater"' in html and 'value="Lake Country"' in html
    assert not Chapter.objects.filter(home__title="Brightwater").exists()

    response = onboard(admin, hostname="not a hostname")
    assert "is not a valid hostname" in response.content.decode()
    response = onboard(admin, languages=[])
    assert "This field is required" in response.content.decode()
    assert not Site.objects.filter(site_name="Brightwater").exists()


@pytest.mark.parametrize(
    "username", ["riverside-editor", "riverside-moderator", "alliance-editor", "alliance-moderator"]
)
def test_only_network_admins_onboard(login, username):
    client = login(username)
    response = onboard(client)
    assert response.status_code in (302, 403)
    assert response.get("location", "") != reverse("chapters_admin:index")
    assert not Chapter.objects.filter(home__title="Brightwater").exists()


# Invitations


def test_moderator_invites_an_editor_to_their_chapter(login, network):
    client = login("riverside-moderator")
    riverside = chapter("Riverside")
    response = client.post(
        reverse("chapters_admin:invite", args=[riverside.pk]),
        {"email": "new.editor@example.org", "role": "editor"},
        headers=ADMIN,
    )
    assert response.status_code == 302
    person = get_user_model().objects.get(email="new.editor@example.org")
    assert list(person.groups.all()) == [riverside.editors]
    assert mail.outbox[0].to == ["new.editor@example.org"]
    assert "Riverside" in mail.outbox[0].subject


def test_inviting_an_existing_person_adds_them_without_a_new_account(login, network):
    client = login("riverside-moderator")
    riverside = chapter("Riverside")
    User = get_user_model()
    before = User.objects.count()
    client.post(
        reverse("chapters_admin:invite", args=[riverside.pk]),
        {"email": "HILLTOP-EDITOR@example.org", "role": "moderator"},
        headers=ADMIN,
    )
    assert User.objects.count() == before
    person = User.objects.get(username="hilltop-editor")
    assert person.groups.filter(pk=riverside.moderators.pk).exists()
    assert "set_password" not in mail.outbox[0].body and "existing account" in mail.outbox[0].body


def test_invite_form_keeps_input_on_error(login, network):
    client = login("riverside-moderator")
    response = client.post(
        reverse("chapters_admin:invite", args=[chapter("Riverside").pk]),
        {"email": "not-an-address", "role": "moderator"},
        headers=ADMIN,
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Enter a valid email address" in html and 'value="not-an-address"' in html
    assert not mail.outbox


@pytest.mark.parametrize("username", ["riverside-editor", "hilltop-moderator", "alliance-editor"])
def test_only_the_chapters_moderators_invite(login, network, username):
    client = login(username)
    response = client.post(
        reverse("chapters_admin:invite", args=[chapter("Riverside").pk]),
        {"email": "intruder@example.org", "role": "moderator"},
        headers=ADMIN,
    )
    assert response.status_code in (302, 403)
    assert not get_user_model().objects.filter(email="intruder@example.org").exists()
    assert not mail.outbox


# Moderation


def test_submitting_notifies_only_that_chapters_moderators(login, network):
    client = login("riverside-editor")
    parent = section(network.riverside, StoryIndexPage)
    data = nested_form_data(
        {
            "title": "Water shutoffs",
            "slug": "water-shutoffs",
            "date": "2025-06-01",
            "summary": "Neighbors organized.",
            "body": streamfield([]),
            "action-submit": "1",
        }
    )
    response = client.post(
        reverse("wagtailadmin_pages:add", args=["chapters", "storypage", parent.pk]),
        data,
        headers=ADMIN,
    )
    assert response.status_code == 302
    story = StoryPage.objects.get(slug="water-shutoffs")
    assert story.current_workflow_state is not None
    recipients = {address for message in mail.outbox for address in message.to}
    assert recipients == {"riverside-moderator@example.org"}

    # The moderator approves; the Hilltop moderator may not.
    task_state = story.current_workflow_state.current_task_state
    action = reverse(
        "wagtailadmin_pages:workflow_action", args=[story.pk, "approve", task_state.pk]
    )
    login("hilltop-moderator").post(action, {"comment": ""}, headers=ADMIN)
    story.refresh_from_db()
    assert not story.live
    login("riverside-moderator").post(action, {"comment": ""}, headers=ADMIN)
    story.refresh_from_db()
    assert story.live


def test_alliance_pages_are_moderated_by_alliance_moderators(login, network):
    workflow = network.alliance.get_workflow()
    task = workflow.tasks.get().specific
    assert [group.name for group in task.groups.all()] == ["Alliance moderators"]
    assert chapter("Riverside").home.get_workflow().tasks.get().specific.groups.get().name == (
        "Riverside moderators"
    )


# History


def test_moderators_read_their_chapters_history_only(login, network):
    mine = add_story(network.riverside, "Our own news")
    theirs = add_story(network.hilltop, "Hilltop private news")
    moderator = get_user_model().objects.get(username="riverside-moderator")
    mine.unpublish(user=moderator)
    theirs.unpublish()

    client = login("riverside-moderator")
    own = client.get(
        reverse("chapters_admin:history", args=[chapter("Riverside").pk]), headers=ADMIN
    )
    html = own.content.decode()
    assert own.status_code == 200
    assert "Our own news" in html and "riverside-moderator" in html and "Unpublished" in html
    assert "Hilltop private news" not in html

    other = client.get(
        reverse("chapters_admin:history", args=[chapter("Hilltop").pk]), headers=ADMIN
    )
    assert other.status_code in (302, 403)
    assert "Hilltop private news" not in other.content.decode()

    everything = login("network-admin").get(
        reverse("chapters_admin:history", args=[chapter("Hilltop").pk]), headers=ADMIN
    )
    assert "Hilltop private news" in everything.content.decode()


def test_chapters_menu_shows_moderators_their_chapter_only(login, network):
    html = (
        login("riverside-moderator")
        .get(reverse("chapters_admin:index"), headers=ADMIN)
        .content.decode()
    )
    assert "Riverside" in html and "Hilltop" not in html
    assert "Onboard a chapter" not in html
    admin_html = login("network-admin").get(reverse("chapters_admin:index"), headers=ADMIN)
    assert "Hilltop" in admin_html.content.decode()
    assert "Onboard a chapter" in admin_html.content.decode()


# Offboarding from the admin


def test_network_admin_archives_and_restores_a_chapter(login, client, network):
    story = add_story(network.hilltop, "Hilltop harvest")
    hilltop = chapter("Hilltop")
    admin = login("network-admin")
    response = admin.post(reverse("chapters_admin:archive", args=[hilltop.pk]), headers=ADMIN)
    assert response.status_code == 302
    public = {"host": "hilltop.localhost"}
    assert client.get("/en/", headers=public).status_code == 410
    assert client.get("/en/stories/hilltop-harvest/", headers=public).status_code == 410
    assert StoryPage.objects.filter(pk=story.pk).exists()  # content is kept
    admin.post(reverse("chapters_admin:restore", args=[hilltop.pk]), headers=ADMIN)
    assert client.get("/en/", headers=public).status_code == 200
    assert client.get("/en/stories/hilltop-harvest/", headers=public).status_code == 200


def test_deleting_a_chapter_needs_its_name_typed_and_writes_an_export(
    login, network, settings, tmp_path
):
    settings.CHAPTER_EXPORT_DIR = tmp_path / "exports"
    hilltop = chapter("Hilltop")
    admin = login("network-admin")
    url = reverse("chapters_admin:delete", args=[hilltop.pk])
    response = admin.post(url, {"confirm_name": "hilltop"}, headers=ADMIN)
    assert response.status_code == 200
    assert "type the chapter" in response.content.decode()
    assert 'value="hilltop"' in response.content.decode()
    assert Chapter.objects.filter(pk=hilltop.pk).exists()

    response = admin.post(url, {"confirm_name": "Hilltop"}, headers=ADMIN)
    assert response.status_code == 302
    assert not Chapter.objects.filter(pk=hilltop.pk).exists()
    assert not Site.objects.filter(hostname="hilltop.localhost").exists()
    (export,) = (tmp_path / "exports").iterdir()
    assert export.suffix == ".zip" and export.stat().st_size > 0


def test_export_downloads_one_file_that_imports_again(login, network):
    add_story(network.riverside, "Riverside river cleanup")
    admin = login("network-admin")
    response = admin.post(
        reverse("chapters_admin:export", args=[chapter("Riverside").pk]), headers=ADMIN
    )
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="riverside-')
    data = b"".join(response.streaming_content)
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = admin.post(
        reverse("chapters_admin:import"),
        {
            "file": SimpleUploadedFile("riverside.zip", data, "application/zip"),
            "name": "Riverside copy",
            "hostname": "riverside-copy.localhost",
        },
        headers=ADMIN,
    )
    assert response.status_code == 302
    copy = chapter("Riverside copy")
    assert StoryPage.objects.descendant_of(copy.home).filter(title="Riverside river cleanup")


@pytest.mark.parametrize("username", ["riverside-moderator", "alliance-moderator"])
def test_only_network_admins_offboard(login, network, username):
    riverside = chapter("Riverside")
    client = login(username)
    for name in ("archive", "export"):
        response = client.post(
            reverse(f"chapters_admin:{name}", args=[riverside.pk]), headers=ADMIN
        )
        assert response.status_code in (302, 403)
        assert "attachment" not in response.get("Content-Disposition", "")
    client.post(
        reverse("chapters_admin:delete", args=[riverside.pk]),
        {"confirm_name": "Riverside"},
        headers=ADMIN,
    )
    riverside.refresh_from_db()
    assert riverside.archived_at is None


def test_moderator_adds_social_links_that_show_in_their_sites_footer(login, client, network):
    riverside = chapter("Riverside")
    url = reverse("wagtailsettings:edit", args=["chapters", "chaptersettings", riverside.site_id])
    moderator = login("riverside-moderator")
    data = nested_form_data(
        {
            "accent_colour": "#1d5c8c",
            "contact_email": "hello@riverside.example.org",
            "time_zone": "America/New_York",
            "support_resources": rich_text(""),
            "translations": streamfield([]),
            "social_links": streamfield(
                [("link", {"name": "Mastodon", "url": "https://social.example.org/@riverside"})]
            ),
        }
    )
    assert moderator.post(url, data, headers=ADMIN).status_code == 302
    moderator.logout()
    html = client.get("/en/", headers={"host": "riverside.localhost"}).content.decode()
    assert 'href="https://social.example.org/@riverside"' in html and ">Mastodon<" in html
    other = client.get("/en/", headers={"host": "hilltop.localhost"}).content.decode()
    assert "social.example.org" not in other
