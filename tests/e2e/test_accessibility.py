"""axe-core finds no WCAG 2.x A/AA violation on the pages a visitor reaches first."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from chapters.demo import data

CHAPTERS = data.chapters()
STORIES, EVENTS, ARCHIVE = (data.by_hostname(k) for k in ("stories", "events", "archive"))

pytestmark = pytest.mark.e2e

WCAG_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}
}
PAGES = [
    ("localhost", "/en/"),
    ("localhost", "/en/principles/"),
    ("localhost", "/en/resources/"),
    ("localhost", "/en/search/?query=organizing"),
    ("localhost", "/en/chapters/"),
    ("localhost", "/en/rights/"),
    ("localhost", "/en/rights/housing/"),
    (CHAPTERS[0]["hostname"], "/en/"),
    # In Spanish, and right to left (Arabic is added to the browser tests' languages).
    (next(c["hostname"] for c in CHAPTERS if "es" in c.get("languages", [])), "/es/"),
    ("localhost", "/es/"),
    ("localhost", "/es/principios/"),
    ("localhost", "/ar/"),
    (CHAPTERS[0]["hostname"], "/en/stories/"),
    (CHAPTERS[0]["hostname"], "/en/events/"),
    ("localhost", "/en/events/"),
    ("localhost", "/en/stories/"),
    (CHAPTERS[0]["hostname"], "/en/events/?when=past"),
    (CHAPTERS[0]["hostname"], "/en/archive/"),
    (CHAPTERS[0]["hostname"], f"/en/stories/{STORIES[CHAPTERS[0]['hostname']][0]['slug']}/"),
    (CHAPTERS[0]["hostname"], f"/en/events/{EVENTS[CHAPTERS[0]['hostname']][0]['slug']}/"),
    (CHAPTERS[0]["hostname"], f"/en/archive/{ARCHIVE[CHAPTERS[0]['hostname']][0]['slug']}/"),
    (
        CHAPTERS[0]["hostname"],
        f"/en/archive/{ARCHIVE[CHAPTERS[0]['hostname']][0]['slug']}/?continue=1",
    ),
    (CHAPTERS[0]["hostname"], "/en/archive/first-tenants-meeting-photographs/"),
    (CHAPTERS[0]["hostname"], "/en/share-your-story/"),
    (CHAPTERS[0]["hostname"], "/en/withdraw-my-story/"),
    (CHAPTERS[0]["hostname"], "/en/_util/login/"),
    (CHAPTERS[0]["hostname"], "/en/get-involved/"),
    ("localhost", "/en/start-a-chapter/"),
    ("localhost", "/es/start-a-chapter/"),
    ("localhost", "/en/no-such-page/"),
]


@pytest.mark.parametrize(("host", "path"), PAGES)
def test_no_wcag_aa_violations(page, demo_server, host, path):
    page.goto(f"http://{host}:{demo_server}{path}")
    results = Axe().run(page, options=WCAG_AA)
    assert results.violations_count == 0, results.generate_report()
