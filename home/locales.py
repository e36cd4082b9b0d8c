"""The reader's and the network's language codes, without a database query.

Listings filter on `locale__language_code` with these, so rendering a page
does not look up Locale rows again and again.
"""

from django.conf import settings
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant


def active_language() -> str:
    return get_supported_content_language_variant(translation.get_language())


def default_language() -> str:
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)
