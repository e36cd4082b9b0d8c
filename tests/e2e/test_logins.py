"""A moderator's first log-in in a real browser: the password, then setting up an
authenticator app (QR code drawn by the server, a code computed from the key shown),
recovery codes, and the admin; a later session asks for a code again."""

import re
from base64 import b32decode

import pytest
from django_otp.oath import TOTP
from playwright.sync_api import expect

from chapters.demo.people import DEMO_PASSWORD

pytestmark = pytest.mark.e2e


def sign_in(page, port, username):
    page.goto(f"http://localhost:{port}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_a_moderators_first_log_in_sets_up_two_step_verification(
    page, browser, demo_server, screenshot
):
    sign_in(page, demo_server, "quillan-county-moderator")
    expect(page).to_have_url(
        f"http://localhost:{demo_server}/admin/two-step/set-up/?next=%2Fadmin%2F"
    )
    expect(page.get_by_text("Your role needs two-step verification")).to_be_visible()
    qr = page.get_by_alt_text("QR code for your authenticator app")
    expect(qr).to_be_visible()
    assert qr.evaluate("image => image.decode().then(() => image.naturalWidth)") > 0
    screenshot("two-step-set-up")
    # Nothing else of the admin opens yet.
    page.goto(f"http://localhost:{demo_server}/admin/pages/")
    expect(page).to_have_url(
        f"http://localhost:{demo_server}/admin/two-step/set-up/?next=%2Fadmin%2Fpages%2F"
    )

    key = b32decode(page.locator(".two-step-secret").inner_text().replace(" ", ""))
    page.fill("#id_code", f"{TOTP(key).token():06d}")
    page.get_by_role("button", name="Turn on").click()
    expect(page.get_by_text("Two-step verification is on")).to_be_visible()
    expect(page.locator(".two-step-codes code")).to_have_count(10)
    codes = page.locator(".two-step-codes code").all_inner_texts()
    screenshot("two-step-recovery-codes")
    page.get_by_role("link", name="I have saved them, continue").click()
    # Where they were headed: the page explorer (which opens at their chapter's pages).
    expect(page).to_have_url(re.compile(rf"^http://localhost:{demo_server}/admin/pages/"))

    # Another browser with the password alone is asked for a code.
    other = browser.new_context().new_page()
    sign_in(other, demo_server, "quillan-county-moderator")
    expect(other).to_have_url(
        f"http://localhost:{demo_server}/admin/two-step/verify/?next=%2Fadmin%2F"
    )
    other.fill("#id_code", codes[0])
    other.get_by_role("button", name="Verify").click()
    expect(other).to_have_url(f"http://localhost:{demo_server}/admin/")
    expect(other.get_by_text("You used a recovery code; 9 are left.")).to_be_visible()
    other.context.close()
