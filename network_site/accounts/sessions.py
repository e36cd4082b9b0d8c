"""Idle sessions end: after SESSION_IDLE_TIMEOUT seconds without a request, the
person is logged out (admin and members alike).

The time of the last request is kept in the session and written at most once a
minute, so a busy session does not write to the database on every request.
"""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import SESSION_KEY, logout
from django.urls import reverse
from django.utils.translation import gettext as _

LAST_SEEN = "accounts_last_seen"
# How stale the stored time may get before it is written again.
WRITE_EVERY = 60


def start_activity_clock(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        request.session[LAST_SEEN] = int(time.time())


class IdleTimeoutMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = request.session
        if SESSION_KEY in session:
            now = int(time.time())
            last_seen = session.get(LAST_SEEN)
            if last_seen is not None and now - last_seen > settings.SESSION_IDLE_TIMEOUT:
                logout(request)
                if request.path_info.startswith(reverse("wagtailadmin_home")):
                    messages.info(request, _("You were logged out after a time without activity."))
            elif last_seen is None or now - last_seen >= WRITE_EVERY:
                session[LAST_SEEN] = now
        return self.get_response(request)
