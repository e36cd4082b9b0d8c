"""Stored pages: in the shared page cache, and the latest few in this process too.

A key holds the current generations (keys.py), so a copy kept in this process is
found only while nothing changed: it saves moving the page's bytes from Redis or
the database on every hit, never serves an old page. A stored page carries its own
end (`expires`), which the copy here keeps too.

Stored: (status, headers, body, expires) with `expires` a time.time().
"""

import time
from collections import OrderedDict
from threading import Lock

from home.pagecache.keys import page_cache

LOCAL_SIZE = 256
_local: OrderedDict = OrderedDict()
_lock = Lock()


def load(key: str):
    with _lock:
        stored = _local.get(key)
        if stored is not None:
            _local.move_to_end(key)
    if stored is None:
        stored = page_cache().get(key)
        if stored is not None:
            _remember(key, stored)
    # Anything else under the key (another release's format) is no page.
    if not (isinstance(stored, tuple) and len(stored) == 4) or stored[3] <= time.time():
        return None
    return stored


def save(key: str, stored, timeout: int) -> None:
    page_cache().set(key, stored, timeout)
    _remember(key, stored)


def _remember(key: str, stored) -> None:
    with _lock:
        _local[key] = stored
        _local.move_to_end(key)
        while len(_local) > LOCAL_SIZE:
            _local.popitem(last=False)


def forget_local() -> None:
    with _lock:
        _local.clear()
