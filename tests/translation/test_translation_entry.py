"""Translate, Sync and each language's state where editors work: the shared snippets'
listing and edit view, a page's header menu, and Reports > Translation state.

Translations are made with wagtail-localize's own TranslationCreator; the English is
edited and synced through the admin's own forms, as an Alliance editor does."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, TranslationSource
from wagtail_localize.operations import translate_object

from home.models import Principle
from tests.admin_forms import form_data

ADMIN = {"host": "localhost"}
LISTING = "/admin/snippets/home/principle/"
REPORT = "/admin/chapters/translations/?language=es"


def edit_url(principle) -> str:
    return f"/admin/snippets/home/principle/edit/{principle.pk}/"


def text(response) -> str:
    """The page's words, tags dropped and spaces collapsed."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def translate_strings(principle):
    """A translator fills every string of its Spanish translation, then publishes."""
    source = TranslationSource.objects.get_for_instance(principle)
    translation = source.translations.get()
    for segment in source.stringsegment_set.select_related("string", "context"):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=translation.target_locale,
            context=segment.context,
            defaults={"data": f"ES {segment.string.data}"},
        )
    translation.save_target(publish=True)


@pytest.fixture
def principle(network):
    """ "Listen first", translated to Spanish with wagtail-localize, every string filled."""
    principle = Principle.objects.get(title="Listen first", locale=Locale.get_default())
    translate_object(principle, [Locale.objects.get(language_code="es")])
    translate_strings(principle)
    return principle


def edit_english(client, principle, statement):
    page = client.get(edit_url(principle), headers=ADMIN)
    data = form_data(page.content.decode(), statement=statement)
    response = client.post(edit_url(principle), data, headers=ADMIN)
    assert response.status_code == 302, text(response)[:2000]


def test_listing_shows_each_rows_state_and_offers_translate_and_sync(principle, login):
    client = login("alliance-editor")
    response = client.get(LISTING, headers=ADMIN)
    assert response.status_code == 200
    words = text(response)
    assert "Español: up to date" in words  # Listen first
    assert "Español: missing" in words  # Act together
    other = Principle.objects.get(title="Act together")
    html = response.content.decode()
    assert f"/admin/localize/submit/snippet/home/principle/{other.pk}/" in html
    source = TranslationSource.objects.get_for_instance(principle)
    assert f"/admin/localize/update/{source.pk}/" in html
    # The row of the translated one offers no Translate: every language has one.
    assert f"/admin/localize/submit/snippet/home/principle/{principle.pk}/" not in html


def test_listing_asks_the_database_the_same_number_of_times_for_more_rows(principle, login):
    client = login("alliance-editor")

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(LISTING, headers=ADMIN).status_code == 200
        return len(captured)

    few = queries()
    en, es = Locale.get_default(), Locale.objects.get(language_code="es")
    for number in range(3, 9):
        added = Principle.objects.create(
            principle_set=principle.principle_set,
            sort_order=number,
            title=f"Principle {number}",
            statement="More words.",
            locale=en,
        )
        if number % 2:
            translate_object(added, [es])
    assert queries() <= few


def test_edit_view_follows_the_translation_from_missing_to_synced(principle, login):
    """Missing, up to date, out of date after the English changes, up to date after a
    sync that publishes: as the editor sees it in the edit view's action menu."""
    client = login("alliance-editor")
    other = Principle.objects.get(title="Act together")
    words = text(client.get(edit_url(other), headers=ADMIN))
    assert "Translate" in words and "Español: missing" in words

    assert "Español: up to date" in text(client.get(edit_url(principle), headers=ADMIN))
    edit_english(client, principle, "Those most harmed speak first, and are heard.")
    response = client.get(edit_url(principle), headers=ADMIN)
    assert "Español: out of date" in text(response)
    source = TranslationSource.objects.get_for_instance(principle)
    assert f"/admin/localize/update/{source.pk}/" in response.content.decode()

    synced = client.post(
        f"/admin/localize/update/{source.pk}/", {"publish_translations": "on"}, headers=ADMIN
    )
    assert synced.status_code == 302
    # The new sentence has no Spanish yet: it falls back to English, so still out of date.
    assert "Español: out of date" in text(client.get(edit_url(principle), headers=ADMIN))
    translate_strings(principle)
    assert "Español: up to date" in text(client.get(edit_url(principle), headers=ADMIN))


def test_page_header_shows_each_languages_state(network, login):
    client = login("riverside-editor")
    response = client.get(f"/admin/pages/{network.riverside.pk}/edit/", headers=ADMIN)
    assert response.status_code == 200
    assert re.search(r"Español: (missing|not tracked|up to date|out of date)", text(response))


def test_report_shows_the_alliance_to_its_editors(principle, login):
    client = login("alliance-editor")
    menu = client.get("/admin/", headers=ADMIN).content.decode()
    assert "/admin/chapters/translations/" in menu
    words = text(client.get(REPORT, headers=ADMIN))
    assert "Alliance" in words
    assert re.search(r"Act together Principle missing", words)
    assert "Riverside" not in words and "Hilltop" not in words


def test_report_shows_a_chapter_only_its_own_pages(network, login):
    client = login("riverside-editor")
    menu = client.get("/admin/", headers=ADMIN).content.decode()
    assert "/admin/chapters/translations/" in menu
    response = client.get(REPORT, headers=ADMIN)
    assert response.status_code == 200
    words = text(response)
    assert "Riverside" in words
    assert "Hilltop" not in words and "Act together" not in words


@pytest.mark.parametrize("username", ["riverside-member"])
def test_report_refuses_people_who_translate_nothing(network, client, username):
    from tests.logins import log_in

    log_in(client, username)
    response = client.get(REPORT, headers=ADMIN)
    assert response.status_code in (302, 403)


def test_explorer_rows_offer_translate_and_state_at_a_constant_cost(network, login):
    """A chapter editor's explorer: each story's row names its Spanish state and
    offers Translate; more stories cost no more translation queries (Wagtail's own
    explorer asks the cache for site roots per row, which is not ours to count)."""
    from chapters.models import StoryIndexPage
    from tests.pages import add_story, section

    add_story(network.riverside, "Tenants organize")
    stories = section(network.riverside, StoryIndexPage)
    client = login("riverside-editor")

    def listing():
        with CaptureQueriesContext(connection) as captured:
            response = client.get(f"/admin/pages/{stories.pk}/", headers=ADMIN)
        assert response.status_code == 200
        sql = [query["sql"] for query in captured.captured_queries]
        ours = [q for q in sql if "wagtail_localize_" in q or '"wagtailcore_locale"' in q]
        return response, len(ours)

    response, few = listing()
    assert "Español: missing" in text(response)
    assert "Translate this page" in text(response)
    for number in range(4):
        add_story(network.riverside, f"Tenants organize {number}")
    response, more = listing()
    assert text(response).count("Español: missing") >= 5
    assert more <= few
