"""The localize tests' clients: each request commits, as wagtail-localize needs, and
"superuser" is a role too."""

import pytest
from django.test import Client

from tests.conftest import SUPERUSER


class Committing:
    """The test client, running what a request leaves for after its commit.

    wagtail-localize publishes in `transaction.on_commit`; the test's transaction
    never commits, so each request runs its callbacks as a real commit would."""

    def __init__(self, client: Client, capture):
        self.client, self.capture = client, capture

    def __getattr__(self, name):
        return getattr(self.client, name)

    def _committed(self, method, *args, **kwargs):
        with self.capture(execute=True):
            return getattr(self.client, method)(*args, **kwargs)

    def get(self, *args, **kwargs):
        return self._committed("get", *args, **kwargs)

    def post(self, *args, **kwargs):
        return self._committed("post", *args, **kwargs)

    def put(self, *args, **kwargs):
        return self._committed("put", *args, **kwargs)


@pytest.fixture
def login(login, django_capture_on_commit_callbacks):
    """Each request runs what it left for after its commit (see Committing)."""
    return lambda role: Committing(login(role), django_capture_on_commit_callbacks)


@pytest.fixture
def as_role(login):
    """Log in as a role of the matrix; "superuser" is the network's superuser."""

    def _as(role: str) -> Committing:
        return login(SUPERUSER if role == "superuser" else role)

    return _as
