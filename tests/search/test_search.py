"""Site search: the current site's live, public pages only, in the reader's language."""

import pytest
from wagtail.models import PageViewRestriction

from chapters.models import StoryIndexPage
from home.models import StandardPage
from tests.conftest import ALLIANCE_HOST, HILLTOP_HOST, RIVERSIDE_HOST

pytestmark = pytest.mark.django_db


def add_page(parent, title, body_word, *, publish=True):
    page = parent.add_child(
        instance=StandardPage(
            live=False,
            title=title,
            slug=title.lower().replace(" ", "-"),
            intro=f"About {body_word}.",
        )
    )
    revision = page.save_revision()
    if publish:
        revision.publish()
    return page


def search(client, host, query):
    response = client.get("/en/search/", {"query": query}, headers={"host": host})
    assert response.status_code == 200
    return response


def titles(response):
    return [page.title for page in response.context["search_results"]]


def test_finds_a_public_page_of_this_site(client, network):
    add_page(network.riverside, "Water shutoffs", "zanzibarite")
    assert titles(search(client, RIVERSIDE_HOST, "zanzibarite")) == ["Water shutoffs"]


def test_never_returns_another_sites_page(client, network):
    add_page(network.riverside, "Water shutoffs", "zanzibarite")
    response = search(client, HILLTOP_HOST, "zanzibarite")
    assert titles(response) == []
    assert "Water shutoffs" not in response.text


def test_the_alliance_searches_the_whole_network(client, network):
    # The Alliance site is the network's search: chapter pages show there too.
    add_page(network.riverside, "Water shutoffs", "zanzibarite")
    assert titles(search(client, ALLIANCE_HOST, "zanzibarite")) == ["Water shutoffs"]


def test_never_returns_a_draft(client, network):
    add_page(network.riverside, "Secret draft", "quokkanese", publish=False)
    response = search(client, RIVERSIDE_HOST, "quokkanese")
    assert titles(response) == []
    assert "Secret draft" not in response.text


def test_never_shows_a_login_restricted_page_or_its_title(client, network):
    page = add_page(network.riverside, "Members meeting notes", "platypodic")
    PageViewRestriction.objects.create(page=page, restriction_type="login")
    response = search(client, RIVERSIDE_HOST, "platypodic")
    assert titles(response) == []
    assert "Members meeting notes" not in response.text


def test_restriction_on_a_parent_hides_the_children(client, network):
    stories = StoryIndexPage.objects.child_of(network.riverside).get()
    PageViewRestriction.objects.create(page=stories, restriction_type="password", password="x")
    add_page(stories, "Hidden story", "wombatish")
    assert titles(search(client, RIVERSIDE_HOST, "wombatish")) == []


def test_empty_query_shows_the_form_only(client, network):
    response = search(client, RIVERSIDE_HOST, "")
    assert response.context["search_results"] is None
    assert 'name="query"' in response.text


def test_no_match_says_so(client, network):
    response = search(client, RIVERSIDE_HOST, "nothingmatchesthis")
    assert "0 results for" in response.text
    assert "Try fewer or different words." in response.text


def test_search_writes_nothing(client, network, django_assert_max_num_queries):
    add_page(network.riverside, "Water shutoffs", "zanzibarite")
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        search(client, RIVERSIDE_HOST, "zanzibarite")
    writes = [
        q["sql"]
        for q in queries
        if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    ]
    assert writes == []


QUOTES_AND_OPERATORS = ['"zanzibarite', 'zanzibarite"', "zanzibarite\x00", "zanzibarite OR"]
QUOTES_AND_OPERATORS += ["-zanzibarite", "(zanzibarite*", "'\\", '"', "\x1b"]


@pytest.mark.parametrize("query", QUOTES_AND_OPERATORS)
def test_quotes_operators_and_control_characters_are_searched_as_words(client, network, query):
    """A `"` was an unterminated FTS5 string on SQLite (the demo), a NUL a query
    PostgreSQL refuses: each search answers, and a quoted word still finds its page."""
    add_page(network.riverside, "Water shutoffs", "zanzibarite")
    results = search(client, RIVERSIDE_HOST, query).context["search_results"]
    found = [page.title for page in results or []]  # None: nothing left to search for
    if query.strip('"\x00') == "zanzibarite":
        assert found == ["Water shutoffs"]
    api = client.get("/api/v2/pages/", {"search": query}, headers={"host": RIVERSIDE_HOST})
    assert api.status_code in (200, 400)  # 400: control characters (home/api_checks.py)
    if api.status_code == 200 and query.strip('"') == "zanzibarite":
        assert [item["title"] for item in api.json()["items"]] == ["Water shutoffs"]


def test_the_admin_searches_with_quotes_and_operators(login, network):
    add_page(network.riverside, "Water shutoffs", "zanzibarite")
    client = login("riverside-editor")
    admin = {"host": ALLIANCE_HOST}
    for query in QUOTES_AND_OPERATORS:
        for url in ("/admin/pages/search/", "/admin/images/", "/admin/documents/"):
            response = client.get(url, {"q": query}, headers=admin)
            assert response.status_code == 200, (url, query)
    response = client.get("/admin/pages/search/", {"q": '"shutoffs'}, headers=admin)
    assert "Water shutoffs" in response.text
