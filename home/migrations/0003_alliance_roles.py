"""The Alliance's roles: its editors and moderators groups.

Permissions of our own models only exist after `post_migrate`, so they are
created here first. Page and collection permissions need the Alliance home
and its shared collection, which `setup_alliance` creates; it adds them.

Wagtail's stock "Editors" and "Moderators" groups and its default workflow on
the root page are retired: they would give a newcomer rights over every
chapter at once.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ALLIANCE_GROUPS = ["Alliance editors", "Alliance moderators"]
SNIPPETS = ["principleset", "principle", "resource", "right"]


def ensure_permissions(apps):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def forwards(apps, schema_editor):
    ensure_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = list(
        Permission.objects.filter(
            content_type__app_label="home",
            content_type__model__in=SNIPPETS,
            codename__regex=r"^(add|change|delete|view)_",
        )
    ) + [
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        Permission.objects.get(
            content_type__app_label="wagtail_localize", codename="submit_translation"
        ),
    ]
    for name in ALLIANCE_GROUPS:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*permissions)

    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    for name in ["Editors", "Moderators"]:
        Group.objects.filter(name=name, user__isnull=True).delete()
        # A stock group somebody is in is kept, but loses its rights over every chapter.
        GroupPagePermission.objects.filter(group__name=name, page__depth=1).delete()
        GroupCollectionPermission.objects.filter(group__name=name, collection__depth=1).delete()
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowPage.objects.filter(page__depth=1).delete()
    Workflow.objects.filter(name="Moderators approval", workflow_pages__isnull=True).update(
        active=False
    )


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_block_library"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        # After Wagtail's own data migrations, which hand out "choose" rights on the
        # root collection to every group that can reach the admin.
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
