"""No English left on a Spanish page where the network has the Spanish: the search's
content types, the rights' instruments and articles, the chapter's and the Alliance's
names."""

import json
import re
from pathlib import Path

import pytest
import yaml
from wagtail.models import Locale
from wagtail.rich_text import RichText

from chapters.lifecycle.archiving import archive_chapter
from home.models import Right
from tests.conftest import ALLIANCE_HOST, RIVERSIDE_HOST
from tests.pages import add_story, chapter, translate

DEMO_DATA = Path(__file__).resolve().parents[2] / "chapters" / "demo" / "data" / "alliance"


@pytest.mark.django_db
def test_search_facets_name_content_types_in_the_readers_language(client, network):
    story = add_story(
        network.riverside, "Drum story", body=[("paragraph", RichText("<p>tamborilero</p>"))]
    )
    translate(story, title="Historia del tambor", body=story.body)
    response = client.get("/es/search/", {"query": "tamborilero"}, headers={"host": ALLIANCE_HOST})
    facets = {facet.name: facet for facet in response.context["facets"]}
    assert [o.label for o in facets["type"].options] == ["Historia"]
    assert "Tipo de contenido" in response.text and ">Story<" not in response.text


@pytest.mark.django_db
def test_rights_show_their_instrument_in_spanish(client, network, rights_page):
    housing = Right.objects.get(slug="housing", locale=Locale.get_default())
    spanish = housing.copy_for_translation(Locale.objects.get(language_code="es"))
    spanish.name, spanish.article = "Derecho a la vivienda", "Artículo 11"
    spanish.save()
    html = client.get("/es/rights/", headers={"host": ALLIANCE_HOST}).text
    assert "Pacto Internacional de Derechos Económicos, Sociales y Culturales, Artículo 11" in html
    assert "International Covenant" not in html
    page = client.get("/es/rights/housing/", headers={"host": ALLIANCE_HOST}).text
    assert "Fuente: Pacto Internacional" in page and "Article 11" not in page


def test_the_demos_spanish_rights_have_spanish_articles():
    english = yaml.safe_load((DEMO_DATA / "rights.yaml").read_text())["rights"]
    spanish = yaml.safe_load((DEMO_DATA / "rights.es.yaml").read_text())["rights"]
    for right in english:
        article = spanish[right["slug"]].get("article", "")
        expected = re.sub(r"^Article ", "Artículo ", right["article"])
        assert article == expected, right["slug"]


@pytest.mark.django_db
def test_a_chapters_structured_data_names_the_alliance_in_spanish(client, network):
    html = client.get("/es/", headers={"host": RIVERSIDE_HOST}).text
    data = json.loads(re.search(r'application/ld\+json">(.*?)</script>', html).group(1))
    assert (
        data["parentOrganization"]["name"] == "Alianza de Ciudades de Derechos Humanos de EE. UU."
    )


@pytest.mark.django_db
def test_an_archived_chapters_notice_names_it_in_the_readers_language(client, network):
    riverside = chapter("Riverside")
    translate(network.riverside, title="Ribera")
    archive_chapter(riverside)
    response = client.get("/es/", headers={"host": RIVERSIDE_HOST})
    assert response.status_code == 410
    heading = re.search(r"<h1>(.*?)</h1>", response.text).group(1)
    assert "Ribera" in heading and "Riverside" not in heading
