"""The state of each translation of a site's settings: up to date, out of date, missing.

A site's settings (ChapterSettings) are not a wagtail-localize object: their texts
(the contact note, the support resources) are written once in the site's default
language and translated in the `translations` StreamField, one block per language.
To tell a translator which of those fell behind, each save records, per language,
a digest of the source texts and a digest of that language's translation
(`ChapterSettings.translation_digests`). When the translation's own text changes,
it was (re)written against the source of that moment; when only the source
changes, the translation is out of date until someone updates it. The record is
made in `ChapterSettings.save`, so every path that saves settings (the settings
editor, the admin API, chapter import, a management command) keeps it true.
"""

import hashlib
import json
import re

from django.utils.html import strip_tags

# The states pages and snippets have too (home/translation/state.py), so the
# translation report lists settings beside them.
from home.translation.state import MISSING, OUT_OF_DATE, UP_TO_DATE  # noqa: F401

# The texts of the settings that readers see in their language.
TRANSLATED_FIELDS = ("contact_note", "support_resources")


# The rich text editor gives every paragraph a fresh key on each save: not a change.
BLOCK_KEY = re.compile(r'\s+data-block-key="[^"]*"')


def _text(value) -> str:
    """A field's or block's value as comparable text: rich text as its HTML, without the
    editor's paragraph keys, and empty when it has no words (an empty paragraph)."""
    source = BLOCK_KEY.sub("", str(getattr(value, "source", value) or "")).strip()
    return source if strip_tags(source).strip() else ""


def _digest(texts: dict[str, str]) -> str:
    encoded = json.dumps(texts, sort_keys=True, ensure_ascii=False).encode()
    return hashlib.sha256(encoded).hexdigest()[:16]


def source_texts(settings) -> dict[str, str]:
    return {name: _text(getattr(settings, name)) for name in TRANSLATED_FIELDS}


def translation_texts(settings) -> dict[str, dict[str, str]]:
    """Each language's translated texts (the last block of a language wins, as readers see)."""
    found: dict[str, dict[str, str]] = {}
    for block in settings.translations:
        texts = found.setdefault(block.value["language"], dict.fromkeys(TRANSLATED_FIELDS, ""))
        for name in TRANSLATED_FIELDS:
            value = _text(block.value.get(name))
            if value:
                texts[name] = value
    return found


def record_digests(settings) -> None:
    """Update `settings.translation_digests` before a save (called by its save()).

    A language whose translated text differs from the one last recorded was written
    now, against the current source; the others keep the source they were written
    against. A language without a translation any more is forgotten.
    """
    source = _digest(source_texts(settings))
    previous = (
        settings.translation_digests if isinstance(settings.translation_digests, dict) else {}
    )
    recorded = {}
    for language, texts in translation_texts(settings).items():
        if not any(texts.values()):
            continue
        text = _digest(texts)
        before = previous.get(language)
        if isinstance(before, dict) and before.get("text") == text and before.get("source"):
            recorded[language] = before
        else:
            recorded[language] = {"text": text, "source": source}
    settings.translation_digests = recorded


def settings_translation_states(settings) -> dict[str, str]:
    """language code -> UP_TO_DATE / OUT_OF_DATE / MISSING, for each of the site's
    languages but its default (the language of the settings' own texts).

    Missing: no translation of any text the source has. Out of date: the source changed
    since the translation was last saved, or the translation lacks a text the source has.
    A site with no text to translate is up to date in every language.
    """
    source_values = source_texts(settings)
    source = _digest(source_values)
    translations = translation_texts(settings)
    digests = settings.translation_digests if isinstance(settings.translation_digests, dict) else {}
    states = {}
    for language in settings.language_codes[1:]:
        texts = translations.get(language, {})
        needed = [name for name, value in source_values.items() if value]
        if not needed:
            states[language] = UP_TO_DATE
        elif not any(texts.get(name) for name in needed):
            states[language] = MISSING
        elif (digests.get(language) or {}).get("source") != source or not all(
            texts.get(name) for name in needed
        ):
            states[language] = OUT_OF_DATE
        else:
            states[language] = UP_TO_DATE
    return states
