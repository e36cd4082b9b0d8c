"""Deleting a chapter: first an export to CHAPTER_EXPORT_DIR, then everything goes.

Everything onboarding made for it goes with it: its pages in every language,
Site, settings, three groups, both collections and their files, the workflow,
and the consent documents in private storage. The export is written and synced
before anything is deleted, so a chapter is never lost by mistake.
"""

import datetime
import os
from pathlib import Path

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.actions.delete_page import DeletePageAction
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, WorkflowTask

from chapters.archive.consent_records import ConsentRecord
from chapters.lifecycle.common import (
    OffboardingError,
    chapter_collections,
    discard_files,
    export_dir,
    real_user,
)
from chapters.lifecycle.exporting import export_chapter
from chapters.register.chapter import Chapter
from chapters.register.settings import ChapterSettings


def delete_chapter(chapter: Chapter, *, confirm_name: str, user=None) -> Path:
    """Export the chapter to CHAPTER_EXPORT_DIR, then delete it and everything onboarding
    made for it. Returns the export's path."""
    if confirm_name != chapter.name:
        raise OffboardingError("confirm_name", "type the chapter's name exactly to delete it")
    user = real_user(user)
    path = _write_export(chapter)
    with transaction.atomic():
        _delete(chapter, user)
    return path


def _write_export(chapter: Chapter) -> Path:
    """A new private file in CHAPTER_EXPORT_DIR, named after the chapter and the time.

    Written under a hidden name and renamed once synced, so the folder never holds
    half an export that looks whole.
    """
    folder = export_dir()
    stamp = timezone.now().astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    base = slugify(chapter.name) or chapter.home.slug or f"chapter-{chapter.pk}"
    path, n = folder / f"{base}-{stamp}.zip", 2
    while path.exists():
        path, n = folder / f"{base}-{stamp}-{n}.zip", n + 1
    partial = path.with_name(f".{path.name}.partial")
    try:
        with open(partial, "xb") as out:
            os.chmod(partial, 0o600)
            export_chapter(chapter, out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return path


def _delete(chapter: Chapter, user) -> None:
    """Remove the chapter and what onboarding made for it, in an order the foreign
    keys allow; a workflow task another workflow still uses is kept."""
    site, workflow = chapter.site, chapter.workflow
    groups = chapter.groups()
    collections = chapter_collections(chapter)
    homes = list(chapter.homes().order_by("-path"))
    tasks = list(workflow.tasks.all()) if workflow else []
    # The records go with their entries; their signed documents are files in private
    # storage, removed once the deletion is committed (the export holds them).
    consent_files = [
        (record.consent_document.storage, record.consent_document.name)
        for record in ConsentRecord.objects.filter(entry_id__in=chapter.pages().values("pk"))
        if record.consent_document
    ]
    Chapter.objects.filter(pk=chapter.pk).delete()
    if site is not None:
        ChapterSettings.objects.filter(site=site).delete()
        site.delete()
    for home in homes:
        DeletePageAction(home.specific, user=user).execute(skip_permission_checks=True)
    for model in (get_image_model(), get_document_model()):
        for obj in model.objects.filter(collection__in=collections):
            obj.delete()
    # Children first: the archive collection is normally under the chapter's.
    for node in sorted(collections, key=lambda node: node.path, reverse=True):
        Collection.objects.filter(pk=node.pk).delete()
    if workflow is not None:
        workflow.delete()
        for task in tasks:
            if not WorkflowTask.objects.filter(task=task).exists():
                task.delete()
    for group in groups:
        group.delete()
    transaction.on_commit(lambda: discard_files(consent_files))
