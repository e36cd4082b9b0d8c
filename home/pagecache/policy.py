"""What the page cache may answer and store, and what a response tells other caches.

Deny by default. A request is answered from the cache only when it is a GET or
HEAD with no cookie and no credentials at all (a logged-in member, a reader who
opened a form or passed a password always reaches Django). A response is stored
(and told `Cache-Control: public`) only when the public page view marked it
(`mark_public`) and nothing in it is a reader's own: status 200, no cookie set,
no CSRF token used, no CSP nonce (a shared copy would share the nonce), no
`private`/`no-cache`/`no-store` of its own (an archive entry under a content
warning says so), no Vary beyond Cookie and Accept-Encoding (the bare "/" varies
by Accept-Language: never stored), and a site whose hostname is the request's
(the default site's fallback for unknown hosts is never stored). Everything else
is told `Cache-Control: private` unless it already says something.
"""

from django.conf import settings
from django.utils.cache import cc_delim_re, patch_cache_control

SAFE_METHODS = ("GET", "HEAD")
ALLOWED_VARY = {"cookie", "accept-encoding"}
PRIVATE_DIRECTIVES = ("private", "no-cache", "no-store")


def request_may_use_cache(request) -> bool:
    meta = request.META
    return (
        request.method in SAFE_METHODS
        and not meta.get("HTTP_COOKIE")
        and not meta.get("HTTP_AUTHORIZATION")
        and not request.path_info.startswith("/admin/")
    )


def mark_public(response) -> None:
    """Called by the public page view for a page it served to a reader without
    credentials: the response may be shared, if `storable` agrees."""
    response.page_cache_public = True


def storable(request, response) -> bool:
    if not (getattr(response, "page_cache_public", False) and request_may_use_cache(request)):
        return False
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or getattr(request, "_csp_nonce", None):
        return False
    user = getattr(request, "user", None)
    if user is not None and getattr(user, "is_authenticated", False):
        return False
    control = response.get("Cache-Control", "").lower()
    if any(directive in control for directive in PRIVATE_DIRECTIVES):
        return False
    if "'nonce-" in response.get("Content-Security-Policy", ""):
        return False
    vary = {v.strip().lower() for v in cc_delim_re.split(response.get("Vary", "")) if v.strip()}
    return vary <= ALLOWED_VARY and site_hostname(request) is not None


def site_hostname(request) -> str | None:
    """The hostname of the Wagtail site that served the request, when the request
    named that site (not the default site's fallback)."""
    site = getattr(request, "_wagtail_site", None)
    host = request.get_host().rsplit(":", 1)[0].lower() if request.get_host() else ""
    if site is None or site.hostname.lower() != host:
        return None
    return host


def set_cache_control(request, response, shared: bool, lifetime: int = 0) -> None:
    """Shared: at most `lifetime` seconds anywhere (the next consent moment)."""
    if shared:
        patch_cache_control(
            response,
            public=True,
            max_age=min(settings.PAGE_CACHE_BROWSER_MAX_AGE, lifetime),
            s_maxage=min(settings.PAGE_CACHE_SHARED_MAX_AGE, lifetime),
        )
    elif not response.has_header("Cache-Control"):
        response["Cache-Control"] = "private"
