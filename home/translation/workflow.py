"""A page's moderation workflow holds in every language.

Wagtail finds a page's workflow on the page itself or on its nearest ancestor
(`WorkflowPage` rows). A translated home is a sibling of the original under the
tree root, not its child, so without more the whole Spanish tree of a chapter
(or of the Alliance) had no workflow: an editor's "submit" reached nobody and
moderation was simply absent there.

The rule lives on the data, not on a page class: whenever a page is created in
any locale (wagtail-localize's submit and sync, "translate this page", aliases,
chapter import, the demo loader, the shell), it gets the workflow that any of
its translations carries; whenever a workflow is assigned to a page (onboarding,
`setup_alliance`, the Workflows admin), its translations get the same one.
Wagtail's own lookup then finds the workflow on every path, including the
places that call `get_workflow()` on a plain `Page` (an override of
`get_workflow` on our page classes would miss those). `sync_workflows_across_languages`
repairs existing data and runs after every `migrate`.

Removing a workflow is not copied across languages: a page's deletion removes
its own row the same way, and must not strip the workflow from its originals.
"""

from django.db.models.signals import post_save
from wagtail.models import Locale, Page, WorkflowPage


def _assignment_for(page: Page) -> WorkflowPage | None:
    """The workflow row of the page's translations, the default language's first."""
    rows = WorkflowPage.objects.filter(page__translation_key=page.translation_key).exclude(
        page_id=page.pk
    )
    default = Locale.get_default()
    return rows.filter(page__locale=default).first() or rows.order_by("page_id").first()


def _assign(page_id: int, workflow_id: int) -> None:
    current = WorkflowPage.objects.filter(page_id=page_id).values_list("workflow_id", flat=True)
    if list(current) != [workflow_id]:
        WorkflowPage.objects.update_or_create(
            page_id=page_id, defaults={"workflow_id": workflow_id}
        )


def inherit_workflow(sender, instance, created, raw=False, **kwargs):
    """A page created in another language takes its translations' workflow."""
    if raw or not created or not isinstance(instance, Page) or instance.depth == 1:
        return
    source = _assignment_for(instance)
    if source is not None:
        _assign(instance.pk, source.workflow_id)


def share_workflow(sender, instance, raw=False, **kwargs):
    """A workflow assigned to a page is assigned to every translation of that page."""
    if raw:
        return
    translations = (
        Page.objects.filter(translation_key=instance.page.translation_key)
        .exclude(pk=instance.page_id)
        .exclude(workflowpage__workflow_id=instance.workflow_id)
        .values_list("pk", flat=True)
    )
    for page_id in translations:
        _assign(page_id, instance.workflow_id)


def sync_workflows_across_languages() -> int:
    """Give every translation of a page with a workflow that workflow (the default
    language's where translations disagree). Returns how many rows changed."""
    changed = 0
    default = Locale.get_default()
    rows = WorkflowPage.objects.select_related("page").order_by("page_id")
    by_key: dict = {}
    for row in rows:
        key = row.page.translation_key
        if key not in by_key or row.page.locale_id == default.pk:
            by_key[key] = row.workflow_id
    for key, workflow_id in by_key.items():
        for page_id in Page.objects.filter(translation_key=key).values_list("pk", flat=True):
            before = WorkflowPage.objects.filter(page_id=page_id, workflow_id=workflow_id).exists()
            if not before:
                _assign(page_id, workflow_id)
                changed += 1
    return changed


def sync_after_migrate(sender, using="default", **kwargs):
    if Locale.objects.using(using).exists():
        sync_workflows_across_languages()


def connect_signals() -> None:
    post_save.connect(inherit_workflow, dispatch_uid="home.inherit_workflow")
    post_save.connect(share_workflow, sender=WorkflowPage, dispatch_uid="home.share_workflow")
