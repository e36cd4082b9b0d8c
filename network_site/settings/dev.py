"""Local development and the demo network (`make run`).

DEBUG is off unless DEBUG=true: the demo shows readers our own 404 and 500
pages, as a deployment does, and never Django's technical pages. `make run`
serves the static files with `runserver --insecure`; uploads are served by
Django (SERVE_MEDIA).
"""

import os

from .base import *  # noqa: F403
from .base import PRIVATE_STORAGE, SECRET_KEY

# DEBUG comes from base.py: off unless DEBUG=true.
SERVE_MEDIA = True
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-never-use-in-production"  # noqa: S105
# Messages are printed where `make run` runs; EMAIL_FILE_PATH writes each to a file
# there instead (the browser tests read them, as a person reads their inbox).
EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH") or None
EMAIL_BACKEND = (
    "django.core.mail.backends.filebased.EmailBackend"
    if EMAIL_FILE_PATH
    else "django.core.mail.backends.console.EmailBackend"
)
STORAGES = {
    "default": {"BACKEND": "network_site.storage.MediaStorage"},
    "private": PRIVATE_STORAGE,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
