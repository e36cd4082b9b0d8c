"""One filter form for every listing page: a chapter's stories, events and archive,
the network's stories and events, the chapter directory and the resource library.

    {% load filter_tags %}
    {% filter_form "kind decade right" label=_("Filter the archive") button=_("Show entries") %}

Each field is described once, below: its label, its "all" option, and where the
page's `get_context` put its options and the chosen value. Every field renders
the same way (templates/includes/filter_form.html): a <select> with the id
`filter-<name>` and the name `<name>`, tied to its <label>, so the GET parameters
and the ids the pages and tests rely on stay as they were. The network's chapter
is a text box of the same id and name (hundreds of chapters make no select). Reading only what the
page's context holds, the form costs no query of its own.

Here and not in `chapters/` because the resource library (in `home`) uses it
too, and `home` never depends on `chapters`.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django import template
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext

register = template.Library()


@dataclass(frozen=True)
class Option:
    value: object
    label: object
    selected: bool
    count: int | None = None  # shown after the label, "(3)", where the page counts


@dataclass(frozen=True)
class Field:
    label: str
    any_label: str
    options: Callable[[template.Context], Iterable[Option]]
    # A text box instead of a select (the network's chapters: too many to list):
    # `options` gives the box's value, `hint` says what to type.
    text: bool = False
    hint: str = ""


def _chosen(context, key: str) -> str:
    """The chosen value as the query string spelled it ('' when none)."""
    value = context.get(key)
    return "" if value is None else str(value)


def _pairs(items_key: str, chosen_key: str):
    """Options from (value, label) pairs, e.g. a model's choices."""

    def options(context):
        chosen = _chosen(context, chosen_key)
        return [Option(v, label, str(v) == chosen) for v, label in context.get(items_key, ())]

    return options


def _values(items_key: str, chosen_key: str, label=lambda value: value):
    """Options from plain values (years, decades), each its own label unless `label` says."""

    def options(context):
        chosen = _chosen(context, chosen_key)
        return [Option(v, label(v), str(v) == chosen) for v in context.get(items_key, ())]

    return options


def _rights(context):
    chosen = _chosen(context, "chosen_right")
    return [Option(r.slug, r.name, r.slug == chosen) for r in context.get("rights", ())]


def _chapter_text(context) -> str:
    """What the chapter box holds: the name typed (or the chosen chapter's name)."""
    return _chosen(context, "chosen_chapter")


def _directory(name: str, options_key: str):
    """The directory's options: dicts with value, label and (except principles) a count."""

    def options(context):
        chosen = (context.get("filters") or {}).get(name, "")
        return [
            Option(o["value"], o["label"], o["value"] == chosen, o.get("count"))
            for o in context.get(options_key, ())
        ]

    return options


def _decade(decade) -> str:
    return pgettext("decade", "%(decade)ss") % {"decade": decade}


FIELDS = {
    "right": Field(_("Right"), _("All rights"), _rights),
    "chapter": Field(
        _("Chapter"),
        _("All chapters"),
        _chapter_text,
        text=True,
        hint=_("Type part of a chapter's name, or leave it empty for every chapter."),
    ),
    "year": Field(_("Year"), _("All years"), _values("years", "chosen_year")),
    "kind": Field(_("Kind"), _("All kinds"), _pairs("kinds", "chosen_kind")),
    "decade": Field(_("Period"), _("All periods"), _values("decades", "chosen_decade", _decade)),
    "topic": Field(_("Topic"), _("All topics"), _pairs("topics", "chosen_topic")),
    "locality": Field(
        _("Kind of place"), _("All kinds of place"), _directory("locality", "locality_options")
    ),
    "state": Field(_("State"), _("All states"), _directory("state", "state_options")),
    "status": Field(_("Status"), _("Any status"), _directory("status", "status_options")),
    "principles": Field(
        _("Adopted principles"),
        _("Any principles"),
        _directory("principles", "principle_set_options"),
    ),
}

# Parameters kept from the page's state as hidden inputs: the events' past/upcoming tab.
HIDDEN = {"when": lambda context: "past" if context.get("show_past") else ""}


@register.inclusion_tag("includes/filter_form.html", takes_context=True)
def filter_form(context, fields: str, *, label: str, button: str, clear: bool = False) -> dict:
    """The page's filter form with `fields` (names from FIELDS or HIDDEN, in order).

    `clear` adds a link that drops every filter (the directory, once filtered).
    """
    rendered = []
    for name in fields.split():
        if name in HIDDEN:
            rendered.append({"name": name, "hidden": True, "value": HIDDEN[name](context)})
        elif name in FIELDS and FIELDS[name].text:
            field = FIELDS[name]
            text = {"label": field.label, "hint": field.hint, "value": field.options(context)}
            rendered.append({"name": name, "text": True, **text})
        elif name in FIELDS:
            field = FIELDS[name]
            rendered.append(
                {
                    "name": name,
                    "label": field.label,
                    "any_label": field.any_label,
                    "options": field.options(context),
                }
            )
        else:
            raise template.TemplateSyntaxError(
                f"filter_form: no field {name!r}; known: {', '.join([*FIELDS, *HIDDEN])}"
            )
    return {"label": label, "button": button, "clear": clear, "fields": rendered}
