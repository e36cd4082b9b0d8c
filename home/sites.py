import re

from django.http import HttpRequest
from django.http.request import split_domain_port
from wagtail.models import Site

_LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
# Lower-case DNS names: dot-separated labels of letters, digits and inner hyphens.
HOSTNAME_RE = re.compile(r"^(?=.{1,253}$)" + _LABEL + r"(?:\." + _LABEL + r")*$")


def clean_hostname(value: str) -> str:
    """The hostname in lower case, or ValueError with a message a person can act on."""
    hostname = value.strip().lower()
    if not HOSTNAME_RE.match(hostname):
        raise ValueError(
            f"'{hostname}' is not a valid hostname "
            "(letters, digits and hyphens in dot-separated labels, e.g. riverbend.localhost)"
        )
    return hostname


def site_root_url(site: Site, request: HttpRequest) -> str:
    """The address of another site of the network, as seen from this request.

    Every site is served by the same front door (one install, one listener),
    so the other site answers on the scheme and port the reader used for this
    one: :8000 in the demo, none behind the production proxy. The port comes
    from the Host header, which is what the browser sees, not from the port
    the application server happens to listen on.
    """
    _domain, port = split_domain_port(request.get_host())
    suffix = f":{port}" if port else ""
    return f"{request.scheme}://{site.hostname}{suffix}/"
