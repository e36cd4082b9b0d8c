"""Production: configuration only from the environment, secure by default."""

from django.core.exceptions import ImproperlyConfigured

from network_site.observability import json_logging

from .base import *  # noqa: F403
from .base import LOG_LEVEL, SECRET_KEY, TASKS

if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in production.")

DEBUG = False
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = True
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# JSON lines on stderr, each with the request's id (network_site/observability.py).
LOGGING = json_logging(LOG_LEVEL)

# --- Static files -------------------------------------------------------------------
# gunicorn serves the static files itself (WhiteNoise, first after SecurityMiddleware so
# a static file skips the rest of the stack): `manage.py collectstatic --noinput` at each
# deploy writes them to STATIC_ROOT under hashed names, with gzip and Brotli copies.
# A hashed file is cached for ten years (`immutable`: its name changes with its content);
# anything else for a minute.
MIDDLEWARE = list(MIDDLEWARE)  # noqa: F405
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "whitenoise.middleware.WhiteNoiseMiddleware",
)
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# --- Background tasks ---------------------------------------------------------------
# Image renditions are queued in the database and made by the worker process
# (`manage.py db_worker`); Wagtail's own tasks stay at once (settings/base.py).
TASKS = {
    **TASKS,
    "background": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]},
}
