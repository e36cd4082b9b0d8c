"""Page keys and generations.

A stored page's key holds the generation of its site (by hostname) and the
network's. Bumping a generation gives it a fresh random token, so every page
stored under the old one is never read again (it expires on its own). A token
that went missing (the cache was emptied or culled) is replaced by a new random
one, never by a default: an old copy can never come back.
"""

import hashlib
import uuid

from django.conf import settings
from django.core.cache import caches

NETWORK = "pc:gen:network"
# What a stored page looks like (store.py): a new format never reads an old one.
FORMAT = 2


def page_cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def site_generation_key(hostname: str) -> str:
    return f"pc:gen:site:{hostname.lower()}"


def _token() -> str:
    return uuid.uuid4().hex[:12]


def generations(hostname: str) -> tuple[str, str]:
    """The network's and the site's current tokens (one cache round trip when both exist)."""
    cache = page_cache()
    site_key = site_generation_key(hostname)
    found = cache.get_many([NETWORK, site_key])
    tokens = []
    for key in (NETWORK, site_key):
        token = found.get(key)
        if token is None:
            cache.add(key, _token(), None)
            token = cache.get(key) or _token()  # a cache that stores nothing: never a hit
        tokens.append(token)
    return tokens[0], tokens[1]


def bump(hostnames=(), network: bool = False) -> None:
    """Invalidate every stored page of these sites (or of every site)."""
    values = {site_generation_key(name): _token() for name in hostnames if name}
    if network:
        values[NETWORK] = _token()
    if values:
        page_cache().set_many(values, None)


def page_key(request, hostname: str) -> str:
    return key_for(
        request.scheme,
        request.META.get("HTTP_HOST", ""),
        request.path_info,
        request.META.get("QUERY_STRING", ""),
        hostname,
    )


def key_for(scheme: str, host: str, path: str, query: str, hostname: str | None = None) -> str:
    """Per site (hostname and its generation), scheme, host with port, language, path
    and query string, under the network's generation."""
    hostname = hostname or host.rsplit(":", 1)[0]
    network, site = generations(hostname)
    parts = "\n".join([network, site, scheme, host, language_of_path(path), path, query])
    return (
        f"pc:page:{FORMAT}:" + hashlib.sha256(parts.encode("utf-8", "surrogateescape")).hexdigest()
    )


def language_of_path(path: str) -> str:
    first = path.lstrip("/").split("/", 1)[0]
    codes = {code for code, _name in settings.LANGUAGES}
    return first if first in codes else ""
