"""A site's settings say, per language, whether their translation is up to date, out of
date (the source text changed since that translation was saved) or missing: in the
settings editor, and to the translation report (`settings_translation_states`)."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from chapters.models import ChapterSettings
from chapters.register.settings_translations import settings_translation_states
from home.translation.state import MISSING, OUT_OF_DATE, UP_TO_DATE
from tests.pages import chapter

pytestmark = pytest.mark.django_db
ADMIN = {"host": "localhost"}


def settings_data(note: str, spanish: dict | None) -> dict:
    blocks = [
        ("translation", {"language": "es", "support_resources": rich_text(""), **(spanish or {})})
    ]
    return nested_form_data(
        {
            "languages": ["en", "es"],
            "accent_colour": "#1d5c8c",
            "contact_email": "",
            "time_zone": "America/New_York",
            "contact_note": note,
            "support_resources": rich_text(""),
            "translations": streamfield(blocks if spanish is not None else []),
            "social_links": streamfield([]),
        }
    )


def state_in_editor(moderator, url) -> str:
    html = moderator.get(url, headers=ADMIN).text
    marker = 'data-language="es" data-state="'
    assert marker in html, "the editor shows no translation state"
    return html.split(marker, 1)[1].split('"', 1)[0]


def test_the_settings_editor_shows_each_languages_translation_state(login, network):
    riverside = chapter("Riverside")
    url = reverse("wagtailsettings:edit", args=["chapters", "chaptersettings", riverside.site_id])
    moderator = login("riverside-moderator")

    def save(note, spanish):
        response = moderator.post(url, settings_data(note, spanish), headers=ADMIN)
        assert response.status_code == 302, response.text[:300]
        return settings_translation_states(ChapterSettings.for_site(riverside.site))

    assert save("We meet on Tuesdays.", None) == {"es": MISSING}
    assert state_in_editor(moderator, url) == MISSING
    assert save("We meet on Tuesdays.", {"contact_note": "Nos reunimos los martes."}) == {
        "es": UP_TO_DATE
    }
    assert state_in_editor(moderator, url) == UP_TO_DATE
    # The English changes, the Spanish does not: out of date, until the Spanish is updated.
    assert save("We meet on Wednesdays.", {"contact_note": "Nos reunimos los martes."}) == {
        "es": OUT_OF_DATE
    }
    assert state_in_editor(moderator, url) == OUT_OF_DATE
    # The chapter's translation report lists them, and leads to the settings editor.
    report = moderator.get(
        reverse("chapters_admin:translation_state") + "?language=es", headers=ADMIN
    ).text
    assert f'<a href="{url}">Site settings</a>' in report
    assert save("We meet on Wednesdays.", {"contact_note": "Nos reunimos los miércoles."}) == {
        "es": UP_TO_DATE
    }


def test_the_state_is_kept_by_every_save_not_only_the_editor(network):
    settings = ChapterSettings.for_site(chapter("Riverside").site)
    settings.languages = ["en", "es"]
    settings.contact_note = "Call us."
    settings.translations = [("translation", {"language": "es", "contact_note": "Llámenos."})]
    settings.save()
    assert settings_translation_states(settings) == {"es": UP_TO_DATE}
    settings.contact_note = "Write to us."
    settings.save()
    reloaded = ChapterSettings.for_site(chapter("Riverside").site)
    assert settings_translation_states(reloaded) == {"es": OUT_OF_DATE}
    # A site in one language has nothing to translate.
    reloaded.languages = ["en"]
    assert settings_translation_states(reloaded) == {}
