"""The W3C Nu HTML checker finds no error on any public page type, in any language.

One page of each type (tests/e2e/page_types.py) as the demo server sends it, and
our not-found page as the test client renders it, are saved to one folder and
checked by one run of the checker (vnu.jar from npm's vnu-jar, which
scripts/test.sh installs; the machine's Java runs it): starting the JVM costs
more than checking forty pages. The checker reports, besides invalid markup,
headings that skip a level, so an outline that jumps from h1 to h3 fails here.
"""

import json
import shutil
import subprocess
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

from tests.conftest import RIVERSIDE_HOST
from tests.e2e.page_types import NOT_FOUND, PAGE_TYPES

pytestmark = pytest.mark.e2e

VNU = Path(settings.BASE_DIR) / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# The checker's schema needs a deep stack; C1 alone starts the JVM in half the time.
JAVA_OPTIONS = ["-Xss4m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"]


def fetch(port: int, host: str, path: str) -> bytes:
    request = urllib.request.Request(  # noqa: S310 - our own demo server on loopback
        f"http://127.0.0.1:{port}{path}", headers={"Host": f"{host}:{port}"}
    )
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
        assert response.status == 200, (host, path, response.status)
        return response.read()


def check(folder: Path) -> list[str]:
    """Every error the checker finds in the folder's pages, as 'file:line: message'."""
    java = shutil.which("java")
    assert java, "Java is missing: the HTML checker needs it (apt-get install default-jre)"
    assert VNU.exists(), "vnu.jar is missing: run `npm ci --ignore-scripts` (scripts/test.sh)"
    run = subprocess.run(
        [java, *JAVA_OPTIONS, "-jar", str(VNU), "--errors-only", "--format", "json", str(folder)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(run.stderr or "{}").get("messages", [])
    return [
        f"{Path(m.get('url', '')).name}:{m.get('lastLine', '?')}: {m.get('message')}"
        f" [{m.get('extract', '').strip()[:120]}]"
        for m in messages
        if m.get("type") in ("error", "non-document-error")
    ]


def test_every_public_page_type_is_valid_html(demo_server, client, network, tmp_path):
    for name, host, path in PAGE_TYPES:
        (tmp_path / f"{name}.html").write_bytes(fetch(demo_server, host, path))
    for name, path in NOT_FOUND:
        response = client.get(path, headers={"host": RIVERSIDE_HOST})
        assert response.status_code == 404
        (tmp_path / f"{name}.html").write_bytes(response.content)
    errors = check(tmp_path)
    assert not errors, "\n".join(errors)
