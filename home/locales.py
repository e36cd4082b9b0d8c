"""The reader's and the network's language codes, without a database query.

Listings filter on `locale__language_code` with these, so rendering a page
does not look up Locale rows again and again.
"""

import functools

from django.conf import settings
from django.db import models
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant


@functools.cache
def _locale_codes() -> dict[int, str]:
    from wagtail.models import Locale

    return dict(Locale.objects.values_list("pk", "language_code"))


def language_of(obj) -> str:
    """The language code of a translatable object, without a query per object.

    Locales change only with the settings (and a restart), so the small map
    of locale ids to codes is read once per process.
    """
    codes = _locale_codes()
    if obj.locale_id not in codes:
        _locale_codes.cache_clear()
        codes = _locale_codes()
    return codes[obj.locale_id]


def localized(queryset: models.QuerySet) -> list:
    """One object per translation, in the reader's language where it exists, else the default.

    Keeps the queryset's order (of the default-language objects). One query.
    """
    active, default = active_language(), default_language()
    return pick_localized(queryset.filter(locale__language_code__in={active, default}))


def pick_localized(objects) -> list:
    """`localized` of objects already read (each in the reader's or the default language)."""
    active = active_language()
    chosen: dict = {}
    order: list = []
    for obj in objects:
        key = obj.translation_key
        if key not in chosen:
            order.append(key)
        if key not in chosen or language_of(obj) == active:
            chosen[key] = obj
    return [chosen[key] for key in order]


def active_language() -> str:
    return get_supported_content_language_variant(translation.get_language())


def default_language() -> str:
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def in_active_locale(objects: list, queryset: models.QuerySet | None = None) -> list:
    """Return each translatable object in the reader's language.

    Falls back to the object itself where no translation exists yet. One
    query whatever the number of objects.
    """
    if not objects:
        return []
    if all(language_of(o) == active_language() for o in objects):
        return list(objects)  # already in the reader's language: nothing to look up
    if queryset is None:
        queryset = type(objects[0]).objects.all()
    translated = {
        obj.translation_key: obj
        for obj in queryset.filter(
            translation_key__in=[o.translation_key for o in objects],
            locale__language_code=active_language(),
        )
    }
    return [translated.get(o.translation_key, o) for o in objects]
