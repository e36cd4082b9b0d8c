"""Production: configuration only from the environment, secure by default."""

from django.core.exceptions import ImproperlyConfigured

from network_site.observability import json_logging

from .base import *  # noqa: F403
from .base import LOG_LEVEL, SECRET_KEY

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
