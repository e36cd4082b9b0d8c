"""Tagging with rights and principles: the part stories, events and archive entries share.

A page is tagged with human rights (`home.Right`) and, except events, with
principles (`home.Principle`). The tags drive the listings' "right" filter,
browse by right (chapters.network.rights) and the network search's facet;
a page shows its tags in the reader's language.

The fields keep their exact definitions (help text included), so moving them
here changed no migration: `rights_field` and `principles_field` make them,
and a page type that words the editor's help differently (stories) passes
its own text.
"""

from django import forms
from django.db import models
from django.db.models import Count, Exists, OuterRef, QuerySet
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel

from home.locales import active_language, default_language, language_of, localized
from home.models import Principle, Right
from home.params import query_text

TAGGING_HEADING = "Rights and principles"


def rights_field(help_text: str = "") -> ParentalManyToManyField:
    return ParentalManyToManyField("home.Right", blank=True, related_name="+", help_text=help_text)


def principles_field(help_text: str = "") -> ParentalManyToManyField:
    return ParentalManyToManyField(
        "home.Principle", blank=True, related_name="+", help_text=help_text
    )


def in_reader_language(tagged: QuerySet, related: tuple = ()) -> list:
    """Tagged snippets, each in the reader's language where it is translated, else in the
    network's default language, else as tagged; ordered as their model orders them.

    One query: the tags and all their translations together (a subquery on a saved
    page; in a preview, the editor's unsaved choices). A page's tags cost the same in
    every language, and the links its rights carry stay within the page's budget.
    """
    keys = tagged.values_list("translation_key", flat=True)
    versions = list(tagged.model.objects.filter(translation_key__in=keys).select_related(*related))
    rank = {active_language(): 0, default_language(): 1}
    chosen: dict = {}
    for obj in versions:
        best = chosen.get(obj.translation_key)
        if best is None or rank.get(language_of(obj), 2) < rank.get(language_of(best), 2):
            chosen[obj.translation_key] = obj
    order = {id(obj): n for n, obj in enumerate(versions)}
    return sorted(chosen.values(), key=lambda obj: order[id(obj)])


class PrincipleCheckboxes(forms.CheckboxSelectMultiple):
    """The principles as checkboxes under the name of their set ("Jemez Principles …"),
    in the sets' order: a bare list of some 26 titles does not say which "Be inclusive"
    is whose, with a filter that narrows them as the editor types. The form offers
    only the page's own language (home.forms)."""

    template_name = "chapters/widgets/principle_checkboxes.html"

    class Media:
        js = ["chapters/js/principle-filter.js"]

    def optgroups(self, name, value, attrs=None):
        choices = list(self.choices)
        ids = [getattr(option, "value", option) for option, _label in choices]
        set_of = dict(
            Principle.objects.filter(pk__in=ids).values_list("pk", "principle_set__title")
        )
        groups: dict[str, list] = {}
        for option, label in choices:
            groups.setdefault(set_of.get(getattr(option, "value", option), ""), []).append(
                (option, label)
            )
        self.choices = list(groups.items())
        try:
            return super().optgroups(name, value, attrs)
        finally:
            self.choices = choices


class RightsAndPrinciplesMixin(models.Model):
    """Rights and principles a page is about, their editor panels and how they are read.

    A page type without principles sets `related_principles = None` (Django
    then leaves the inherited field out) and uses `rights_panel` alone.
    """

    rights = rights_field()
    related_principles = principles_field()

    rights_panel = FieldPanel("rights", widget=forms.CheckboxSelectMultiple)
    tagging_panels = [rights_panel, FieldPanel("related_principles", widget=PrincipleCheckboxes)]
    # The editor's tab for the panels above: (heading, panels), for `edit_tabs`.
    tagging_tab = (TAGGING_HEADING, tagging_panels)

    class Meta:
        abstract = True

    def tags_context(self) -> dict:
        """The page's rights and principles in the reader's language, for its template."""
        context = {"rights": in_reader_language(self.rights.all())}
        if self.related_principles is not None:
            context["principles"] = in_reader_language(
                self.related_principles.all(), related=("principle_set",)
            )
        return context

    @classmethod
    def _through_field(cls) -> str:
        """The name of the rights through table's foreign key to the page (e.g. 'storypage')."""
        return cls._meta.model_name

    @classmethod
    def tagged_with(cls, items: QuerySet, right: Right) -> QuerySet:
        """`items` tagged with `right` in any of its languages.

        With the right's translations read already (`_translations`, see
        chapters.network.rights.right_for_slug) their ids are asked as values: the
        planner then knows from its statistics how many pages carry the tag, and
        walks a popular right's pages in the listing's order, gating only the few it
        shows, where a guess of a few hundred made it gate every tagged page (2,500
        of a 500-chapter network) and sort them."""
        translations = getattr(right, "_translations", None)
        if translations is not None:
            which = {"right_id__in": sorted(r.pk for r in translations)}
        else:
            which = {"right__translation_key": right.translation_key}
        tags = cls.rights.through.objects.filter(**which, **{cls._through_field(): OuterRef("pk")})
        return items.filter(Exists(tags))

    @classmethod
    def counts_by_right(cls, items: QuerySet) -> dict:
        """How many of `items` are tagged with each right, by the right's translation key.

        One query.
        """
        fk = cls._through_field()
        rows = (
            cls.rights.through.objects.filter(**{f"{fk}__in": items.values("pk")})
            .values("right__translation_key")
            .annotate(n=Count(fk, distinct=True))
        )
        return {row["right__translation_key"]: row["n"] for row in rows}


def right_filter(request, items: QuerySet) -> tuple[QuerySet, dict]:
    """Filter by the `right` query parameter (a Right's slug, the same in every language).

    Returns the filtered items and, for the listing's filter form, its context:
    every right in the reader's language (`rights`) and the chosen slug
    (`chosen_right`).
    """
    chosen = query_text(request, "right")
    rights = localized(Right.objects.all())
    if chosen:
        items = items.filter(rights__slug=chosen).distinct()
    return items, {"rights": rights, "chosen_right": chosen}
