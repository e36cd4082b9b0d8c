"""The page cache: anonymous readers get stored copies of public pages.

* `keys`: where a page is stored, and the generation counters that invalidate it
  (one per site hostname, one for the whole network; every key carries both, so a
  bump makes every older copy unreachable at once).
* `policy`: which requests may be answered from the cache and which responses may
  be stored (deny by default: only a response the public page view marked, for a
  request without cookies, with nothing private in it) and their Cache-Control.
* `middleware`: the lookup on the way in, the store on the way out.
* `invalidation`: every save or delete of data bumps a generation, in the same
  request (and again when the transaction commits), and tells a front-end cache.
"""
