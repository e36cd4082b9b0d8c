"""The archive's consent in a real browser, on the demo network: a moderator
withdraws consent for a published testimony and it is gone from every public
route at once, with an audit entry; a private image answers 404 to the public;
a member logs in and sees what was shared with members; a person shares a story."""

import json
import re
import urllib.error
import urllib.request

import pytest
from playwright.sync_api import expect

from chapters.demo import data
from chapters.demo.people import DEMO_PASSWORD
from tests.e2e.conftest import log_in

CHAPTERS = data.chapters()

pytestmark = pytest.mark.e2e

HOST = CHAPTERS[0]["hostname"]
SLUG = "council-resolution-2019"
TITLE = "City council human rights city resolution, 2019"
ROUTES = [
    "/en/archive/",
    "/en/archive/?kind=document",
    "/en/",
    "/en/search/?query=resolution",
    "/en/archive/feed/",
    "/sitemap.xml",
    "/api/v2/pages/?type=chapters.ArchiveEntryPage&limit=20",
]


class Visitor:
    """An anonymous visitor's plain HTTP requests to the chapter's site."""

    def __init__(self, port):
        self.port = port

    def get(self, path) -> tuple[int, str]:
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.port}{path}", headers={"Host": f"{HOST}:{self.port}"}
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
                return response.status, response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8", "replace")


def shows_entry(text: str) -> bool:
    return TITLE in text or f"/archive/{SLUG}/" in text


def test_withdrawing_consent_takes_a_testimony_down_everywhere(page, demo_server, screenshot):
    public = Visitor(demo_server)
    assert public.get(f"/en/archive/{SLUG}/")[0] == 200
    for path in ROUTES:
        assert shows_entry(public.get(path)[1]), path
    api = json.loads(public.get(f"/api/v2/pages/?type=chapters.ArchiveEntryPage&slug={SLUG}")[1])
    entry_id = api["items"][0]["id"]

    log_in(page, demo_server, f"{HOST.split('.')[0]}-moderator")
    page.goto(f"http://localhost:{demo_server}/admin/pages/{entry_id}/edit/")
    page.get_by_role("tab", name="Consent").click()
    expect(page.get_by_text("Given", exact=True)).to_be_visible()
    screenshot("admin-consent-tab")
    page.get_by_role("link", name="Withdraw consent").click()
    page.get_by_label("Reason").fill("The narrator's family asked by phone on Monday.")
    screenshot("admin-withdraw-consent")
    page.get_by_role("button", name="Withdraw consent").click()
    expect(page.get_by_text("Consent withdrawn.")).to_be_visible()
    screenshot("admin-consent-withdrawn")

    assert public.get(f"/en/archive/{SLUG}/")[0] == 404
    for path in ROUTES:
        assert not shows_entry(public.get(path)[1]), path

    page.goto(f"http://localhost:{demo_server}/admin/chapters/")
    page.get_by_role("link", name=re.compile("History")).first.click()
    expect(page.get_by_text("Consent withdrawn").first).to_be_visible()
    screenshot("admin-chapter-history-withdrawal")


def test_a_private_image_is_not_served_to_the_public(page, demo_server):
    site = f"http://{HOST}:{demo_server}"
    public = Visitor(demo_server)
    api = public.get("/api/v2/pages/?type=chapters.ArchiveEntryPage&limit=20")[1]
    assert "kitchen-table-interview" not in api
    # The members-only interview's photo: its address is the one a member's page shows.
    member = page.context.browser.new_context()
    try:
        reader = member.new_page()
        reader.goto(f"{site}/en/archive/kitchen-table-interview/")
        expect(reader.get_by_role("heading", name="Members log in")).to_be_visible()
        reader.get_by_label("Username").fill("corvale-member")
        reader.get_by_label("Password").fill(DEMO_PASSWORD)
        reader.get_by_role("button", name="Log in").click()
        expect(reader.get_by_role("heading", level=1)).to_contain_text("Kitchen table interview")
        reader.get_by_role("link", name="Continue to the entry").click()
        expect(reader.get_by_text("Shared with the chapter's members only.")).to_be_visible()
        image = reader.locator("img.archive-image")
        image.scroll_into_view_if_needed()
        reader.wait_for_function(
            "() => { const img = document.querySelector('img.archive-image');"
            " return img.complete && img.naturalWidth > 0; }"
        )
        reader.screenshot(path=str(_shot("archive-members-only-blurred")), full_page=True)
        # The script turns "Show images" into a toggle; the blur note goes with the blur.
        note = reader.get_by_text("The images in this entry are blurred.")
        expect(note).to_be_visible()
        toggle = reader.get_by_role("button", name="Show images")
        toggle.click()
        expect(toggle).to_have_attribute("aria-pressed", "true")
        expect(reader.locator("#entry-body")).not_to_have_class(re.compile("images-blurred"))
        expect(note).to_be_hidden()
        toggle.click()
        expect(note).to_be_visible()
        src = image.get_attribute("src")
        loaded = reader.evaluate("src => fetch(src).then(response => response.status)", src)
        assert loaded == 200
    finally:
        member.close()
    # The same address, asked by the public.
    assert public.get(src)[0] == 404


def test_a_person_shares_a_story_then_withdraws_it(page, demo_server, screenshot):
    site = f"http://{HOST}:{demo_server}"
    page.goto(f"{site}/en/archive/")
    page.get_by_role("link", name="Share your story").click()
    screenshot("share-your-story")
    page.get_by_label("Title of your story").fill("The bus that stopped coming")
    page.get_by_role("textbox", name="Your story", exact=True).fill(
        "When the route was cut, I lost my job."
    )
    page.get_by_label("When it happened").fill("2023")
    page.get_by_label("How you want to be named").fill("L.")
    page.get_by_label("Your real name (optional, private)").fill("Lorena Realname")
    page.get_by_label("Only the chapter's members, who log in to read it").check()
    page.get_by_label(re.compile("^I understand that the chapter")).check()
    page.wait_for_timeout(3100)  # people take longer than the form's minimum
    page.get_by_role("button", name="Send my story").click()
    reference = page.locator(".story-reference__code code")
    expect(reference).to_be_visible()
    screenshot("share-your-story-thanks")
    code = reference.inner_text()

    page.get_by_role("link", name="Withdraw my story").click()
    page.get_by_label("Your reference").fill(code)
    page.get_by_role("button", name=re.compile("Withdraw")).click()
    expect(page.get_by_role("status")).to_contain_text("the story is withdrawn now")
    screenshot("withdraw-my-story-done")
    # The chapter's moderators see it withdrawn, with the narrator's reason.
    log_in(page, demo_server, "corvale-moderator")
    # Drafts are not in the search index (it holds only public entries): browse to it.
    api = Visitor(demo_server).get("/api/v2/pages/?type=chapters.ArchiveIndexPage&locale=en")
    archive_id = json.loads(api[1])["items"][0]["id"]
    page.goto(f"http://localhost:{demo_server}/admin/pages/{archive_id}/")
    page.get_by_role("link", name="The bus that stopped coming").first.click()
    page.get_by_role("tab", name="Consent").click()
    expect(page.get_by_text(re.compile(r"^Withdrawn, \d"))).to_be_visible()


def _shot(name):
    from tests.e2e.conftest import SCREENSHOTS

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS / f"{name}.png"
