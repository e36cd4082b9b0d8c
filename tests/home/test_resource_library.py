"""The resource library: filters, formatted citations and BibTeX / RIS / CSL-JSON exports."""

import json

import bibtexparser
import pytest
import rispy
from bibtexparser.middlewares import LatexDecodingMiddleware
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from home.citations import citation_keys, to_bibtex, to_csl_json, to_ris
from home.models import Resource, ResourceLibraryPage

HOST = {"host": "localhost"}
URL = "/en/resources/"


@pytest.fixture
def library(network):
    page = ResourceLibraryPage(title="Resources", slug="resources")
    network.alliance.add_child(instance=page)
    page.save_revision().publish()
    return page


def make(title, topics=(), **fields):
    fields.setdefault("locale", Locale.get_default())
    resource = Resource.objects.create(title=title, **fields)
    if topics:
        resource.topics.add(*topics)
        resource.save()
    return resource


@pytest.fixture
def resources(library):
    return {
        "book": make(
            "Housing & the City: 50% of $5_{x} ~^\\",
            authors="García Márquez, Ana; Roe, Sam",
            year=2019,
            kind="book",
            publisher="Ridge Press",
            place="Tulsa, OK",
            url="https://example.org/book",
            topics=["Housing"],
        ),
        "chapter": make(
            "Water as a right",
            authors="Doe, Jane",
            year=2021,
            kind="chapter",
            container_title="Rights at Home",
            editors="Lee, Kim; Park, Min",
            pages="17-22",
            publisher="Commons Books",
            place="Detroit",
            topics=["Water", "Housing"],
        ),
        "report": make("Annual report", authors="Doe, Jane", year=2021, kind="report"),
    }


def titles(response) -> set[str]:
    html = response.content.decode()
    return {
        title
        for title in ["Housing &amp; the City", "Water as a right", "Annual report", "A reading"]
        if title in html
    }


@pytest.mark.parametrize(
    "query, expected",
    [
        ("", {"Housing &amp; the City", "Water as a right", "Annual report", "A reading"}),
        ("?topic=housing", {"Housing &amp; the City", "Water as a right"}),
        ("?topic=water", {"Water as a right"}),
        ("?kind=report", {"Annual report"}),
        ("?year=2021", {"Water as a right", "Annual report"}),
        ("?year=2021&kind=chapter&topic=housing", {"Water as a right"}),
        ("?year=1900", set()),
    ],
)
def test_filters_change_the_listed_resources(client, resources, query, expected):
    response = client.get(URL + query, headers=HOST)
    assert response.status_code == 200
    assert titles(response) == expected
    if expected:
        assert f'href="{URL}export/bib/{query.replace("&", "&amp;")}"' in response.content.decode()
    else:
        assert "No resources match these filters." in response.content.decode()


def test_each_resource_is_a_formatted_citation_with_export_links(client, resources):
    chapter = resources["chapter"]
    html = client.get(URL, headers=HOST).content.decode()
    assert chapter.citation().replace("“", "&ldquo;") in html or chapter.citation() in html
    for fmt in ["bib", "ris", "json"]:
        assert f'href="{URL}{chapter.pk}/cite/{fmt}/"' in html


def parse_bibtex(text):
    library = bibtexparser.parse_string(text, append_middleware=[LatexDecodingMiddleware()])
    assert not library.failed_blocks
    return {entry.key: entry for entry in library.entries}


def test_bibtex_export_parses_and_matches_the_fields(client, resources):
    response = client.get(URL + "export/bib/", headers=HOST)
    assert response["Content-Type"].startswith("application/x-bibtex")
    assert response["Content-Disposition"] == 'attachment; filename="resources.bib"'
    entries = parse_bibtex(response.content.decode())
    assert len(entries) == 4
    book = entries["garciamarquez2019housing"]
    fields = {name: field.value for name, field in book.fields_dict.items()}
    assert book.entry_type == "book"
    # pylatexenc decodes \textasciicircum to the modifier letter; LaTeX prints a plain caret.
    assert fields["title"].replace("\u02c6", "^") == resources["book"].title
    assert fields["author"] == "García Márquez, Ana and Roe, Sam"
    assert fields["year"] == "2019"
    assert fields["publisher"] == "Ridge Press"
    assert fields["address"] == "Tulsa, OK"
    assert fields["url"] == "https://example.org/book"
    chapter = entries["doe2021water"]
    fields = {name: field.value for name, field in chapter.fields_dict.items()}
    assert chapter.entry_type == "incollection"
    assert fields["booktitle"] == "Rights at Home"
    assert fields["editor"] == "Lee, Kim and Park, Min"
    assert fields["pages"] == "17\u201322"  # BibTeX "--" decodes to an en dash
    assert set(fields["keywords"].split(", ")) == {"Housing", "Water"}
    assert entries["doe2021annual"].entry_type == "techreport"


def test_ris_export_parses_and_matches_the_fields(client, resources):
    response = client.get(URL + "export/ris/?topic=housing", headers=HOST)
    assert response["Content-Type"].startswith("application/x-research-info-systems")
    assert response["Content-Disposition"] == 'attachment; filename="resources.ris"'
    records = {r["title"]: r for r in rispy.loads(response.content.decode())}
    assert set(records) == {resources["book"].title, "Water as a right"}
    book = records[resources["book"].title]
    assert book["type_of_reference"] == "BOOK"
    assert book["authors"] == ["García Márquez, Ana", "Roe, Sam"]
    assert book["year"] == "2019"
    assert book["publisher"] == "Ridge Press"
    assert book["place_published"] == "Tulsa, OK"
    assert book["urls"] == ["https://example.org/book"]
    chapter = records["Water as a right"]
    assert chapter["type_of_reference"] == "CHAP"
    assert chapter["secondary_title"] == "Rights at Home"
    assert chapter["secondary_authors"] == ["Lee, Kim", "Park, Min"]
    assert (chapter["start_page"], chapter["end_page"]) == ("17", "22")
    assert sorted(chapter["keywords"]) == ["Housing", "Water"]


def test_csl_json_export_parses_and_matches_the_fields(client, resources):
    response = client.get(URL + "export/json/?year=2021", headers=HOST)
    assert response["Content-Type"].startswith("application/vnd.citationstyles.csl+json")
    assert response["Content-Disposition"] == 'attachment; filename="resources.json"'
    items = {item["title"]: item for item in json.loads(response.content)}
    assert set(items) == {"Water as a right", "Annual report"}
    for item in items.values():
        assert {"id", "type", "title", "author", "issued"} <= set(item)
        assert all({"family", "given"} <= set(name) for name in item["author"])
        assert item["issued"]["date-parts"] == [[2021]]
    chapter = items["Water as a right"]
    assert chapter["type"] == "chapter"
    assert chapter["author"] == [{"family": "Doe", "given": "Jane"}]
    assert chapter["editor"] == [
        {"family": "Lee", "given": "Kim"},
        {"family": "Park", "given": "Min"},
    ]
    assert chapter["container-title"] == "Rights at Home"
    assert chapter["page"] == "17-22"
    assert chapter["publisher"] == "Commons Books"
    assert chapter["publisher-place"] == "Detroit"
    assert items["Annual report"]["type"] == "report"
    assert len({item["id"] for item in items.values()}) == 2


def test_single_resource_exports(client, resources):
    book = resources["book"]
    response = client.get(f"{URL}{book.pk}/cite/bib/", headers=HOST)
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        'attachment; filename="garciamarquez2019housing.bib"'
    )
    assert list(parse_bibtex(response.content.decode())) == ["garciamarquez2019housing"]
    response = client.get(f"{URL}{book.pk}/cite/ris/", headers=HOST)
    assert [r["title"] for r in rispy.loads(response.content.decode())] == [book.title]
    response = client.get(f"{URL}{book.pk}/cite/json/", headers=HOST)
    assert [item["id"] for item in json.loads(response.content)] == ["garciamarquez2019housing"]


def test_unknown_resource_or_format_is_404(client, resources):
    assert client.get(f"{URL}999999/cite/bib/", headers=HOST).status_code == 404
    assert client.get(f"{URL}{resources['book'].pk}/cite/doc/", headers=HOST).status_code == 404
    assert client.get(f"{URL}export/xml/", headers=HOST).status_code == 404


def test_citation_keys_are_deduplicated(library):
    same = [Resource(title="The Report", authors="Doe, Jane", year=2020) for _ in range(3)]
    assert citation_keys(same) == ["doe2020reporta", "doe2020reportb", "doe2020reportc"]
    organization = Resource(title="Our principles", authors="Riverside Alliance", year=2001)
    assert citation_keys([organization]) == ["riversidealliance2001our"]


def test_organization_authors_and_empty_fields_serialize(library):
    statement = make("Our principles", authors="Riverside Alliance", kind="principles")
    entry = parse_bibtex(to_bibtex([statement]))["riversidealliancendour"]
    assert entry.entry_type == "misc"
    assert rispy.loads(to_ris([statement]))[0]["authors"] == ["Riverside Alliance"]
    item = json.loads(to_csl_json([statement]))[0]
    assert item["author"] == [{"literal": "Riverside Alliance"}]
    assert "issued" not in item


def library_queries(client, count: int) -> int:
    for i in range(count):
        make(f"Reading {i}", authors=f"Author{i}, Some", year=2000 + i % 5, topics=[f"t{i % 4}"])
    client.get(URL, headers=HOST)  # warm per-process caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL, headers=HOST)
    assert response.status_code == 200
    return len(queries)


def test_library_query_count_is_bounded(client, library):
    small = library_queries(client, 3)
    large = library_queries(client, 27)  # 30 in all, more than one page
    assert small == large
    assert small <= 30
