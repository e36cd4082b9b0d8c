"""The Alliance's chapter directory: every public chapter, filters, and a tile map."""

import re

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from chapters.lifecycle.onboarding import onboard_chapter
from chapters.models import ChapterDirectoryPage, ChapterHomePage
from home.models import PrincipleSet
from tests.pages import publish

# These tests read the listings' template context: every request is rendered.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("uncached")]
HOST = {"host": "localhost"}
PATH = "/en/chapters/"


def set_profile(home: ChapterHomePage, **fields) -> ChapterHomePage:
    for name, value in fields.items():
        setattr(home, name, value)
    home.save_revision().publish()
    return home


@pytest.fixture
def directory(network):
    set_profile(network.riverside, state="OH", status="declared")
    set_profile(network.hilltop, state="KY", status="organizing")
    return publish(network.alliance, ChapterDirectoryPage(title="Chapters", slug="chapters"))


def get(client, query: str = ""):
    response = client.get(PATH + query, headers=HOST)
    assert response.status_code == 200
    return response


def listed(response) -> list[str]:
    return [chapter["page"].title for chapter in response.context["chapters"]]


def tile(response, code: str) -> dict:
    return next(t for t in response.context["map"]["tiles"] if t["code"] == code)


def test_lists_every_public_chapter_with_its_site_link(client, directory):
    response = get(client)
    assert listed(response) == ["Hilltop", "Riverside"]
    html = response.content.decode()
    assert 'href="http://riverside.localhost/"' in html
    assert 'href="http://hilltop.localhost/"' in html
    assert "Rural community" in html
    assert "Declared" in html and "Organizing" in html
    assert "Test Principles for Organizing" in html
    assert "Ohio" in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?locality=rural", ["Hilltop"]),
        ("?locality=city", ["Riverside"]),
        ("?state=OH", ["Riverside"]),
        ("?status=organizing", ["Hilltop"]),
        ("?status=declared&locality=rural", []),
        ("?state=ZZ", ["Hilltop", "Riverside"]),  # an unknown value is ignored
    ],
)
def test_each_filter_narrows_the_list(client, directory, query, expected):
    assert listed(get(client, query)) == expected


def test_principle_set_filter(client, directory):
    principle_set = PrincipleSet.objects.get(title="Test Principles for Organizing")
    assert listed(get(client, f"?principles={principle_set.pk}")) == ["Riverside"]


def test_empty_state_offers_to_clear_the_filters(client, directory):
    html = get(client, "?status=exploring").content.decode()
    assert "No chapter matches these filters." in html
    assert 'href="?"' in html


def test_map_highlights_and_links_states_with_chapters(client, directory):
    response = get(client)
    assert tile(response, "OH")["count"] == 1 and tile(response, "OH")["href"] == "?state=OH"
    assert tile(response, "KY")["href"] == "?state=KY"
    assert tile(response, "TX")["count"] == 0 and tile(response, "TX")["href"] == ""
    html = response.content.decode()
    assert re.search(r'<a class="chapter-map__tile[^"]*" href="\?state=OH"', html)
    assert not re.search(r'href="\?state=TX"', html)
    assert "<title>Texas</title>" in html
    assert len(re.findall(r"<title>", html)) >= 52  # the page's own <title>, then every state


def test_map_honours_the_filters(client, directory):
    response = get(client, "?locality=rural")
    assert tile(response, "KY")["href"] == "?locality=rural&state=KY"
    assert tile(response, "OH")["href"] == ""


def test_unpublished_chapter_is_neither_listed_nor_mapped(client, directory):
    hidden = onboard_chapter(name="Hidden Valley", hostname="hidden.localhost").home
    set_profile(hidden, state="TX")
    ChapterHomePage.objects.get(pk=hidden.pk).unpublish()
    response = get(client)
    assert "Hidden Valley" not in listed(response)
    assert tile(response, "TX")["href"] == ""
    assert "hidden.localhost" not in response.content.decode()


def test_optional_street_map_link(client, directory, settings):
    assert "View on a street map" not in get(client).content.decode()
    settings.CHAPTER_MAP_TILE_URL = "https://maps.example.org/"
    assert 'href="https://maps.example.org/"' in get(client).content.decode()


def count_queries(client, query: str = "") -> int:
    get(client, query)  # warm the per-process caches (site root paths, locales)
    with CaptureQueriesContext(connection) as queries:
        get(client, query)
    return len(queries)


def grow(start: int, count: int) -> None:
    principle_set = PrincipleSet.objects.get(title="Test Principles for Organizing")
    for n in range(start, start + count):
        home = onboard_chapter(name=f"Chapter {n}", hostname=f"chapter-{n}.localhost").home
        home = ChapterHomePage.objects.get(pk=home.pk)
        home.principle_set_adoptions.create(principle_set=principle_set)
        set_profile(home, state="CA")


def test_query_count_does_not_grow_with_the_network(client, directory):
    principle_set = PrincipleSet.objects.get(title="Test Principles for Organizing")
    grow(0, 2)
    small = [count_queries(client), count_queries(client, f"?principles={principle_set.pk}")]
    assert len(listed(get(client))) == 4
    grow(2, 10)
    large = [count_queries(client), count_queries(client, f"?principles={principle_set.pk}")]
    assert len(listed(get(client))) == 14
    assert small == large
    assert max(large) <= 20


def test_a_large_network_is_listed_a_page_at_a_time_and_filters_follow(client, directory):
    from chapters.demo.generate import generate_network
    from chapters.network.directory import PER_PAGE

    generate_network(PER_PAGE + 6, stories=0, events=0, entries=0)
    first = client.get(directory.url, {"status": "exploring"}, headers={"host": "localhost"})
    html = first.content.decode()
    assert len(first.context["chapters"]) <= PER_PAGE
    assert first.context["filtered_count"] > len(first.context["chapters"]) or (
        first.context["chapters_page"].paginator.num_pages == 1
    )
    everything = client.get(directory.url, headers={"host": "localhost"})
    assert len(everything.context["chapters"]) == PER_PAGE
    assert 'rel="next"' in everything.content.decode()
    second = client.get(directory.url, {"page": 2}, headers={"host": "localhost"})
    names = {c["page"].title for c in everything.context["chapters"]}
    assert names.isdisjoint(c["page"].title for c in second.context["chapters"])
    # The map counts every chapter of every page, and its links keep the other filters.
    assert sum(t["count"] for t in everything.context["map"]["tiles"]) >= PER_PAGE + 6
    assert "status=exploring" in html


def test_the_outline_map_colours_states_and_places_a_point_for_each_located_chapter(
    client, directory
):
    riverside = ChapterHomePage.objects.get(title="Riverside")
    set_profile(riverside, latitude=39.96, longitude=-82.99)  # Columbus, Ohio
    response = get(client)
    outline = response.context["outline_map"]
    assert [(s["code"], s["href"]) for s in outline["states"]] == [
        ("KY", "?state=KY"),
        ("OH", "?state=OH"),
    ]
    [point] = outline["points"]  # Hilltop has no coordinates: no point, still in the list
    assert point["entry"]["page"].title == "Riverside"
    html = response.text
    assert re.search(
        r'<a class="outline-map__state" href="\?state=OH"[^>]*>\s*<title>Ohio: 1 chapter', html
    )
    assert re.search(r'href="/static/home/maps/us-states[^"]*\.svg#OH"', html)
    assert re.search(
        r'<a class="outline-map__point" href="http://riverside.localhost/">\s*<title>Riverside',
        html,
    )
    # The file the page uses holds every state's outline.
    svg = (settings.BASE_DIR / "home/static/home/maps/us-states.svg").read_text()
    assert all(f'id="{code}"' in svg for code in ("OH", "KY", "AK", "HI", "DC"))
    # The tile map stays, as a grid of equal squares under the outline.
    assert "chapter-map__grid" in html and tile(response, "OH")["href"] == "?state=OH"


@pytest.mark.parametrize(
    ("latitude", "longitude", "field"),
    [(39.96, None, "longitude"), (123.0, -82.99, "latitude"), (51.5, -0.13, "longitude")],
)
def test_coordinates_are_both_or_neither_and_on_the_map(network, latitude, longitude, field):
    from django.core.exceptions import ValidationError

    from chapters.lifecycle.onboarding import OnboardingError

    with pytest.raises(OnboardingError) as refused:
        onboard_chapter(
            name="Lakeside", hostname="lakeside.localhost", latitude=latitude, longitude=longitude
        )
    assert refused.value.field == field
    assert not ChapterHomePage.objects.filter(title="Lakeside").exists()
    home = network.riverside
    home.latitude, home.longitude = latitude, longitude
    with pytest.raises(ValidationError) as invalid:
        home.full_clean()
    assert field in invalid.value.message_dict
