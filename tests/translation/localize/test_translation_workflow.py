"""Translations go through the chapter's workflow on every path: the issue's three
findings, each a test that failed before publishing followed the chapter's workflow,
and every path that makes a translated home (import, the shell, a later language,
`migrate`, a workflow assigned later)."""

import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from wagtail.coreutils import get_content_languages, get_supported_content_language_variant
from wagtail.models import Locale, Page, Workflow, WorkflowPage, WorkflowState
from wagtail_localize.models import Translation

from chapters.lifecycle.exporting import export_chapter
from chapters.lifecycle.importing import import_chapter
from chapters.models import Chapter
from home.models import AllianceHomePage, StandardPage
from tests.admin_forms import form_data
from tests.translation.localize.paths import (
    ADMIN,
    edit_strings,
    in_moderation,
    make_target,
    spanish,
    sync_and_publish,
)

pytestmark = pytest.mark.django_db


def moderators_emailed(chapter_moderator: str) -> bool:
    return any(f"{chapter_moderator}@example.org" in message.to for message in mail.outbox)


def test_a_chapter_editor_publishing_on_sync_submits_for_moderation(network, login):
    """Finding: "Publish immediately" on the update screen needed only
    `submit_translation`; a chapter editor who may not publish made a page live."""
    made = make_target(network, "Riverside page", translated=True)
    client = login("riverside-editor")
    mail.outbox.clear()
    assert sync_and_publish(client, made) is False
    spanish_page = made.refresh()
    assert not spanish_page.live
    assert in_moderation(spanish_page)
    assert moderators_emailed("riverside-moderator")
    assert not moderators_emailed("hilltop-moderator")


@pytest.mark.parametrize("role", ["riverside-editor", "riverside-moderator"])
def test_a_new_translation_of_a_live_page_starts_as_a_draft(network, login, client, role):
    """Finding: submitting a translation of a live page created a live page."""
    made = make_target(network, "Riverside page", translated=False)
    login(role).post(
        f"/admin/localize/submit/page/{made.page.pk}/",
        {"locales": [spanish().pk]},
        headers=ADMIN,
    )
    translated = made.page.get_translation(spanish())
    assert not translated.live
    client.logout()
    _site, _root, path = translated.get_url_parts()
    assert path.startswith("/es/")
    response = client.get(path, headers={"host": "riverside.localhost"})
    assert "no está disponible" in response.content.decode() or response.status_code == 404


@pytest.mark.parametrize(
    ("target", "editor", "moderator"),
    [
        ("Riverside page", "riverside-editor", "riverside-moderator"),
        ("Alliance page", "alliance-editor", "alliance-moderator"),
    ],
)
def test_a_page_in_the_second_language_goes_through_the_workflow(
    network, login, as_role, target, editor, moderator
):
    """Finding: the workflow sat on the default-language home only, so an editor's
    Spanish page reached no moderator. Submitted from Wagtail's own page editor."""
    made = make_target(network, target, translated=True)
    Translation.objects.filter(pk=made.translation.pk).update(enabled=False)  # plain editor
    url = made.edit_url()
    superuser = as_role("superuser")
    data = form_data(
        superuser.get(url, headers=ADMIN).content.decode(),
        **{"body-count": "0", "title": "Traducción", "action-submit": "1"},
    )
    superuser.logout()
    mail.outbox.clear()
    client = login(editor)
    client.post(url, data, headers=ADMIN)
    spanish_page = made.refresh()
    assert spanish_page.get_workflow() == made.page.get_workflow() is not None
    assert in_moderation(spanish_page)
    assert not spanish_page.live
    assert moderators_emailed(moderator)


def test_every_home_in_every_language_carries_its_workflow(network, as_role):
    """Whatever made the translated homes (here wagtail-localize's copy of the parents),
    each has its original's workflow; for a chapter, the chapter's own."""
    riverside = make_target(network, "Riverside page", translated=True)
    alliance = make_target(network, "Alliance page", translated=True)
    chapter = Chapter.objects.get(home=network.riverside)
    es_home = network.riverside.get_translation(spanish())
    assert es_home.specific.get_workflow() == chapter.workflow
    assert riverside.refresh().get_workflow() == chapter.workflow
    es_alliance = AllianceHomePage.objects.get(locale=spanish())
    assert es_alliance.get_workflow() == network.alliance.get_workflow()
    assert alliance.refresh().get_workflow().name == "Alliance moderation"


def test_a_moderator_publishes_a_translation_from_the_editor(network, login):
    made = make_target(network, "Riverside page", translated=True)
    client = login("riverside-moderator")
    assert edit_strings(client, made)
    response = client.post(made.edit_url(), {"action": "publish"}, headers=ADMIN)
    assert response.status_code == 302
    spanish_page = made.refresh().specific
    assert spanish_page.live and spanish_page.intro == "Palabras traducidas."


def test_an_editor_finishes_a_translation_and_its_moderator_publishes_it(network, login):
    """The translation editor offers someone who may not publish "Submit for
    moderation" instead of "Publish"; the chapter's moderators are emailed and
    publish it by approving, as for any page."""
    made = make_target(network, "Riverside page", translated=True)
    client = login("riverside-editor")
    editor_page = client.get(made.edit_url(), headers=ADMIN).content.decode()
    assert 'name="localize-submit-for-moderation"' in editor_page
    assert '"canPublish": false' in editor_page.replace("&quot;", '"')
    assert edit_strings(client, made)
    mail.outbox.clear()
    response = client.post(
        made.edit_url(), {"localize-submit-for-moderation": "1"}, headers=ADMIN, follow=True
    )
    assert "submitted for moderation" in response.content.decode()
    assert not made.refresh().live and moderators_emailed("riverside-moderator")
    assert not moderators_emailed("hilltop-moderator")

    state = WorkflowState.objects.for_instance(made.refresh()).get(status="in_progress")
    moderator = login("riverside-moderator")
    moderator_page = moderator.get(made.edit_url(), headers=ADMIN).content.decode()
    assert 'name="localize-submit-for-moderation"' not in moderator_page
    moderator.post(
        f"/admin/pages/workflow/action/{made.spanish.pk}/approve/{state.current_task_state_id}/",
        {"comment": ""},
        headers=ADMIN,
    )
    spanish_page = made.refresh().specific
    assert spanish_page.live and spanish_page.intro == "Palabras traducidas."


def put_string(client, target, value: str):
    segment = target.translation.source.stringsegment_set.get(string__data="Words to translate.")
    return client.put(
        target.api("strings", segment),
        f"value={value}",
        content_type="application/x-www-form-urlencoded",
        headers=ADMIN,
    )


@pytest.mark.parametrize("how", ["submit for moderation", "sync and publish"])
def test_a_live_translation_keeps_its_published_text_until_approved(network, login, client, how):
    """An editor's change to a live translation is a draft: the public keeps reading
    what the moderator published (wagtail-localize writes onto the live row)."""
    made = make_target(network, "Riverside page", translated=True)
    moderator = login("riverside-moderator")
    put_string(moderator, made, "Texto publicado.")
    moderator.post(made.edit_url(), {"action": "publish"}, headers=ADMIN)
    assert made.refresh().specific.intro == "Texto publicado."
    moderator.logout()
    editor = login("riverside-editor")
    put_string(editor, made, "Texto sin revisar.")
    if how == "sync and publish":
        sync_and_publish(editor, made)
    else:
        editor.post(made.edit_url(), {"localize-submit-for-moderation": "1"}, headers=ADMIN)
    spanish_page = made.refresh().specific
    assert spanish_page.live and spanish_page.intro == "Texto publicado."
    assert spanish_page.get_latest_revision_as_object().intro == "Texto sin revisar."
    assert in_moderation(spanish_page)
    editor.logout()
    _site, _root, path = spanish_page.get_url_parts()
    public = client.get(path, headers={"host": "riverside.localhost"}).content.decode()
    assert "Texto publicado." in public and "Texto sin revisar." not in public


# --- every path that makes a translated home ---------------------------------------


def test_an_imported_chapters_homes_carry_the_imported_chapters_workflow(network):
    """Chapter import recreates the Spanish home after onboarding made the English one."""
    made = make_target(network, "Riverside page", translated=True)
    riverside = Chapter.objects.get(home=network.riverside)
    buffer = io.BytesIO()
    export_chapter(riverside, buffer)
    buffer.seek(0)
    copy = import_chapter(buffer, name="Riverside Copy", hostname="copy.localhost")
    assert copy.homes().count() == 2
    for home in copy.homes():
        assert home.get_workflow() == copy.workflow != riverside.workflow
    copied = StandardPage.objects.descendant_of(copy.homes().get(locale=spanish())).get(
        slug=made.spanish.slug
    )
    assert copied.get_workflow() == copy.workflow
    assert made.refresh().get_workflow() == riverside.workflow


def test_a_home_translated_from_the_shell_into_a_later_added_language(network):
    """Adding a language is configuration; its translated homes need no extra step."""
    languages = [("en", "English"), ("es", "Español"), ("vi", "Tiếng Việt")]
    with override_settings(LANGUAGES=languages, WAGTAIL_CONTENT_LANGUAGES=languages):
        get_content_languages.cache_clear()
        get_supported_content_language_variant.cache_clear()
        try:
            vietnamese = Locale.objects.create(language_code="vi")
            chapter = Chapter.objects.get(home=network.riverside)
            home = network.riverside.copy_for_translation(vietnamese)
            alliance = network.alliance.copy_for_translation(vietnamese)
            assert home.get_workflow() == chapter.workflow
            assert alliance.get_workflow() == network.alliance.get_workflow()
        finally:
            get_content_languages.cache_clear()
            get_supported_content_language_variant.cache_clear()


def test_migrate_gives_existing_translated_homes_their_workflow(network):
    """Sites translated before this rule: `migrate` repairs them."""
    make_target(network, "Riverside page", translated=True)
    es_home = network.riverside.get_translation(spanish())
    WorkflowPage.objects.filter(page=es_home).delete()  # as the data was before
    assert Page.objects.get(pk=es_home.pk).get_workflow() is None
    call_command("migrate", verbosity=0)
    chapter = Chapter.objects.get(home=network.riverside)
    assert Page.objects.get(pk=es_home.pk).get_workflow() == chapter.workflow


def test_a_workflow_assigned_later_reaches_every_language(network):
    """Giving the English home another workflow (Wagtail's Workflows screen saves
    the same `WorkflowPage` row) gives it to the Spanish home too."""
    make_target(network, "Riverside page", translated=True)
    es_home = network.riverside.get_translation(spanish())
    other = Workflow.objects.get(name="Hilltop moderation")
    WorkflowPage.objects.update_or_create(page=network.riverside, defaults={"workflow": other})
    assert Page.objects.get(pk=es_home.pk).get_workflow() == other
