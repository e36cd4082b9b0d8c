"""A reader on a phone opens the site's menu, joins a chapter, confirms from the message
in their inbox, and the chapter's moderator finds them in the admin's People list; they
leave in one click."""

import re

from playwright.sync_api import expect

from chapters.demo import data
from tests.e2e.conftest import log_in

CHAPTER = data.chapters()[0]
HOST = CHAPTER["hostname"]
NAME = "Rosalind Phone-Joiner"
EMAIL = "rosalind.joins@example.org"


def newest_link(inbox, kind: str) -> str:
    messages = sorted(inbox.glob("*.log"), key=lambda path: path.stat().st_mtime)
    assert messages, "no message was sent"
    text = messages[-1].read_text()
    assert EMAIL in text
    return re.search(rf"https?://\S+/get-involved/{kind}/[\w-]+/", text).group(0)


def test_a_reader_joins_on_a_phone_and_the_moderator_sees_them(
    page, demo_server, demo_inbox, screenshot
):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"http://{HOST}:{demo_server}/en/")
    # On a phone the header is one bar; its Menu button opens the navigation.
    assert page.locator(".site-header").bounding_box()["height"] < 120
    menu = page.get_by_role("button", name="Menu")
    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(page.get_by_role("link", name="Stories", exact=True).first).to_be_hidden()
    menu.click()
    expect(menu).to_have_attribute("aria-expanded", "true")
    expect(page.get_by_role("link", name="Stories", exact=True).first).to_be_visible()
    page.keyboard.press("Escape")
    expect(menu).to_have_attribute("aria-expanded", "false")
    page.get_by_role("link", name="Join the chapter").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Get involved")
    page.get_by_label("Your name").fill(NAME)
    page.get_by_label("Your email address").fill(EMAIL)
    page.get_by_label("Español").check()
    page.get_by_label("Translate or interpret").check()
    page.wait_for_timeout(3100)  # people take longer than the form's minimum
    page.get_by_role("button", name="Join").click()
    # Without consent nothing is kept, and what was typed stays.
    expect(page.get_by_role("alert")).to_contain_text("Please agree to be contacted")
    expect(page.get_by_label("Your name")).to_have_value(NAME)
    screenshot("get-involved-error-phone")
    page.get_by_label(re.compile("^I agree that")).check()
    page.get_by_role("button", name="Join").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your email")

    page.goto(newest_link(demo_inbox, "confirm"))
    page.get_by_role("button", name="Yes, I want to join").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Welcome")
    screenshot("get-involved-welcome-phone")

    page.set_viewport_size({"width": 1366, "height": 900})
    log_in(page, demo_server, f"{HOST.split('.')[0]}-moderator")
    page.get_by_role("link", name="People", exact=True).click()
    expect(page.get_by_role("table")).to_contain_text(NAME)
    # The export, with the moderator's session (the listing's "Download CSV").
    export = page.request.get(f"http://localhost:{demo_server}/admin/people/?export=csv")
    assert export.ok and EMAIL in export.text()
    screenshot("people-admin")

    page.goto(newest_link(demo_inbox, "leave"))
    page.get_by_role("button", name="Delete my details").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("You have left")
    page.goto(f"http://localhost:{demo_server}/admin/people/")
    expect(page.get_by_text(NAME)).to_have_count(0)
