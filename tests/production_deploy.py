"""The probe settings (tests/production_probe.py) with the deploy's static files:
collectstatic's manifest and WhiteNoise, as production has them. A server on these
settings needs `collectstatic` first (tests/platform/test_operations.py runs it)."""

from network_site.settings.production import STORAGES as PRODUCTION_STORAGES
from tests.production_probe import *  # noqa: F403

STORAGES = PRODUCTION_STORAGES
