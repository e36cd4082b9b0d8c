"""A visitor searches the whole network from the Alliance site."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

# A word from the body of a demo chapter story ("Sixty wells tested...").
WORD = "wells"


def test_alliance_search_finds_chapter_stories_with_facets(page, demo_server, screenshot):
    page.goto(f"http://localhost:{demo_server}/en/search/?query={WORD}")
    expect(page.locator("[role=status]")).to_contain_text(f"for “{WORD}”")
    expect(page.locator(".search-results li").first).to_be_visible()
    expect(page.locator(".search-snippet mark").first).to_be_visible()
    expect(page.locator(".search-facet[data-facet=chapter] li").first).to_be_visible()
    expect(page.locator(".search-facet[data-facet=type]")).to_be_visible()
    screenshot("search-results")
