"""The state of each translation of a page or shared snippet, per language.

For an object and each other language of the network:

- **missing**: there is no translation in that language (an alias page, which
  shows the original's text, counts as missing);
- **untracked**: there is one, but it was not made with wagtail-localize, so
  nothing records which English it translates;
- **out of date**: it was made with wagtail-localize and
  1. the original changed since its last sync: its current content differs from
     the content its `TranslationSource` froze (pages: compared only when the page
     was published after the sync, since only publishing changes the page's row;
     Wagtail's own bookkeeping fields are left out), or
  2. the translation was not saved since that sync (a sync without "publish"), or
  3. some of the source's strings have no translation in that language yet (they
     fall back to the original's words);
- **up to date**: none of these.

`translation_states` works on a list of objects of one model at a constant
number of queries (the listings and the report show many rows), plus one query
per page published since its last sync.
"""

import json
from dataclasses import dataclass, field

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Count, Exists, IntegerField, Max, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from modelcluster.models import ClusterableModel, get_serializable_data_for_fields
from wagtail.models import Locale, Page

UP_TO_DATE, OUT_OF_DATE, MISSING, UNTRACKED = "up_to_date", "out_of_date", "missing", "untracked"
LABELS = {
    UP_TO_DATE: _("up to date"),
    OUT_OF_DATE: _("out of date"),
    MISSING: _("missing"),
    UNTRACKED: _("not tracked"),
}
# Page fields that change without the page's text changing (tree, revisions, locks).
PAGE_CONTENT_FIELDS = {"title", "slug", "seo_title", "search_description", "show_in_menus"}


@dataclass
class Status:
    """One object's translations: the source they come from and a state per language."""

    translation_key: object
    source: object = None  # the TranslationSource, if translations were made with it
    states: dict = field(default_factory=dict)  # language code -> state
    translations: dict = field(default_factory=dict)  # language code -> Translation
    targets: dict = field(default_factory=dict)  # language code -> pk of the translation

    @property
    def has_missing(self) -> bool:
        return MISSING in self.states.values()

    @property
    def may_sync(self) -> bool:
        return self.source is not None and bool(self.translations)

    def label(self, code: str) -> str:
        return LABELS[self.states[code]]


def _base_model(model):
    return Page if issubclass(model, Page) else model.get_translation_model()


def serialized(instance) -> dict:
    """The content as wagtail-localize freezes it in a source (`TranslationSource`)."""
    if isinstance(instance, ClusterableModel):
        return json.loads(instance.to_json())
    return json.loads(json.dumps(get_serializable_data_for_fields(instance), cls=DjangoJSONEncoder))


def _page_content(data: dict) -> dict:
    own = {f.name for f in Page._meta.concrete_fields} - PAGE_CONTENT_FIELDS
    return {key: value for key, value in data.items() if key not in own and key != "pk"}


def changed_since_sync(instance, source) -> bool:
    """Whether the original's current content differs from what the source froze."""
    frozen = json.loads(source.content_json)
    if isinstance(instance, Page):
        published = instance.last_published_at
        if published is None or published <= source.last_updated_at:
            return False
        return _page_content(serialized(instance.specific)) != _page_content(frozen)
    return serialized(instance) != frozen


def _translations(sources):
    """The enabled translations of these sources, each with its progress (strings in
    the source, strings translated) and when its target was last saved: one query."""
    from wagtail_localize.models import (
        StringSegment,
        StringTranslation,
        Translation,
        TranslationLog,
    )

    translated = StringSegment.objects.filter(source_id=OuterRef("source_id")).filter(
        Exists(
            StringTranslation.objects.filter(
                translation_of_id=OuterRef("string_id"),
                context_id=OuterRef("context_id"),
                locale_id=OuterRef(OuterRef("target_locale_id")),
                has_error=False,
            )
        )
    )
    count = lambda segments: Coalesce(  # noqa: E731
        Subquery(
            segments.order_by().values("source_id").annotate(n=Count("pk")).values("n"),
            output_field=IntegerField(),
        ),
        0,
    )
    return (
        Translation.objects.filter(source__in=sources, enabled=True)
        .select_related("source", "target_locale")
        .annotate(
            total=count(StringSegment.objects.filter(source_id=OuterRef("source_id"))),
            done=count(translated),
            saved_at=Subquery(
                TranslationLog.objects.filter(
                    source_id=OuterRef("source_id"), locale_id=OuterRef("target_locale_id")
                )
                .order_by()
                .values("source_id")
                .annotate(last=Max("created_at"))
                .values("last")
            ),
        )
    )


def _translation_state(translation, changed: bool) -> str:
    source = translation.source
    behind = translation.saved_at is None or translation.saved_at < source.last_updated_at
    if changed or behind or translation.done < translation.total:
        return OUT_OF_DATE
    return UP_TO_DATE


def _sources(model, keys, instances):
    """Each key's source (in the default language when several languages were
    sources) and the original it was made from."""
    from wagtail_localize.models import TranslationSource

    default = Locale.get_default().pk
    sources = {}
    for source in TranslationSource.objects.filter(object_id__in=keys).order_by("created_at"):
        if source.object_id not in sources or source.locale_id == default:
            sources[source.object_id] = source
    originals = {(obj.translation_key, obj.locale_id): obj for obj in instances}
    wanted = [s for s in sources.values() if (s.object_id, s.locale_id) not in originals]
    if wanted:
        lookup = Q(pk__in=[])
        for source in wanted:
            lookup |= Q(translation_key=source.object_id, locale_id=source.locale_id)
        for obj in _base_model(model).objects.filter(lookup):
            originals[(obj.translation_key, obj.locale_id)] = obj
    return sources, originals


def translation_states(objects) -> dict:
    """`Status` by translation key for a list of objects of one translatable model."""
    objects = list(objects)
    if not objects:
        return {}
    model = type(objects[0])
    keys = {obj.translation_key for obj in objects}
    locales = {locale.pk: locale.language_code for locale in Locale.objects.all()}
    existing = _base_model(model).objects.filter(translation_key__in=keys)
    if issubclass(model, Page):
        existing = existing.filter(alias_of__isnull=True)
    present = {
        (key, locale): pk
        for pk, key, locale in existing.values_list("pk", "translation_key", "locale_id")
    }
    sources, originals = _sources(model, keys, objects)
    by_source = {}
    for translation in _translations(list(sources.values())):
        by_source.setdefault(translation.source_id, []).append(translation)
    result = {}
    for obj in objects:
        key = obj.translation_key
        source = sources.get(key)
        status = result.setdefault(key, Status(key, source))
        if status.states:
            continue
        origin = source.locale_id if source is not None else obj.locale_id
        original = originals.get((key, origin)) if source is not None else None
        changed = original is not None and changed_since_sync(original, source)
        tracked = {t.target_locale_id: t for t in by_source.get(getattr(source, "pk", None), [])}
        for locale_id, code in locales.items():
            if locale_id == origin:
                continue
            if (key, locale_id) not in present:
                status.states[code] = MISSING
                continue
            status.targets[code] = present[(key, locale_id)]
            if locale_id in tracked:
                status.translations[code] = tracked[locale_id]
                status.states[code] = _translation_state(tracked[locale_id], changed)
            else:
                status.states[code] = UNTRACKED
    return result


def status_of(instance) -> Status:
    """The `Status` of one object (its edit view)."""
    return translation_states([instance])[instance.translation_key]
