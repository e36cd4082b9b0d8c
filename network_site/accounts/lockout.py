"""django-axes hooks: who is asking (the client's address as the intake rate limit
counts it, behind TRUSTED_PROXY_COUNT proxies) and what a locked-out person sees."""

import ipaddress

from django.conf import settings
from django.shortcuts import render

from chapters.archive.intake.guard import client_address


def client_ip(request) -> str | None:
    """None when there is no usable address (a log-in made in code, e.g. a test's
    force_login): axes stores addresses in an IP field."""
    address = client_address(request)
    try:
        ipaddress.ip_address(address)
    except ValueError:
        return None
    return address


def locked_out(request, original_response=None, credentials=None):
    """429 with the limit and when to try again, on every login form."""
    context = {
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "cooloff_minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
    }
    return render(request, "accounts/locked_out.html", context, status=429)
