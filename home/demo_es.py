"""The Alliance's part of the demo network in Spanish, as real Wagtail translations.

Each Spanish object is a translation of its English original (same translation_key, the
Spanish locale), made with Wagtail's `copy_for_translation`, so wagtail-localize, the
language switcher and `in_active_locale` find it. Text comes from home/demo_content_es.py.

Idempotent: a translation that already exists is updated only where it differs from the
Spanish text here, and only if no person has edited it (a person's revision or log entry);
a translation made by a machine (this loader, or onboarding) is ours to overwrite.
"""

import json
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import models
from wagtail.actions.convert_alias import ConvertAliasPageAction
from wagtail.fields import StreamField
from wagtail.models import Locale, ModelLogEntry, Page, PageLogEntry

from home import demo_content_es as content
from home.models import (
    AllianceHomePage,
    PrincipleSet,
    Resource,
    Right,
)

LANGUAGE = "es"

# Fields every page translation keeps equal to its original's.
SHARED_PAGE_FIELDS = ["show_in_menus"]


@dataclass
class Tally:
    created: int = 0
    updated: int = 0
    kept: int = 0  # translations a person has edited: left alone

    @property
    def changed(self) -> int:
        return self.created + self.updated


def spanish() -> Locale:
    return Locale.objects.get(language_code=LANGUAGE)


def load_alliance_es() -> int:
    """Translate the Alliance's pages and the shared snippets. Returns how many it
    created or updated (0 when everything is already there)."""
    es = spanish()
    tally = Tally()
    default = Locale.get_default()

    for right in Right.objects.filter(locale=default, slug__in=content.RIGHTS):
        translate_snippet(right, es, content.RIGHTS[right.slug], tally)

    for principle_set in PrincipleSet.objects.filter(
        locale=default, title__in=content.PRINCIPLE_SETS
    ):
        data = content.PRINCIPLE_SETS[principle_set.title]
        fields = {k: v for k, v in data.items() if k != "principles"}
        es_set = translate_snippet(principle_set, es, fields, tally)
        for principle in principle_set.principles.filter(
            locale=default, title__in=data["principles"]
        ):
            translate_snippet(
                principle,
                es,
                {**data["principles"][principle.title], "principle_set": es_set},
                tally,
            )

    for resource in Resource.objects.filter(locale=default, title__in=content.RESOURCES):
        translate_snippet(resource, es, content.RESOURCES[resource.title], tally)

    home = AllianceHomePage.objects.filter(locale=default).first()
    if home is not None:
        translate_page(home, es, page_fields(content.ALLIANCE_HOME), tally)
        for page in home.get_children().filter(slug__in=content.ALLIANCE_PAGES):
            translate_page(page, es, page_fields(content.ALLIANCE_PAGES[page.slug]), tally)
    return tally.changed


# --- helpers shared with chapters/demo_es.py ------------------------------------------


def page_fields(data: dict) -> dict:
    """Spanish page data as field values: a body of (block type, value) pairs becomes the
    StreamField's raw blocks."""
    return {k: stream_blocks(v) if k == "body" else v for k, v in data.items()}


def stream_blocks(blocks: list[tuple[str, object]]) -> list[dict]:
    return [{"type": kind, "value": value} for kind, value in blocks]


def translate_snippet(obj, locale: Locale, fields: dict, tally: Tally):
    """The translation of a snippet in `locale`, created or brought up to date."""
    translation = obj.get_translation_or_none(locale)
    if translation is None:
        translation = obj.copy_for_translation(locale)
        for name, value in fields.items():
            _assign(translation, name, value)
        translation.save()
        tally.created += 1
        return translation
    if edited_by_a_person(translation):
        tally.kept += 1
        return translation
    changed = [name for name, value in fields.items() if _differs(translation, name, value)]
    if changed:
        for name in changed:
            _assign(translation, name, fields[name])
        translation.save()
        tally.updated += 1
    return translation


def translate_page(page: Page, locale: Locale, fields: dict, tally: Tally, shared=()) -> Page:
    """The published translation of a page in `locale`, created or brought up to date.

    `fields` are the translated values; `shared` names fields (dates, rights, consent…)
    that the translation keeps equal to the original's. Parents must be translated first
    (top down), so that none is made an alias of its original.
    """
    page = page.specific
    translation = page.get_translation_or_none(locale)
    created = translation is None
    if created:
        translation = page.copy_for_translation(locale, copy_parents=True).specific
    else:
        translation = translation.specific
        if edited_by_a_person(translation):
            tally.kept += 1
            return translation
        if translation.alias_of_id:
            # An alias mirrors its original on every publish: make it a page of its own.
            ConvertAliasPageAction(translation).execute(skip_permission_checks=True)
            translation = type(translation).objects.get(pk=translation.pk)
    wanted = {name: _value(page, name) for name in [*SHARED_PAGE_FIELDS, *shared]}
    wanted.update(fields)
    changed = [name for name, value in wanted.items() if _differs(translation, name, value)]
    for name in changed:
        _assign(translation, name, wanted[name])
    if created or changed or not translation.live or translation.has_unpublished_changes:
        translation.save_revision().publish()
        if created:
            tally.created += 1
        else:
            tally.updated += 1
    return translation


def edited_by_a_person(obj) -> bool:
    """Whether someone (not a loader) has saved or published this object."""
    if isinstance(obj, Page):
        return (
            obj.revisions.exclude(user=None).exists()
            or PageLogEntry.objects.filter(page=obj).exclude(user=None).exists()
        )
    return (
        ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)
        )
        .exclude(user=None)
        .exists()
    )


def _value(obj, name: str):
    field = obj._meta.get_field(name)
    value = getattr(obj, name)
    if field.many_to_many:
        return list(value.all())
    if isinstance(field, StreamField):
        return _raw_blocks(value)
    return value


def _raw_blocks(stream_value) -> list[dict]:
    return [{"type": block["type"], "value": block["value"]} for block in stream_value.raw_data]


def _differs(obj, name: str, value) -> bool:
    field = obj._meta.get_field(name)
    if field.many_to_many:
        return {o.pk for o in getattr(obj, name).all()} != {o.pk for o in value}
    if isinstance(field, StreamField):
        return _raw_blocks(getattr(obj, name)) != value
    if isinstance(field, models.ForeignKey):
        return getattr(obj, field.attname) != (value.pk if value is not None else None)
    return getattr(obj, name) != value


def _assign(obj, name: str, value) -> None:
    field = obj._meta.get_field(name)
    if isinstance(field, StreamField):
        value = json.dumps(value)
    setattr(obj, name, value)
