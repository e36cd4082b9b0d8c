"""The import's pages, in two passes: first every page exists in its place (so every
page id can be remapped), then each gets its content, revisions and live state.

A mixin of `importing.Importer`, which holds the export, the new chapter, the id
maps and `resolve`.
"""

import uuid

from django.utils.text import slugify
from wagtail.models import Page, PageViewRestriction

from chapters.lifecycle.export_format import parse_datetime, strip_page
from chapters.lifecycle.onboarding import SECTIONS, free_slug
from chapters.lifecycle.references import remap

# The sections onboarding makes under a chapter's home.
SECTION_TYPES = tuple(page_class for page_class, _title, _slug in SECTIONS)


class PageImport:
    def create_pages(self) -> None:
        """First pass: every page exists in its place, so every page id can be remapped."""
        export = self.export
        adopted = self.adopt_onboarded()
        self.keys = {}
        for entry in export.pages:
            if entry["id"] in adopted:
                self.keys[entry["translation_key"]] = adopted[entry["id"]].translation_key
        root = Page.get_first_root_node()
        for entry in export.pages:
            if entry["id"] in adopted:
                self.page_map[entry["id"]] = adopted[entry["id"]].pk
                continue
            parent = (
                root
                if entry.get("parent") is None
                else Page.objects.get(pk=self.page_map[entry["parent"]])
            )
            model = entry["model"]
            local = {field.name for field in model._meta.concrete_fields} | {"pk"}
            content = self.page_content(entry, entry["content"], None)
            content = {key: value for key, value in content.items() if key in local}
            page = model.from_serializable_data(content)
            page.locale = self.locales[entry["locale"]]
            page.translation_key = self.keys.setdefault(entry["translation_key"], uuid.uuid4())
            page.live, page.has_unpublished_changes = False, True
            page.owner = self.user
            page.draft_title = page.title
            if parent.is_root():
                page.slug = free_slug(parent, page.slug or slugify(page.title) or "chapter")
                if page.title == export.manifest["chapter"]:
                    page.title = page.draft_title = self.name
            self.page_map[entry["id"]] = parent.add_child(instance=page).pk

    def adopt_onboarded(self) -> dict[int, Page]:
        """The exported home and sections, by export id, mapped to the ones onboarding
        just made; a section the exported chapter did not have is deleted."""
        export, home = self.export, self.chapter.home
        adopted = {export.home["id"]: home}
        sections = {type(page): page for page in home.get_children().specific()}
        for entry in export.pages:
            model = entry["model"]
            if entry.get("parent") == export.home["id"] and model in sections:
                adopted[entry["id"]] = sections.pop(model)
        for section in sections.values():
            if isinstance(section, SECTION_TYPES):
                section.delete()  # onboarding made it; the exported chapter had none
        return adopted

    def page_content(self, entry: dict, content: dict, new_id: int | None) -> dict:
        data = remap(entry["model"], strip_page(content), self.resolve, fresh=True)
        data["pk"] = new_id
        data["id"] = new_id
        return data

    def fill_pages(self) -> None:
        """Second pass: the content with every reference remapped, then revisions and state."""
        export, user = self.export, self.user
        for entry in export.pages:
            new_id = self.page_map[entry["id"]]
            page = self.content_of(entry, entry["content"], new_id)
            if entry.get("alias_of") in self.page_map:
                page.alias_of_id = self.page_map[entry["alias_of"]]
            if not entry.get("live") and page.live:  # a section onboarding published
                page.live, page.live_revision, page.has_unpublished_changes = False, None, True
            page.save(clean=False)
            for restriction in entry.get("view_restrictions") or []:
                self.restrict(PageViewRestriction(page=page), restriction)
            if page.alias_of_id:
                if bool(entry.get("live")) != page.live:
                    page.live = bool(entry.get("live"))
                    page.save(clean=False, update_fields=["live"])
                continue
            go_live_at = parse_datetime(entry.get("go_live_at"))
            if entry.get("live"):
                revision = page.save_revision(user=user, clean=False)
                revision.publish(user=user, skip_permission_checks=True)
                published = parse_datetime(entry["content"].get("last_published_at"))
                if published:
                    Page.objects.filter(pk=new_id).update(last_published_at=published)
                if entry.get("draft"):
                    self.content_of(entry, entry["draft"], new_id).save_revision(
                        user=user, clean=False, approved_go_live_at=go_live_at
                    )
            else:
                page.save_revision(user=user, clean=False, approved_go_live_at=go_live_at)

    def content_of(self, entry: dict, content: dict, new_id: int) -> Page:
        """The page `new_id` with the exported content; a home keeps its new slug and
        takes the new chapter's name where it had the old one."""
        current = Page.objects.get(pk=new_id).specific
        page = current.with_content_json(self.page_content(entry, content, new_id))
        if entry.get("parent") is None:  # the home, in any language
            page.slug = current.slug
            if page.title == self.export.manifest["chapter"]:
                page.title = self.name
        page.draft_title = page.title
        return page
