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


def page_url(page, request: HttpRequest) -> str:
    """A page's address as this reader should follow it.

    Relative on the reader's own site. On another site of the network, the
    other hostname with the scheme and port this reader came in on (see
    `site_root_url`): Wagtail's own absolute URLs use each Site's stored port,
    which is wrong behind the proxy and in the demo.
    """
    site_id, root_url, path = page.get_url_parts(request) or (None, None, None)
    if path is None:
        return ""
    current = Site.find_for_request(request)
    if current is not None and site_id == current.pk:
        return path
    hostname = root_url.split("://", 1)[-1].split(":", 1)[0]
    _domain, port = split_domain_port(request.get_host())
    return f"{request.scheme}://{hostname}{f':{port}' if port else ''}{path}"


def absolute_page_url(page, request: HttpRequest) -> str:
    """`page_url`, always absolute: for feeds and calendars read outside the site."""
    url = page_url(page, request)
    return url if "://" in url else request.build_absolute_uri(url)


def page_addresses(page, request: HttpRequest) -> tuple[str, str] | None:
    """A page's (link, absolute address), or None if it has no address.

    The absolute address is built from the page's Site (its hostname and
    port), as Wagtail builds the canonical address, the sitemap and the API's
    URLs, so every absolute address of a page agrees. The link is relative on
    the reader's own site.
    """
    site_id, root_url, path = page.get_url_parts(request) or (None, None, None)
    if path is None:
        return None
    current = Site.find_for_request(request)
    absolute = root_url + path
    return (path if current is not None and site_id == current.pk else absolute), absolute


def absolute_on_site(url: str, request: HttpRequest) -> str:
    """`url` made absolute on the request's Site (its stored scheme, hostname and port),
    like the page's canonical address; an absolute `url` (a CDN) is kept."""
    if "://" in url:
        return url
    site = Site.find_for_request(request)
    root = site.root_url if site is not None else request.build_absolute_uri("/").rstrip("/")
    return root + url
