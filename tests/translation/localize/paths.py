"""wagtail-localize's paths, done the way its admin does them, for the localize matrix
and the translation workflow tests: a page to translate (on Riverside, which speaks
English and Spanish, or on the Alliance) and its Spanish draft; each action through
the admin's own URL, returning whether the effect a person notices happened."""

import json
from dataclasses import dataclass

from wagtail.models import Locale, Page, WorkflowState
from wagtail_localize.models import SegmentOverride, StringTranslation, Translation
from wagtail_localize.operations import translate_object

from home.models import StandardPage

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
