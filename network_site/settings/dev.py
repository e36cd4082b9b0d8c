"""Local development and the demo network (`make run`).

DEBUG is off unless DEBUG=true: the demo shows readers our own 404 and 500
pages, as a deployment does, and never Django's technical pages. `make run`
serves the static files with `runserver --insecure`; uploads are served by
Django (SERVE_MEDIA).
"""

from .base import *  # noqa: F403
from .base import PRIVATE_STORAGE, SECRET_KEY

# DEBUG comes from base.py: off unless DEBUG=true.
SERVE_MEDIA = True
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-never-use-in-production"  # noqa: S105
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "network_site.storage.MediaStorage"},
    "private": PRIVATE_STORAGE,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
