#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on a free loopback port, runs every
# check CI runs against it, and stops the cluster however the checks end.
# Run through `make test`, which puts the project's .venv first on PATH.
set -euo pipefail
cd "$(dirname "$0")/.."

# --- Chromium for the browser tests (Debian's package; never a download) ----
if ! command -v chromium >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then
        echo "Installing Debian's chromium for the browser tests…"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    else
        echo "chromium is missing: run 'sudo apt-get install chromium' once." >&2
        exit 1
    fi
fi

# --- Varnish and Redis for the cache tests, wrk for the benchmark's test ---------
# Debian's packages; their services are never started: the tests run their own.
for tool in varnishd:/usr/sbin/varnishd:varnish redis-server:/usr/bin/redis-server:redis-server \
    wrk:/usr/bin/wrk:wrk; do
    IFS=: read -r name binary package <<<"$tool"
    if ! command -v "$name" >/dev/null 2>&1 && [ ! -x "$binary" ]; then
        if [ "$(id -u)" = 0 ]; then
            echo "Installing Debian's $package for the tests…"
            apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null
        else
            echo "$name is missing: run 'sudo apt-get install $package' once." >&2
            exit 1
        fi
    fi
done

# --- The W3C Nu HTML checker (tests/e2e/test_html_validity.py) -----------------
# vnu.jar from npm's vnu-jar (package.json), run by the machine's Java. Its install
# script would download a Java of its own where there is none: never run it.
if ! command -v java >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then
        echo "Installing Debian's Java for the HTML checker…"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null
    else
        echo "java is missing: run 'sudo apt-get install default-jre-headless' once." >&2
        exit 1
    fi
fi
if [ ! -f node_modules/vnu-jar/build/dist/vnu.jar ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm ci --ignore-scripts --no-audit --no-fund --silent
fi

# --- A throwaway PostgreSQL cluster --------------------------------------------
PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
if [ -z "$PG_BIN" ] || [ ! -x "$PG_BIN/initdb" ]; then
    if [ "$(id -u)" = 0 ]; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
        PG_BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
    else
        echo "PostgreSQL server binaries are missing: install the 'postgresql' package." >&2
        exit 1
    fi
fi

PG_DIR="$(mktemp -d "${TMPDIR:-/tmp}/hrc-pg.XXXXXX")"
# This run's media folders (network_site/settings/test.py), apart from any other run's.
export HRC_TEST_SCRATCH="$(mktemp -d "${TMPDIR:-/tmp}/hrc-scratch.XXXXXX")"
PG_PORT="$(python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"

# postgres refuses to run as root: run the server as the postgres user then.
if [ "$(id -u)" = 0 ]; then
    chown postgres "$PG_DIR"
    as_pg() { runuser -u postgres -- "$@"; }
else
    as_pg() { "$@"; }
fi

stop_cluster() {
    if [ -n "${MIGRATE_PID:-}" ]; then kill "$MIGRATE_PID" 2>/dev/null || true; fi
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$PG_DIR" "$HRC_TEST_SCRATCH"
}
trap stop_cluster EXIT

as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w start \
    -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null
as_pg "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres hrc
echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT"

export DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/hrc"
export DJANGO_SETTINGS_MODULE=network_site.settings.test

# The test databases' migrations, once, while the checks below run: each pytest
# worker's database is a copy of this one (tests/conftest.py).
as_pg "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres hrc_template
export HRC_TEST_TEMPLATE_DB=hrc_template
DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/hrc_template" \
    python manage.py migrate --noinput >"$PG_DIR/migrate.log" 2>&1 &
MIGRATE_PID=$!

bash scripts/translations.sh
python manage.py check --fail-level WARNING
python manage.py makemigrations --check --dry-run
ruff check .
ruff format --check .
if ! wait "$MIGRATE_PID"; then
    cat "$PG_DIR/migrate.log" >&2
    exit 1
fi
# Two workers; tests/conftest.py schedules them (TOGETHER keeps costly groups on one).
pytest -n 2 "$@"
