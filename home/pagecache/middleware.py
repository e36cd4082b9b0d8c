"""The page cache's middleware: first in MIDDLEWARE, so a hit skips the rest of
Django, and what is stored has every header the others added (the security
headers and policies), except the request id (a hit gets a fresh one) and never a
cookie. Status, headers and body are stored (store.py); network_site/wsgi.py
answers hits before Django too, from the same store.

An http:// request that production redirects to https:// never reaches a stored
page: the scheme is part of the key and only 200s are stored.
"""

import time
import uuid

from django.conf import settings
from django.http import HttpResponse

from home.pagecache import store
from home.pagecache.keys import page_key
from home.pagecache.moments import seconds_until_next_moment
from home.pagecache.policy import (
    request_may_use_cache,
    set_cache_control,
    site_hostname,
    storable,
)

HIT_HEADER = "X-Page-Cache"
REQUEST_ID = "X-Request-ID"
NOT_STORED = {"set-cookie", REQUEST_ID.lower(), HIT_HEADER.lower()}


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        timeout = settings.PAGE_CACHE_TIMEOUT
        if timeout > 0 and request_may_use_cache(request):
            stored = store.load(lookup_key(request))
            if stored is not None:
                return rebuild(stored, request.method)
        response = self.get_response(request)
        # Off (0): nothing is stored and nothing tells other caches to share the page.
        shared = timeout > 0 and storable(request, response)
        # Never past the moment an embargo ends or consent runs out (moments.py).
        lifetime = int(min(timeout, seconds_until_next_moment())) if shared else 0
        shared = shared and lifetime >= 1
        set_cache_control(request, response, shared, lifetime)
        if shared and request.method == "GET":
            key = page_key(request, site_hostname(request))
            store.save(key, freeze(response, lifetime), lifetime)
            response[HIT_HEADER] = "miss"
        return response


def lookup_key(request) -> str:
    return page_key(request, request.META.get("HTTP_HOST", "").rsplit(":", 1)[0])


def freeze(response, lifetime: int) -> tuple:
    headers = [(k, v) for k, v in response.items() if k.lower() not in NOT_STORED]
    return (response.status_code, headers, response.content, time.time() + lifetime)


def hit_headers(stored, method: str) -> list[tuple[str, str]]:
    """The stored headers, a fresh request id, and the length a HEAD leaves out."""
    headers = [*stored[1], (REQUEST_ID, uuid.uuid4().hex), (HIT_HEADER, "hit")]
    if not any(name.lower() == "content-length" for name, _value in headers):
        headers.append(("Content-Length", str(len(stored[2]))))
    return headers


def rebuild(stored, method: str) -> HttpResponse:
    response = HttpResponse(b"" if method == "HEAD" else stored[2], status=stored[0])
    for name, value in hit_headers(stored, method):
        response[name] = value
    return response
