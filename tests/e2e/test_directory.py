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
    svg = page.locator("svg.outline-map")
    expect(svg).to_be_visible()
    states = len({c["state"] for c in CHAPTERS})
    expect(svg.locator("a.outline-map__state")).to_have_count(states)
    # A dot for each located chapter, linking to its site.
    expect(svg.locator("a.outline-map__point")).to_have_count(len(CHAPTERS))
    # The grid of equal squares, folded below: the same states, easier to choose.
    grid = page.locator("svg.chapter-map__svg")
    expect(grid).to_be_hidden()
    page.get_by_text("The states as a grid of equal squares").click()
    expect(grid).to_be_visible()
    expect(grid.locator("a.chapter-map__tile")).to_have_count(states)
    screenshot("directory-map")

    ohio = svg.locator('a[data-state="OH"]')
    expect(ohio).to_have_attribute("href", "?state=OH")
    ohio.focus()  # by keyboard: a chapter's dot lies on Ohio's middle
    page.keyboard.press("Enter")
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
    expect(svg.locator("a.outline-map__state")).to_have_count(len({c["state"] for c in tribal}))
    screenshot("directory")

    page.locator(".directory-list").get_by_role("link", name=tribal[0]["name"]).click()
    expect(page).to_have_url(f"http://{tribal[0]['hostname']}:{demo_server}/")
