"""Archiving a chapter (taking it offline, keeping everything) and restoring it.

Not the truth-telling archive (`chapters.archive`): archiving unpublishes every
live page of the chapter (every locale) and remembers which ones were live; the
content, its revisions, the Site and the groups stay. Restoring republishes
exactly those pages, except an archive entry whose consent was withdrawn
meanwhile: it stays a draft.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.models import Page, PageLogEntry, Revision

from chapters.archive.consent_records import ConsentRecord
from chapters.archive.models import ArchiveEntryPage
from chapters.lifecycle.common import OffboardingError, one_line, real_user
from chapters.register.chapter import Chapter


def archive_chapter(chapter: Chapter, user=None) -> int:
    """Unpublish every live page of the chapter, in every locale, and remember them.

    Returns the number of pages unpublished. The pages, their revisions, the
    Site, collection and groups are kept; the site's hostname answers every
    address with a notice that the chapter is archived (chapters.network.not_found).
    Drafts scheduled to go live are unscheduled.
    """
    user = real_user(user)
    with transaction.atomic():
        locked = Chapter.objects.select_for_update().get(pk=chapter.pk)
        if locked.is_archived:
            raise OffboardingError("chapter", f"the chapter '{chapter.name}' is already archived")
        live = list(chapter.pages().live().order_by("path").values_list("pk", flat=True))
        # Children first, so no live page is ever left under an unpublished one.
        for pk in reversed(live):
            page = Page.objects.get(pk=pk).specific
            if page.live:  # an alias may already have followed its original
                UnpublishPageAction(page, user=user, log_action=True).execute(
                    skip_permission_checks=True
                )
        # A draft scheduled to go live would otherwise be published by the scheduler.
        page_ids = [str(pk) for pk in chapter.pages().values_list("pk", flat=True)]
        Revision.page_revisions.filter(
            object_id__in=page_ids, approved_go_live_at__isnull=False
        ).update(approved_go_live_at=None)
        chapter.archived_live_pages = live
        chapter.archived_at = timezone.now()
        chapter.archived_by = user
        chapter.save(update_fields=["archived_live_pages", "archived_at", "archived_by"])
    return len(live)


def restore_chapter(chapter: Chapter, user=None) -> int:
    """Republish the pages that were live when the chapter was archived.

    Each page gets back the revision that was live then (its last publication
    in the audit log); a draft saved since stays a draft. Pages that were
    drafts when it was archived stay drafts, and so does an archive entry whose
    consent was withdrawn while the chapter was archived (a withdrawal
    unpublishes). Returns the number republished.
    """
    user = real_user(user)
    with transaction.atomic():
        locked = Chapter.objects.select_for_update().get(pk=chapter.pk)
        if not locked.is_archived:
            raise OffboardingError("chapter", f"the chapter '{chapter.name}' is not archived")
        recorded = [pk for pk in locked.archived_live_pages if isinstance(pk, int)]
        waiting = list(
            Page.objects.filter(pk__in=recorded, live=False)
            .order_by("path")
            .values_list("pk", flat=True)
        )
        aliases = _republish(waiting, user)
        for alias in aliases:
            alias.refresh_from_db()
            if not alias.live:
                alias.live = True
                alias.save(clean=False, update_fields=["live"])
        count = Page.objects.filter(pk__in=waiting, live=True).count()
        chapter.archived_live_pages = []
        chapter.archived_at = None
        chapter.archived_by = None
        chapter.save(update_fields=["archived_live_pages", "archived_at", "archived_by"])
    return count


def _republish(waiting: list[int], user) -> list[Page]:
    """Publish again, parents first, each page's revision that was live when it was
    archived; returns the aliases, which follow their originals once those are live."""
    aliases = []
    withdrawn = _withdrawn_entries(waiting)
    for pk in waiting:  # tree order: parents first
        page = Page.objects.get(pk=pk).specific
        if page.live or pk in withdrawn or page.alias_of_id in withdrawn:
            continue
        if page.alias_of_id:
            aliases.append(page)  # follows its original when that is published
            continue
        revision = _revision_live_when_archived(page) or page.save_revision(user=user, clean=False)
        try:
            revision.publish(user=user, skip_permission_checks=True)
        except ValidationError as error:
            raise OffboardingError(
                "chapter", f"the page '{page.title}' cannot be republished: {one_line(error)}"
            ) from None
    return aliases


def _withdrawn_entries(page_ids: list[int]) -> set[int]:
    """The archive entries among these pages whose own consent record is withdrawn."""
    keys = ConsentRecord.objects.for_entry().filter(status=ConsentRecord.WITHDRAWN)
    return set(
        ArchiveEntryPage.objects.filter(
            pk__in=page_ids, translation_key__in=keys.values("entry__translation_key")
        ).values_list("pk", flat=True)
    )


def _revision_live_when_archived(page: Page) -> Revision | None:
    """The revision of the page's last publication in the audit log (archiving
    unpublished it, so that is the one that was live), else its latest."""
    entry = (
        PageLogEntry.objects.filter(page_id=page.pk, action="wagtail.publish")
        .exclude(revision_id=None)
        .order_by("-timestamp", "-pk")
        .first()
    )
    revision = entry and Revision.objects.filter(pk=entry.revision_id).first()
    return revision or page.latest_revision
