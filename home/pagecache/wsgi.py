"""Hits answered before Django: the WSGI application's first step.

The same decision and key as the middleware (a GET or HEAD with no cookie and no
credentials; scheme, host, path, query string, generations), from the same store,
without building a request or running a middleware. Anything unusual (no stored
page, an error reaching the cache) goes on to Django, which decides as usual.
"""

from http import HTTPStatus

from django.conf import settings
from django.core.handlers.wsgi import get_path_info

from home.pagecache import store
from home.pagecache.keys import key_for
from home.pagecache.middleware import hit_headers
from home.pagecache.policy import SAFE_METHODS


def scheme_of(environ) -> str:
    """As Django's request.scheme reads it (SECURE_PROXY_SSL_HEADER)."""
    if settings.SECURE_PROXY_SSL_HEADER:
        header, secure = settings.SECURE_PROXY_SSL_HEADER
        value = environ.get(header)
        if value is not None:
            return "https" if value.split(",", 1)[0].strip() == secure else "http"
    return environ.get("wsgi.url_scheme", "http")


def lookup(environ):
    method = environ.get("REQUEST_METHOD")
    if settings.PAGE_CACHE_TIMEOUT <= 0 or method not in SAFE_METHODS:
        return None
    if environ.get("HTTP_COOKIE") or environ.get("HTTP_AUTHORIZATION"):
        return None
    path = get_path_info(environ) or "/"
    if path.startswith("/admin/"):
        return None
    key = key_for(
        scheme_of(environ), environ.get("HTTP_HOST", ""), path, environ.get("QUERY_STRING", "")
    )
    return store.load(key)


class PageCacheApplication:
    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        try:
            stored = lookup(environ)
        except Exception:  # noqa: BLE001 - the cache is an optimisation: Django answers
            stored = None
        if stored is None:
            return self.application(environ, start_response)
        method = environ["REQUEST_METHOD"]
        start_response(f"{stored[0]} {HTTPStatus(stored[0]).phrase}", hit_headers(stored, method))
        return [b"" if method == "HEAD" else stored[2]]
