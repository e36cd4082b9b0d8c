"""Where private files live: outside MEDIA_ROOT, never served by the web server.

Consent documents and the files of the chapters' archive collections are
stored here and only ever sent by a Django view that checks who is asking.

* `private_storage()` is the "private" storage (consent documents).
* `MediaStorage` is the default storage of uploads (images, documents and
  image renditions). A file whose name starts with `private-` is kept under
  PRIVATE_MEDIA_ROOT, everything else under MEDIA_ROOT as usual. Archive
  files are renamed `private-<random>` when they are saved (see
  `chapters.files.private`), files of view-restricted collections
  `private-restricted-<random>` and Wagtail's staged uploads
  `private-staged-<random>-<name>`, and Wagtail names an image's renditions after
  its original, so their renditions are private too. A private file's URL is
  the admin-only view that checks the person's rights on its collection;
  never a MEDIA_URL address.
"""

import os
from pathlib import Path

from django.conf import settings
from django.core import checks
from django.core.files.storage import FileSystemStorage, storages
from django.urls import reverse
from django.utils._os import safe_join
from django.utils.deconstruct import deconstructible

PRIVATE_PREFIX = "private-"
# Files of view-restricted collections: private too, but served to whoever the
# collection's restriction lets in (`chapters.files.private.restricted_file`).
RESTRICTED_PREFIX = f"{PRIVATE_PREFIX}restricted-"
# Wagtail's staged uploads (the multiple uploader's `UploadedFile`), kept privately
# until they become an image or a document.
STAGED_PREFIX = f"{PRIVATE_PREFIX}staged-"


def private_storage():
    """The "private" storage (a callable, so tests and settings can change it)."""
    return storages["private"]


def is_private_name(name: str) -> bool:
    return os.path.basename(name or "").startswith(PRIVATE_PREFIX)


@deconstructible(path="network_site.storage.MediaStorage")
class MediaStorage(FileSystemStorage):
    """MEDIA_ROOT for public files, PRIVATE_MEDIA_ROOT for `private-*` ones."""

    def __init__(self, *args, private_location=None, **kwargs):
        super().__init__(*args, **kwargs)
        self._private_location = private_location

    @property
    def private_location(self) -> str:
        return os.path.abspath(
            self._value_or_setting(self._private_location, settings.PRIVATE_MEDIA_ROOT)
        )

    def path(self, name):
        if is_private_name(name):
            return safe_join(self.private_location, name)
        return super().path(name)

    def _save(self, name, content):
        # Django checks MEDIA_ROOT's group even when the file goes elsewhere: on a fresh
        # checkout (the demo's first private file) it does not exist yet.
        os.makedirs(self.location, exist_ok=True)
        saved = super()._save(name, content)
        if not is_private_name(name):
            return saved
        # FileSystemStorage names the file relative to MEDIA_ROOT; ours is relative to its root.
        full_path = os.path.normpath(os.path.join(self.location, saved))
        return os.path.relpath(full_path, self.private_location).replace("\\", "/")

    def url(self, name):
        if os.path.basename(name or "").startswith(RESTRICTED_PREFIX):
            return reverse("restricted_media", args=[name.replace("\\", "/")])
        if is_private_name(name):
            # The admin-only view (chapters.files.private.admin_file): never MEDIA_URL.
            return reverse("chapters_private_media:file", args=[name.replace("\\", "/")])
        return super().url(name)


def private_media_outside_public_folders(app_configs=None, **kwargs) -> list[checks.Error]:
    """System check (registered by the chapters app): PRIVATE_MEDIA_ROOT inside a folder
    the web server publishes would publish consent documents and archive files."""
    private = Path(settings.PRIVATE_MEDIA_ROOT).resolve()
    errors = []
    for name in ("MEDIA_ROOT", "STATIC_ROOT"):
        public = getattr(settings, name, None)
        if public and private.is_relative_to(Path(public).resolve()):
            errors.append(
                checks.Error(
                    f"PRIVATE_MEDIA_ROOT ({private}) is inside {name} ({public}), which the "
                    "web server publishes: consent documents and archive files would be public.",
                    hint=f"Set PRIVATE_MEDIA_ROOT to a folder outside {name}.",
                    id="network_site.E001",
                )
            )
    return errors
