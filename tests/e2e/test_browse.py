"""A visitor browses the demo network in a real browser."""

import pytest
from playwright.sync_api import expect

from chapters.demo_content import CHAPTERS

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


def test_search_finds_a_page_of_this_site_only(page, demo_server, screenshot):
    page.goto(f"http://localhost:{demo_server}/en/")
    page.get_by_label("Search this site").first.fill("organizing")
    page.get_by_role("button", name="Search").first.click()
    expect(page.locator("[role=status]")).to_contain_text("for “organizing”")
    results = page.locator(".search-results a")
    for href in results.evaluate_all("els => els.map(e => e.href)"):
        assert href.startswith(f"http://localhost:{demo_server}/")
    screenshot("search")


def test_mobile_layout(page, demo_server, screenshot):
    page.set_viewport_size({"width": 390, "height": 844})
    chapter = CHAPTERS[1]
    page.goto(f"http://{chapter['hostname']}:{demo_server}/en/")
    expect(page.locator("h1")).to_be_visible()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, "the page scrolls sideways on a phone"
    screenshot("chapter-home-mobile")
