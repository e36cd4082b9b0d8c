"""The admin routes a chapter-scoped person may open, by URL name: everything else is refused.

Deny by default. Wagtail and wagtail-localize bring many admin screens (reports,
workflows, users, sites, collections, redirects, the admin API's actions, …),
and each new version adds more; a list of routes to close always lags behind.
For anyone whose admin is scoped (`admin_scope.page_scope(user) is not None`:
everyone but superusers and network admins, so chapter editors and moderators
and the Alliance's editors and moderators), `ChapterAdminScopeMiddleware`
resolves the request's URL name and lets it through only if a group below
names it (and the group's `who` admits the person). The views behind these
names still check their own permissions; this list is the second line that
keeps unknown and network-wide screens closed.

Names are `fnmatch` patterns over the resolved view name ("namespace:name").
How the list was made: walking the admin as each role with the test client
(every link and data URL on every page reached from the dashboard) and
reading Wagtail 8's and wagtail-localize 1.14's URL modules;
tests/admin/test_admin_allowlist.py checks every registered admin name against it.
"""

from dataclasses import dataclass
from fnmatch import fnmatchcase

from wagtail.models import GroupSitePermission

from chapters.register.chapter import Chapter


def _snippet_rights(user, match) -> bool:
    """The shared snippets are written by the Alliance: only people with a right on
    the snippet's model open its screens (everyone may still use its chooser)."""
    namespace = match.namespace or ""
    if namespace == "wagtailsnippets":  # the index of every snippet type
        return any(perm.startswith("home.") for perm in user.get_all_permissions())
    app_label, _, model_name = namespace.removeprefix("wagtailsnippets_").partition("_")
    return any(
        user.has_perm(f"{app_label}.{action}_{model_name}")
        for action in ("add", "change", "delete", "view")
    )


def _site_settings_rights(user, match) -> bool:
    """Settings are edited per site, by the people the site grants that right."""
    return GroupSitePermission.objects.filter(group__user=user).exists()


def _chapter_moderator(user, match) -> bool:
    """The Chapters screens (history, invitations, consent) are for a chapter's moderators."""
    return Chapter.objects.of_user(user, moderator=True).exists()


def _chapter_organizer(user, match) -> bool:
    """A chapter's events' registrations are for its editors and moderators."""
    return Chapter.objects.of_user(user).exists()


@dataclass(frozen=True)
class RouteGroup:
    why: str
    names: tuple[str, ...]
    who: object = None  # (user, resolver_match) -> bool; None: every scoped person

    def admits(self, user, match) -> bool:
        name = match.view_name
        if not any(fnmatchcase(name, pattern) for pattern in self.names):
            return False
        return self.who is None or self.who(user, match)


ALLOWLIST: tuple[RouteGroup, ...] = (
    RouteGroup(
        "The dashboard and what every admin page loads (icons, translations of the "
        "interface, dismissed tips, 'someone else is editing' pings, block previews).",
        (
            "wagtailadmin_home",
            "wagtailadmin_sprite",
            "wagtailadmin_javascript_catalog",
            "wagtail_localize:javascript_catalog",
            "wagtailadmin_dismissibles",
            "wagtailadmin_editing_sessions:ping",
            "wagtailadmin_editing_sessions:release",
            "wagtailadmin_block_preview",
        ),
    ),
    RouteGroup(
        "A person's own account: preferences, password, signing in and out, "
        "resetting a forgotten password, and their second factor (setting it up, "
        "confirming it after signing in, recovery codes: accounts/urls.py).",
        (
            "mfa:*",
            "wagtailadmin_account",
            "wagtailadmin_login",
            "wagtailadmin_logout",
            "wagtailadmin_password_reset",
            "wagtailadmin_password_reset_*",
        ),
    ),
    RouteGroup(
        "The page explorer and page search: Wagtail lists only pages the person may "
        "explore; the middleware checks the page id in the address.",
        (
            "wagtailadmin_explore_root",
            "wagtailadmin_explore",
            "wagtailadmin_explore_results",
            "wagtailadmin_pages:search",
            "wagtailadmin_pages:search_results",
            "wagtailadmin_pages:type_use",
            "wagtailadmin_pages:type_use_results",
        ),
    ),
    RouteGroup(
        "Writing pages: add, edit, preview, move, copy, delete, privacy, lock, usage, "
        "revisions (view, compare, revert, unschedule) and history. Wagtail checks the "
        "page's permissions; the middleware checks every page id in the address or form.",
        (
            "wagtailadmin_pages:add",
            "wagtailadmin_pages:add_subpage",
            "wagtailadmin_pages:choose_parent",
            "wagtailadmin_pages:preview_on_add",
            "wagtailadmin_pages:edit",
            "wagtailadmin_pages:preview_on_edit",
            "wagtailadmin_pages:view_draft",
            "wagtailadmin_pages:delete",
            "wagtailadmin_pages:unpublish",
            "wagtailadmin_pages:convert_alias",
            "wagtailadmin_pages:move",
            "wagtailadmin_pages:move_confirm",
            "wagtailadmin_pages:set_page_position",
            "wagtailadmin_pages:copy",
            "wagtailadmin_pages:set_privacy",
            "wagtailadmin_pages:lock",
            "wagtailadmin_pages:unlock",
            "wagtailadmin_pages:usage",
            "wagtailadmin_pages:revisions_*",
            "wagtailadmin_pages:history",
            "wagtailadmin_pages:history_results",
        ),
    ),
    RouteGroup(
        "Moderation: submit, approve or reject a task, cancel a workflow, preview a "
        "page in moderation, read a page's workflow history.",
        (
            "wagtailadmin_pages:workflow_action",
            "wagtailadmin_pages:collect_workflow_action_data",
            "wagtailadmin_pages:confirm_workflow_cancellation",
            "wagtailadmin_pages:workflow_preview",
            "wagtailadmin_pages:workflow_history",
            "wagtailadmin_pages:workflow_history_detail",
        ),
    ),
    RouteGroup(
        "Bulk actions on pages, images and documents (the middleware checks every id "
        "chosen, and `childOf`).",
        ("wagtail_bulk_action",),
    ),
    RouteGroup(
        "Choosers opened from an editor: pages (our scoped browse view), links, "
        "images, documents, embeds and the shared snippets. Image and document "
        "choosers list only collections the person may choose from.",
        (
            "wagtailadmin_choose_page",
            "wagtailadmin_choose_page_*",
            "wagtailimages_chooser:*",
            "wagtaildocs_chooser:*",
            "wagtailembeds:chooser",
            "wagtailembeds:chooser_upload",
            "wagtailsnippetchoosers_*:*",
        ),
    ),
    RouteGroup(
        "Tag suggestions (our view: tags of what the person may use).",
        ("wagtailadmin_tag_autocomplete", "wagtailadmin_tag_model_autocomplete"),
    ),
    RouteGroup(
        "Images and documents of the person's collections: Wagtail checks the "
        "collection's permissions on every object.",
        ("wagtailimages:*", "wagtaildocs:*"),
    ),
    RouteGroup(
        "The admin API the explorer menu and choosers read, scoped to what is the "
        "person's (chapters.admin.api). Its page actions (copy, move, publish, "
        "delete through the API) are not offered: the admin's own forms do that.",
        (
            "wagtailadmin_api:pages:listing",
            "wagtailadmin_api:pages:detail",
            "wagtailadmin_api:pages:find",
            "wagtailadmin_api:images:*",
            "wagtailadmin_api:documents:*",
        ),
    ),
    RouteGroup(
        "Translating their own pages with wagtail-localize: submit, the translation "
        "editor (strings, overrides, PO files, preview, stop), update/sync from the "
        "source, convert to alias. wagtail-localize checks edit rights on the "
        "translation; the middleware checks the page or source in the address.",
        (
            "wagtail_localize:submit_page_translation",
            "wagtail_localize:submit_snippet_translation",
            "wagtail_localize:update_translations",
            "wagtail_localize:edit_string_translation",
            "wagtail_localize:edit_override",
            "wagtail_localize:download_pofile",
            "wagtail_localize:upload_pofile",
            "wagtail_localize:machine_translate",
            "wagtail_localize:preview_translation",
            "wagtail_localize:stop_translation",
            "wagtail_localize:convert_to_alias",
            "wagtail_localize:snippets_api_*",
        ),
    ),
    RouteGroup(
        "The shared snippets (principles, rights, resources): their screens for the "
        "people with a right on the model, that is the Alliance.",
        ("wagtailsnippets:index", "wagtailsnippets_*:*"),
        who=_snippet_rights,
    ),
    RouteGroup(
        "Settings of the person's own site (Wagtail lists and opens only the sites "
        "that grant them the right).",
        ("wagtailsettings:edit", "wagtailsettings:preview_on_edit"),
        who=_site_settings_rights,
    ),
    RouteGroup(
        "The Chapters screens a chapter's moderators use: their chapter, its history, "
        "invitations, consent records and their documents. Onboarding, import, "
        "export, archive, restore and delete are network tools, and so are the requests "
        "to start a chapter (chapter_requests:*), which hold a person's name and email.",
        (
            "chapters_admin:index",
            "chapters_admin:history",
            "chapters_admin:invite",
            "chapters_admin:consent",
            "chapters_admin:file_consent",
            "chapters_admin:withdraw_consent",
            "chapters_admin:consent_document",
        ),
        who=_chapter_moderator,
    ),
    RouteGroup(
        "Registrations for the chapter's events: its editors and moderators (the "
        "organizers) list, filter, inspect, export (CSV) and cancel them; the views show "
        "only their own chapters' registrations (chapters/registrations/admin.py).",
        (
            "registrations:index",
            "registrations:index_results",
            "registrations:inspect",
            "registrations:delete",
            "registrations:history",
            "registrations:history_results",
        ),
        who=_chapter_organizer,
    ),
    RouteGroup(
        "People who joined the chapter: its moderators list, search, inspect, export "
        "(CSV) and delete them on request; the views show only their own chapters' "
        "people (chapters/supporters/admin.py).",
        (
            "supporters:index",
            "supporters:index_results",
            "supporters:inspect",
            "supporters:delete",
            "supporters:history",
            "supporters:history_results",
        ),
        who=_chapter_moderator,
    ),
    RouteGroup(
        "Reports > Translation state: what is out of date or missing per language. The "
        "view shows the Alliance's section to those who write it and each chapter's to "
        "its own people, and refuses anyone with neither.",
        ("chapters_admin:translation_state",),
    ),
    RouteGroup(
        "Private and archive files in the admin: the view checks the file's collection.",
        ("chapters_private_media:file",),
    ),
)


def admits(user, match) -> bool:
    """Whether one of the groups opens this resolved admin route to this person."""
    if match is None or not match.view_name:
        return False
    return any(group.admits(user, match) for group in ALLOWLIST)
