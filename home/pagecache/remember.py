"""Values derived from public data, kept until that data changes: the network's counts.

A count over every chapter's public pages (how many stories the network has, how
many per right) reads thousands of rows through the public gate at 500 chapters,
and is the same for every reader until a page, restriction, consent record or
site changes. `remembered` keeps such a value in the page cache's store under the
site's and the network's generations (keys.py: every such change bumps one, and a
chapter's change bumps the Alliance's too, whose site shows the aggregations), for
no longer than the next moment the public set changes with no save (moments.py:
an embargo ends) and, when the caller says so, its own next moment (`until`: the
end of the soonest upcoming event, for a count of upcoming events).

Never holds anything the public may not see: only what the public gate answered.
"""

from collections.abc import Callable
from datetime import datetime
from typing import Any

from django.conf import settings
from django.utils import timezone

from home.pagecache.keys import generations, page_cache
from home.pagecache.moments import seconds_until_next_moment

# How long a value may stay unused (a new generation replaces it sooner).
KEPT_FOR = 60 * 60


def remembered(
    name: str,
    compute: Callable[[], Any],
    hostname: str,
    until: Callable[[], datetime | None] | None = None,
) -> Any:
    """`compute()`, or its value kept for `name` (which names everything the value
    depends on besides the data: language, filters) on the site of `hostname`.

    `until()`, asked when computing, is the moment the value may change with no
    save (None: none ahead); after it the value is computed again. With the
    fragment cache off (FRAGMENT_CACHE_TIMEOUT = 0) nothing is kept."""
    timeout = min(KEPT_FOR, getattr(settings, "FRAGMENT_CACHE_TIMEOUT", 300) or 0)
    if not timeout:
        return compute()
    network, own = generations(hostname)
    key = f"pc:remembered:{network}:{own}:{name}"
    cache = page_cache()
    now = timezone.now()
    kept = cache.get(key)
    if kept is not None:
        value, valid_until = kept
        if valid_until is None or now <= valid_until:
            return value
    # Read the moment first: a change between the two reads makes the value
    # valid for less time, never for longer.
    valid_until = until() if until is not None else None
    value = compute()
    lifetime = min(timeout, seconds_until_next_moment())
    if valid_until is not None:
        lifetime = min(lifetime, max((valid_until - now).total_seconds(), 0) + 1)
    if lifetime >= 1:
        cache.set(key, (value, valid_until), int(lifetime))
    return value
