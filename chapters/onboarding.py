"""Onboarding a chapter: one service behind the `create_chapter` command.

A chapter is its ChapterHomePage plus what this creates beside it: the section
indexes, a Site on its own hostname, a Collection for its media, an editors
and a moderators group whose permissions reach only that chapter, and a
moderation workflow on the chapter's root page.
"""

from dataclasses import dataclass

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.text import slugify
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from chapters.models import (
    ArchiveIndexPage,
    ChapterHomePage,
    ChapterSettings,
    EventIndexPage,
    StoryIndexPage,
)
from home.sites import clean_hostname

LOCALITY_TYPES = [value for value, _label in ChapterHomePage.LOCALITY_TYPES]

SECTIONS = [
    (StoryIndexPage, "Stories", "stories"),
    (ArchiveIndexPage, "Archive", "archive"),
    (EventIndexPage, "Events", "events"),
]

EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
MODERATOR_PAGE_PERMISSIONS = EDITOR_PAGE_PERMISSIONS + ["publish_page", "lock_page", "unlock_page"]
EDITOR_COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]
MODERATOR_COLLECTION_PERMISSIONS = EDITOR_COLLECTION_PERMISSIONS + [
    ("wagtailimages", "delete_image"),
    ("wagtaildocs", "delete_document"),
]


class OnboardingError(ValueError):
    """Bad input for onboarding; the message names the problem in one line."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


@dataclass
class Chapter:
    home: ChapterHomePage
    site: Site
    collection: Collection
    editors: Group
    moderators: Group
    workflow: Workflow
    created: bool


def validate(name: str, hostname: str, locality_type: str, region: str) -> tuple[str, str]:
    name = name.strip()
    if not name:
        raise OnboardingError("name", "the chapter name is empty")
    if len(name) > 120:  # "<name> moderators" must fit a group name
        raise OnboardingError("name", "the chapter name is longer than 120 characters")
    try:
        hostname = clean_hostname(hostname)
    except ValueError as error:
        raise OnboardingError("hostname", str(error)) from None
    if locality_type not in LOCALITY_TYPES:
        raise OnboardingError(
            "locality_type",
            f"unknown locality type '{locality_type}' (choose one of {', '.join(LOCALITY_TYPES)})",
        )
    if len(region) > 100:
        raise OnboardingError("region", "the region is longer than 100 characters")
    return name, hostname


def onboard_chapter(
    *, name: str, hostname: str, region: str = "", locality_type: str = "city"
) -> Chapter:
    """Create a chapter, or complete an existing one with the same name and hostname.

    Runs in one transaction: on any error nothing is changed.
    """
    name, hostname = validate(name, hostname, locality_type, region)
    with transaction.atomic():
        home, site, created = _home_and_site(name, hostname, region, locality_type)
        for page_class, title, slug in SECTIONS:
            if not page_class.objects.child_of(home).exists():
                section = home.add_child(
                    instance=page_class(title=title, slug=slug, show_in_menus=True)
                )
                section.save_revision().publish()
        ChapterSettings.for_site(site)
        collection = _collection(name)
        editors = _group(
            f"{name} editors",
            home,
            collection,
            EDITOR_PAGE_PERMISSIONS,
            EDITOR_COLLECTION_PERMISSIONS,
        )
        moderators = _group(
            f"{name} moderators",
            home,
            collection,
            MODERATOR_PAGE_PERMISSIONS,
            MODERATOR_COLLECTION_PERMISSIONS,
        )
        workflow = _workflow(name, home, moderators)
    return Chapter(home, site, collection, editors, moderators, workflow, created)


def _home_and_site(name, hostname, region, locality_type):
    site = Site.objects.filter(hostname=hostname).select_related("root_page").first()
    if site is not None:
        root = site.root_page.specific
        if isinstance(root, ChapterHomePage) and root.title == name:
            return root, site, False
        raise OnboardingError(
            "hostname", f"hostname '{hostname}' is already used by the site '{site}'"
        )
    default_locale = Locale.get_default()
    existing = ChapterHomePage.objects.filter(title=name, locale=default_locale).first()
    if existing is not None:
        other = Site.objects.filter(root_page=existing).first()
        if other is not None:
            raise OnboardingError(
                "name", f"a chapter named '{name}' already exists at '{other.hostname}'"
            )
        home, created = existing, False
    else:
        root = Page.get_first_root_node()
        home = root.add_child(
            instance=ChapterHomePage(
                title=name,
                slug=_free_slug(root, slugify(name) or hostname.split(".")[0]),
                region=region,
                locality_type=locality_type,
                locale=default_locale,
            )
        )
        home.save_revision().publish()
        created = True
    site = Site.objects.create(hostname=hostname, port=80, root_page=home, site_name=name)
    return home, site, created


def _free_slug(parent: Page, slug: str) -> str:
    taken = set(parent.get_children().values_list("slug", flat=True))
    candidate, n = slug, 2
    while candidate in taken:
        candidate, n = f"{slug}-{n}", n + 1
    return candidate


def _collection(name: str) -> Collection:
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=name).first()
    return existing or root.add_child(name=name)


def _group(group_name, home, collection, page_codenames, collection_perms) -> Group:
    group, _ = Group.objects.get_or_create(name=group_name)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    for permission in Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=page_codenames
    ):
        GroupPagePermission.objects.get_or_create(group=group, page=home, permission=permission)
    for app_label, codename in collection_perms:
        GroupCollectionPermission.objects.get_or_create(
            group=group,
            collection=collection,
            permission=Permission.objects.get(content_type__app_label=app_label, codename=codename),
        )
    return group


def _workflow(name: str, home: ChapterHomePage, moderators: Group) -> Workflow:
    workflow, _ = Workflow.objects.get_or_create(name=f"{name} moderation")
    task, _ = GroupApprovalTask.objects.get_or_create(name=f"{name} moderators approve")
    task.groups.add(moderators)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=home, defaults={"workflow": workflow})
    return workflow
