"""The Content-Security-Policy in a real browser: public pages and the admin (the page
editor, an image chooser, wagtail-localize's translation editor) work under it, and the
browser reports no violation and no request to another origin."""

from urllib.parse import urlsplit

import psycopg
import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import log_in

pytestmark = pytest.mark.e2e

# Every violation the browser reports, kept where the test can read it.
WATCH = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile);
});
"""


@pytest.fixture
def watched(page):
    """The page, with CSP violations, console errors and other origins' requests noted."""
    seen = {"console": [], "foreign": []}
    page.add_init_script(WATCH)
    page.on(
        "console",
        lambda message: (
            seen["console"].append(message.text)
            if "Content Security Policy" in message.text
            or "Content-Security-Policy" in message.text
            else None
        ),
    )

    def note_request(request):
        host = urlsplit(request.url).hostname or ""
        if urlsplit(request.url).scheme in ("http", "https") and not (
            host == "localhost" or host.endswith(".localhost") or host == "127.0.0.1"
        ):
            seen["foreign"].append(request.url)

    page.on("request", note_request)

    def violations():
        reported = page.evaluate("window.__cspViolations || []")
        return reported + seen["console"] + seen["foreign"]

    page.violations = violations
    return page


def page_id(database_url: str, home_title: str, model: str) -> int:
    with psycopg.connect(database_url) as conn:
        row = conn.execute(
            """
            SELECT p.id FROM wagtailcore_page p
            JOIN wagtailcore_page home ON p.path LIKE home.path || '%%' AND home.depth = 2
            JOIN django_content_type ct ON ct.id = p.content_type_id
            WHERE home.title LIKE %s AND ct.model = %s
            ORDER BY p.id LIMIT 1
            """,
            [f"{home_title}%", model],
        ).fetchone()
    return row[0]


def test_public_pages_run_under_the_policy(watched, demo_server, screenshot):
    page = watched
    base = f"http://corvale.localhost:{demo_server}"
    page.goto(f"{base}/en/")
    expect(page.locator("h1")).to_be_visible()
    # The chapter's accent colour arrives through the <style> its hash allows (CSP).
    accent = page.evaluate(
        "getComputedStyle(document.documentElement).getPropertyValue('--accent').trim()"
    )
    assert accent.startswith("#"), accent
    screenshot("csp-chapter-home")
    for path in ("/en/stories/", "/en/events/", "/en/archive/", "/en/search/?query=water"):
        page.goto(f"{base}{path}")
        expect(page.locator("h1")).to_be_visible()
    # An entry with a warning: "Continue to the entry" and its blurred images' script.
    page.goto(f"{base}/en/archive/")
    page.locator("main a[href*='/en/archive/']").first.click()
    continue_link = page.get_by_role("link", name="Continue to the entry")
    if continue_link.count():
        continue_link.click()
    expect(page.locator("h1")).to_be_visible()
    page.goto(f"http://localhost:{demo_server}/en/")
    expect(page.locator("h1")).to_be_visible()
    reported = page.violations()
    assert not reported, "\n".join(reported)


def test_the_page_editor_and_an_image_chooser_run_under_the_policy(
    watched, demo_server, e2e_database_url, screenshot
):
    page = watched
    log_in(page, demo_server, "corvale-editor")
    story = page_id(e2e_database_url, "Corvale", "storypage")
    page.goto(f"http://localhost:{demo_server}/admin/pages/{story}/edit/")
    expect(page.locator("#id_title")).to_be_visible()
    # Wagtail's JS ran: the StreamField is drawn by script (telepath), not by the server.
    expect(page.locator("[data-streamfield-stream-container]").first).to_be_attached()
    screenshot("csp-admin-page-edit")
    # The demo's story has a picture: its chooser's Actions menu offers to change it.
    chooser = page.locator(".chooser").first
    chooser.get_by_role("button", name="Actions").click()
    chooser.get_by_role("button", name="Change image").click()
    expect(page.locator(".modal-content").first).to_be_visible()
    expect(page.get_by_role("heading", name="Choose an image").first).to_be_visible()
    screenshot("csp-admin-image-chooser")
    page.keyboard.press("Escape")
    home = page_id(e2e_database_url, "Corvale", "chapterhomepage")
    page.goto(f"http://localhost:{demo_server}/admin/pages/{home}/edit/")
    expect(page.locator("#id_title")).to_be_visible()
    # A public page with Wagtail's user bar (shown to people with admin access).
    page.goto(f"http://localhost:{demo_server}/en/")
    expect(page.locator("wagtail-userbar")).to_be_attached()
    page.get_by_role("button", name="View Wagtail quick actions").click()
    reported = page.violations()
    assert not reported, "\n".join(reported)


def test_the_translation_editor_runs_under_the_policy(
    watched, demo_server, e2e_database_url, screenshot
):
    """wagtail-localize's React editor, on a new Arabic translation (no other test uses
    Kestrel Ridge in Arabic)."""
    page = watched
    log_in(page, demo_server, "admin")
    story = page_id(e2e_database_url, "Kestrel Ridge", "storypage")
    page.goto(f"http://localhost:{demo_server}/admin/localize/submit/page/{story}/")
    page.locator("label", has_text="العربية").locator("input").check()
    page.get_by_role("button", name="Submit", exact=True).click()
    expect(page.locator(".js-translation-editor > *").first).to_be_visible(timeout=30_000)
    screenshot("csp-admin-translation-editor")
    reported = page.violations()
    assert not reported, "\n".join(reported)
