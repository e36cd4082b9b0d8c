"""Settings for the test suite: real PostgreSQL (DATABASE_URL), fast switches."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import SECRET_KEY

SECRET_KEY = SECRET_KEY or "test-only-key"  # noqa: S105
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
PRIVATE_MEDIA_ROOT = Path(tempfile.gettempdir()) / "hrc-test-private-media"
STORAGES = {
    "default": {"BACKEND": "network_site.storage.MediaStorage"},
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": "/private-media-is-never-served/"},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
ALLOWED_HOSTS = ["localhost", ".localhost", "127.0.0.1", "testserver"]
# Uploads made by tests go to a scratch folder, never the project's media/.
MEDIA_ROOT = Path(tempfile.gettempdir()) / "hrc-test-media"
CHAPTER_EXPORT_DIR = Path(tempfile.gettempdir()) / "hrc-test-exports"
# No persistent connections: pytest-django drops the test databases at the end.
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
