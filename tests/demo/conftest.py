import pytest
from django.core.management import call_command
from django.db import transaction


@pytest.fixture(scope="package")
def demo_network(django_db_setup, django_db_blocker):
    """The demo network, loaded once for this folder's tests (a load is half a minute)
    and gone after them; they run on one worker (TOGETHER in tests/conftest.py). Each
    test runs in a savepoint inside it (pytest-django's `db`), so what one test
    changes, the next does not see."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo_network")
        yield
        transaction.set_rollback(True)
