"""Keeping spam out of the public intake, without third-party services.

A signed timestamp (a form sent seconds after it was shown was not written by
a person, one sent a day later has expired), one story per form shown, and a
limit per client address per site, kept in Django's cache, which every worker
shares (the database cache, or Redis: settings CACHES). The honeypot field is
on the form (chapters.archive.intake.forms) and checked by the view.

Other public forms use the same guard with their own `salt` (a token of one
form is no token of another) and their own `limit` per hour: the request to
start a chapter (chapters.network.start_chapter).
"""

import hashlib
import time

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

RATE_WINDOW = 60 * 60  # seconds: STORY_INTAKE_RATE_LIMIT counts per hour
MIN_SECONDS = 3  # nobody reads the form and writes a story faster than this
MAX_AGE = 60 * 60 * 24  # a story may take a day to write
FORM_SALT = "chapters.archive.intake.form"  # signs when a form was shown, not a secret

TOO_FAST = _(
    "The form was sent a moment after it opened, faster than a person can write. "
    "Everything you wrote is still here: please check it and send it again."
)
EXPIRED = _(
    "This form was opened more than a day ago, so it has expired. "
    "Everything you wrote is still here: please send it again."
)
UNCHECKED = _(
    "The form could not be checked. Everything you wrote is still here: please send it again."
)
TOO_MANY = _(
    "Too many forms have been sent from your connection in the last hour. "
    "Everything you wrote is still here: please keep a copy and try again in an hour."
)


def rate_limit() -> int:
    return getattr(settings, "STORY_INTAKE_RATE_LIMIT", 5)


def client_address(request) -> str:
    """The reader's address. Behind TRUSTED_PROXY_COUNT reverse proxies it is the one
    the outermost of them saw (X-Forwarded-For), not the proxy's own, which every
    reader would share; entries further left are the client's to invent."""
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    if proxies and len(forwarded) >= proxies and forwarded[-proxies]:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR") or "unknown"


def _rate_key(action: str, site: Site, request) -> str:
    # The address is hashed: the cache never holds a reader's IP address.
    address = client_address(request)
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()[:32]
    return f"intake:{action}:{site.pk}:{digest}"


def is_rate_limited(action: str, site: Site, request, limit: int | None = None) -> bool:
    """Whether this address sent `limit` forms (by default STORY_INTAKE_RATE_LIMIT) of
    this `action` on this site in the last hour."""
    limit = rate_limit() if limit is None else limit
    return cache.get(_rate_key(action, site, request), 0) >= limit


def count_attempt(action: str, site: Site, request) -> None:
    key = _rate_key(action, site, request)
    if cache.add(key, 1, RATE_WINDOW):
        return
    try:
        cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.set(key, 1, RATE_WINDOW)


def form_token(site: Site, now: float | None = None, salt: str = FORM_SALT) -> str:
    """A signed note of when the form was shown, and on which site."""
    return signing.dumps({"site": site.pk, "t": int(now or time.time())}, salt=salt)


def token_problem(token: str, site: Site, salt: str = FORM_SALT):
    """Why this token cannot be accepted (a message for the person), or None."""
    try:
        data = signing.loads(token, salt=salt, max_age=MAX_AGE)
    except signing.SignatureExpired:
        return EXPIRED
    except signing.BadSignature:
        return UNCHECKED
    if not isinstance(data, dict) or data.get("site") != site.pk:
        return UNCHECKED
    if time.time() - data.get("t", 0) < MIN_SECONDS:
        return TOO_FAST
    return None


def _token_key(token: str) -> str:
    return "intake:used:" + hashlib.sha256(token.encode()).hexdigest()


def claim_token(token: str) -> bool:
    """One story per form shown: False if this form was already sent (a reload, a
    double click). Atomic, so two requests at once cannot both claim it."""
    return cache.add(_token_key(token), 1, MAX_AGE)


def release_token(token: str) -> None:
    """The story could not be saved: the same form may be sent again."""
    cache.delete(_token_key(token))


def save_once(token: str, action: str, site: Site, request, save) -> None:
    """Runs `save` once per form shown (a resent form is thanked again, not saved twice),
    and counts the attempt; if saving fails, the same form may be sent again."""
    if not claim_token(token):
        return
    count_attempt(action, site, request)
    try:
        save()
    except BaseException:
        release_token(token)
        raise
