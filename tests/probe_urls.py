"""The site's own URLs plus two probes, for tests that need a server error or a view
that sets its own policy (what a private file's view does) on top of the real stack."""

from django.http import HttpResponse
from django.urls import path

from network_site.urls import urlpatterns as site_urlpatterns


def boom(request):
    raise RuntimeError("probe: a bug in a view")


def own_policy(request):
    response = HttpResponse(b"a file", content_type="text/plain")
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


urlpatterns = [
    path("_probe/boom/", boom),
    path("_probe/own-policy/", own_policy),
    *site_urlpatterns,
]
