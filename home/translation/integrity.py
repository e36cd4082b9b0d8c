"""No translation overwrites another: the rule on wagtail-localize's data.

wagtail-localize writes a translated object in one place, `Translation.save_target`,
from the source's segments and the `StringTranslation`s it holds, falling back to the
source's text for any segment with none. Three things went wrong with that:

- "Translate" (`TranslationCreator.create_translations`) also translates the objects
  an object refers to (a principle's set, one level deep): it gave the Spanish
  principle set, which already existed, a new `Translation` with no strings and saved
  it, so the English set's text replaced the Spanish one everywhere it is read.
- A `Translation` started for an object whose translation already exists (made by
  hand, by a loader, by copying) knows none of that translation's text, so its first
  save writes the source's text over it (the page subtree's "Translate" does this to
  every already translated child page, a re-enabled translation to every hand edit).
- Nothing stopped `save_target` from replacing text that exists nowhere else.

The rule, for every path (the translation editor, "Sync translated …", "Translate",
the subtree, management commands, code calling `save_target`):

1. A related object that already has a translation in a target locale is only linked
   to it: `create_translations` gives it no `Translation` there and saves nothing.
2. A `Translation` created (or enabled again) for a target that exists adopts the
   target's current text: each source string segment is paired with the target's
   segment at the same path (the n-th of n at that path) and the target's text is
   stored as its translation, so a later save writes that same text back.
3. `save_target` refuses (a `ValidationError` naming the object and the field) to
   save when the result would replace text of the target with the source's
   fallback (or drop it) where that text is neither a source string (English
   written there as a fallback before) nor a translation the translation memory
   holds for this object: such text would be lost for good. Where every source
   segment of a field is translated, the translator's text replaces the target's.
   Sync after an English edit still works as in wagtail-localize: the Spanish of the
   old sentence stays in the translation memory, the new sentence falls back to
   English until it is translated.
"""

import functools
from collections import defaultdict

from django.core.exceptions import ValidationError
from django.db.models.signals import post_save, pre_save
from django.utils.translation import gettext as _
from wagtail.models import DraftStateMixin, Page

_ORIGINAL = {}


def string_segments(instance) -> dict[str, list[str]]:
    """The instance's translatable text as wagtail-localize extracts it: the data of
    each string segment, by path, in order."""
    from wagtail_localize.segments import StringSegmentValue
    from wagtail_localize.segments.extract import extract_segments

    by_path = defaultdict(list)
    for segment in sorted(extract_segments(instance), key=lambda s: s.order):
        if isinstance(segment, StringSegmentValue):
            by_path[segment.path].append(segment.string.data)
    return by_path


def pair_segments(source, instance) -> list[tuple]:
    """(StringSegment of `source`, the instance's text at the same place) for every
    source segment the instance has a counterpart of: the same path and, where a path
    holds several segments (paragraphs of rich text), the same number of them."""
    theirs = string_segments(instance)
    ours = defaultdict(list)
    for segment in source.stringsegment_set.select_related("context", "string").order_by("order"):
        ours[segment.context.path].append(segment)
    return [
        (segment, text)
        for path, segments in ours.items()
        if len(segments) == len(theirs.get(path, ()))
        for segment, text in zip(segments, theirs[path], strict=True)
    ]


def store_strings(source, locale, pairs, user=None, same_as_source=False) -> int:
    """Store each (segment, text) as the segment's translation into `locale`. Returns
    how many changed. Text equal to the source's is skipped (an adopted target may
    show the English as a fallback: it is no translation), unless `same_as_source`
    says the caller knows it is one (a name or a slug the same in both languages)."""
    from wagtail_localize.models import StringTranslation

    changed = 0
    for segment, text in pairs:
        if text == segment.string.data and not same_as_source:
            continue
        found = StringTranslation.objects.filter(
            translation_of=segment.string, locale=locale, context=segment.context
        ).first()
        if found is not None and found.data == text:
            continue
        if found is None:
            found = StringTranslation(
                translation_of=segment.string, locale=locale, context=segment.context
            )
        found.data, found.translation_type, found.last_translated_by = text, "manual", user
        found.has_error, found.field_error = False, ""
        found.save()
        changed += 1
    return changed


def current_target(translation):
    """The target as its editors last saved it (a draft counts), or None."""
    try:
        target = translation.get_target_instance()
    except translation.source.specific_content_type.model_class().DoesNotExist:
        return None
    if isinstance(target, Page):
        target = target.specific
        if target.alias_of_id:
            return None  # an alias has no text of its own
    if isinstance(target, DraftStateMixin) and target.latest_revision_id:
        return target.get_latest_revision_as_object()
    return target


def adopt_target_text(translation) -> int:
    """Rule 2: the existing target's text becomes the translation's strings."""
    target = current_target(translation)
    if target is None:
        return 0
    pairs = pair_segments(translation.source, target)
    return store_strings(translation.source, translation.target_locale, pairs)


def text_it_would_lose(translation) -> dict[str, list[str]]:
    """Rule 3: the target's text, by field, that saving would replace and that exists
    nowhere else (not a source string, not in the translation memory)."""
    from wagtail_localize.models import String, StringTranslation

    target = current_target(translation)
    if target is None:
        return {}
    source, locale = translation.source, translation.target_locale
    result = string_segments(source.get_ephemeral_translated_instance(locale, fallback=True))
    lost = defaultdict(list)
    candidates = [
        (path, text)
        for path, texts in string_segments(target).items()
        for text in texts
        if text.strip() and text not in result.get(path, ())
    ]
    translated = _translated_paths(source, locale)
    candidates = [(path, text) for path, text in candidates if path not in translated]
    if not candidates:
        return {}
    hashes = {String._get_data_hash(text): text for _path, text in candidates}
    known = set(
        String.objects.filter(locale=source.locale, data_hash__in=hashes).values_list(
            "data", flat=True
        )
    )
    known |= set(
        StringTranslation.objects.filter(
            locale=locale, context__object_id=source.object_id
        ).values_list("data", flat=True)
    )
    for path, text in candidates:
        if text not in known:
            lost[path.split(".")[0]].append(text)
    return dict(lost)


def _translated_paths(source, locale) -> set[str]:
    """The paths whose every source segment has a translation: there a translator's
    text replaces the target's, which is what translating is, not a loss."""
    done, missing = set(), set()
    for path, translation in (
        source.stringsegment_set.annotate_translation(locale)
        .values_list("context__path", "translation")
        .iterator()
    ):
        (done if translation is not None else missing).add(path)
    return done - missing


def refuse_to_lose_text(translation) -> None:
    lost = text_it_would_lose(translation)
    if not lost:
        return
    target = current_target(translation)
    raise ValidationError(
        {
            field: _(
                "Saving the %(language)s translation of “%(object)s” would replace its "
                "own text in “%(field)s” with the original's: translate that text in "
                "the translation editor first."
            )
            % {
                "language": translation.target_locale.get_display_name(),
                "object": target,
                "field": field,
            }
            for field in lost
        }
    )


def save_target(self, user=None, publish=True):
    """wagtail-localize's own method, refusing to lose a translation's text."""
    refuse_to_lose_text(self)
    return _ORIGINAL["save_target"](self, user=user, publish=publish)


def create_translations(self, instance, include_related_objects=True):
    """wagtail-localize's own method; rule 1 for the objects it pulls in."""
    original = _ORIGINAL["create_translations"]
    if getattr(self, "_integrity_outer", None) is None:
        self._integrity_outer = instance
        try:
            return original(self, instance, include_related_objects)
        finally:
            self._integrity_outer = None
    # A related object of the object being translated: only where it has no translation.
    wanted = self.target_locales
    missing = [locale for locale in wanted if not instance.has_translation(locale)]
    if not missing:
        self.seen_objects.add(instance.translation_key)
        return None
    self.target_locales = missing
    try:
        return original(self, instance, include_related_objects)
    finally:
        self.target_locales = wanted


def _remember_enabled(sender, instance, raw=False, **kwargs):
    if raw or instance.pk is None:
        instance._integrity_was_enabled = False
        return
    was = sender.objects.filter(pk=instance.pk).values_list("enabled", flat=True).first()
    instance._integrity_was_enabled = bool(was)


def _adopt_on_start(sender, instance, created, raw=False, **kwargs):
    """A translation that starts (or starts again) takes its target's text."""
    if raw or not instance.enabled or getattr(instance, "_integrity_was_enabled", False):
        return
    adopt_target_text(instance)


def install() -> None:
    """Put the three rules on wagtail-localize's models. Idempotent."""
    from wagtail_localize.models import Translation
    from wagtail_localize.operations import TranslationCreator

    if "save_target" not in _ORIGINAL:
        _ORIGINAL["save_target"] = Translation.save_target
        Translation.save_target = functools.wraps(_ORIGINAL["save_target"])(save_target)
        _ORIGINAL["create_translations"] = TranslationCreator.create_translations
        TranslationCreator.create_translations = functools.wraps(_ORIGINAL["create_translations"])(
            create_translations
        )
    pre_save.connect(_remember_enabled, sender=Translation, dispatch_uid="home.integrity_pre")
    post_save.connect(_adopt_on_start, sender=Translation, dispatch_uid="home.integrity_adopt")
