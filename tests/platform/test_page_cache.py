"""The page cache: anonymous readers get stored pages; a change shows in the next request.

Every request goes through the test client with a Host header, as a reader's
browser sends it. The page cache is this worker's memory (tests/conftest.py
empties it before each test); a stored page is answered without one query.
"""

import datetime
import re
import shutil
import socket
import subprocess
import time

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from chapters.archive.consent import withdraw_consent
from chapters.models import ChapterSettings, NetworkStoriesPage, StoryIndexPage
from home.models import Principle
from home.pagecache.store import forget_local
from tests.admin_forms import form_data
from tests.conftest import ALLIANCE_HOST, HILLTOP_HOST, RIVERSIDE_HOST
from tests.pages import add_entry, add_event, add_story, publish, section, translate

pytestmark = pytest.mark.django_db


def get(client, path, host=RIVERSIDE_HOST, **headers):
    return client.get(path, headers={"host": host, **headers})


def hit(client, path, host=RIVERSIDE_HOST):
    """Ask twice: the second answer comes from the cache, with no query at all."""
    first = get(client, path, host)
    assert first.status_code == 200, path
    with CaptureQueriesContext(connection) as queries:
        second = get(client, path, host)
    assert second["X-Page-Cache"] == "hit", path
    assert len(queries) == 0, [q["sql"] for q in queries]
    assert second.content == first.content
    return second


def test_a_second_anonymous_request_is_answered_from_the_cache(client, network):
    story = add_story(network.riverside, "Water shutoffs")
    first = get(client, story.url)
    assert first["X-Page-Cache"] == "miss"
    # Browsers ask again each time (no one can purge them); shared caches keep it.
    assert first["Cache-Control"] == "public, max-age=0, s-maxage=300"
    second = hit(client, story.url)
    assert "Water shutoffs" in second.text
    # Its own request id, the security headers and the policy, as the first had.
    assert second["X-Request-ID"] != first["X-Request-ID"]
    for header in ("Content-Security-Policy", "Permissions-Policy", "X-Frame-Options"):
        assert second[header] == first[header], header
    assert second["Referrer-Policy"] == "same-origin"


def test_keys_differ_by_site_language_and_query_string(client, network):
    index = section(network.riverside, StoryIndexPage).url
    hit(client, "/en/", RIVERSIDE_HOST)
    translate(network.riverside, title="Ribera")
    for path, host in [
        ("/en/", HILLTOP_HOST),
        ("/en/", ALLIANCE_HOST),
        ("/es/", RIVERSIDE_HOST),
        (index, RIVERSIDE_HOST),
        (f"{index}?page=2", RIVERSIDE_HOST),
    ]:
        assert get(client, path, host)["X-Page-Cache"] == "miss", (host, path)
    assert "Ribera" in get(client, "/es/", RIVERSIDE_HOST).text
    assert "Hilltop" in get(client, "/en/", HILLTOP_HOST).text
    assert "Ribera" not in get(client, "/en/", RIVERSIDE_HOST).text


def network_stories(network):
    return publish(network.alliance, NetworkStoriesPage(title="Stories", slug="stories"))


def edit_story(story):
    story.title = "Water shutoffs ended"
    story.save_revision().publish()


@pytest.mark.parametrize(
    "change, gone",
    [
        (edit_story, False),
        (lambda story: story.unpublish(), True),
        (lambda story: story.delete(), True),
    ],
    ids=["publish", "unpublish", "delete"],
)
def test_a_page_change_shows_on_its_site_and_the_alliance_at_once(client, network, change, gone):
    story = add_story(network.riverside, "Water shutoffs")
    stories = network_stories(network)
    url = story.url
    hit(client, url)
    hit(client, "/en/")
    hit(client, stories.url, ALLIANCE_HOST)
    change(story)
    after = [get(client, url), get(client, "/en/"), get(client, stories.url, ALLIANCE_HOST)]
    assert after[0].status_code == (404 if gone else 200)
    for response in after[1:]:
        assert ("Water shutoffs ended" in response.text) is not gone
        assert ("Water shutoffs" in response.text) is not gone


def test_a_page_moved_to_another_chapter_leaves_both_sites_at_once(client, network):
    story = add_story(network.riverside, "Water shutoffs")
    url = story.url
    hit(client, url)
    hit(client, "/en/")
    hit(client, "/en/", HILLTOP_HOST)
    story.move(section(network.hilltop, StoryIndexPage), "last-child")
    assert get(client, url).status_code == 404
    assert "Water shutoffs" not in get(client, "/en/").text
    assert "Water shutoffs" in get(client, "/en/", HILLTOP_HOST).text


def test_a_shared_principle_edited_once_shows_on_every_chapter_at_once(client, network):
    hit(client, "/en/")
    principle = Principle.objects.get(title="Listen first")
    principle.title = "Listen first, always"
    principle.save()
    assert "Listen first, always" in get(client, "/en/").text


def test_chapter_settings_show_at_once(client, network):
    hit(client, "/en/")
    chapter_settings = ChapterSettings.for_site(network.site(RIVERSIDE_HOST))
    chapter_settings.accent_colour = "#8c1d40"
    chapter_settings.save()
    assert "--accent: #8c1d40" in get(client, "/en/").text


def test_a_site_change_shows_at_once(client, network):
    hit(client, "/en/", HILLTOP_HOST)
    site = network.site(RIVERSIDE_HOST)
    site.hostname = "ribera.localhost"
    site.save()
    try:
        # Hilltop's header links nothing of Riverside, but a site change empties every site.
        assert get(client, "/en/", HILLTOP_HOST)["X-Page-Cache"] == "miss"
        assert get(client, "/en/", "ribera.localhost").status_code == 200
    finally:  # Wagtail's site paths live in the cache, which outlives the rollback
        site.hostname = RIVERSIDE_HOST
        site.save()


def test_a_withdrawn_entry_is_gone_in_the_next_request(client, network):
    entry = add_entry(network.riverside, "Bridge street testimony")
    hit(client, entry.url)
    hit(client, "/en/archive/")
    withdraw_consent(entry.consent, "The narrator called the office.")
    assert get(client, entry.url).status_code == 404
    assert "Bridge street testimony" not in get(client, "/en/archive/").text


def test_a_consent_change_shows_at_once(client, network):
    entry = add_entry(network.riverside, "Bridge street testimony")
    hit(client, entry.url)
    record = entry.consent
    record.scope = "members"
    record.save()
    assert get(client, entry.url).status_code != 200


def test_a_published_translation_shows_at_once(client, network):
    story = add_story(network.riverside, "Water shutoffs")
    translate(network.riverside, title="Ribera")
    spanish = "/es/" + story.get_url_parts()[2].split("/", 2)[2]
    hit(client, spanish)  # the English story, with a notice in Spanish
    translate(story, title="Cortes de agua")
    response = get(client, spanish)
    assert "Cortes de agua" in response.text


def test_an_editor_publishing_in_the_admin_shows_at_once(login, network):
    reader = Client()
    story = add_story(network.riverside, "Water shutoffs")
    hit(reader, story.url)
    editor = login("riverside-moderator")
    url = reverse("wagtailadmin_pages:edit", args=[story.pk])
    page = editor.get(url, headers={"host": ALLIANCE_HOST}).content.decode()
    changes = {"body-count": "0", "action-publish": "action-publish"}
    data = form_data(page, title="Water shutoffs ended", **changes)
    response = editor.post(url, data, headers={"host": ALLIANCE_HOST})
    assert response.status_code == 302, response.content.decode()[:1000]
    assert "Water shutoffs ended" in get(reader, story.url).text


# --- Never stored ------------------------------------------------------------------


def assert_not_stored(client, path, host=RIVERSIDE_HOST, **headers):
    for _ in range(2):
        response = get(client, path, host, **headers)
        assert "X-Page-Cache" not in response, path
        assert "public" not in response.get("Cache-Control", ""), path
    return response


def test_nothing_is_stored_for_a_logged_in_reader(login, network):
    entry = add_entry(network.riverside, "For our members", consent_scope="members")
    member = login("riverside-member")
    shown = assert_not_stored(member, entry.url)
    assert "For our members" in shown.text
    assert_not_stored(member, "/en/")
    # The member's page never reaches a stranger, nor is the login page stored.
    stranger = Client()
    assert get(stranger, entry.url).status_code != 200
    assert_not_stored(stranger, entry.url)


def test_an_entry_under_a_content_warning_is_never_stored(client, network):
    entry = add_entry(network.riverside, "Eviction", content_warning="Speaks of violence.")
    assert_not_stored(client, entry.url)
    assert_not_stored(client, f"{entry.url}?continue=1")


@pytest.mark.parametrize(
    ("host", "path"),
    [
        (RIVERSIDE_HOST, "/en/share-your-story/"),
        (RIVERSIDE_HOST, "/en/get-involved/"),
        (RIVERSIDE_HOST, "/en/_util/login/"),
        (ALLIANCE_HOST, "/en/start-a-chapter/"),
    ],
)
def test_forms_with_a_csrf_token_and_cookies_are_never_stored(client, network, host, path):
    response = assert_not_stored(client, path, host)
    assert "csrfmiddlewaretoken" in response.text


def test_an_events_registration_form_is_never_stored_but_its_page_is(client, network):
    event = add_event(
        network.riverside,
        "Assembly",
        start_date=datetime.date.today() + datetime.timedelta(days=5),
        takes_registrations=True,
    )
    response = assert_not_stored(client, f"/en/event-registration/{event.pk}/")
    assert "csrfmiddlewaretoken" in response.text
    # The form set a CSRF cookie (no cache for that reader): a new reader reads the page.
    reader = Client()
    assert f"/en/event-registration/{event.pk}/" in hit(reader, event.url).text


def test_a_request_with_a_cookie_is_never_answered_from_the_cache(client, network):
    hit(client, "/en/")
    client.cookies["csrftoken"] = "a" * 32
    assert "X-Page-Cache" not in get(client, "/en/")


def test_an_unknown_host_on_the_default_site_and_404s_are_never_stored(client, network):
    assert_not_stored(client, "/en/", "elsewhere.localhost")
    assert get(client, "/en/no-such-page/").status_code == 404
    assert_not_stored(client, "/en/no-such-page/")


def test_the_page_cache_can_be_switched_off(client, network, settings):
    settings.PAGE_CACHE_TIMEOUT = 0
    first, second = get(client, "/en/"), get(client, "/en/")
    assert "X-Page-Cache" not in second
    assert first["Cache-Control"] == "private"


def test_no_cached_copy_outlives_the_moment_consent_runs_out(client, network):
    """Consent given for a time ends with no save: every stored page, and what other
    caches are told, ends before then."""
    soon = timezone.now() + datetime.timedelta(seconds=40)
    entry = add_entry(network.riverside, "For a while", consent={"valid_until": soon})
    for path in (entry.get_url_parts()[2], "/en/archive/", "/en/"):
        control = get(client, path)["Cache-Control"]
        ages = [int(v) for v in re.findall(r"max-?age=(\d+)", control)]
        assert ages and max(ages) <= 40, (path, control)


# --- On Redis, shared by every process -----------------------------------------------


@pytest.fixture
def redis_url(tmp_path):
    port = free_port()
    server = subprocess.Popen(  # noqa: S603 - Debian's redis-server, fixed arguments
        [shutil.which("redis-server") or "/usr/sbin/redis-server", "--port", str(port)]
        + ["--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", str(tmp_path)],
        stdout=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 20
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            assert time.monotonic() < deadline and server.poll() is None, "no redis-server"
            time.sleep(0.05)
    yield f"redis://127.0.0.1:{port}/0"
    server.terminate()
    server.wait(timeout=10)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_on_redis_the_page_cache_answers_and_invalidates(client, network, redis_url):
    """django-redis, as production has it with REDIS_URL (every worker and server
    shares it; tests/platform/test_operations.py shows another process's change
    reaching a production server's stored pages)."""
    pages = {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": redis_url}
    with override_settings(CACHES={**settings.CACHES, "pages": {**pages, "KEY_PREFIX": "pages"}}):
        forget_local()
        hit(client, "/en/")
        principle = Principle.objects.get(title="Listen first")
        principle.title = "Listen first, always"
        principle.save()
        assert "Listen first, always" in get(client, "/en/").text
    forget_local()


# --- A front-end cache is told on the same events ---------------------------------


def test_a_publish_purges_its_site_the_alliance_and_the_page_in_every_language(
    front_end_purges, network, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        story = add_story(network.riverside, "Water shutoffs")
        spanish = translate(story, title="Cortes de agua")
    front_end_purges.clear()
    with django_capture_on_commit_callbacks(execute=True):
        edit_story(story)
    purged = set(front_end_purges)
    for address in (
        f"{RIVERSIDE_HOST}/",  # deploy/varnish/default.vcl: everything under it
        f"{RIVERSIDE_HOST}/en/",
        f"{ALLIANCE_HOST}/",
        f"{RIVERSIDE_HOST}{story.get_url_parts()[2]}",
        f"{RIVERSIDE_HOST}{spanish.get_url_parts()[2]}",
    ):
        assert address in purged, (address, sorted(purged))
    assert f"{HILLTOP_HOST}/" not in purged
