"""The whole translation loop as an Alliance editor, through the admin's own menus:
add a Jemez principle, find Translate on it, translate it to Spanish in
wagtail-localize's editor, publish, read it from a Spanish chapter page; edit the
English, see the Spanish out of date, sync, translate the new sentence, read it again.

The principle is new, so whatever translating it does to its set's Spanish (see
issue 18, item 2), the test reads only the principle's own words."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import log_in

pytestmark = pytest.mark.e2e

TITLE = "Walk at the pace of the slowest"
STATEMENT = "We walk together, so that no one is left behind."
NEW_STATEMENT = "We walk together and wait for whoever falls behind."
SPANISH = ("Caminar al paso del más lento", "Caminamos juntos, para que nadie se quede atrás.")
NEW_SPANISH = "Caminamos juntos y esperamos a quien se queda atrás."


def fill_strings(page, texts):
    """In wagtail-localize's editor: each untranslated string's Translate, then Save."""
    for text in texts:
        page.get_by_role("button", name="Translate", exact=True).first.click()
        page.locator("textarea").first.fill(text)
        page.get_by_role("button", name="Save", exact=True).first.click()
        expect(page.get_by_text(text).first).to_be_visible()
    page.get_by_role("button", name="Publish in Español").click()
    expect(page.get_by_text("in Español.").first).to_be_visible()


def add_principle(page):
    """A new Jemez principle, from the Shared content menu."""
    page.get_by_role("button", name="Shared content").click()
    page.get_by_role("link", name="Principles", exact=True).click()
    page.get_by_role("link", name="Add principle").click()
    page.get_by_role("button", name="Choose principle set").click()
    page.get_by_role("link", name=re.compile("^Jemez Principles")).first.click()
    page.fill("#id_sort_order", "99")
    page.fill("#id_title", TITLE)
    page.fill("#id_statement", STATEMENT)
    page.get_by_role("button", name="Save").click()


def read_in_spanish(page, home):
    """The chapter home sums up its adopted Jemez set; its full text is one link away."""
    page.goto(home)
    adopted = page.get_by_role("region", name="Principios que hemos adoptado")
    adopted.get_by_role("listitem").filter(has_text="Jemez").get_by_role(
        "link", name="Leer el texto completo"
    ).click()


def open_action_menu(page):
    page.locator("footer .w-dropdown__toggle, .actions .w-dropdown__toggle").first.click()


def test_alliance_editor_translates_and_syncs_a_principle(page, demo_server, screenshot):
    admin = f"http://localhost:{demo_server}/admin"
    spanish_home = f"http://tillory-valley.localhost:{demo_server}/es/"
    log_in(page, demo_server, "alliance-editor")

    add_principle(page)

    # Its row in the listing: Spanish missing, and Translate in the row's menu.
    row = page.get_by_role("row").filter(has_text=TITLE)
    expect(row).to_contain_text("Español: missing")
    row.get_by_role("button", name=re.compile("More options")).click()
    row.get_by_role("link", name=f"Translate '{TITLE}'").click()
    page.get_by_label("Español").check()
    page.get_by_role("button", name="Submit").click()
    fill_strings(page, SPANISH)
    screenshot("translation-loop-editor")

    read_in_spanish(page, spanish_home)
    expect(page.get_by_text(SPANISH[1])).to_be_visible()

    # The English changes: the Spanish is out of date, in the listing and the edit menu.
    page.goto(f"{admin}/snippets/home/principle/?locale=en")
    page.get_by_role("link", name=TITLE, exact=True).click()
    page.fill("#id_statement", NEW_STATEMENT)
    page.get_by_role("button", name="Save").click()
    page.goto(f"{admin}/snippets/home/principle/?locale=en")
    expect(page.get_by_role("row").filter(has_text=TITLE)).to_contain_text("Español: out of date")
    page.get_by_role("link", name=TITLE, exact=True).click()
    open_action_menu(page)
    expect(page.get_by_role("link", name="Español: out of date")).to_be_visible()
    screenshot("translation-loop-out-of-date")

    # Sync, publishing: the new English reaches the Spanish page until it is translated.
    page.get_by_role("link", name="Sync translated snippets").click()
    page.get_by_label("Publish immediately").check()
    page.get_by_role("button", name="Submit").click()
    read_in_spanish(page, spanish_home)
    expect(page.get_by_text(NEW_STATEMENT)).to_be_visible()

    # Reports > Translation state names it; the translator finishes it from there.
    page.goto(f"{admin}/")
    page.get_by_role("button", name="Reports").click()
    page.get_by_role("link", name="Translation state").click()
    page.get_by_role("link", name="Español", exact=True).click()
    page.get_by_role("link", name=TITLE).click()
    fill_strings(page, [NEW_SPANISH])
    read_in_spanish(page, spanish_home)
    expect(page.get_by_text(NEW_SPANISH)).to_be_visible()
    expect(page.get_by_text(SPANISH[0]).first).to_be_visible()

    page.goto(f"{admin}/snippets/home/principle/?locale=en")
    expect(page.get_by_role("row").filter(has_text=TITLE)).to_contain_text("Español: up to date")
    screenshot("translation-loop-up-to-date")
