"""The reader's and the network's language codes, without a database query.

Listings filter on `locale__language_code` with these, so rendering a page
does not look up Locale rows again and again.
"""

from django.conf import settings
from django.db import models
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant


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
