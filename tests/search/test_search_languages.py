"""Search stems each language as that language (search/languages.py): a Spanish page is
found by another form of its Spanish words, an English page by its English stems, and
a language added in settings gets its own configuration, or `simple` without one."""

import io

import pytest
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import Locale
from wagtail.rich_text import RichText

from tests.conftest import ALLIANCE_HOST, RIVERSIDE_HOST
from tests.pages import add_story

pytestmark = pytest.mark.django_db


def body(text):
    return [("paragraph", RichText(f"<p>{text}</p>"))]


def search(client, host, language, query):
    response = client.get(f"/{language}/search/", {"query": query}, headers={"host": host})
    assert response.status_code == 200
    return response


def found(client, host, language, query):
    return [page.title for page in search(client, host, language, query).context["search_results"]]


def translate(page, language_code, title, text):
    locale, _ = Locale.objects.get_or_create(language_code=language_code)
    translated = page.copy_for_translation(locale, copy_parents=True)
    translated.title = title
    translated.body = body(text)
    translated.save_revision().publish()
    return translated


def test_spanish_is_stemmed_as_spanish_and_english_as_english(client, network):
    """English stemming left "organizaciones" and "organización" two words: nothing found."""
    story = add_story(network.riverside, "Tenant organizing", body=body("Organizing tenants."))
    translate(story, "es", "Inquilinos", "Una organización de inquilinos.")
    for host in (RIVERSIDE_HOST, ALLIANCE_HOST):
        assert found(client, host, "es", "organizaciones") == ["Inquilinos"]
        assert found(client, host, "en", "organizations") == ["Tenant organizing"]
    # The excerpt marks the word found, accents and all.
    response = search(client, RIVERSIDE_HOST, "es", "organizaciones")
    assert "Una <mark>organización</mark> de inquilinos." in response.text
    # A rebuild of the index (after adding a language) keeps each page's language.
    call_command("update_index", stdout=io.StringIO())
    assert found(client, RIVERSIDE_HOST, "es", "organizaciones") == ["Inquilinos"]


ADDED = [
    # French has a configuration: "militant" finds "militantes" (English: two stems).
    ("fr", "Français", "Les militantes du quartier.", "militant"),
    # No Vietnamese one: `simple`, every word kept (English drops "an" as a stop word).
    ("vi", "Tiếng Việt", "An toàn nhà ở.", "an"),
]


@pytest.mark.parametrize(("code", "name", "text", "query"), ADDED)
def test_a_language_added_in_settings_needs_no_code(client, network, code, name, text, query):
    languages = [("en", "English"), ("es", "Español"), (code, name)]
    with override_settings(LANGUAGES=languages, WAGTAIL_CONTENT_LANGUAGES=languages):
        story = add_story(network.riverside, "Neighbours", body=body("Our neighbours."))
        translate(story, code, f"Neighbours ({code})", text)
        assert found(client, ALLIANCE_HOST, code, query) == [f"Neighbours ({code})"]
