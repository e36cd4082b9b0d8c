"""Where editors meet translation: Translate, Sync and each language's state.

wagtail-localize offers "Translate" and "Sync translated snippets" in the
snippet listing only (asking the database three times per row), and nothing in
the snippet's edit view. Here, for the shared snippets:

- the listing has a "Translations" column (each language's state) and the row's
  Translate / Sync buttons, worked out for the whole page of rows at once
  (`TranslationListingMixin`; wagtail-localize's per-row hook is removed by
  `install`);
- the edit view's action menu has Translate, Sync and one item per language
  with its state, linking to that translation (`add_translation_menu_items`).

Pages keep wagtail-localize's "Translate this page" and "Sync translated pages";
`page_state_buttons` adds each language's state to the page's header menu.
The states themselves: `home.translation.state`.
"""

from urllib.parse import urlencode

from django.contrib.admin.utils import quote
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.ui.tables import Column, LocaleColumn
from wagtail.admin.widgets.button import Button
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.snippets.action_menu import ActionMenuItem

from home.translation.state import MISSING, status_of, translation_states

PERMISSION = "wagtail_localize.submit_translation"


def language_names() -> dict:
    return {locale.language_code: locale.get_display_name() for locale in Locale.objects.all()}


def snippet_translate_url(obj) -> str:
    meta = obj._meta
    return reverse(
        "wagtail_localize:submit_snippet_translation",
        args=[meta.app_label, meta.model_name, quote(obj.pk)],
    )


def snippet_edit_url(obj) -> str:
    meta = obj._meta
    return reverse(f"wagtailsnippets_{meta.app_label}_{meta.model_name}:edit", args=[quote(obj.pk)])


def sync_url(status, next_url=None) -> str:
    url = reverse("wagtail_localize:update_translations", args=[status.source.pk])
    return url + "?" + urlencode({"next": next_url}) if next_url else url


def target_url(status, code, model=None) -> str | None:
    """The edit view of the translation in `code` (for one made with wagtail-localize,
    its editor), from the ids the states were worked out with: no query."""
    pk = status.targets.get(code)
    if pk is None:
        return None
    if model is None or issubclass(model, Page):
        return reverse("wagtailadmin_pages:edit", args=[pk])
    return snippet_edit_url(model(pk=pk))


def state_badges(status, names) -> str:
    """Each language's state, as words (not colour alone)."""
    return format_html_join(
        " ",
        '<span class="w-status w-status--{}">{}: {}</span>',
        (
            (state.replace("_", "-"), names.get(code, code), status.label(code))
            for code, state in sorted(status.states.items())
        ),
    )


class TranslationListingMixin:
    """A snippet index view whose rows show their translations' states and offer
    Translate and Sync, at a constant number of queries for the whole page."""

    def get_table(self, object_list):
        self.translation_status = translation_states(object_list)
        self.language_names = language_names()
        return super().get_table(object_list)

    @cached_property
    def columns(self):
        column = Column(
            "translations", label=gettext_lazy("Translations"), accessor=self._state_cell
        )
        columns = list(super().columns)
        if self.i18n_enabled and not any(isinstance(c, LocaleColumn) for c in columns):
            columns.append(LocaleColumn())  # which row is the original, which a translation
        return [*columns, column]

    def _state_cell(self, obj):
        status = getattr(self, "translation_status", {}).get(obj.translation_key)
        return state_badges(status, self.language_names) if status else ""

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        status = getattr(self, "translation_status", {}).get(instance.translation_key)
        if status is None or not self.request.user.has_perm(PERMISSION):
            return buttons
        title = str(instance)
        if status.has_missing:
            buttons.append(
                Button(
                    _("Translate"),
                    snippet_translate_url(instance),
                    icon_name="wagtail-localize-language",
                    attrs={"aria-label": _("Translate '%(title)s'") % {"title": title}},
                    priority=100,
                )
            )
        if status.may_sync:
            buttons.append(
                Button(
                    _("Sync translated snippets"),
                    sync_url(status, self.request.path),
                    icon_name="resubmit",
                    attrs={"aria-label": _("Sync translations of '%(title)s'") % {"title": title}},
                    priority=106,
                )
            )
        return buttons


class LinkMenuItem(ActionMenuItem):
    """An item of the snippet editor's action menu that opens another screen."""

    def __init__(self, name, label, url, icon_name, order):
        super().__init__(order=order)
        self.name, self.label, self.url, self.icon_name = name, label, url, icon_name

    def is_shown(self, context):
        return True

    def get_url(self, parent_context):
        return self.url


def add_translation_menu_items(menu_items, request, context):
    """The snippet edit view's action menu: Translate, Sync and each language's state."""
    instance = context.get("instance")
    if (
        context.get("view") != "edit"
        or not isinstance(instance, TranslatableMixin)
        or not request.user.has_perm(PERMISSION)
    ):
        return
    status = status_of(instance)
    names = language_names()
    if status.has_missing:
        url = snippet_translate_url(instance)
        menu_items.append(
            LinkMenuItem(
                "localize-translate", _("Translate"), url, "wagtail-localize-language", 900
            )
        )
    if status.may_sync and status.source.locale_id == instance.locale_id:
        url = sync_url(status, request.get_full_path())
        label = _("Sync translated snippets")
        menu_items.append(LinkMenuItem("localize-sync", label, url, "resubmit", 901))
    for offset, (code, state) in enumerate(sorted(status.states.items())):
        if code == instance.locale.language_code:
            continue
        label = _("%(language)s: %(state)s") % {
            "language": names.get(code, code),
            "state": status.label(code),
        }
        if state == MISSING:
            url = snippet_translate_url(instance)
        else:
            url = target_url(status, code, type(instance))
        menu_items.append(LinkMenuItem(f"localize-state-{code}", label, url, "globe", 910 + offset))


def _page_buttons(page, status, names=None):
    names = names if names is not None else language_names()
    for offset, (code, state) in enumerate(sorted(status.states.items())):
        if code == page.locale.language_code:
            continue
        if state == MISSING:
            url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
        else:
            url = target_url(status, code)
        label = _("%(language)s: %(state)s") % {
            "language": names.get(code, code),
            "state": status.label(code),
        }
        yield Button(label, url, icon_name="globe", priority=70 + offset)


def page_state_buttons(page, user, next_url=None, view_name=None):
    """The page's header menu: each language's state, linking to that translation."""
    if page.is_root() or not user.has_perm(PERMISSION) or view_name != "edit":
        return
    yield from _page_buttons(page, status_of(page))


def page_listing_state_buttons(page, user, view_name=None, next_url=None):
    """The explorer's row menu: each language's state. The first row of a parent works
    out the states of all its children at once (kept on the request's user), so a
    listing costs a constant number of queries, not some per row."""
    if page.is_root() or not user.has_perm(PERMISSION):
        return
    cache = user.__dict__.setdefault("_translation_states_by_parent", {})
    parent = page.path[: -Page.steplen]
    if "names" not in cache:
        cache["names"] = language_names()
    if parent not in cache:
        siblings = Page.objects.filter(path__startswith=parent, depth=page.depth)
        cache[parent] = translation_states(siblings.select_related("locale"))
    status = cache[parent].get(page.translation_key) or status_of(page)
    if status.has_missing:
        url = reverse(
            "wagtail_localize:submit_page_translation", args=[page.alias_of_id or page.pk]
        )
        yield Button(
            _("Translate this page"), url, icon_name="wagtail-localize-language", priority=60
        )
    if status.may_sync and status.source.locale_id == page.locale_id:
        label = _("Sync translated pages")
        yield Button(label, sync_url(status, next_url), icon_name="resubmit", priority=60)
    yield from _page_buttons(page, status, cache["names"])


def install() -> None:
    """Remove wagtail-localize's per-row listing buttons (snippets and the page
    explorer; its page header buttons stay): the same Translate and Sync come from
    `TranslationListingMixin` and `page_listing_state_buttons`, worked out for every
    row at once. Idempotent."""
    from wagtail import hooks
    from wagtail_localize import wagtail_hooks as localize_hooks

    replaced = {
        "register_snippet_listing_buttons": localize_hooks.register_snippet_listing_buttons,
        "register_page_listing_more_buttons": localize_hooks.page_listing_more_buttons,
    }
    for hook_name, theirs in replaced.items():
        registered = hooks._hooks.get(hook_name, [])
        registered[:] = [(fn, order) for fn, order in registered if fn is not theirs]


def badges_html(status, names):
    """The states as HTML for templates (the report)."""
    return format_html("{}", state_badges(status, names))
