"""The page cache's middleware: near the top of MIDDLEWARE (after the security and
request-id middlewares, so a stored page still gets a fresh request id and the
HTTPS redirect), so a hit skips sessions, CSRF, authentication, locale and the
view. Stored: status, headers (the policies the inner middlewares added
included) and body; never a cookie.
"""

from django.conf import settings
from django.http import HttpResponse

from home.pagecache.keys import page_cache, page_key
from home.pagecache.moments import seconds_until_next_moment
from home.pagecache.policy import (
    request_may_use_cache,
    set_cache_control,
    site_hostname,
    storable,
)

HIT_HEADER = "X-Page-Cache"
NOT_STORED = {"set-cookie", "x-request-id", HIT_HEADER.lower()}


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        timeout = settings.PAGE_CACHE_TIMEOUT
        if timeout > 0 and request_may_use_cache(request):
            stored = page_cache().get(lookup_key(request))
            if stored is not None:
                return rebuild(stored, request)
        response = self.get_response(request)
        # Off (0): nothing is stored and nothing tells other caches to share the page.
        shared = timeout > 0 and storable(request, response)
        # Never past the moment an embargo ends or consent runs out (moments.py).
        lifetime = min(timeout, seconds_until_next_moment()) if shared else 0
        shared = shared and lifetime >= 1
        set_cache_control(request, response, shared, int(lifetime))
        if shared and request.method == "GET":
            hostname = site_hostname(request)
            page_cache().set(page_key(request, hostname), freeze(response), int(lifetime))
            response[HIT_HEADER] = "miss"
        return response


def lookup_key(request) -> str:
    host = request.META.get("HTTP_HOST", "").rsplit(":", 1)[0]
    return page_key(request, host)


def freeze(response) -> tuple:
    headers = [(k, v) for k, v in response.items() if k.lower() not in NOT_STORED]
    return (response.status_code, headers, response.content)


def rebuild(stored, request) -> HttpResponse:
    status, headers, content = stored
    response = HttpResponse(b"" if request.method == "HEAD" else content, status=status)
    for name, value in headers:
        response[name] = value
    if request.method == "HEAD":
        response["Content-Length"] = str(len(content))
    response[HIT_HEADER] = "hit"
    return response
