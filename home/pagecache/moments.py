"""Moments when what is public changes with no save: an archive entry's embargo
ends, or consent given for a time runs out. No stored page (and no shared cache,
through Cache-Control) may outlive the next such moment.

The archive registers where its moments are (`register_moment_source`, from
chapters/apps.py: home never imports chapters). The next moment is kept in the
page cache and forgotten on every change (invalidation), so finding it costs one
query per change, not per page.
"""

import math
import time
from collections.abc import Callable
from datetime import datetime

from home.pagecache.keys import page_cache

KEY = "pc:next-moment"
NONE = 0.0  # no moment ahead
_sources: list[Callable[[], datetime | None]] = []


def register_moment_source(source: Callable[[], datetime | None]) -> None:
    """`source()` returns the next future moment its data changes what is public, or None."""
    _sources.append(source)


def forget() -> None:
    page_cache().delete(KEY)


def seconds_until_next_moment() -> float:
    """Seconds until the next moment (math.inf when there is none ahead)."""
    now = time.time()
    moment = page_cache().get(KEY)
    if moment is None or (moment != NONE and moment <= now):
        found = [m for m in (source() for source in _sources) if m is not None]
        moment = min(m.timestamp() for m in found) if found else NONE
        page_cache().set(KEY, moment, 3600)
    return math.inf if moment == NONE else max(moment - now, 0.0)
