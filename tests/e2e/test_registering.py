"""A reader on a phone registers for an event, with an access need, and gets the
confirmation with the .ics and, from the hourly reminder job, the reminder; the
chapter's editor sees the count on the dashboard and the person in Registrations;
the reader cancels from the link. The Spanish form is read too; both pass axe."""

import re

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from chapters.demo import data
from tests.e2e.conftest import log_in
from tests.e2e.test_accessibility import WCAG_AA

CORVALE = next(c for c in data.chapters() if c["hostname"].startswith("corvale"))
TILLORY = next(c for c in data.chapters() if c["hostname"].startswith("tillory"))
NAME = "Marisol Phone-Registrant"
EMAIL = "marisol.registers@example.org"


def messages_to(inbox, email: str) -> list[str]:
    found = sorted(inbox.glob("*.log"), key=lambda path: path.stat().st_mtime)
    return [text for path in found if email in (text := path.read_text())]


def assert_accessible(page):
    results = Axe().run(page, options=WCAG_AA)
    assert results.violations_count == 0, results.generate_report()


def test_a_reader_registers_is_reminded_and_cancels(
    page, demo_server, demo_inbox, demo_command, screenshot
):
    host = CORVALE["hostname"]
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"http://{host}:{demo_server}/en/events/study-circle-people-centered/")
    page.get_by_role("link", name="Register", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Register:")
    expect(page.get_by_text("12 places left.")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Your name").fill(NAME)
    page.get_by_label("Your email address").fill("not-an-address")
    page.get_by_label("ASL interpretation").check()
    page.get_by_label(re.compile("Anything else the organizers")).fill("A seat near the front.")
    page.wait_for_timeout(3100)  # people take longer than the form's minimum
    page.get_by_role("button", name="Register").click()
    # A mistake keeps everything typed and says what is wrong.
    expect(page.get_by_role("alert")).to_contain_text("Enter a valid email address")
    expect(page.get_by_label("ASL interpretation")).to_be_checked()
    screenshot("register-error-phone")
    page.get_by_label("Your email address").fill(EMAIL)
    page.get_by_role("button", name="Register").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your email")
    screenshot("register-thanks-phone")

    [confirmation] = messages_to(demo_inbox, EMAIL)
    assert "You are registered: Study circle" in confirmation
    assert "text/calendar" in confirmation and "BEGIN:VEVENT" in confirmation
    # The hourly reminder job (here for the week ahead: the demo's event is days away).
    assert "Sent 1 reminder(s)." in demo_command("send_event_reminders", "--hours", "240")
    reminder = messages_to(demo_inbox, EMAIL)[-1]
    assert "Tomorrow: Study circle" in reminder

    page.set_viewport_size({"width": 1366, "height": 900})
    log_in(page, demo_server, "corvale-editor")
    expect(page.get_by_text("1 registered of 12 places")).to_be_visible()
    page.get_by_role("link", name=re.compile("^Study circle")).first.click()
    table = page.get_by_role("table")
    expect(table).to_contain_text(NAME)
    expect(table).to_contain_text("ASL interpretation")
    screenshot("registrations-admin")

    cancel = re.search(r"https?://\S+/event-registration/cancel/[\w-]+/", confirmation)[0]
    page.goto(cancel)
    page.get_by_role("button", name="Cancel my registration").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your registration is cancelled")
    page.goto(f"http://localhost:{demo_server}/admin/registrations/")
    expect(page.get_by_text(NAME)).to_have_count(0)

    # The Spanish form of Tillory Valley's town hall, on a phone.
    page.set_viewport_size({"width": 390, "height": 844})
    spanish = TILLORY["hostname"]
    page.goto(f"http://{spanish}:{demo_server}/es/events/asamblea-vivienda-trabajadores-del-campo/")
    page.get_by_role("link", name="Inscribirse", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Inscribirse:")
    expect(page.get_by_label("Interpretación en lengua de señas americana (ASL)")).to_be_visible()
    assert_accessible(page)
    screenshot("register-form-es-phone")


def test_a_moderator_opens_registration_on_an_event(page, demo_server, screenshot):
    """In the page editor: a mistake in the Registration panel is explained and keeps
    the rest; once published, the event's page offers the form."""
    log_in(page, demo_server, "corvale-moderator")
    page.goto(f"http://localhost:{demo_server}/admin/pages/search/?q=affordability")
    page.get_by_role("link", name=re.compile("^Water affordability hearing")).first.click()
    page.get_by_role("tab", name="Access and details").click()
    page.get_by_role("checkbox", name="Take registrations here").check()
    page.get_by_role("spinbutton", name="Places").fill("0")
    page.get_by_role("textbox", name="Cost").fill("Free, with dinner")
    page.locator("footer .w-dropdown__toggle").first.click()
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_text("could not be", exact=False).first).to_be_visible()
    page.get_by_role("tab", name=re.compile("Access and details")).click()
    expect(page.get_by_text("Give at least one place")).to_be_visible()
    expect(page.get_by_role("textbox", name="Cost")).to_have_value("Free, with dinner")
    screenshot("event-registration-panel-error")
    page.get_by_role("spinbutton", name="Places").fill("40")
    page.locator("footer .w-dropdown__toggle").first.click()
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_text("published").first).to_be_visible()

    host = CORVALE["hostname"]
    page.goto(f"http://{host}:{demo_server}/en/events/water-affordability-hearing/")
    page.get_by_role("link", name="Register", exact=True).click()
    expect(page.get_by_text("40 places left.")).to_be_visible()
