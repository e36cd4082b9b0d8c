"""Security headers on every response: Content-Security-Policy and Permissions-Policy.

Public pages get a strict policy: only this origin, and inline scripts and
styles only with the request's nonce (`{{ request.csp_nonce }}`), never
'unsafe-inline'. The admin gets the strictest policy Wagtail 8 and
wagtail-localize run under: same origin only, but Wagtail still writes some
inline scripts (inline panels, date pickers, the translation editor's chooser
URLs), so there inline code is allowed and a nonce is not sent (a nonce would
switch 'unsafe-inline' off in the browser).

A response that already carries a policy (private files set
`default-src 'none'; sandbox`) keeps its own: django-csp never overwrites it.
"""

from csp.constants import NONCE
from csp.middleware import CSPMiddleware, PolicyParts

PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), encrypted-media=(), "
    "fullscreen=(self), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), "
    "midi=(), payment=(), picture-in-picture=(), publickey-credentials-get=(self), "
    "screen-wake-lock=(), serial=(), usb=(), xr-spatial-tracking=(), "
    "interest-cohort=(), browsing-topics=()"
)


# Wagtail's admin and Django's own (network_site/urls.py).
ADMIN_PATH_PREFIXES = ("/admin/",)


def is_admin_path(path: str) -> bool:
    return path.startswith(ADMIN_PATH_PREFIXES)


class NetworkCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's policy under the admin's paths."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only:
            return parts
        if not is_admin_path(request.path_info):
            return with_hashes(parts, getattr(request, "csp_hashes", None))
        if parts.config is None:
            parts.config = admin_directives()
        # No nonce in the admin's header: it would disable 'unsafe-inline'.
        return PolicyParts(parts.config, parts.update, parts.replace, nonce=None)


def with_hashes(parts: PolicyParts, hashes: dict | None) -> PolicyParts:
    """Inline code the page allowed by its hash (home/templatetags/csp_tags.py)."""
    if not hashes:
        return parts
    update = {key: list(value) for key, value in (parts.update or {}).items()}
    for directive, values in hashes.items():
        update[directive] = [*update.get(directive, []), *sorted(values)]
    return PolicyParts(parts.config, update, parts.replace, parts.nonce)


class PermissionsPolicyMiddleware:
    """No page of the network may use the camera, microphone, location or any other
    powerful feature, nor may anything it frames."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


def public_directives() -> dict:
    """The public pages' policy: this origin only; inline code only with the nonce."""
    return {
        "default-src": ["'self'"],
        "script-src": ["'self'", NONCE],
        "style-src": ["'self'", NONCE],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "media-src": ["'self'"],
        "frame-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    }


def admin_directives() -> dict:
    """The admin's policy: this origin only (no third-party script, style, font or
    frame); inline code as Wagtail needs it; blob: for upload previews."""
    return {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "media-src": ["'self'", "blob:"],
        "frame-src": ["'self'"],
        "worker-src": ["'self'", "blob:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
