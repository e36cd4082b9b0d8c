"""The public interface reads in Spanish on /es/: catalogs complete, pages translated.

Content is the editors' job; these tests check only the interface around it
(headings, labels, buttons, filters, empty states, dates, accessible names).
"""

import datetime
import re
import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from home.models import Resource
from tests.conftest import ALLIANCE_HOST, CATALOGS, RIVERSIDE_HOST
from tests.pages import add_entry, add_event, add_story

pytestmark = pytest.mark.django_db

SPANISH = Path(settings.BASE_DIR, "locale", "es", "LC_MESSAGES", "django.po")
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w*\}")


def get(client, path, host=RIVERSIDE_HOST):
    response = client.get(path, headers={"host": host})
    assert response.status_code == 200, path
    return response.text


def assert_spanish(html: str, spanish: list[str], english: list[str]) -> None:
    missing = [text for text in spanish if text not in html]
    leftover = [text for text in english if text in html]
    assert not missing, f"Spanish interface text missing: {missing}"
    assert not leftover, f"English interface text left on a Spanish page: {leftover}"


# --- The catalogs -------------------------------------------------------------


def test_there_is_a_spanish_catalog():
    assert SPANISH in CATALOGS


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: str(p.relative_to(settings.BASE_DIR)))
def test_catalog_is_complete_and_keeps_its_placeholders(path):
    catalog = polib.pofile(str(path))
    assert not catalog.metadata_is_fuzzy
    assert catalog.untranslated_entries() == []
    assert catalog.fuzzy_entries() == []
    assert catalog.obsolete_entries() == []
    for entry in catalog.translated_entries():
        expected = set(PLACEHOLDER.findall(entry.msgid))
        translations = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
        for text in translations:
            assert set(PLACEHOLDER.findall(text)) == expected, entry.msgid


@pytest.mark.skipif(not shutil.which("msgfmt"), reason="GNU gettext (msgfmt) is not installed")
@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: str(p.relative_to(settings.BASE_DIR)))
def test_catalog_compiles_with_format_checks(path):
    result = subprocess.run(
        ["msgfmt", "--check-format", "--check-header", "-o", "/dev/null", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


# --- Pages ----------------------------------------------------------------------


def test_chapter_home_interface_is_in_spanish(client, network):
    home = network.riverside
    add_story(home, "Rent strike", date=datetime.date(2025, 5, 1), authors="Ana Ruiz")
    add_event(home, "Town hall", start_date=datetime.date(2031, 3, 6))
    add_entry(home, "School letter", period_start=1984)

    html = get(client, "/es/")
    assert '<html lang="es"' in html
    assert_spanish(
        html,
        spanish=[
            '<button type="submit">Buscar</button>',
            'placeholder="Buscar"',
            "Buscar en este sitio",
            "Ir al contenido",
            "Forma parte de la red de Ciudades de Derechos Humanos de EE. UU.",
            "<dt>Lugar</dt><dd>Ciudad, Ohio</dd>",
            "<dt>Etapa</dt><dd>En exploración</dd>",
            ">Próximos eventos</h2>",
            ">Historias recientes</h2>",
            ">De nuestro archivo de memoria y verdad</h2>",
            ">Principios que hemos adoptado</h2>",
            # Dates: Spanish month and weekday names, Spanish order.
            "1 de mayo de 2025",
            "jue 6 mar 2031, 6:00 p.m. EST",
            ">Testimonio · 1984<",
        ],
        english=[
            '<button type="submit">Search</button>',
            "Skip to content",
            "Part of the US Human Rights Cities network.",
            ">Place<",
            ">Status<",
            ">Coming up<",
            ">Latest stories<",
            "From our truth-telling archive",
            "Principles we have adopted",
            "May 1, 2025",
            "Thu 6 Mar",
        ],
    )
    # The same page in English keeps its English interface.
    english = get(client, "/en/")
    assert '<button type="submit">Search</button>' in english
    assert "Part of the US Human Rights Cities network." in english
    assert ">Latest stories</h2>" in english
    assert "Forma parte" not in english


def test_alliance_home_lists_chapters_in_spanish(client, network):
    html = get(client, "/es/", host=ALLIANCE_HOST)
    assert_spanish(
        html,
        spanish=["Iniciativas locales de la red", "Comunidad rural"],
        english=["Chapters across the network", "Rural community"],
    )


def test_stories_index_interface_is_in_spanish(client, network):
    html = get(client, "/es/stories/")
    assert_spanish(
        html,
        spanish=[
            'aria-label="Filtrar historias"',
            '<label for="filter-year">Año</label>',
            '<option value="">Todos los años</option>',
            '<label for="filter-right">Derecho</label>',
            '<option value="">Todos los derechos</option>',
            '<button type="submit">Mostrar historias</button>',
            "Todavía no hay historias que coincidan con estos filtros.",
            "Seguir estas historias (canal RSS)",
        ],
        english=["Filter stories", "All years", "Show stories", "No stories match", "RSS feed"],
    )


def test_story_page_interface_is_in_spanish(client, network):
    add_story(network.riverside, "Rent strike", authors="Ana Ruiz")
    html = get(client, "/es/stories/rent-strike/")
    assert_spanish(html, spanish=["por Ana Ruiz"], english=["by Ana Ruiz"])


def test_events_index_interface_is_in_spanish(client, network):
    html = get(client, "/es/events/")
    assert_spanish(
        html,
        spanish=[
            'aria-label="Qué eventos mostrar"',
            ">Próximos</a>",
            ">Pasados</a>",
            'aria-label="Filtrar eventos"',
            '<button type="submit">Mostrar eventos</button>',
            "Todavía no hay eventos próximos. Consulte los eventos pasados o vuelva pronto.",
            "Suscribirse a estos eventos (iCalendar)",
        ],
        english=["Upcoming", ">Past<", "Filter events", "Show events", "No upcoming events"],
    )
    past = get(client, "/es/events/?when=past")
    assert "No hay eventos pasados que coincidan." in past
    assert "No past events match." not in past


def test_event_page_interface_is_in_spanish(client, network):
    add_event(
        network.riverside,
        "Town hall",
        start_date=datetime.date(2031, 3, 6),
        venue="Eastside Library",
        organizer="Riverside",
        registration_url="https://example.org/register",
        accessibility=["asl", "childcare"],
    )
    html = get(client, "/es/events/town-hall/")
    assert_spanish(
        html,
        spanish=[
            "<dt>Cuándo</dt>",
            "jueves, 6 de marzo de 2031, 6:00 p.m. EST",
            "8:00 p.m. EST",
            "<dt>Dónde</dt>",
            "<dt>Organiza</dt>",
            ">Inscribirse</a>",
            ">Agregar al calendario</a>",
            ">Accesibilidad</h2>",
            "<li>Interpretación en lengua de señas americana (ASL)</li>",
            "<li>Cuidado infantil</li>",
        ],
        english=["Thursday", "March", ">When<", "Add to calendar", "ASL interpretation"],
    )


def test_archive_index_interface_is_in_spanish(client, network):
    add_entry(network.riverside, "School letter", period_start=1984, kind="document")
    html = get(client, "/es/archive/")
    assert_spanish(
        html,
        spanish=[
            'aria-label="Filtrar el archivo"',
            '<label for="filter-kind">Tipo</label>',
            '<option value="">Todos los tipos</option>',
            ">Historia oral</option>",
            '<label for="filter-decade">Período</label>',
            '<option value="">Todos los períodos</option>',
            ">Década de 1980</option>",
            '<button type="submit">Mostrar registros</button>',
            ">Documento · 1984<",
        ],
        english=["Filter the archive", "All kinds", "Oral history", "1980s", "Show entries"],
    )
    empty = get(client, "/es/archive/?kind=artwork")
    assert "Ningún registro coincide con estos filtros." in empty
    assert "No entries match" not in empty


def test_archive_entry_interface_is_in_spanish(client, network):
    add_entry(
        network.riverside,
        "Mill closing",
        narrators="Rosa",
        narrator_is_pseudonym=True,
        content_warning="Describes violence.",
        transcript="<p>What we lived.</p>",
    )
    html = get(client, "/es/archive/mill-closing/?continue=1")
    assert_spanish(
        html,
        spanish=[
            "Advertencia sobre el contenido",
            "En voz de Rosa (un seudónimo)",
            "Transcripción",
        ],
        english=["Content warning", "Told by", "a pseudonym", ">Transcript<"],
    )


def test_search_page_interface_is_in_spanish(client, network):
    blank = get(client, "/es/search/")
    assert_spanish(
        blank,
        spanish=[
            "<title>Buscar",
            "<h1>Buscar</h1>",
            '<label for="search-query">Buscar en este sitio',
        ],
        english=["<h1>Search</h1>", "Search this site"],
    )
    html = get(client, "/es/search/?query=zzzyx")
    assert_spanish(
        html,
        spanish=[
            "<title>Resultados de la búsqueda de “zzzyx”",
            "0 resultados para “zzzyx”.",
            "Pruebe con menos palabras o con otras distintas.",
        ],
        english=["Search results for", "0 results for", "Try fewer or different words."],
    )


def test_not_found_page_is_in_spanish(client, network):
    response = client.get("/es/no-such-page/", headers={"host": RIVERSIDE_HOST})
    assert response.status_code == 404
    assert_spanish(
        response.text,
        spanish=["Página no encontrada", "Esta página no existe o no es pública."],
        english=["Page not found", "does not exist"],
    )


def test_server_error_page_is_in_spanish():
    with translation.override("es"):
        html = render_to_string("500.html")
    assert '<html lang="es">' in html
    assert_spanish(
        html,
        spanish=["Error del servidor", "Algo salió mal", "Vuelva a intentarlo en unos momentos."],
        english=["Server error", "Something went wrong", "Please try again"],
    )


def test_citation_connectives_follow_the_reader_language():
    resource = Resource(
        title="Cities as Glocal Defenders of Rights",
        authors="Barber, Benjamin; Roe, Sam",
        year=2014,
        container_title="The Future of Human Rights in an Urban World",
        pages="17-22",
        editors="T. van Lindert",
    )
    with translation.override("es"):
        spanish = resource.citation()
    with translation.override("en"):
        english = resource.citation()
    assert spanish.startswith("Barber, Benjamin y Roe, Sam. 2014.")
    assert (
        "Pp. 17-22 en The Future of Human Rights in an Urban World, edición de T. van Lindert."
        in (spanish)
    )
    assert english.startswith("Barber, Benjamin and Roe, Sam. 2014.")
    assert (
        "Pp. 17-22 in The Future of Human Rights in an Urban World, edited by T. van Lindert."
        in (english)
    )
