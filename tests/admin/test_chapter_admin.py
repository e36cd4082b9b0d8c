"""Running chapters from the admin: onboarding, invitations, moderation, history,
and a chapter's people never seeing another chapter."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page, Site
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from chapters.models import Chapter, ChapterSettings, StoryIndexPage, StoryPage
from tests.files import png, text_file
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


# Nothing of another chapter reaches a chapter's people


@pytest.fixture
def hilltop_secrets(network):
    """Hilltop content in every state the admin shows: draft, live, in moderation,
    locked, with media. Each title carries the word 'Quetzal'."""
    hilltop_moderator = get_user_model().objects.get(username="hilltop-moderator")
    draft = add_story(network.hilltop, "Quetzal draft", live=False)
    live = add_story(network.hilltop, "Quetzal live story")
    in_moderation = add_story(network.hilltop, "Quetzal awaiting review", live=False)
    in_moderation.get_workflow().start(in_moderation, hilltop_moderator)
    locked = add_story(network.hilltop, "Quetzal locked")
    Page.objects.filter(pk=locked.pk).update(
        locked=True, locked_by=hilltop_moderator, locked_at=timezone.now()
    )
    live.unpublish(user=hilltop_moderator)
    collection = Collection.objects.get(name="Hilltop")
    get_image_model().objects.create(title="Quetzal photo", file=png(), collection=collection)
    get_document_model().objects.create(
        title="Quetzal minutes", file=text_file(), collection=collection
    )
    # Riverside's own, to show the same views do list what is theirs.
    add_story(network.riverside, "Heron draft", live=False)
    return draft


def admin_urls(network, draft) -> list[str]:
    hilltop_image = get_image_model().objects.get(title="Quetzal photo")
    hilltop_document = get_document_model().objects.get(title="Quetzal minutes")
    riverside = chapter("Riverside")
    riverside_stories = section(network.riverside, StoryIndexPage)
    own = StoryPage.objects.get(title="Heron draft")
    reviewed = StoryPage.objects.get(title="Quetzal awaiting review")
    task_state = reviewed.current_workflow_state.current_task_state
    hilltop_stories = draft.get_parent().pk
    return [
        # Routes found by review: each names the page it is given.
        f"/admin/bulk/wagtailcore/page/delete/?id=all&childOf={hilltop_stories}",
        f"/admin/bulk/wagtailcore/page/delete/?id=%2B{draft.pk}",
        f"/admin/bulk/wagtailimages/image/delete/?id=%2B{hilltop_image.pk}",
        f"/admin/choose-page/chosen-multiple/?id={draft.pk}",
        f"/admin/pages/{own.pk}/move/{hilltop_stories}/confirm/",
        f"/admin/pages/{own.pk}/move/{hilltop_stories}/",
        f"/admin/pages/workflow/preview/{reviewed.pk}/{task_state.task_id}/",
        f"/admin/pages/workflow/confirm_cancellation/{reviewed.pk}/",
        f"/admin/pages/workflow/action/{reviewed.pk}/approve/{task_state.pk}/",
        "/admin/localize/reports/translations/",
        "/admin/localize/reports/translations/results/",
        "/admin/",
        "/admin/pages/",
        f"/admin/pages/{network.riverside.pk}/",
        f"/admin/pages/{riverside_stories.pk}/",
        "/admin/pages/search/?q=draft",
        "/admin/pages/search/?q=draft&search_all=1",
        "/admin/choose-page/",
        "/admin/choose-page/?page_type=chapters.storypage",
        "/admin/choose-page/search/?q=draft",
        f"/admin/choose-page/{draft.get_parent().pk}/",
        "/admin/images/",
        "/admin/images/chooser/",
        "/admin/images/chooser/results/?q=photo",
        "/admin/documents/",
        "/admin/documents/chooser/",
        "/admin/documents/chooser/results/?q=minutes",
        "/admin/reports/locked/",
        "/admin/reports/workflow/",
        "/admin/reports/workflow_tasks/",
        "/admin/reports/site-history/",
        "/admin/reports/aging-pages/",
        "/admin/reports/page-types-usage/",
        "/admin/workflows/list/",
        "/admin/settings/chapters/chaptersettings/",
        f"/admin/settings/chapters/chaptersettings/{riverside.site_id}/",
        "/admin/chapters/",
        f"/admin/chapters/{riverside.pk}/history/",
        f"/admin/pages/{draft.pk}/edit/",
        f"/admin/pages/{draft.pk}/history/",
        f"/admin/pages/{draft.pk}/usage/",
        f"/admin/pages/{draft.pk}/preview/",
        f"/admin/pages/{draft.pk}/workflow_history/",
        "/admin/snippets/home/principle/",
        "/admin/users/",
        "/admin/sites/",
        "/admin/collections/",
        "/admin/api/main/pages/?limit=100",
        "/admin/api/main/pages/?search=draft",
        f"/admin/api/main/pages/?child_of={network.hilltop.pk}",
        f"/admin/api/main/pages/{draft.pk}/",
        "/admin/localize/",
        f"/admin/bulk/wagtailcore/page/delete/?id={draft.pk}",
        f"/admin/bulk/wagtailcore/page/move/?id={draft.pk}",
        f"/admin/bulk/wagtailimages/image/delete/?id={hilltop_image.pk}",
        f"/admin/bulk/wagtaildocs/document/delete/?id={hilltop_document.pk}",
    ]


@pytest.mark.parametrize("username", ["riverside-editor", "riverside-moderator"])
def test_chapter_people_never_see_another_chapter_in_the_admin(
    login, network, hilltop_secrets, username
):
    client = login(username)
    seen_own = False
    for url in admin_urls(network, hilltop_secrets):
        response = client.get(url, headers=ADMIN, follow=True)
        html = response.content.decode()
        if response.get("content-type", "").startswith("application/json"):
            html = str(response.json())
        assert "Quetzal" not in html, f"{url} shows Hilltop content to {username}"
        # The chapter's name, hostname and its people's usernames (hilltop-editor, ...).
        assert "hilltop" not in html.lower(), f"{url} names Hilltop or its people to {username}"
        seen_own = seen_own or "Heron draft" in html
    assert seen_own

    # Forms that take a page id: copy's destination, choose-parent, bulk move.
    hilltop_stories = str(hilltop_secrets.get_parent().pk)
    own = StoryPage.objects.get(title="Heron draft")
    for url, data in [
        (
            f"/admin/pages/{own.pk}/copy/",
            {"new_title": "x", "new_slug": "x", "new_parent_page": hilltop_stories},
        ),
        ("/admin/pages/create/chapters/storypage/", {"parent_page": hilltop_stories}),
        (f"/admin/bulk/wagtailcore/page/move/?id={own.pk}", {"chooser": hilltop_stories}),
    ]:
        response = client.post(url, data, headers=ADMIN, follow=True)
        html = response.content.decode()
        assert "quetzal" not in html.lower() and "hilltop" not in html.lower(), url
    assert StoryPage.objects.get(pk=own.pk).get_parent().pk != int(hilltop_stories)


def test_a_chapter_editor_cannot_see_the_site_switcher_of_other_chapters(login, network):
    html = (
        login("riverside-moderator")
        .get(
            f"/admin/settings/chapters/chaptersettings/{chapter('Riverside').site_id}/",
            headers=ADMIN,
        )
        .content.decode()
    )
    assert "riverside.localhost" not in html or "hilltop.localhost" not in html
    assert "hilltop" not in html.lower()


def test_network_reports_stay_open_to_network_admins(login, network, hilltop_secrets):
    response = login("network-admin").get("/admin/reports/locked/", headers=ADMIN)
    assert response.status_code == 200
    assert "Quetzal locked" in response.content.decode()
    assert (
        login("riverside-moderator").get("/admin/reports/locked/", headers=ADMIN).status_code == 403
    )


# Offboarding from the admin


def test_network_admin_archives_and_restores_a_chapter(login, client, network):
    story = add_story(network.hilltop, "Hilltop harvest")
    hilltop = chapter("Hilltop")
    admin = login("network-admin")
    response = admin.post(reverse("chapters_admin:archive", args=[hilltop.pk]), headers=ADMIN)
    assert response.status_code == 302
    public = {"host": "hilltop.localhost"}
    assert client.get("/en/", headers=public).status_code == 404
    assert client.get("/en/stories/hilltop-harvest/", headers=public).status_code == 404
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


def test_alliance_editors_cannot_translate_a_chapters_page(login, network, hilltop_secrets):
    client = login("alliance-editor")
    url = f"/admin/localize/submit/page/{hilltop_secrets.pk}/"
    response = client.get(url, headers=ADMIN, follow=True)
    assert "Quetzal" not in response.content.decode()
    client.post(url, {"locales": [Locale.objects.get(language_code="es").pk]}, headers=ADMIN)
    assert (
        not Page.objects.filter(translation_key=hilltop_secrets.translation_key)
        .exclude(pk=hilltop_secrets.pk)
        .exists()
    )


def test_a_page_form_refuses_another_chapters_image(login, network, hilltop_secrets):
    """The chooser never offers it; a hand-made post naming its id is refused too."""
    image = get_image_model().objects.get(title="Quetzal photo")
    own = StoryPage.objects.get(title="Heron draft")
    client = login("riverside-editor")
    data = nested_form_data(
        {
            "title": "Heron draft",
            "slug": own.slug,
            "date": "2025-05-01",
            "summary": "Mine.",
            "image": image.pk,
            "image_alt": "A bird",
            "body": streamfield(
                [("image", {"image": image.pk, "alt_text": "A bird", "caption": "", "credit": ""})]
            ),
        }
    )
    response = client.post(f"/admin/pages/{own.pk}/edit/", data, headers=ADMIN)
    assert response.status_code == 200
    assert "Choose a image you may use" in response.content.decode()
    assert "Quetzal" not in response.content.decode()
    assert StoryPage.objects.get(pk=own.pk).get_latest_revision().content.get("image") is None

    # Their own chapter's image is fine.
    mine = get_image_model().objects.create(
        title="Heron photo", file=png(), collection=Collection.objects.get(name="Riverside")
    )
    data["image"] = mine.pk
    data.update(nested_form_data({"body": streamfield([])}))
    response = client.post(f"/admin/pages/{own.pk}/edit/", data, headers=ADMIN)
    assert response.status_code == 302
    assert StoryPage.objects.get(pk=own.pk).get_latest_revision().content["image"] == mine.pk


def test_tag_suggestions_come_from_what_the_person_may_use(login, network, hilltop_secrets):
    theirs = get_image_model().objects.get(title="Quetzal photo")
    theirs.tags.add("quarry-protest")
    mine = get_image_model().objects.create(
        title="Heron photo", file=png(), collection=Collection.objects.get(name="Riverside")
    )
    mine.tags.add("quarry-cleanup")
    for url in (
        "/admin/tag-autocomplete/?term=quarry",
        "/admin/tag-autocomplete/taggit/tag/?term=quarry",
    ):
        assert login("riverside-editor").get(url, headers=ADMIN).json() == ["quarry-cleanup"]
        names = login("network-admin").get(url, headers=ADMIN).json()
        assert names == ["quarry-cleanup", "quarry-protest"]
