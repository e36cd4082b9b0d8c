"""wagtail-localize's paths, as a permission matrix: every role × page × action.

Each case makes a page (on Riverside, which speaks English and Spanish, or on
the Alliance) and, for every action but "submit", its Spanish translation as a
draft; then logs in as the role, does the action through the admin's own URL
(the translation editor's API, its publish and "submit for moderation", the
update ("sync") screen, stop and restart, convert to alias) and checks the
effect a person notices: the translation exists, the string or the link was
changed, the page is live, a workflow is in progress, the translation is
stopped or running, the page became an alias. `ALLOWED` is the policy; every
case not listed there must be denied.

Below the matrix, the issue's three findings, each a test that failed before
publishing followed the chapter's workflow on every path.
"""

import io
import json
from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.test import Client, override_settings
from wagtail.coreutils import get_content_languages, get_supported_content_language_variant
from wagtail.models import Locale, Page, Workflow, WorkflowPage, WorkflowState
from wagtail_localize.models import SegmentOverride, StringTranslation, Translation
from wagtail_localize.operations import translate_object

from chapters.lifecycle.offboarding import export_chapter, import_chapter
from chapters.models import Chapter
from home.models import AllianceHomePage, StandardPage
from tests.admin_forms import form_data
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db
ADMIN = {"host": "localhost"}
CANARY = "Zanzibar translation"
LINK = "https://example.org/guide"
OTHER_LINK = "https://example.org/guia"
ACTIONS = (
    "submit",
    "edit strings",
    "override",
    "publish",
    "submit for moderation",
    "sync",
    "sync and publish",
    "stop",
    "restart",
    "convert to alias",
)
TARGETS = ("Riverside page", "Alliance page")
ROLES = (
    "riverside-editor",
    "riverside-moderator",
    "hilltop-editor",
    "hilltop-moderator",
    "alliance-editor",
    "alliance-moderator",
    "network-admin",
    "superuser",
)


@dataclass
class Target:
    """An English page and, unless the action creates it, its Spanish draft."""

    page: StandardPage
    spanish: Page | None = None
    translation: Translation | None = None

    def refresh(self) -> Page:
        return Page.objects.get(pk=self.spanish.pk)

    def edit_url(self) -> str:
        return f"/admin/pages/{self.spanish.pk}/edit/"

    def api(self, kind: str, segment) -> str:
        return f"/admin/localize/translate/{self.translation.pk}/{kind}/{segment.pk}/edit/"


def spanish() -> Locale:
    return Locale.objects.get(language_code="es")


def make_target(network, target: str, *, translated: bool) -> Target:
    """The page is translated while it is a draft, then published: whatever the
    code under test does with live pages, the Spanish page starts as a draft."""
    home = network.riverside if target == "Riverside page" else network.alliance
    slug = target.lower().replace(" ", "-")
    page = StandardPage(
        title=f"{CANARY} {target}",
        slug=slug,
        intro="Words to translate.",
        body=json.dumps(
            [{"type": "paragraph", "value": f'<p>Read <a href="{LINK}">the guide</a>.</p>'}]
        ),
        live=False,
    )
    home.add_child(instance=page)
    page.save_revision()
    result = Target(page)
    if translated:
        translate_object(page, [spanish()])
        result.spanish = page.get_translation(spanish())
        result.translation = Translation.objects.get(
            source__object_id=page.translation_key, target_locale=spanish()
        )
    page.save_revision().publish()
    return result


def in_moderation(page: Page) -> bool:
    return WorkflowState.objects.for_instance(page).filter(status="in_progress").exists()


# --- the actions: each returns whether the effect happened ------------------------


def submit(client, target):
    client.post(
        f"/admin/localize/submit/page/{target.page.pk}/",
        {"locales": [spanish().pk]},
        headers=ADMIN,
    )
    translated = target.page.get_translation_or_none(spanish())
    if translated is None:
        return False
    assert not translated.live, "a new translation of a live page starts as a draft"
    return True


def edit_strings(client, target):
    segment = target.translation.source.stringsegment_set.get(string__data="Words to translate.")
    client.put(
        target.api("strings", segment),
        "value=Palabras+traducidas.",
        content_type="application/x-www-form-urlencoded",
        headers=ADMIN,
    )
    return StringTranslation.objects.filter(
        locale=spanish(), data="Palabras traducidas.", context=segment.context
    ).exists()


def override(client, target):
    segment = target.translation.source.overridablesegment_set.get()
    client.put(
        target.api("overrides", segment),
        f"value={OTHER_LINK}",
        content_type="application/x-www-form-urlencoded",
        headers=ADMIN,
    )
    return SegmentOverride.objects.filter(locale=spanish(), context=segment.context).exists()


def publish(client, target):
    client.post(target.edit_url(), {"action": "publish"}, headers=ADMIN)
    return target.refresh().live


def submit_for_moderation(client, target):
    client.post(target.edit_url(), {"localize-submit-for-moderation": "1"}, headers=ADMIN)
    spanish_page = target.refresh()
    if in_moderation(spanish_page):
        assert not spanish_page.live
        return True
    return False


def sync(client, target, *, publish_translations=False):
    target.page.title = f"{CANARY} renamed"
    target.page.save_revision().publish()  # the original changed since it was translated
    data = {"publish_translations": "on"} if publish_translations else {}
    client.post(f"/admin/localize/update/{target.translation.source_id}/", data, headers=ADMIN)
    target.translation.source.refresh_from_db()
    return f"{CANARY} renamed" in target.translation.source.content_json


def sync_and_publish(client, target):
    synced = sync(client, target, publish_translations=True)
    return synced and target.refresh().live


def stop(client, target):
    client.post(
        f"/admin/localize/translate/{target.translation.pk}/disable/",
        {"next": "/admin/"},
        headers=ADMIN,
    )
    return not Translation.objects.get(pk=target.translation.pk).enabled


def restart(client, target):
    Translation.objects.filter(pk=target.translation.pk).update(enabled=False)
    client.post(target.edit_url(), {"localize-restart-translation": "1"}, headers=ADMIN)
    return Translation.objects.get(pk=target.translation.pk).enabled


def convert_to_alias(client, target):
    client.post(f"/admin/localize/page/{target.spanish.pk}/convert_to_alias/", headers=ADMIN)
    return target.refresh().alias_of_id == target.page.pk


RUN = {
    "submit": submit,
    "edit strings": edit_strings,
    "override": override,
    "publish": publish,
    "submit for moderation": submit_for_moderation,
    "sync": sync,
    "sync and publish": sync_and_publish,
    "stop": stop,
    "restart": restart,
    "convert to alias": convert_to_alias,
}

EVERYTHING = set(ACTIONS)
# Who may work on a translation without publishing it.
TRANSLATOR = {"submit", "edit strings", "override", "submit for moderation", "sync", "stop"}
TRANSLATOR |= {"restart"}
# Network admins hold every page right but not wagtail-localize's own permission.
PAGE_RIGHTS_ONLY = EVERYTHING - {"submit", "sync", "sync and publish"}

# The policy: chapters translate their own pages and the Alliance its own; only
# those who may publish a page publish its translation (directly, by "Publish
# immediately" on sync, or by turning it back into an alias of a live page).
ALLOWED: dict[str, dict[str, set[str]]] = {
    "riverside-editor": {"Riverside page": TRANSLATOR},
    "riverside-moderator": {"Riverside page": EVERYTHING},
    "hilltop-editor": {},
    "hilltop-moderator": {},
    "alliance-editor": {"Alliance page": TRANSLATOR},
    "alliance-moderator": {"Alliance page": EVERYTHING},
    "network-admin": dict.fromkeys(TARGETS, PAGE_RIGHTS_ONLY),
    "superuser": dict.fromkeys(TARGETS, EVERYTHING),
}

CASES = [
    (role, target, action, action in ALLOWED[role].get(target, set()))
    for role in ROLES
    for target in TARGETS
    for action in ACTIONS
]


class Committing:
    """The test client, running what a request leaves for after its commit.

    wagtail-localize publishes in `transaction.on_commit`; the test's transaction
    never commits, so each request runs its callbacks as a real commit would."""

    def __init__(self, client: Client, capture):
        self.client, self.capture = client, capture

    def __getattr__(self, name):
        return getattr(self.client, name)

    def _committed(self, method, *args, **kwargs):
        with self.capture(execute=True):
            return getattr(self.client, method)(*args, **kwargs)

    def get(self, *args, **kwargs):
        return self._committed("get", *args, **kwargs)

    def post(self, *args, **kwargs):
        return self._committed("post", *args, **kwargs)

    def put(self, *args, **kwargs):
        return self._committed("put", *args, **kwargs)


@pytest.fixture
def login(login, django_capture_on_commit_callbacks):
    return lambda role: Committing(login(role), django_capture_on_commit_callbacks)


@pytest.fixture
def as_role(login):
    def _as(role: str) -> Committing:
        if role == "superuser":
            get_user_model().objects.create_superuser(
                username="localize-superuser", email="su@example.org", password=PASSWORD
            )
            role = "localize-superuser"
        return login(role)

    return _as


@pytest.mark.parametrize(
    ("role", "target", "action", "allowed"),
    CASES,
    ids=[f"{r}-{t}-{a}-{'allowed' if ok else 'denied'}" for r, t, a, ok in CASES],
)
def test_localize_matrix(network, as_role, role, target, action, allowed):
    made = make_target(network, target, translated=action != "submit")
    client = as_role(role)
    assert RUN[action](client, made) is allowed
    if made.spanish is not None and "publish" not in ALLOWED[role].get(target, set()):
        assert not made.refresh().live, "someone who may not publish made the page live"


def test_matrix_covers_every_role_target_and_action():
    assert {role for role, *_ in CASES} == set(ROLES) == set(ALLOWED)
    assert len(CASES) == len(ROLES) * len(TARGETS) * len(ACTIONS)
    for target in TARGETS:
        for action in ACTIONS:
            assert any(ok for _r, t, a, ok in CASES if (t, a) == (target, action)), (
                f"nobody may {action} on the {target}: the case proves nothing"
            )


def summary(passed: set[str]) -> str:
    allowed = sum(case.endswith("-allowed") for case in passed)
    return (
        f"localize matrix: {len(passed)} of {len(CASES)} cases passed "
        f"({allowed} allowed, {len(passed) - allowed} denied)"
    )


# --- the findings ------------------------------------------------------------------


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
