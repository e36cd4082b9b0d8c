"""A visitor browses the demo network in a real browser."""

import pytest
from playwright.sync_api import expect

from chapters.demo import data
from tests.conftest import RIVERSIDE_HOST
from tests.e2e.conftest import SCREENSHOTS
from tests.e2e.page_types import NOT_FOUND, PAGE_TYPES

CHAPTERS = data.chapters()
STORIES, EVENTS, ARCHIVE = (data.by_hostname(k) for k in ("stories", "events", "archive"))

pytestmark = pytest.mark.e2e


def test_alliance_home_lists_chapters_that_lead_to_their_own_sites(page, demo_server, screenshot):
    page.goto(f"http://localhost:{demo_server}/")
    expect(page.locator("h1")).to_have_text("US Human Rights Cities Alliance")
    chapters = page.locator(".card-list .card")
    expect(chapters).to_have_count(len(CHAPTERS))
    screenshot("alliance-home")

    first = CHAPTERS[0]
    page.get_by_role("link", name=first["name"]).click()
    expect(page).to_have_url(f"http://{first['hostname']}:{demo_server}/")
    expect(page.locator("h1")).to_have_text(first["name"])


def test_chapter_home_shows_its_profile_and_adopted_principles(page, demo_server, screenshot):
    chapter = next(c for c in CHAPTERS if c["locality_type"] == "reservation")
    page.goto(f"http://{chapter['hostname']}:{demo_server}/en/")
    expect(page.locator("h1")).to_have_text(chapter["name"])
    expect(page.locator(".profile")).to_contain_text(chapter["region"])
    expect(page.get_by_role("heading", name="Principles we have adopted")).to_be_visible()
    screenshot("chapter-home")


def test_principles_page_and_keyboard_skip_link(page, demo_server, screenshot):
    page.goto(f"http://localhost:{demo_server}/en/principles/")
    expect(
        page.get_by_role("heading", name="Jemez Principles for Democratic Organizing")
    ).to_be_visible()
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    screenshot("principles")


def test_search_on_a_chapter_site_finds_its_own_pages_only(page, demo_server, screenshot):
    chapter = CHAPTERS[0]
    origin = f"http://{chapter['hostname']}:{demo_server}/"
    page.goto(f"{origin}en/")
    page.get_by_label("Search this site").first.fill("organizing")
    page.get_by_role("button", name="Search").first.click()
    expect(page.locator("[role=status]")).to_contain_text("for “organizing”")
    hrefs = page.locator(".search-results a").evaluate_all("els => els.map(e => e.href)")
    assert hrefs
    for href in hrefs:
        assert href.startswith(origin)
    screenshot("search")


def test_the_alliance_search_links_chapter_pages_on_their_own_sites(page, demo_server):
    page.goto(f"http://localhost:{demo_server}/en/search/?query=organizing")
    hrefs = page.locator(".search-results a").evaluate_all("els => els.map(e => e.href)")
    chapter_links = [href for href in hrefs if not href.startswith("http://localhost:")]
    assert chapter_links
    # The reader's port comes along, so the links work on the demo's :8000 too.
    assert all(f".localhost:{demo_server}/" in href for href in chapter_links)


# Phones: the narrowest in use (320 px) and a common one (390 px).
PHONE_WIDTHS = (390, 320)
TABS = 3  # pages load side by side in this many tabs of one browser context


def _serve(html: bytes):
    return lambda route: route.fulfill(status=404, body=html, content_type="text/html")


def _too_wide(tab, name: str, path: str) -> list[str]:
    """Where the loaded page is wider than the window, at each phone width."""
    found = []
    for width in PHONE_WIDTHS:
        tab.set_viewport_size({"width": width, "height": 800})  # lays the page out again
        scroll_width = tab.evaluate("document.documentElement.scrollWidth")
        if scroll_width > width:
            found.append(f"{name} ({path}) at {width} px is {scroll_width} px wide")
    return found


def test_no_page_type_scrolls_sideways_on_a_phone(
    context, page, demo_server, client, network, screenshot
):
    """Every page type, in both languages, is no wider than a phone's screen: a long
    option in a filter, a long word or a wide image stays inside the window."""
    # The demo server's 404 is Django's debug page: ours, as the test client renders it.
    for _name, path in NOT_FOUND:
        html = client.get(path, headers={"host": RIVERSIDE_HOST}).content
        context.route(f"http://{PUBLISHING}:{demo_server}{path}", _serve(html))
    pages = PAGE_TYPES + [(name, PUBLISHING, path) for name, path in NOT_FOUND]
    tabs = [page] + [context.new_page() for _ in range(TABS - 1)]
    too_wide = []
    for start in range(0, len(pages), TABS):
        batch = list(zip(tabs, pages[start : start + TABS], strict=False))
        for tab, (_name, host, path) in batch:
            tab.set_viewport_size({"width": PHONE_WIDTHS[0], "height": 800})
            tab.goto(f"http://{host}:{demo_server}{path}", wait_until="commit")
        for tab, (name, _host, path) in batch:
            tab.wait_for_load_state("load")
            too_wide += _too_wide(tab, name, path)
    page.goto(f"http://{PAGE_TYPES[0][1]}:{demo_server}/es/stories/")
    screenshot("network-stories-es-320")
    assert not too_wide, "\n".join(too_wide)


PUBLISHING = CHAPTERS[0]["hostname"]
ACCESSIBLE_EVENT = max(EVENTS[PUBLISHING], key=lambda e: len(e["accessibility"]))
WARNED_ENTRY = next(
    e for e in ARCHIVE[PUBLISHING] if e["content_warning"] and e["consent_status"] == "given"
)


@pytest.mark.parametrize(
    ("name", "path"),
    [
        ("stories", "/en/stories/"),
        ("story", f"/en/stories/{STORIES[PUBLISHING][0]['slug']}/"),
        ("events", "/en/events/"),
        ("event", f"/en/events/{ACCESSIBLE_EVENT['slug']}/"),
        ("archive", "/en/archive/"),
        ("archive-entry", f"/en/archive/{WARNED_ENTRY['slug']}/"),
    ],
)
def test_chapter_page_types(page, demo_server, screenshot, name, path):
    page.goto(f"http://{PUBLISHING}:{demo_server}{path}")
    expect(page.locator("h1")).to_be_visible()
    expect(page.locator("main")).not_to_contain_text("Pending")
    screenshot(f"chapter-{name}")


def test_archive_entry_warns_before_the_content(page, demo_server):
    page.goto(f"http://{PUBLISHING}:{demo_server}/en/archive/{WARNED_ENTRY['slug']}/")
    warning = page.get_by_role("region", name="Content warning")
    expect(warning).to_contain_text(WARNED_ENTRY["content_warning"])
    expect(warning).to_contain_text("988")
    # Nothing of the testimony is on the page until the reader chooses to go on.
    expect(page.get_by_role("heading", name="Transcript")).to_have_count(0)
    page.screenshot(path=str(SCREENSHOTS / "archive-content-warning.png"), full_page=True)
    page.get_by_role("link", name="Continue to the entry").click()
    short = page.get_by_role("complementary", name="Content warning")
    expect(short).to_contain_text(WARNED_ENTRY["content_warning"])
    transcript = page.get_by_role("heading", name="Transcript")
    expect(transcript).to_be_visible()
    assert short.bounding_box()["y"] < transcript.bounding_box()["y"]


def test_event_offers_a_calendar_file(page, demo_server):
    page.goto(f"http://{PUBLISHING}:{demo_server}/en/events/{ACCESSIBLE_EVENT['slug']}/")
    expect(page.get_by_role("heading", name="Access")).to_be_visible()
    with page.expect_download() as download:
        page.evaluate(
            "href => { const a = document.createElement('a'); a.href = href;"
            " a.download = 'event.ics'; document.body.appendChild(a); a.click(); }",
            page.get_by_role("link", name="Add to calendar").get_attribute("href"),
        )
    content = open(download.value.path(), encoding="utf-8").read()  # noqa: SIM115
    assert content.startswith("BEGIN:VCALENDAR")
    assert ACCESSIBLE_EVENT["title"] in content.replace("\r\n ", "")
