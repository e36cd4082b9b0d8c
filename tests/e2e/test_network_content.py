"""A visitor reads every chapter's stories and events on the Alliance site."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e


def chapters_shown(page) -> set[str]:
    return {
        text.strip()
        for text in page.locator(".card .meta").all_inner_texts()
        if text.startswith("From ")
    }


def test_network_events_list_events_of_several_chapters(page, demo_server, screenshot):
    page.goto(f"http://localhost:{demo_server}/en/events/")
    expect(page.locator(".card").first).to_be_visible()
    assert len(chapters_shown(page)) > 1
    expect(
        page.get_by_role("link", name="Subscribe to every chapter's events (iCalendar)")
    ).to_be_visible()
    screenshot("network-events")


def test_network_stories_list_stories_of_several_chapters(page, demo_server, screenshot):
    page.goto(f"http://localhost:{demo_server}/en/stories/")
    expect(page.locator(".card").first).to_be_visible()
    assert len({t.split(" · ")[0] for t in chapters_shown(page)}) > 1
    screenshot("network-stories")
