"""Running the network from the admin in a real browser: a network admin onboards a
chapter whose site answers at once; a chapter editor sees only their chapter."""

import pytest
from playwright.sync_api import expect

from chapters.demo import data
from tests.e2e.conftest import log_in

CHAPTERS = data.chapters()

pytestmark = pytest.mark.e2e


def test_network_admin_onboards_a_chapter_that_answers_at_once(page, demo_server, screenshot):
    log_in(page, demo_server, "network-admin")
    page.goto(f"http://localhost:{demo_server}/admin/chapters/")
    page.get_by_role("link", name="Onboard a chapter").click()
    page.locator("#id_name").fill("Brightwater Human Rights City")
    page.locator("#id_hostname").fill("brightwater.localhost")
    page.locator("#id_region").fill("Minnesota")
    page.locator("input[name=languages][value=es]").check()
    page.locator("#id_time_zone").select_option("America/Chicago")
    screenshot("admin-onboard-chapter")
    page.get_by_role("button", name="Onboard chapter").click()
    expect(page.get_by_text("is onboarded")).to_be_visible()
    expect(page.get_by_role("cell", name="brightwater.localhost")).to_be_visible()
    screenshot("admin-chapters")

    page.goto(f"http://brightwater.localhost:{demo_server}/")
    expect(page.locator("h1")).to_have_text("Brightwater Human Rights City")

    # Leave the demo as it was for the other browser tests: delete it, typing its name.
    page.goto(f"http://localhost:{demo_server}/admin/chapters/")
    page.get_by_role("link", name="Delete Brightwater Human Rights City").click()
    page.locator("#id_confirm_name").fill("Brightwater Human Rights City")
    page.get_by_role("button", name="Delete Brightwater Human Rights City").click()
    expect(page.get_by_text("Its export was written to")).to_be_visible()


def test_chapter_editor_sees_only_their_chapter(page, demo_server, screenshot):
    mine = CHAPTERS[0]
    others = [chapter["name"] for chapter in CHAPTERS[1:]]
    log_in(page, demo_server, f"{mine['hostname'].split('.')[0]}-editor")
    page.goto(f"http://localhost:{demo_server}/admin/pages/")
    expect(page.get_by_role("link", name=mine["name"]).first).to_be_visible()
    screenshot("admin-chapter-editor-explorer")
    html = page.content()
    assert not [name for name in others if name in html]
