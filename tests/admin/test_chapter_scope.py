"""Nothing of another chapter reaches a chapter's people in the admin: no screen,
chooser, report, API answer or form shows them Hilltop's pages, media or people,
and a hand-made post naming another chapter's page or image is refused."""

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page
from wagtail.test.utils.form_data import nested_form_data, streamfield

from chapters.models import StoryIndexPage, StoryPage
from tests.pages import add_story, chapter, section
from tests.sample_files import png, text_file

pytestmark = pytest.mark.django_db
ADMIN = {"host": "localhost"}


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


def routes_found_by_review(draft, hilltop_image) -> list[str]:
    """Routes found by review: each names the page it is given."""
    own = StoryPage.objects.get(title="Heron draft")
    reviewed = StoryPage.objects.get(title="Quetzal awaiting review")
    task_state = reviewed.current_workflow_state.current_task_state
    hilltop_stories = draft.get_parent().pk
    return [
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
    ]


def admin_urls(network, draft) -> list[str]:
    """Every admin screen, chooser, report and API answer a chapter's people can reach,
    in the order they are requested."""
    hilltop_image = get_image_model().objects.get(title="Quetzal photo")
    hilltop_document = get_document_model().objects.get(title="Quetzal minutes")
    riverside = chapter("Riverside")
    riverside_stories = section(network.riverside, StoryIndexPage)
    return [
        *routes_found_by_review(draft, hilltop_image),
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
