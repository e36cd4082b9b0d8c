"""Production settings, unchanged, with the probe URLs (tests/probe_urls.py) added:
what a deployed server does when a view fails. Static files are the deploy's: the
fixture that starts the servers runs `collectstatic` first (tests/platform/test_operations.py)."""

from network_site.settings.production import *  # noqa: F403

ROOT_URLCONF = "tests.probe_urls"
