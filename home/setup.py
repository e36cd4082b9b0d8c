"""Setting up the Alliance site: the default site every install starts with."""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import GroupPagePermission, Locale, Page, Site

from home.models import AllianceHomePage, Principle, PrincipleSet, Resource, Right

SHARED_SNIPPETS = [PrincipleSet, Principle, Resource, Right]
ALLIANCE_PAGE_PERMISSIONS = {
    "Alliance editors": ["add_page", "change_page"],
    "Alliance moderators": ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}


@transaction.atomic
def ensure_alliance_site(
    *, title: str = "US Human Rights Cities Alliance", hostname: str = "localhost"
) -> AllianceHomePage:
    """Create the Alliance home, make it the default site and set up its groups.

    Replaces the placeholder page Wagtail installs. Safe to run again.
    """
    root = Page.get_first_root_node()
    home = AllianceHomePage.objects.filter(locale=Locale.get_default()).first()
    if home is None:
        home = root.add_child(
            instance=AllianceHomePage(title=title, slug="alliance", locale=Locale.get_default())
        )
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    site.hostname, site.port, site.root_page, site.site_name = hostname, 80, home, title
    site.save()
    # Wagtail's "Welcome to your new Wagtail site!" page, once no site uses it.
    placeholder = ContentType.objects.get_for_model(Page)
    for page in root.get_children().filter(content_type=placeholder):
        if not Site.objects.filter(root_page=page).exists():
            page.delete()
    _alliance_groups(home)
    return home


def _alliance_groups(home: AllianceHomePage) -> None:
    """Alliance editors and moderators manage the Alliance pages and the shared snippets."""
    snippet_permissions = Permission.objects.filter(
        content_type__in=ContentType.objects.get_for_models(*SHARED_SNIPPETS).values(),
        codename__regex=r"^(add|change|delete|view)_",
    )
    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    submit_translation = Permission.objects.get(
        content_type__app_label="wagtail_localize", codename="submit_translation"
    )
    for name, page_codenames in ALLIANCE_PAGE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(access_admin, submit_translation, *snippet_permissions)
        for permission in Permission.objects.filter(
            content_type__app_label="wagtailcore", codename__in=page_codenames
        ):
            GroupPagePermission.objects.get_or_create(group=group, page=home, permission=permission)
