"""Chapter editors change their own chapter and nothing else, through the real admin."""

import pytest
from wagtail.models import Locale, Page

from home.models import Principle

pytestmark = pytest.mark.django_db

ADMIN_HOST = {"host": "localhost"}


def edit_url(page: Page) -> str:
    return f"/admin/pages/{page.pk}/edit/"


def principle_edit_url(principle: Principle) -> str:
    return f"/admin/snippets/home/principle/edit/{principle.pk}/"


def test_chapter_editor_edits_own_chapter_page(login, network):
    client = login("riverside-editor")
    response = client.get(edit_url(network.riverside), headers=ADMIN_HOST)
    assert response.status_code == 200


def test_chapter_editor_cannot_edit_another_chapters_page(login, network):
    client = login("riverside-editor")
    response = client.get(edit_url(network.hilltop), headers=ADMIN_HOST)
    assert response.status_code in (302, 403)
    response = client.post(
        edit_url(network.hilltop),
        {"title": "Taken over", "slug": "hilltop"},
        headers=ADMIN_HOST,
    )
    assert response.status_code in (302, 403)
    network.hilltop.refresh_from_db()
    assert network.hilltop.title == "Hilltop"
    assert network.hilltop.get_latest_revision().content["title"] == "Hilltop"


def test_chapter_editor_cannot_edit_the_alliance_home(login, network):
    client = login("riverside-editor")
    response = client.get(edit_url(network.alliance), headers=ADMIN_HOST)
    assert response.status_code in (302, 403)


def test_chapter_editor_cannot_change_a_principle(login, network):
    principle = Principle.objects.get(title="Listen first")
    client = login("riverside-editor")
    assert client.get(principle_edit_url(principle), headers=ADMIN_HOST).status_code in (302, 403)
    client.post(
        principle_edit_url(principle),
        {
            "title": "Rewritten",
            "statement": "Changed by a chapter",
            "principle_set": principle.principle_set_id,
            "sort_order": 1,
        },
        headers=ADMIN_HOST,
    )
    principle.refresh_from_db()
    assert principle.title == "Listen first"


def test_chapter_editor_can_choose_a_principle(login, network):
    client = login("riverside-editor")
    response = client.get("/admin/snippets/choose/home/principle/", headers=ADMIN_HOST)
    assert response.status_code == 200
    assert "Listen first" in response.json()["html"]


def test_alliance_editor_changes_a_principle(login, network):
    principle = Principle.objects.get(title="Listen first")
    client = login("alliance-editor")
    response = client.post(
        principle_edit_url(principle),
        {
            "title": "Listen first, always",
            "statement": principle.statement,
            "principle_set": principle.principle_set_id,
            "sort_order": 1,
        },
        headers=ADMIN_HOST,
    )
    assert response.status_code == 302
    principle.refresh_from_db()
    assert principle.title == "Listen first, always"


def test_alliance_editor_cannot_edit_a_chapter_page(login, network):
    client = login("alliance-editor")
    assert client.get(edit_url(network.riverside), headers=ADMIN_HOST).status_code in (302, 403)


def translate_url(principle: Principle) -> str:
    return f"/admin/localize/submit/snippet/home/principle/{principle.pk}/"


def test_alliance_editor_submits_a_principle_for_translation(login, network):
    principle = Principle.objects.get(title="Listen first")
    spanish = Locale.objects.get(language_code="es")
    client = login("alliance-editor")
    assert client.get(translate_url(principle), headers=ADMIN_HOST).status_code == 200
    response = client.post(translate_url(principle), {"locales": [spanish.pk]}, headers=ADMIN_HOST)
    assert response.status_code == 302
    assert principle.get_translation(spanish).principle_set.locale == spanish


def test_chapter_editor_cannot_translate_shared_snippets(login, network):
    principle = Principle.objects.get(title="Listen first")
    client = login("riverside-editor")
    assert client.get(translate_url(principle), headers=ADMIN_HOST).status_code in (302, 403)
