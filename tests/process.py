"""Running `manage.py` as its own process, the way a person or `make run` does."""

import os
import subprocess
import sys

from django.conf import settings

# A SECRET_KEY the production settings accept (long, varied, not a known default).
STRONG_KEY = "x7#kQ2!vP9@mL4$wR8^tY1&zN6*bJ3(hD5)fG0_sA-eU+cV=iO"

# Variables the test run sets that a fresh shell would not have.
_NOT_INHERITED = {
    "SECRET_KEY",
    "DEBUG",
    "DJANGO_SETTINGS_MODULE",
    "DATABASE_URL",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
}


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    """Run manage.py with the given environment on top of a clean one; never raises on failure."""
    environment = {k: v for k, v in os.environ.items() if k not in _NOT_INHERITED}
    environment.update(env)
    return subprocess.run(  # noqa: S603 - our own manage.py, fixed arguments
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )


def cluster_connection_params() -> dict:
    """psycopg arguments for the test cluster's `postgres` database, to create and
    drop databases of the tests' own (browser tests' server, gunicorn workers)."""
    db = settings.DATABASES["default"]
    return {
        "host": db["HOST"],
        "port": db["PORT"],
        "user": db["USER"],
        "password": db["PASSWORD"],
        "dbname": "postgres",
        "autocommit": True,
    }


def copy_database(source: str, target: str) -> None:
    """`target` as a copy of `source` (PostgreSQL's TEMPLATE), replacing any old one."""
    import psycopg

    with psycopg.connect(**cluster_connection_params()) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{target}" WITH (FORCE)')
        # A template must have no other session: a browser test's server thread in this
        # worker may still hold one (see pyproject's filterwarnings).
        conn.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = %s AND pid <> pg_backend_pid()",
            [source],
        )
        conn.execute(f'CREATE DATABASE "{target}" TEMPLATE "{source}"')


def drop_database(name: str) -> None:
    import psycopg

    with psycopg.connect(**cluster_connection_params()) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def migrated_template() -> str:
    """The name of this worker's migrated, empty database (tests/conftest.py makes it
    before the shared network goes in): a copy of it needs no `migrate` of its own."""
    return f"{settings.DATABASES['default']['NAME']}_migrated"
