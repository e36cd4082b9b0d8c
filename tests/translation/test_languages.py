"""A multilingual network: each site in its own languages, a switcher on every page,
translations linked for search engines, and a page not translated yet shown in
the default language with a notice instead of a 404."""

import re

import pytest
from django.core.management import call_command
from django.test import override_settings
from wagtail.coreutils import get_content_languages, get_supported_content_language_variant
from wagtail.models import Locale

from chapters.models import ChapterSettings, StoryIndexPage, StoryPage
from home.models import Right
from tests.conftest import ALLIANCE_HOST, HILLTOP_HOST, RIVERSIDE_HOST
from tests.pages import add_story, section, translate

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module", autouse=True)
def compiled_messages(django_db_blocker):
    call_command("compilemessages", ignore_patterns=[".venv"], verbosity=0)


def get(client, host, path, **headers):
    return client.get(path, headers={"host": host, **headers})


def switcher(html: str) -> list[tuple[str, str, bool]]:
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S)
    if nav is None:
        return []
    return [
        (code, href, "aria-current" in attrs)
        for href, code, attrs in re.findall(
            r'<a href="([^"]+)" lang="(\w+)" hreflang="\w+"([^>]*)>', nav.group(0)
        )
    ]


def test_switcher_links_each_language_of_the_site_to_the_same_page(client, network):
    story = add_story(network.riverside, "Rent strike")
    translate(story, title="Huelga de alquileres", slug="huelga-de-alquileres")
    html = get(client, RIVERSIDE_HOST, "/en/stories/rent-strike/").content.decode()
    assert switcher(html) == [
        ("en", "/en/stories/rent-strike/", True),
        ("es", "/es/stories/huelga-de-alquileres/", False),
    ]
    # Search engines learn both, with English as the default.
    alternates = re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)">', html)
    assert alternates == [
        ("en", "http://riverside.localhost/en/stories/rent-strike/"),
        ("x-default", "http://riverside.localhost/en/stories/rent-strike/"),
        ("es", "http://riverside.localhost/es/stories/huelga-de-alquileres/"),
    ]
    spanish_html = get(client, RIVERSIDE_HOST, "/es/stories/huelga-de-alquileres/").content.decode()
    assert '<html lang="es" dir="ltr">' in spanish_html
    assert "Huelga de alquileres" in spanish_html
    assert ("en", "/en/stories/rent-strike/", False) in switcher(spanish_html)


def test_an_untranslated_page_shows_in_english_with_a_notice_not_a_404(client, network):
    add_story(network.riverside, "Water shutoffs")
    response = get(client, RIVERSIDE_HOST, "/es/stories/water-shutoffs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Water shutoffs" in html
    assert "todavía no está disponible en español" in html and "inglés" in html
    # The English text is marked as English for screen readers; the interface stays Spanish.
    assert '<h1 lang="en" dir="ltr">Water shutoffs</h1>' in html
    assert '<html lang="es"' in html
    # The English page itself has no notice.
    english = get(client, RIVERSIDE_HOST, "/en/stories/water-shutoffs/").content.decode()
    assert 'class="notice"' not in english
    # Nothing is invented: a page that does not exist is still a 404 in every language.
    assert get(client, RIVERSIDE_HOST, "/es/stories/no-such-story/").status_code == 404


def test_a_chapter_offers_only_its_own_languages(client, network):
    # Hilltop publishes in English only; Riverside in English and Spanish.
    assert ChapterSettings.for_site(network.site(HILLTOP_HOST)).language_codes == ["en"]
    response = get(client, HILLTOP_HOST, "/es/?x=1")
    assert response.status_code == 302
    assert response["Location"] == "/en/?x=1"
    html = get(client, HILLTOP_HOST, "/en/").content.decode()
    assert switcher(html) == []  # one language: no switcher
    assert 'hreflang="es"' not in html
    assert [
        code
        for code, _href, _current in switcher(get(client, RIVERSIDE_HOST, "/en/").content.decode())
    ] == ["en", "es"]
    # Feeds and calendars follow the same rule.
    assert get(client, HILLTOP_HOST, "/es/events/feed.ics").status_code == 302


def test_the_bare_address_answers_in_a_language_the_site_publishes_in(client, network):
    html = get(client, HILLTOP_HOST, "/", **{"accept-language": "es"}).content.decode()
    assert '<html lang="en"' in html
    html = get(client, RIVERSIDE_HOST, "/", **{"accept-language": "es"}).content.decode()
    assert '<html lang="es"' in html


def test_moderators_choose_their_sites_languages(login, client, network):
    from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

    site = network.site(HILLTOP_HOST)
    data = nested_form_data(
        {
            "accent_colour": "#1d5c8c",
            "time_zone": "America/New_York",
            "support_resources": rich_text(""),
            "social_links": streamfield([]),
            "translations": streamfield(
                [
                    (
                        "translation",
                        {
                            "language": "es",
                            "contact_note": "Nos reunimos el segundo martes de cada mes.",
                            "support_resources": rich_text("<p>Línea de apoyo: 988</p>"),
                        },
                    )
                ]
            ),
        }
    )
    data["languages"] = ["es", "en"]
    url = f"/admin/settings/chapters/chaptersettings/{site.pk}/"
    response = login("hilltop-moderator").post(url, data, headers={"host": ALLIANCE_HOST})
    assert response.status_code == 302
    # The network's default language comes first whatever the order ticked.
    assert ChapterSettings.for_site(site).languages == ["en", "es"]
    client.logout()
    spanish = get(client, HILLTOP_HOST, "/es/")
    assert spanish.status_code == 200
    assert "Nos reunimos el segundo martes" in spanish.content.decode()
    assert "Nos reunimos" not in get(client, HILLTOP_HOST, "/en/").content.decode()


def test_rights_to_tag_a_page_are_offered_in_the_pages_language(login, network):
    housing = Right.objects.get(slug="housing")
    vivienda = housing.copy_for_translation(Locale.objects.get(language_code="es"))
    vivienda.name = "Derecho a la vivienda"
    vivienda.save()
    stories = section(network.riverside, StoryIndexPage)
    client = login("riverside-editor")
    english = client.get(
        f"/admin/pages/add/chapters/storypage/{stories.pk}/", headers={"host": ALLIANCE_HOST}
    )
    choices = list(english.context["form"].fields["rights"].queryset)
    assert housing in choices and vivienda not in choices

    story = add_story(network.riverside, "Tenants win")
    spanish_story = translate(story, title="Ganan los inquilinos")
    spanish = client.get(f"/admin/pages/{spanish_story.pk}/edit/", headers={"host": ALLIANCE_HOST})
    choices = list(spanish.context["form"].fields["rights"].queryset)
    assert vivienda in choices and housing not in choices


def test_a_chooser_opened_from_a_page_lists_that_pages_language(login, network):
    story = add_story(network.riverside, "Tenants win")
    spanish_story = translate(story, title="Ganan los inquilinos")
    client = login("riverside-editor")
    referer = f"http://localhost/admin/pages/{spanish_story.pk}/edit/"

    def search(term):
        return client.get(
            f"/admin/choose-page/search/?q={term}",
            headers={"host": ALLIANCE_HOST, "referer": referer},
        ).content.decode()

    assert "Ganan los inquilinos" in search("inquilinos")
    assert "Tenants win" not in search("tenants")
    response = client.get(
        "/admin/snippets/choose/home/principle/",
        headers={"host": ALLIANCE_HOST, "referer": referer},
    )
    assert "Listen first" not in response.json()["html"]  # only Spanish principles
    english = client.get(
        "/admin/snippets/choose/home/principle/",
        headers={
            "host": ALLIANCE_HOST,
            "referer": f"http://localhost/admin/pages/{story.pk}/edit/",
        },
    )
    assert "Listen first" in english.json()["html"]


def test_chapter_editors_translate_their_own_pages_not_shared_snippets(login, network):
    from home.models import Principle

    story = add_story(network.riverside, "Tenants win")
    spanish = Locale.objects.get(language_code="es")
    client = login("riverside-editor")
    response = client.post(
        f"/admin/localize/submit/page/{story.pk}/",
        {"locales": [spanish.pk]},
        headers={"host": ALLIANCE_HOST},
    )
    assert response.status_code == 302
    assert StoryPage.objects.filter(translation_key=story.translation_key, locale=spanish)

    principle = Principle.objects.get(title="Listen first")
    response = client.post(
        f"/admin/localize/submit/snippet/home/principle/{principle.pk}/",
        {"locales": [spanish.pk]},
        headers={"host": ALLIANCE_HOST},
    )
    assert not Principle.objects.filter(
        translation_key=principle.translation_key, locale=spanish
    ).exists()


RTL = [("en", "English"), ("es", "Español"), ("ar", "العربية")]


def test_adding_a_right_to_left_language_is_a_settings_change(client, network):
    with override_settings(LANGUAGES=RTL, WAGTAIL_CONTENT_LANGUAGES=RTL):
        get_content_languages.cache_clear()
        get_supported_content_language_variant.cache_clear()
        Locale.objects.get_or_create(language_code="ar")
        try:
            html = get(client, ALLIANCE_HOST, "/ar/").content.decode()
            assert '<html lang="ar" dir="rtl">' in html
            assert ("ar", "/ar/", True) in switcher(html)
        finally:
            get_content_languages.cache_clear()
            get_supported_content_language_variant.cache_clear()


def test_a_hidden_translation_is_neither_linked_nor_named(client, network):
    """A translation whose consent was withdrawn (or a draft, or restricted) must not
    show up in the switcher or the hreflang links of the page it translates."""
    from tests.pages import add_entry

    entry = add_entry(network.riverside, "Open entry")
    spanish = translate(entry, title="Zqx withdrawn", slug="zqx-withdrawn")
    type(spanish).objects.filter(pk=spanish.pk).update(live=False)
    html = get(client, RIVERSIDE_HOST, "/en/archive/open-entry/").content.decode()
    assert "zqx-withdrawn" not in html
    # Spanish readers get the English entry with the notice instead.
    assert ("es", "/es/archive/open-entry/", False) in switcher(html)
