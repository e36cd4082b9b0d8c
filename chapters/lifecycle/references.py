"""References: the ids a page, snippet or setting points at, found and remapped.

An export is written with this install's ids; an import gives everything new
ids. One walk over a model's serializable data serves both: `remap` passes every
reference (foreign keys, many-to-many fields, inline rows, StreamField blocks,
rich text) through a resolver. On export the resolver is a `ReferenceCollector`,
which only notes what the content points at, so that it can travel too; on
import it answers the new id.
"""

import json
import re

from django.apps import apps
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models.fields.related import ForeignObjectRel
from modelcluster.fields import ParentalKey
from taggit.managers import TaggableManager
from wagtail.blocks import BaseStreamBlock, BaseStructBlock, ListBlock, RichTextBlock
from wagtail.blocks.field_block import ChooserBlock
from wagtail.documents import get_document_model
from wagtail.documents.models import AbstractDocument
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.images.models import AbstractImage
from wagtail.models import Page, TranslatableMixin
from wagtail.rich_text.rewriters import extract_attrs

from home.params import parse_integer


def kind_of(model) -> str | None:
    """What a reference to `model` is: page, image, document or (shared) snippet;
    None for anything else (a user, a locale, …), which is never remapped."""
    if isinstance(model, str):  # e.g. a chooser block's target named as "app.Model"
        model = apps.get_model(model)
    if model is None:
        return None
    if issubclass(model, Page):
        return "page"
    if issubclass(model, AbstractImage):
        return "image"
    if issubclass(model, AbstractDocument):
        return "document"
    if issubclass(model, TranslatableMixin):
        return "snippet"
    return None


def model_label(model) -> str:
    """The concrete model's label, so a subclass and its parent name one table."""
    if isinstance(model, str):
        model = apps.get_model(model)
    return model._meta.concrete_model._meta.label


def as_id(value) -> int | None:
    """An id as the serialized data holds it (an int, or digits), else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        return parse_integer(value)
    return None


def remap(model, data: dict, resolve, *, fresh: bool = False, child: bool = False):
    """A copy of `data` (a model's serializable data) with every reference passed
    through `resolve(target_model, old_id) -> new_id | None`.

    With `fresh`, inline rows lose their ids so that saving creates new rows.
    An inline row whose required reference cannot be resolved is dropped (None).
    """
    data = dict(data)
    for field in model._meta.get_fields():
        if isinstance(field, ForeignObjectRel):
            if isinstance(field.remote_field, ParentalKey):
                _remap_inline_rows(field, data, resolve, fresh)
            continue
        if field.name not in data or getattr(field, "primary_key", False):
            continue
        value = data[field.name]
        if isinstance(field, ParentalKey):
            if fresh:
                data[field.name] = None
        elif field.is_relation and (field.many_to_one or field.one_to_one):
            if getattr(field.remote_field, "parent_link", False):
                continue
            if kind_of(field.related_model) and value is not None:
                data[field.name] = resolve(field.related_model, as_id(value))
                if data[field.name] is None and child and not field.null:
                    return None
        elif field.is_relation and field.many_to_many and not isinstance(field, TaggableManager):
            if kind_of(field.related_model) and isinstance(value, list):
                ids = (resolve(field.related_model, as_id(item)) for item in value)
                data[field.name] = [pk for pk in ids if pk is not None]
        elif isinstance(field, StreamField) and value:
            data[field.name] = _remap_stream(field, value, resolve)
        elif isinstance(field, RichTextField) and isinstance(value, str):
            data[field.name] = remap_rich_text(value, resolve)
    if fresh and child:
        data["pk"] = None
        if "id" in data:
            data["id"] = None
    return data


def _remap_inline_rows(relation: ForeignObjectRel, data: dict, resolve, fresh: bool) -> None:
    """The inline rows (a ParentalKey's children) under their accessor, each remapped;
    a row whose required reference did not travel is left out."""
    name = relation.get_accessor_name()
    rows = data.get(name)
    if isinstance(rows, list):
        remapped = (
            remap(relation.related_model, row, resolve, fresh=fresh, child=True)
            for row in rows
            if isinstance(row, dict)
        )
        data[name] = [row for row in remapped if row is not None]


def _remap_stream(field: StreamField, value, resolve):
    """A StreamField's value as serialized: a JSON string (revisions) or its raw list."""
    raw = json.loads(value) if isinstance(value, str) else value
    raw = remap_block(field.stream_block, raw, resolve)
    return json.dumps(raw, cls=DjangoJSONEncoder) if isinstance(value, str) else raw


def remap_block(block, value, resolve):
    """Walk a StreamField's raw JSON with its block definitions, remapping chooser ids."""
    if value is None:
        return None
    if isinstance(block, ChooserBlock) and not isinstance(value, dict | list):
        return resolve(block.target_model, as_id(value))
    if isinstance(block, RichTextBlock) and isinstance(value, str):
        return remap_rich_text(value, resolve)
    if isinstance(block, BaseStreamBlock) and isinstance(value, list):
        items = []
        for item in value:
            if isinstance(item, dict) and item.get("type") in block.child_blocks:
                child = block.child_blocks[item["type"]]
                item = {**item, "value": remap_block(child, item.get("value"), resolve)}
            items.append(item)
        return items
    if isinstance(block, ListBlock) and isinstance(value, list):
        items = []
        for item in value:
            if isinstance(item, dict) and item.get("type") == "item" and "value" in item:
                item = {**item, "value": remap_block(block.child_block, item["value"], resolve)}
            else:
                item = remap_block(block.child_block, item, resolve)
            items.append(item)
        return items
    if isinstance(block, BaseStructBlock):
        if isinstance(value, dict):
            return {
                name: remap_block(block.child_blocks[name], item, resolve)
                if name in block.child_blocks
                else item
                for name, item in value.items()
            }
        image = block.child_blocks.get("image")
        if isinstance(image, ChooserBlock) and as_id(value) is not None:
            # wagtail.images.blocks.ImageBlock still reads a bare image id.
            return resolve(image.target_model, as_id(value))
    return value


_RICH_TAG = re.compile(r"<(a|embed)(\s[^>]*)?>")
_ID_ATTR = re.compile(r'(?<![\w-])id="[^"]*"')


def remap_rich_text(html: str, resolve) -> str:
    """Rewrite `<a linktype="page|document" id>` and `<embed embedtype="image" id>`."""
    kinds = {
        ("a", "page"): Page,
        ("a", "document"): get_document_model(),
        ("embed", "image"): get_image_model(),
    }

    def replace(match):
        tag, attr_string = match.group(1), match.group(2) or ""
        attrs = extract_attrs(attr_string)
        model = kinds.get((tag, attrs.get("linktype" if tag == "a" else "embedtype")))
        if model is None:
            return match.group(0)
        new_id = resolve(model, as_id(attrs.get("id")))
        if new_id is None:
            # The target did not travel: keep the link text, drop the image.
            return "<a>" if tag == "a" else ""
        new_attrs = _ID_ATTR.sub(f'id="{new_id}"', attr_string, count=1)
        return f"<{tag}{new_attrs}>"

    return _RICH_TAG.sub(replace, html)


class ReferenceCollector:
    """A resolver for export: records what chapter content points at, changes nothing.

    Pages outside the chapter, images and documents outside its collections and
    the shared snippets it uses are what the export must carry beside the chapter.
    """

    def __init__(self, page_ids: set[int]):
        self.page_ids = page_ids
        self.pages: set[int] = set()
        self.images: set[int] = set()
        self.documents: set[int] = set()
        self.snippets: dict[tuple[str, int], None] = {}

    def __call__(self, model, old_id):
        if old_id is None:
            return None
        kind = kind_of(model)
        if kind == "page" and old_id not in self.page_ids:
            self.pages.add(old_id)
        elif kind == "image":
            self.images.add(old_id)
        elif kind == "document":
            self.documents.add(old_id)
        elif kind == "snippet":
            self.snippets.setdefault((model_label(model), old_id), None)
        return old_id
