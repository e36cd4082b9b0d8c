"""Setting up the Alliance site: the default site every install starts with."""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    GroupSitePermission,
    Locale,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from home.models import AllianceHomePage

# The groups themselves (and their model permissions) come from migrations:
# home 0003 (Alliance) and chapters 0005 (network admins).
NETWORK_ADMINS = "Network admins"
ALLIANCE_EDITORS = "Alliance editors"
ALLIANCE_MODERATORS = "Alliance moderators"
SHARED_COLLECTION = "Alliance shared media"

EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
MODERATOR_PAGE_PERMISSIONS = EDITOR_PAGE_PERMISSIONS + ["publish_page", "lock_page", "unlock_page"]
ADMIN_PAGE_PERMISSIONS = MODERATOR_PAGE_PERMISSIONS + ["bulk_delete_page"]
MEDIA_PERMISSIONS = {
    "editor": ["add", "change", "choose"],
    "moderator": ["add", "change", "choose", "delete"],
    "user": ["choose"],
}


def grant_pages(group: Group, page: Page, codenames: list[str]) -> None:
    for permission in Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=codenames
    ):
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def grant_media(group: Group, collection: Collection, role: str) -> None:
    """Image and document permissions on one collection; role is editor, moderator or user."""
    codenames = [
        f"{action}_{kind}" for action in MEDIA_PERMISSIONS[role] for kind in ("image", "document")
    ]
    for permission in Permission.objects.filter(
        content_type__app_label__in=["wagtailimages", "wagtaildocs"], codename__in=codenames
    ):
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=permission
        )


def approval_workflow(name: str, page: Page, approvers: Group) -> Workflow:
    """A one-step workflow on `page` (and below) that `approvers` approve."""
    workflow, _ = Workflow.objects.get_or_create(name=f"{name} moderation")
    task, _ = GroupApprovalTask.objects.get_or_create(name=f"{name} moderators approve")
    task.groups.add(approvers)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
    return workflow


def shared_collection() -> Collection:
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=SHARED_COLLECTION).first()
    return existing or root.add_child(name=SHARED_COLLECTION)


@transaction.atomic
def ensure_alliance_site(
    *,
    title: str = "US Human Rights Cities Alliance",
    hostname: str = "localhost",
    port: int | None = None,
) -> AllianceHomePage:
    """Create the Alliance home, make it the default site and give its roles their rights.

    Replaces the placeholder page Wagtail installs. Safe to run again: run again
    without a port, the site keeps the one it has (443 behind HTTPS, where every
    absolute address comes from it); a new site gets 80.
    """
    root = Page.get_first_root_node()
    home = AllianceHomePage.objects.filter(locale=Locale.get_default()).first()
    if home is None:
        home = root.add_child(
            instance=AllianceHomePage(title=title, slug="alliance", locale=Locale.get_default())
        )
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    if port is not None or site.pk is None:
        site.port = port or 80
    site.hostname, site.root_page, site.site_name = hostname, home, title
    site.save()
    # Wagtail's "Welcome to your new Wagtail site!" page, once no site uses it.
    placeholder = ContentType.objects.get_for_model(Page)
    for page in root.get_children().filter(content_type=placeholder):
        if not Site.objects.filter(root_page=page).exists():
            page.delete()
    _grant_roles(home, root)
    return home


def grant_alliance_pages() -> None:
    """The Alliance's groups hold their page rights on the Alliance home in every
    language: a translated home is a sibling of the original, not below it."""
    editors = Group.objects.get(name=ALLIANCE_EDITORS)
    moderators = Group.objects.get(name=ALLIANCE_MODERATORS)
    for home in AllianceHomePage.objects.all():
        grant_pages(editors, home, EDITOR_PAGE_PERMISSIONS)
        grant_pages(moderators, home, MODERATOR_PAGE_PERMISSIONS)


def grant_roles_on_translated_alliance_home(sender, instance, created, raw=False, **kwargs):
    if created and not raw and Group.objects.filter(name=ALLIANCE_EDITORS).exists():
        grant_alliance_pages()


def _grant_roles(home: AllianceHomePage, root: Page) -> None:
    editors = Group.objects.get(name=ALLIANCE_EDITORS)
    moderators = Group.objects.get(name=ALLIANCE_MODERATORS)
    admins = Group.objects.get(name=NETWORK_ADMINS)
    grant_alliance_pages()
    grant_pages(admins, root, ADMIN_PAGE_PERMISSIONS)
    shared = shared_collection()
    grant_media(editors, shared, "editor")
    grant_media(moderators, shared, "moderator")
    grant_media(admins, Collection.get_first_root_node(), "moderator")
    approval_workflow("Alliance", home, moderators)
    # The Alliance site's own settings (contact, logo, ...) belong to its moderators.
    GroupSitePermission.objects.get_or_create(
        group=moderators,
        site=Site.objects.get(root_page=home),
        permission=Permission.objects.get(
            content_type__app_label="chapters", codename="change_chaptersettings"
        ),
    )
