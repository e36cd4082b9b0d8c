"""A generated chapter's people side and its content's access, in bulk.

The same rows `onboard_chapter` makes through `grant_chapter_roles` and
`approval_workflow` (home/setup.py), and the consent records and view
restrictions `record_consent` and `apply_consent` leave, a handful of bulk
inserts for the whole network.
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from wagtail.models import (
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    GroupSitePermission,
    PageViewRestriction,
    Task,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from chapters.archive.consent_records import ConsentRecord
from chapters.archive.models import ArchiveEntryPage
from chapters.demo.generate_content import Content, consent_record
from chapters.events.models import EventPage
from chapters.stories.models import StoryPage
from home.models import Right
from home.setup import (
    EDITOR_PAGE_PERMISSIONS,
    MEDIA_PERMISSIONS,
    MODERATOR_PAGE_PERMISSIONS,
    shared_collection,
)

BATCH = 1000


def _media_permissions(role: str) -> list[Permission]:
    codenames = [f"{a}_{kind}" for a in MEDIA_PERMISSIONS[role] for kind in ("image", "document")]
    return list(
        Permission.objects.filter(
            content_type__app_label__in=["wagtailimages", "wagtaildocs"], codename__in=codenames
        )
    )


def _page_permissions(codenames: list[str]) -> list[Permission]:
    return list(
        Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=codenames)
    )


def add_roles(made: list[dict]) -> None:
    """Editors, moderators and members; their rights on the chapter's pages, its
    collection, the shared collection (choose) and its settings (moderators)."""
    groups = []
    for c in made:
        for role in ("editors", "moderators", "members"):
            c[role] = Group(name=f"{c['name']} {role}")
            groups.append(c[role])
    Group.objects.bulk_create(groups, batch_size=BATCH)
    admin = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    translate = Permission.objects.get(
        content_type__app_label="wagtail_localize", codename="submit_translation"
    )
    settings = Permission.objects.get(
        content_type__app_label="chapters", codename="change_chaptersettings"
    )
    pages = {"editors": _page_permissions(EDITOR_PAGE_PERMISSIONS)}
    pages["moderators"] = _page_permissions(MODERATOR_PAGE_PERMISSIONS)
    media = {"editors": _media_permissions("editor"), "moderators": _media_permissions("moderator")}
    choose, shared = _media_permissions("user"), shared_collection()
    through, page_rows, media_rows, site_rows = Group.permissions.through, [], [], []
    group_rows = []
    for c in made:
        for role in ("editors", "moderators"):
            group = c[role]
            group_rows += [
                through(group_id=group.pk, permission_id=p.pk) for p in (admin, translate)
            ]
            page_rows += [
                GroupPagePermission(group=group, page_id=c["home"].pk, permission=p)
                for p in pages[role]
            ]
            media_rows += [
                GroupCollectionPermission(group=group, collection=c["collection"], permission=p)
                for p in media[role]
            ]
            media_rows += [
                GroupCollectionPermission(group=group, collection=shared, permission=p)
                for p in choose
            ]
        site_rows.append(
            GroupSitePermission(group=c["moderators"], site=c["site"], permission=settings)
        )
    through.objects.bulk_create(group_rows, batch_size=BATCH)
    GroupPagePermission.objects.bulk_create(page_rows, batch_size=BATCH)
    GroupCollectionPermission.objects.bulk_create(media_rows, batch_size=BATCH)
    GroupSitePermission.objects.bulk_create(site_rows, batch_size=BATCH)


def add_workflows(made: list[dict]) -> None:
    """'<name> moderation': one task the chapter's moderators approve, on its home."""
    task_type = ContentType.objects.get_for_model(GroupApprovalTask).pk
    workflows = [Workflow(name=f"{c['name']} moderation", active=True) for c in made]
    Workflow.objects.bulk_create(workflows, batch_size=BATCH)
    tasks = [
        Task(name=f"{c['name']} moderators approve", content_type_id=task_type, active=True)
        for c in made
    ]
    Task.objects.bulk_create(tasks, batch_size=BATCH)
    approvals = []
    for task in tasks:
        approval = GroupApprovalTask(task_ptr_id=task.pk, name=task.name, active=True)
        approval.id = task.pk
        approval.content_type_id = task_type
        approvals.append(approval)
    fields = GroupApprovalTask._meta.local_concrete_fields
    GroupApprovalTask._base_manager._insert(approvals, fields=fields)
    task_groups = GroupApprovalTask.groups.through
    task_groups.objects.bulk_create(
        [
            task_groups(groupapprovaltask_id=task.pk, group_id=c["moderators"].pk)
            for c, task in zip(made, tasks, strict=True)
        ],
        batch_size=BATCH,
    )
    WorkflowTask.objects.bulk_create(
        [
            WorkflowTask(workflow=w, task_id=t.pk, sort_order=0)
            for w, t in zip(workflows, tasks, strict=True)
        ],
        batch_size=BATCH,
    )
    WorkflowPage.objects.bulk_create(
        [
            WorkflowPage(page_id=c["home"].pk, workflow=w)
            for c, w in zip(made, workflows, strict=True)
        ],
        batch_size=BATCH,
    )
    for c, workflow in zip(made, workflows, strict=True):
        c["workflow"] = workflow


def consent_and_access(made: list[dict], content: Content, now) -> None:
    """The entries' consent records; members-only entries restricted to their
    chapter's groups; the pages behind a login."""
    ConsentRecord.objects.bulk_create(
        [consent_record(entry, spec, now) for entry, spec in content.consent], batch_size=BATCH
    )
    chapter_of = {}
    for c in made:
        for entry in c["content"].members_only:
            chapter_of[entry.pk] = c
    restrictions = [
        PageViewRestriction(page_id=entry.pk, restriction_type=PageViewRestriction.GROUPS)
        for entry in content.members_only
    ]
    restrictions += [
        PageViewRestriction(page_id=page.pk, restriction_type=PageViewRestriction.LOGIN)
        for page in content.login_only
    ]
    PageViewRestriction.objects.bulk_create(restrictions, batch_size=BATCH)
    through = PageViewRestriction.groups.through
    rows = []
    for restriction in restrictions[: len(content.members_only)]:
        c = chapter_of[restriction.page_id]
        rows += [
            through(pageviewrestriction_id=restriction.pk, group_id=c[role].pk)
            for role in ("members", "editors", "moderators")
        ]
    through.objects.bulk_create(rows, batch_size=BATCH)


def add_tags(pages: list) -> None:
    """The rights each generated page is tagged with (`_m2m_values["rights"]`)."""
    for model in (StoryPage, EventPage, ArchiveEntryPage):
        field = model._meta.get_field("rights")
        through = field.remote_field.through
        page_field, right_field = field.m2m_field_name(), field.m2m_reverse_field_name()
        rows = [
            through(**{f"{page_field}_id": page.pk, f"{right_field}_id": right})
            for page in pages
            if type(page) is model
            for right in getattr(page, "_m2m_values", {}).get("rights", [])
        ]
        through.objects.bulk_create(rows, batch_size=BATCH)


def first_right() -> int | None:
    """The network's first right, which every other generated page is about."""
    return Right.objects.order_by("pk").values_list("pk", flat=True).first()
