"""Reports > Translation state: per language, what is out of date or missing.

One section for the Alliance (the shared snippets and the Alliance's pages) and
one per chapter (its pages). Deny by default: a person sees the Alliance's
section if they write the shared snippets or the Alliance's pages, and the
sections of the chapters they edit or moderate; network admins and superusers
see every section. Anyone else gets a 403.

The states are `home.translation.state`'s (one batch per model and section).
"""

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.models import GroupPagePermission, Locale, Page

from chapters.admin.scope import page_scope
from chapters.register.chapter import Chapter
from chapters.register.settings import ChapterSettings
from chapters.register.settings_translations import settings_translation_states
from home.models import AllianceHomePage, Principle, PrincipleSet, Resource, Right
from home.params import query_choice
from home.translation.entry import snippet_edit_url, snippet_translate_url, target_url
from home.translation.state import LABELS, MISSING, UP_TO_DATE, translation_states

SNIPPETS = (PrincipleSet, Principle, Resource, Right)


@dataclass
class Row:
    title: str
    kind: str
    state: str
    url: str | None

    @property
    def label(self) -> str:
        return LABELS.get(self.state, self.state)


@dataclass
class Section:
    name: str
    rows: list = field(default_factory=list)
    up_to_date: int = 0


def _rows(objects, code, kind_of, translate_url, edit_url) -> tuple[list[Row], int]:
    """The rows of `objects` not up to date in `code`, and how many are. A row links
    to where its work is done: Translate (missing), the translation's editor (out of
    date) or the original (not tracked)."""
    statuses = translation_states(objects)
    rows, fine = [], 0
    for obj in objects:
        status = statuses[obj.translation_key]
        state = status.states.get(code)
        if state is None:
            continue
        if state == UP_TO_DATE:
            fine += 1
            continue
        work = translate_url(obj) if state == MISSING else target_url(status, code, type(obj))
        url = work or edit_url(obj)
        rows.append(Row(str(obj), kind_of(obj), state, url))
    return rows, fine


def _page_rows(pages, code, section: Section) -> None:
    def submit(page):
        return reverse("wagtail_localize:submit_page_translation", args=[page.pk])

    def edit(page):
        return reverse("wagtailadmin_pages:edit", args=[page.pk])

    rows, fine = _rows(list(pages), code, lambda page: _("Page"), submit, edit)
    section.rows += rows
    section.up_to_date += fine


def _source_pages(root_paths):
    """The pages in the default language under these roots (aliases left out)."""
    pages = Page.objects.none()
    for path in root_paths:
        pages |= Page.objects.filter(path__startswith=path)
    return pages.filter(locale=Locale.get_default(), alias_of__isnull=True).order_by("path")


def _writes_alliance(user) -> bool:
    if any(user.has_perm(f"home.change_{model._meta.model_name}") for model in SNIPPETS):
        return True
    homes = AllianceHomePage.objects.values("pk")
    return GroupPagePermission.objects.filter(group__user=user, page__in=homes).exists()


def alliance_section(code) -> Section:
    section = Section(_("Alliance"))
    for model in SNIPPETS:
        objects = list(model.objects.filter(locale=Locale.get_default()))
        rows, fine = _rows(
            objects,
            code,
            lambda obj: str(obj._meta.verbose_name).capitalize(),
            snippet_translate_url,
            snippet_edit_url,
        )
        section.rows += rows
        section.up_to_date += fine
    homes = AllianceHomePage.objects.filter(locale=Locale.get_default())
    _page_rows(_source_pages(homes.values_list("path", flat=True)), code, section)
    return section


def chapter_section(chapter, code) -> Section | None:
    """A chapter's pages, in the languages it publishes in only."""
    if code not in chapter.languages:
        return None
    section = Section(chapter.name)
    _page_rows(_source_pages([chapter.home.path]), code, section)
    if chapter.site is not None:
        state = settings_translation_states(ChapterSettings.for_site(chapter.site)).get(code)
        if state is not None and state != UP_TO_DATE:
            url = reverse(
                "wagtailsettings:edit", args=["chapters", "chaptersettings", chapter.site.pk]
            )
            section.rows.append(Row(_("Site settings"), _("Settings"), state, url))
    return section


def visible_sections(user, code) -> list[Section]:
    """The sections this person may see; PermissionDenied if they may see none."""
    everything = user.is_superuser or page_scope(user) is None
    alliance = everything or _writes_alliance(user)
    chapters = Chapter.objects.select_related("home", "site").active()
    chapters = chapters if everything else chapters.of_user(user)
    if not alliance and not chapters.exists():
        raise PermissionDenied
    if not code:
        return []
    sections = [alliance_section(code)] if alliance else []
    for chapter in chapters:
        if (section := chapter_section(chapter, code)) is not None:
            sections.append(section)
    return sections


class TranslationStateReport(WagtailAdminTemplateMixin, TemplateView):
    template_name = "chapters/admin/translation_report.html"
    page_title = gettext_lazy("Translation state")
    header_icon = "site"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        locales = list(Locale.objects.exclude(pk=Locale.get_default().pk))
        codes = [locale.language_code for locale in locales]
        code = query_choice(self.request, "language", codes) or (codes[0] if codes else "")
        sections = visible_sections(self.request.user, code)
        return super().get_context_data(locales=locales, language=code, sections=sections, **kwargs)
