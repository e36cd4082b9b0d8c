"""Making and updating the demo's translations, as real Wagtail translations.

Each translated object is a translation of its English original (same translation_key,
the other locale), so wagtail-localize, the language switcher and `in_active_locale`
find it. Snippets (principle sets, principles, resources, rights) are made as a
translator makes them, through wagtail-localize (a TranslationSource, a Translation,
the data's text as its strings, then the save), so an edit of the English shows their
translation out of date and a sync brings it. Pages are still made with Wagtail's
`copy_for_translation` and their fields set.

Idempotent: a translation that already exists is updated only where it differs from the
data's text, and only if no person has edited it (a person's revision or log entry); a
translation made by a machine (this loader, or onboarding) is ours to overwrite."""

import json
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import models
from wagtail.actions.convert_alias import ConvertAliasPageAction
from wagtail.fields import StreamField
from wagtail.models import Locale, ModelLogEntry, Page, PageLogEntry
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from chapters.demo.data import DemoDataError, blocks
from home.translation.integrity import pair_segments, store_strings

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


def locale(language: str) -> Locale:
    """The site's locale for a language the demo has text in."""
    found = Locale.objects.filter(language_code=language).first()
    if found is None:
        raise DemoDataError(
            f"the demo has text in '{language}' but the site has no such locale "
            "(add it to LANGUAGES)"
        )
    return found


def page_fields(data: dict) -> dict:
    """Translated page data as field values: a body becomes the StreamField's raw blocks."""
    return {k: blocks(v) if k == "body" else v for k, v in data.items()}


def translate_snippet(obj, locale: Locale, fields: dict, tally: Tally):
    """The translation of a snippet in `locale`, made as a translator makes it.

    Through wagtail-localize: a TranslationSource of the English, a Translation into
    `locale`, the data's text stored as the translation's strings (paired with the
    source's segments), then the translation saved from them. So the translation knows
    its source: an edit of the English shows it out of date, and a sync brings the edit.
    A field the source has no segment for (or whose text cannot be paired) is set
    directly."""
    existing = obj.get_translation_or_none(locale)
    if existing is not None and (edited_by_a_person(existing) or translated_by_a_person(obj)):
        tally.kept += 1
        return existing
    source, _created = TranslationSource.update_or_create_from_instance(obj)
    _record, started = Translation.objects.get_or_create(source=source, target_locale=locale)
    wanted = type(obj).objects.get(pk=obj.pk)  # never saved: the English with the data's text
    for name, value in fields.items():
        _assign(wanted, name, value)
    # The data's text is the translation, even where it reads as the English does.
    stored = store_strings(source, locale, pair_segments(source, wanted), same_as_source=True)
    if existing is None or stored:
        # The loader's own machine-made text is its to replace (checked above), so it
        # saves with wagtail-localize's own method, not the guarded `save_target`.
        source.create_or_update_translation(locale, publish=True, fallback=True)
    translation = obj.get_translation(locale)
    changed = [name for name, value in fields.items() if _differs(translation, name, value)]
    for name in changed:
        _assign(translation, name, fields[name])
    if changed:
        translation.save()
    if existing is None:
        tally.created += 1
    elif started or stored or changed:
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


def translated_by_a_person(obj) -> bool:
    """Whether someone has translated a string of this object in the translation editor
    (wagtail-localize logs no edit of a snippet it saves, but it keeps the translator)."""
    return StringTranslation.objects.filter(
        context__object_id=obj.translation_key, last_translated_by__isnull=False
    ).exists()


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
