"""What the offboarding services share: their error, finding a chapter by hostname,
the chapter's collections, and the private folder exports are written to."""

import contextlib
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from wagtail.models import Collection

from chapters.register.chapter import Chapter


class OffboardingError(ValueError):
    """Bad input for offboarding; the message names the problem in one line."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


def chapter_for_hostname(hostname: str) -> Chapter:
    """The chapter whose site answers on `hostname`, for the commands."""
    hostname = (hostname or "").strip().lower()
    try:
        return Chapter.objects.select_related("home", "site").get(site__hostname=hostname)
    except Chapter.DoesNotExist:
        raise OffboardingError("hostname", f"no chapter has the hostname '{hostname}'") from None


def chapter_collections(chapter: Chapter) -> list[Collection]:
    """The chapter's collection and everything under it, and the archive collection
    (normally one of them) with its own sub-collections, parents first."""
    found: dict[int, Collection] = {}
    for root in (chapter.collection, chapter.archive_collection):
        if root is not None:
            for collection in root.get_descendants(inclusive=True):
                found.setdefault(collection.pk, collection)
    return sorted(found.values(), key=lambda collection: collection.path)


def export_dir() -> Path:
    """CHAPTER_EXPORT_DIR, created private; never under MEDIA_ROOT or STATIC_ROOT."""
    folder = Path(getattr(settings, "CHAPTER_EXPORT_DIR", settings.BASE_DIR / "exports"))
    folder = folder.resolve()
    for public in (settings.MEDIA_ROOT, settings.STATIC_ROOT):
        if public and is_within(folder, Path(public)):
            raise OffboardingError(
                "export_dir",
                f"CHAPTER_EXPORT_DIR ({folder}) is inside {public}, which the web server "
                "may serve; exports hold private content, so set it to a private folder",
            )
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def is_within(path: Path, folder: Path) -> bool:
    path, folder = Path(path).resolve(), Path(folder).resolve()
    return path == folder or folder in path.parents


def discard_files(stored: list) -> None:
    """Remove stored files the database no longer knows: those an import stored
    before it failed (the database rolled back), or a deleted chapter's."""
    for storage, file_name in stored:
        with contextlib.suppress(OSError):
            storage.delete(file_name)
    stored.clear()


def real_user(user):
    """The user to record as the actor, or None for a command run without one."""
    return user if getattr(user, "is_authenticated", False) else None


def one_line(error: Exception) -> str:
    """An error as one line of text, for a form error or a command's message."""
    if isinstance(error, ValidationError):
        text = "; ".join(error.messages)
    else:
        text = str(error) or type(error).__name__
    return " ".join(text.split())
