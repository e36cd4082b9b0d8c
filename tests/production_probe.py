"""Production settings, unchanged, with the probe URLs (tests/probe_urls.py) added:
what a deployed server does when a view fails. Static files are served from the
source folders: the deploy's `collectstatic` (the manifest) is not what is tested."""

from network_site.settings.production import *  # noqa: F403
from network_site.settings.production import STORAGES

ROOT_URLCONF = "tests.probe_urls"
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
