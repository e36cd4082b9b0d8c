"""A visitor finds chapters in the Alliance's directory, by filter and on the map."""

import pytest
from playwright.sync_api import expect

from chapters.demo import data

CHAPTERS = data.chapters()

pytestmark = pytest.mark.e2e


def test_directory_map_and_filters(page, demo_server, screenshot):
    page.goto(f"http://localhost:{demo_server}/en/chapters/")
    expect(page.locator("h1")).to_have_text("Chapters")
    expect(page.locator(".directory-list .card")).to_have_count(len(CHAPTERS))
    svg = page.locator("svg.chapter-map__svg")
    expect(svg).to_be_visible()
    expect(svg.locator("a.chapter-map__tile")).to_have_count(len({c["state"] for c in CHAPTERS}))
    screenshot("directory-map")

    ohio = svg.locator('a[data-state="OH"]')
    expect(ohio).to_have_attribute("href", "?state=OH")
    ohio.click()
    expect(page).to_have_url(f"http://localhost:{demo_server}/en/chapters/?state=OH")
    ohio_chapters = [c for c in CHAPTERS if c["state"] == "OH"]
    expect(page.locator(".directory-list .card")).to_have_count(len(ohio_chapters))
    expect(page.locator(".directory-list")).to_contain_text(ohio_chapters[0]["name"])

    page.goto(f"http://localhost:{demo_server}/en/chapters/")
    page.get_by_label("Kind of place").select_option("reservation")
    page.get_by_role("button", name="Show chapters").click()
    tribal = [c for c in CHAPTERS if c["locality_type"] == "reservation"]
    expect(page.locator(".directory-list .card")).to_have_count(len(tribal))
    expect(page.locator(".directory-list")).to_contain_text(tribal[0]["name"])
    expect(svg.locator("a.chapter-map__tile")).to_have_count(len({c["state"] for c in tribal}))
    screenshot("directory")

    page.get_by_role("link", name=tribal[0]["name"]).click()
    expect(page).to_have_url(f"http://{tribal[0]['hostname']}:{demo_server}/")
