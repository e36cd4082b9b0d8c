"""Machine translation (a self-hosted LibreTranslate, only when LIBRETRANSLATE_URL is
set) fills a translation as a draft; nothing a machine wrote goes live until a person
has approved each segment, on every path that publishes. Against a stand-in
LibreTranslate answering over HTTP (tests/translation/localize/libretranslate.py)."""

from urllib.parse import urlencode

import pytest
from django.urls import reverse
from wagtail.models import WorkflowState
from wagtail_localize.models import StringTranslation, Translation
from wagtail_localize.operations import translate_object

from home.models import Principle
from home.translation.machine import UnreviewedMachineTranslation, unreviewed_count
from network_site.settings.base import libretranslate
from tests.translation.localize.libretranslate import API_KEY, stand_in_libretranslate
from tests.translation.localize.paths import ADMIN, make_target, spanish, sync_and_publish

pytestmark = pytest.mark.django_db
MACHINE = StringTranslation.TRANSLATION_TYPE_MACHINE


@pytest.fixture
def libre(settings):
    """LIBRETRANSLATE_URL (and its key) pointing at the stand-in, as settings read them."""
    with stand_in_libretranslate() as server:
        environ = {"LIBRETRANSLATE_URL": server.url, "LIBRETRANSLATE_API_KEY": API_KEY}
        settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = libretranslate(environ)
        yield server


def editor_props(client, url: str) -> str:
    return client.get(url, headers=ADMIN).content.decode().replace("&quot;", '"')


def machine_translate(client, translation, next_url: str):
    url = reverse("wagtail_localize:machine_translate", args=[translation.pk])
    return client.post(url, {"next": next_url}, headers=ADMIN, follow=True)


def approve(client, translation, segment):
    """What the editor's Edit, then Save sends for a segment, its text unchanged."""
    text = StringTranslation.objects.get(
        translation_of_id=segment.string_id, context_id=segment.context_id, locale=spanish()
    ).data
    url = f"/admin/localize/translate/{translation.pk}/strings/{segment.pk}/edit/"
    body = urlencode({"value": text})
    return client.put(url, body, content_type="application/x-www-form-urlencoded", headers=ADMIN)


def publish(client, url: str) -> str:
    return client.post(url, {"action": "publish"}, headers=ADMIN, follow=True).content.decode()


def test_a_machine_translated_page_is_a_draft_until_a_person_approves_each_segment(
    network, login, client, libre
):
    made = make_target(network, "Riverside page", translated=True)
    moderator = login("riverside-moderator")
    assert '"machineTranslator": {"name": "LibreTranslate"' in editor_props(
        moderator, made.edit_url()
    )
    machine_translate(moderator, made.translation, made.edit_url())
    assert libre.received[0]["target"] == "es" and libre.received[0]["api_key"] == API_KEY
    intro = StringTranslation.objects.get(
        locale=spanish(), translation_of__data="Words to translate."
    )
    assert intro.data == "[es] Words to translate." and intro.translation_type == MACHINE
    assert not made.refresh().live
    assert "needs review" in editor_props(moderator, made.edit_url())

    segments = list(made.translation.source.stringsegment_set.order_by("order"))
    answer = publish(moderator, made.edit_url())
    assert f"{len(segments)} machine-translated segments still need a person" in answer
    spanish_page = made.refresh().specific
    assert not spanish_page.live
    assert spanish_page.get_latest_revision_as_object().intro == "[es] Words to translate."

    for segment in segments[:-1]:
        assert approve(moderator, made.translation, segment).status_code == 200
    assert "1 machine-translated segment still needs a person" in publish(
        moderator, made.edit_url()
    )
    assert not made.refresh().live
    approve(moderator, made.translation, segments[-1])
    assert "Published" in publish(moderator, made.edit_url())
    spanish_page = made.refresh().specific
    assert spanish_page.live and spanish_page.intro == "[es] Words to translate."
    moderator.logout()
    _site, _root, path = spanish_page.get_url_parts()
    assert (
        "[es] Words to translate."
        in client.get(path, headers={"host": "riverside.localhost"}).content.decode()
    )


def test_a_live_translation_keeps_its_text_and_gets_the_machine_text_as_a_draft(
    network, login, client, libre
):
    """The machine also "translates" the slug (here into "[es] …", not a valid slug):
    the draft takes a valid one, as wagtail-localize's own save does."""
    made = make_target(network, "Riverside page", translated=True)
    made.translation.save_target(publish=False)
    made.refresh().specific.save_revision().publish()
    moderator = login("riverside-moderator")
    machine_translate(moderator, made.translation, made.edit_url())
    answer = publish(moderator, made.edit_url())
    assert "machine-translated segments still need a person" in answer
    assert "The translation is saved as a draft." in answer
    spanish_page = made.refresh().specific
    assert spanish_page.live and spanish_page.intro == "Words to translate."
    draft = spanish_page.get_latest_revision_as_object()
    assert draft.intro == "[es] Words to translate." and draft.slug == "es-riverside-page"
    moderator.logout()
    _site, _root, path = spanish_page.get_url_parts()
    public = client.get(path, headers={"host": "riverside.localhost"}).content.decode()
    assert "Words to translate." in public and "[es]" not in public


def test_no_other_path_publishes_unreviewed_machine_text(network, login, libre):
    """Sync with "Publish immediately", workflow approval, bulk publish, code."""
    made = make_target(network, "Riverside page", translated=True)
    editor, moderator = login("riverside-editor"), None
    machine_translate(editor, made.translation, made.edit_url())  # editors may use it too
    assert unreviewed_count(made.translation) > 0
    with pytest.raises(UnreviewedMachineTranslation, match="still need"):
        made.translation.save_target(publish=True)
    assert not made.refresh().live

    editor.post(made.edit_url(), {"localize-submit-for-moderation": "1"}, headers=ADMIN)
    state = WorkflowState.objects.for_instance(made.refresh()).get(status="in_progress")
    editor.logout()
    moderator = login("riverside-moderator")
    approval = moderator.post(
        f"/admin/pages/workflow/action/{made.spanish.pk}/approve/{state.current_task_state_id}/",
        {"comment": ""},
        headers=ADMIN,
        follow=True,
    )
    assert "still need" in approval.content.decode() and not made.refresh().live
    assert WorkflowState.objects.get(pk=state.pk).status == "in_progress"

    bulk = moderator.post(
        f"/admin/bulk/wagtailcore/page/publish/?id={made.spanish.pk}",
        {},
        headers=ADMIN,
        follow=True,
    )
    assert "still need" in bulk.content.decode() and not made.refresh().live
    assert sync_and_publish(moderator, made) is False


def test_a_machine_translated_principle_keeps_its_published_text_until_approved(login, libre):
    """The shared snippets have no drafts: the Spanish principle keeps what it said."""
    principle = Principle.objects.get(title="Listen first")
    translate_object(principle, [spanish()])
    es = principle.get_translation(spanish())
    translation = Translation.objects.get(source__object_id=principle.translation_key)
    url = f"/admin/snippets/home/principle/edit/{es.pk}/"
    editor = login("alliance-editor")
    machine_translate(editor, translation, url)
    answer = publish(editor, url)
    assert "machine-translated segments still need a person" in answer
    assert Principle.objects.get(pk=es.pk).statement == "Those most harmed speak first."
    for segment in translation.source.stringsegment_set.all():
        approve(editor, translation, segment)
    publish(editor, url)
    assert Principle.objects.get(pk=es.pk).statement == "[es] Those most harmed speak first."


def test_machine_translation_is_offered_only_with_a_libretranslate_url(network, login, settings):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = libretranslate({})
    made = make_target(network, "Riverside page", translated=True)
    editor = login("riverside-editor")
    assert '"machineTranslator": null' in editor_props(editor, made.edit_url())
    sync_screen = f"/admin/localize/update/{made.translation.source_id}/"
    assert "Use machine translation" not in editor_props(editor, sync_screen)
    url = reverse("wagtail_localize:machine_translate", args=[made.translation.pk])
    assert (
        editor.post(url, {"next": made.edit_url()}, headers=ADMIN, follow=True).status_code == 404
    )


def test_only_the_chapters_own_pages_and_a_silent_translator_changes_nothing(
    network, login, libre, settings
):
    made = make_target(network, "Riverside page", translated=True)
    stranger = login("hilltop-editor")
    refused = machine_translate(stranger, made.translation, "/admin/")
    assert "you do not have permission" in refused.content.decode()
    assert libre.received == []
    stranger.logout()
    silent = libretranslate(
        {"LIBRETRANSLATE_URL": "http://127.0.0.1:9", "LIBRETRANSLATE_API_KEY": ""}
    )
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = silent
    answer = machine_translate(login("riverside-editor"), made.translation, made.edit_url())
    assert answer.status_code == 200 and "did not answer" in answer.content.decode()
    assert not StringTranslation.objects.filter(locale=spanish(), translation_type=MACHINE).exists()
