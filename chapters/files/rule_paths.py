"""The media rules (chapters.files.rules) on the save paths that do not clean.

* `pre_save` of a page, chapter settings, consent record or shared resource:
  a save that adds a refused file raises ValidationError, cleaned or not
  (`save(clean=False)`, `add_child`, the chapter import, code in the shell).
  Files the stored row already has are left alone, so unpublishing an entry or
  withdrawing consent is never blocked by an old reference.
* `pre_save` of a page revision (a draft saved with `save_revision(clean=False)`):
  the same, comparing the revision's content with the page as stored.
* `pre_save` of an image or document: it moves to another collection only if what
  uses it may use files there (`move_refusal`); the forms say so first.
* wagtail-localize's segment overrides (the translation editor's "Change image"):
  an override naming a file the translation may not use is kept with its error,
  which the translation editor shows on the segment; wagtail-localize never
  applies an override with an error, so publishing the translation uses the
  source's file. The translated page's own save is checked as above.
"""

import contextlib
import json

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db.models.signals import post_save, pre_save
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from chapters.archive.consent_records import ConsentRecord
from chapters.files.rules import (
    MISSING,
    consent_errors,
    kind_of,
    media_errors,
    move_refusal,
    references,
)
from chapters.register.settings import ChapterSettings
from home.models import Resource

CHECKED = (Page, ChapterSettings, ConsentRecord, Resource)


def _reference_fields(model) -> set[str]:
    """Fields whose values can name an image or document (for `update_fields`)."""
    names = set()
    media = (get_image_model(), get_document_model())
    for field in model._meta.concrete_fields:
        if field.related_model in media or hasattr(field, "extract_references"):
            names |= {field.name, field.attname}
    return names


def _stored(obj):
    if obj.pk is None:
        return None
    return type(obj)._default_manager.filter(pk=obj.pk).first()


def _known(stored) -> frozenset:
    if stored is None:
        return frozenset()
    return frozenset((ref.model, ref.pk) for ref in references(stored))


def _raise(errors: dict) -> None:
    if errors:
        raise ValidationError(errors)


def refuse_new_references(sender, instance, raw=False, update_fields=None, **kwargs):
    """pre_save: no save adds a file its object may not use."""
    if raw or not isinstance(instance, CHECKED):
        return
    if update_fields is not None and not set(update_fields) & _reference_fields(type(instance)):
        return
    if isinstance(instance, ConsentRecord):
        _check_consent(instance)
        return
    _raise(media_errors(instance, ignore=_known(_stored(instance))))


def refuse_breaking_move(sender, instance, raw=False, update_fields=None, **kwargs):
    """pre_save of an image or document: it does not move where what uses it may not
    use it (the image and document forms show the same message on the collection)."""
    if raw or (update_fields is not None and "collection" not in update_fields):
        return
    if message := move_refusal(instance):
        raise ValidationError({"collection": [message]})


def _check_consent(record: ConsentRecord) -> None:
    stored = _stored(record)
    same = stored is not None and (stored.entry_id, stored.image_id, stored.document_id) == (
        record.entry_id,
        record.image_id,
        record.document_id,
    )
    if not same and (errors := consent_errors(record)):
        raise ValidationError(errors)


def refuse_revision(sender, instance, raw=False, **kwargs):
    """pre_save of a Revision: a page draft adds no refused file either."""
    if raw or instance.pk is not None or not isinstance(instance.content, dict):
        return
    page = instance.content_object  # the page being saved, as it is in memory
    if not isinstance(page, Page):
        return
    stored = _stored(page.specific)
    if stored is None:
        return
    try:
        draft = stored.with_content_json(instance.content)
    except (KeyError, TypeError, ValueError, ObjectDoesNotExist):
        return  # not a page's content we can read; the page's own save is checked
    _raise(media_errors(draft, ignore=_known(stored)))


# --- wagtail-localize --------------------------------------------------------------


def check_override(sender, instance, created=False, update_fields=None, raw=False, **kwargs):
    """post_save of a SegmentOverride: mark one naming a refused file as an error."""
    if raw or (update_fields is not None and "data_json" not in update_fields):
        return  # e.g. wagtail-localize storing a publishing error on it
    message = override_refusal(instance)
    has_error, field_error = (True, message) if message else (False, "")
    if (instance.has_error, instance.field_error) == (has_error, field_error):
        return
    # A new value also clears an error wagtail-localize stored when publishing failed.
    type(instance).objects.filter(pk=instance.pk).update(
        has_error=has_error, field_error=field_error
    )
    instance.has_error, instance.field_error = has_error, field_error


def override_refusal(override) -> str | None:
    """Why the translation may not use the file this override names, or None."""
    from wagtail_localize.models import Translation

    context = override.context
    if context is None:
        return None
    translation = (
        Translation.objects.filter(
            source__object_id=context.object_id, target_locale_id=override.locale_id
        )
        .select_related("source")
        .first()
    )
    if translation is None:
        return None
    try:
        with _no_error_filter(override):
            page = translation.source.get_ephemeral_translated_instance(
                override.locale, fallback=True
            )
    except (ObjectDoesNotExist, ValueError, TypeError) as error:
        return _missing(override, error)
    errors = media_errors(page)
    for ref in references(page):
        if ref.content_path.rstrip(".") != context.path:
            continue
        for messages in errors.values():
            for error in messages:
                if getattr(error, "media", None) == (kind_of(ref.model), ref.pk):
                    return error.messages[0]
    return None


@contextlib.contextmanager
def _no_error_filter(override):
    """The ephemeral translation leaves out overrides marked with an error: judge this
    one's value even if an earlier value was refused."""
    if not override.has_error:
        yield
        return
    type(override).objects.filter(pk=override.pk).update(has_error=False)
    try:
        yield
    finally:
        type(override).objects.filter(pk=override.pk).update(has_error=True)


def _missing(override, error) -> str:
    try:
        value = json.loads(override.data_json)
    except ValueError:
        value = override.data_json
    return MISSING.format(kind="File", pk=value) if value else str(error)


def connect_signals() -> None:
    from wagtail_localize.models import SegmentOverride

    pre_save.connect(refuse_new_references, dispatch_uid="media-rules-save")
    for model in (get_image_model(), get_document_model()):
        label = model._meta.label
        pre_save.connect(refuse_breaking_move, sender=model, dispatch_uid=f"media-move-{label}")
    pre_save.connect(refuse_revision, sender=Revision, dispatch_uid="media-rules-revision")
    post_save.connect(check_override, sender=SegmentOverride, dispatch_uid="media-rules-override")
