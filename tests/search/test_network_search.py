"""Network search on the Alliance: every chapter's public pages, facets, snippets, pages."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale
from wagtail.rich_text import RichText

from home.models import Right
from tests.conftest import ALLIANCE_HOST, HILLTOP_HOST, RIVERSIDE_HOST
from tests.pages import add_entry, add_event, add_story

pytestmark = pytest.mark.django_db


def body(text):
    return [("paragraph", RichText(f"<p>{text}</p>"))]


def get(client, host, query, path="/en/search/", **params):
    response = client.get(path, {"query": query, **params}, headers={"host": host})
    assert response.status_code == 200
    return response


def titles(response):
    return [page.title for page in response.context["search_results"]]


def facet(response, name):
    facets = {f.name: f for f in response.context["facets"]}
    return {o.key: o.count for o in facets[name].options} if name in facets else {}


def test_alliance_finds_stories_of_every_chapter_by_a_body_word(client, network):
    add_story(network.riverside, "River report", body=body("The quetzalcoatlite survey."))
    add_story(network.hilltop, "Hill report", body=body("More quetzalcoatlite findings."))
    response = get(client, ALLIANCE_HOST, "quetzalcoatlite")
    assert sorted(titles(response)) == ["Hill report", "River report"]
    assert facet(response, "chapter") == {"riverside": 1, "hilltop": 1}
    assert facet(response, "type") == {"storypage": 2}
    assert "<mark>quetzalcoatlite</mark>" in response.text


def test_spanish_translation_is_found_in_spanish(client, network):
    story = add_story(network.riverside, "Water story", body=body("English xylophonist words."))
    es = Locale.objects.get(language_code="es")
    translated = story.copy_for_translation(es, copy_parents=True)
    translated.title = "Historia del agua"
    translated.body = body("Palabras del xilofonista.")
    translated.save_revision().publish()
    response = get(client, ALLIANCE_HOST, "xilofonista", path="/es/search/")
    assert titles(response) == ["Historia del agua"]
    assert facet(response, "lang") == {"": 1, "all": 1}
    # In English, the Spanish page shows only when all languages are asked for.
    assert titles(get(client, ALLIANCE_HOST, "xilofonista")) == []
    assert titles(get(client, ALLIANCE_HOST, "xilofonista", lang="all")) == ["Historia del agua"]


def test_facets_filter_and_links_keep_the_query(client, network):
    housing = Right.objects.get(slug="housing")
    add_story(network.riverside, "Tenant win", rights=[housing], body=body("vorpalness here"))
    add_story(network.riverside, "Park cleanup", body=body("vorpalness there"))
    add_story(network.hilltop, "Hill vorpalness", body=body("vorpalness too"))
    response = get(client, ALLIANCE_HOST, "vorpalness")
    assert facet(response, "chapter") == {"riverside": 2, "hilltop": 1}
    assert facet(response, "right") == {"housing": 1}
    assert "query=vorpalness&amp;chapter=riverside" in response.text
    filtered = get(client, ALLIANCE_HOST, "vorpalness", chapter="riverside")
    assert sorted(titles(filtered)) == ["Park cleanup", "Tenant win"]
    # Counts of the chapter facet ignore its own choice; other facets follow it.
    assert facet(filtered, "chapter") == {"riverside": 2, "hilltop": 1}
    assert titles(get(client, ALLIANCE_HOST, "vorpalness", right="housing")) == ["Tenant win"]
    assert titles(get(client, ALLIANCE_HOST, "vorpalness", type="eventpage")) == []


def test_never_shows_what_the_public_may_not_see(client, network):
    add_story(network.riverside, "Draft secret", live=False, body=body("snarkhunting"))
    add_entry(
        network.riverside, "Unconsented memory", consent_status="pending", summary="snarkhunting"
    )
    add_entry(network.hilltop, "Members memory", consent_scope="members", summary="snarkhunting")
    story = add_story(network.hilltop, "Withdrawn story", body=body("snarkhunting"))
    story.unpublish()
    add_entry(network.hilltop, "Public memory", summary="snarkhunting")
    response = get(client, ALLIANCE_HOST, "snarkhunting")
    assert titles(response) == ["Public memory"]
    for title in ("Draft secret", "Unconsented memory", "Members memory", "Withdrawn story"):
        assert title not in response.text
    assert facet(response, "type") == {"archiveentrypage": 1}


def test_snippet_marks_stems_and_escapes_html(client, network):
    add_story(
        network.riverside,
        "Organizers",
        summary="We organize <b>tenants</b> & neighbours.",
        body=body("Nothing."),
    )
    response = get(client, ALLIANCE_HOST, "organizing")
    snippet = str(response.context["search_results"][0].search_snippet)
    assert snippet == "We <mark>organize</mark> tenants &amp; neighbours."


def test_snippet_keeps_a_space_between_paragraphs_and_list_items(client, network):
    """ "evictionswater shutoffs": the tags between blocks were dropped with no space."""
    add_story(
        network.riverside,
        "Priorities",
        body=body(
            "Our work:</p><ul><li>housing and evictions</li><li>water shutoffs</li></ul><p>Next"
        ),
    )
    response = get(client, ALLIANCE_HOST, "shutoffs")
    snippet = str(response.context["search_results"][0].search_snippet)
    assert snippet == "Our work: housing and evictions water <mark>shutoffs</mark> Next"


TOPICS = {
    "Eviction defense clinic": "Tenants facing eviction got lawyers at the housing court.",
    "Water testing results": "Volunteers tested wells for lead and nitrate contamination.",
    "Police accountability hearing": "Residents testified about police stops and oversight.",
    "Language revitalization circle": "Elders teach the native language to young speakers.",
    "Nurses and health access": "Clinics, nurses and insurance: access to health care.",
    "Voting rights workshop": "How to register voters and protect the ballot.",
}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("eviction lawyers", "Eviction defense clinic"),
        ("water wells", "Water testing results"),
        ("police", "Police accountability hearing"),
        ("native language", "Language revitalization circle"),
        ("nurses", "Nurses and health access"),
        ("ballot voters", "Voting rights workshop"),
    ],
)
def test_precision_top_result(client, network, query, expected):
    for i, (title, text) in enumerate(TOPICS.items()):
        home = network.riverside if i % 2 else network.hilltop
        add_story(home, title, summary="A story.", body=body(text))
    assert titles(get(client, ALLIANCE_HOST, query))[0] == expected


def test_chapter_site_shows_its_own_only(client, network):
    add_story(network.riverside, "River jabberwock", body=body("jabberwock"))
    add_story(network.hilltop, "Hill jabberwock", body=body("jabberwock"))
    response = get(client, HILLTOP_HOST, "jabberwock")
    assert titles(response) == ["Hill jabberwock"]
    assert "River jabberwock" not in response.text
    assert response.context["facets"] == []


def test_empty_state_helps(client, network):
    response = get(client, RIVERSIDE_HOST, "nothingmatchesthisatall")
    assert "Check the spelling" in response.text
    assert "http://localhost/en/search/?query=nothingmatchesthisatall" in response.text


def test_pagination_keeps_query_and_facets(client, network):
    for i in range(12):
        add_story(network.riverside, f"Frumious {i}", body=body("frumious bandersnatch"))
    response = get(client, ALLIANCE_HOST, "frumious", chapter="riverside")
    assert len(titles(response)) == 10
    assert "query=frumious&amp;chapter=riverside&amp;page=2" in response.text
    page2 = get(client, ALLIANCE_HOST, "frumious", chapter="riverside", page=2)
    assert len(titles(page2)) == 2


def _measure(client, query):
    get(client, ALLIANCE_HOST, query)  # warm per-process caches
    with CaptureQueriesContext(connection) as queries:
        get(client, ALLIANCE_HOST, query)
    writes = [
        q["sql"]
        for q in queries
        if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    ]
    assert writes == []
    return len(queries)


def test_query_count_is_bounded_and_writes_nothing(client, network):
    housing = Right.objects.get(slug="housing")
    for i in range(3):
        add_story(network.riverside, f"Slithy {i}", rights=[housing], body=body("slithy toves"))
    small = _measure(client, "slithy")
    for i in range(3, 30):
        home = network.hilltop if i % 2 else network.riverside
        add_story(home, f"Slithy {i}", rights=[housing], body=body("slithy toves"))
    large = _measure(client, "slithy")
    assert small == large
    assert large <= 10


def test_results_of_many_page_types_stay_within_ten_queries(client, network, uncached):
    """One query per page type shown, the rest constant: stories, events and archive
    entries with rights, in two chapters and two languages, on one results page."""
    housing = Right.objects.get(slug="housing")
    for home in (network.riverside, network.hilltop):
        add_story(home, f"Borogove story {home.slug}", rights=[housing], body=body("borogove"))
        add_event(
            home,
            f"Borogove event {home.slug}",
            start_date=datetime.date(2031, 5, 1),
            rights=[housing],
            summary="A borogove meeting.",
        )
        add_entry(home, f"Borogove entry {home.slug}", rights=[housing], summary="Borogove days.")
    get(client, ALLIANCE_HOST, "borogove", lang="all")
    with CaptureQueriesContext(connection) as queries:
        response = get(client, ALLIANCE_HOST, "borogove", lang="all")
    assert facet(response, "type") == {"storypage": 2, "eventpage": 2, "archiveentrypage": 2}
    assert facet(response, "right") == {"housing": 6}
    assert len(queries) <= 10
