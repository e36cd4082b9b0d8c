"""An editor tags a story with a principle: the picker groups the principles by set and
narrows them as the editor types, keeping what is ticked."""

from playwright.sync_api import expect

from tests.e2e.conftest import log_in
from tests.e2e.test_csp import page_id


def test_the_principle_picker_filters_as_the_editor_types(
    page, demo_server, e2e_database_url, screenshot
):
    log_in(page, demo_server, "corvale-editor")
    story = page_id(e2e_database_url, "Corvale", "storypage")
    page.goto(f"http://localhost:{demo_server}/admin/pages/{story}/edit/")
    page.get_by_role("tab", name="Rights and principles").click()
    find = page.get_by_label("Find a principle")
    inclusive = page.get_by_role("checkbox", name="Be inclusive")
    bottom_up = page.get_by_role("checkbox", name="Emphasis on bottom-up organizing")
    expect(bottom_up).to_be_visible()
    bottom_up.check()
    find.fill("INCLUSIVE")
    expect(inclusive).to_be_visible()
    expect(bottom_up).to_be_visible()  # ticked: it stays in sight
    bottom_up.uncheck()
    find.fill("inclusive ")
    expect(bottom_up).to_be_hidden()
    screenshot("principle-picker-filtered")
    find.fill("no such words")
    expect(page.get_by_text("No principle has these words")).to_be_visible()
    find.fill("")
    expect(bottom_up).to_be_visible()
