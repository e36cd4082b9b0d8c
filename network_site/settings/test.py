"""Settings for the test suite: real PostgreSQL (DATABASE_URL), fast switches."""

import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import PRIVATE_STORAGE, SECRET_KEY

# Each pytest-xdist worker has its own scratch folders: a test that looks at every
# file under MEDIA_ROOT never sees another worker's files. scripts/test.sh gives each
# run its own parent folder, so two runs on one machine (two checkouts) never empty
# each other's media.
SCRATCH = Path(os.environ.get("HRC_TEST_SCRATCH") or tempfile.gettempdir()) / (
    f"hrc-test-{os.environ.get('PYTEST_XDIST_WORKER', 'main')}"
)

SECRET_KEY = SECRET_KEY or "test-only-key"  # noqa: S105
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    # Emptied before every test (tests/conftest.py): no test sees another's pages.
    "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
}
PRIVATE_MEDIA_ROOT = SCRATCH / "private-media"
STORAGES = {
    "default": {"BACKEND": "network_site.storage.MediaStorage"},
    "private": {
        **PRIVATE_STORAGE,
        "OPTIONS": {**PRIVATE_STORAGE["OPTIONS"], "location": PRIVATE_MEDIA_ROOT},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
ALLOWED_HOSTS = ["localhost", ".localhost", "127.0.0.1", "testserver"]
# Uploads made by tests go to a scratch folder, never the project's media/.
MEDIA_ROOT = SCRATCH / "media"
CHAPTER_EXPORT_DIR = SCRATCH / "exports"
# No persistent connections: pytest-django drops the test databases at the end.
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
