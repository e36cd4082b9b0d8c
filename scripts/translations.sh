#!/usr/bin/env bash
# Compiles the interface translations (locale/*/LC_MESSAGES/*.po) with GNU
# gettext, installing Debian's gettext first when it is missing and we may.
# Used by `make run` and `make test`; the compiled .mo files are not committed.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python}"

if ! command -v msgfmt >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "Installing GNU gettext to compile the translations…"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext >/dev/null
    else
        echo "msgfmt is missing: run 'sudo apt-get install gettext' once." >&2
        exit 1
    fi
fi
"$PYTHON" manage.py compilemessages --ignore=.venv -v 0
