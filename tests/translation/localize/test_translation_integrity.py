"""No translation overwrites another (home/translation/integrity.py), on the demo's data.

The Jemez case of the issue (an Alliance editor translated one new Jemez principle and
pressed "Publish in Español"; wagtail-localize also "translated" the principle's set and
wrote the English set's text over the Spanish one on /es/principios/, every Spanish
chapter home and story callouts) is tested on the demo's data in
tests/demo/test_demo_translation_integrity.py, with the helpers here.
"""

import pytest
from django.db import models
from wagtail.fields import StreamField
from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from home.models import Principle, PrincipleSet, Resource, Right
from tests.translation.localize.paths import ADMIN

pytestmark = pytest.mark.django_db

JEMEZ = "Jemez Principles for Democratic Organizing"
JEMEZ_ES = "Principios de Jemez para la Organización Democrática"


def es() -> Locale:
    return Locale.objects.get(language_code="es")


def _text(obj) -> dict:
    return {
        field.name: field.value_to_string(obj)
        for field in obj._meta.concrete_fields
        if isinstance(field, models.CharField | models.TextField | StreamField)
    }


def spanish_text() -> dict:
    """Every text field of every Spanish snippet and page (and of its latest draft)."""
    dump = {}
    for model in (PrincipleSet, Principle, Resource, Right):
        for obj in model.objects.filter(locale=es()):
            dump[model.__name__, obj.translation_key] = _text(obj)
    for page in Page.objects.filter(locale=es()).specific():
        latest = page.get_latest_revision_as_object() if page.latest_revision_id else page
        dump["page", page.translation_key] = (_text(page), _text(latest))
    return dump


def new_jemez_principle() -> Principle:
    jemez = PrincipleSet.objects.get(title=JEMEZ, locale=Locale.get_default())
    return Principle.objects.create(
        principle_set=jemez,
        sort_order=7,
        title="Share the work",
        statement="Leadership is shared and passed on.",
        locale=Locale.get_default(),
    )


def spanish_copy(english):
    """A Spanish translation made by hand, outside wagtail-localize."""
    spanish = english.copy_for_translation(es())
    spanish.save()
    return spanish


def test_starting_a_translation_of_an_existing_spanish_text_keeps_it(network, login):
    """A Translation started for a Spanish principle that was made outside
    wagtail-localize takes its text; saving it writes the same text back, and text it
    could not pair is never replaced by the English: the save is refused."""
    english = Principle.objects.get(locale=Locale.get_default(), title="Listen first")
    spanish_copy(english.principle_set)
    spanish = spanish_copy(english)
    spanish.title, spanish.statement = "Escuchar primero", "Una frase escrita a mano."
    spanish.save()
    source, _ = TranslationSource.get_or_create_from_instance(english)
    translation = Translation.objects.create(source=source, target_locale=es())
    assert StringTranslation.objects.filter(
        locale=es(), data="Una frase escrita a mano.", context__path="statement"
    ).exists()
    translation.save_target()
    spanish.refresh_from_db()
    assert (spanish.title, spanish.statement) == ("Escuchar primero", "Una frase escrita a mano.")

    # The English gains a paragraph: the Spanish commentary can no longer be paired.
    spanish.commentary = "<p>Un comentario propio.</p>"
    spanish.save()
    english.commentary = "<p>One.</p><p>Two.</p>"
    english.save()
    editor = login("alliance-editor")
    synced = editor.post(
        f"/admin/localize/update/{source.pk}/", {"publish_translations": "on"}, headers=ADMIN
    )
    assert synced.status_code == 302
    published = editor.post(
        f"/admin/snippets/home/principle/edit/{spanish.pk}/", {"action": "publish"}, headers=ADMIN
    )
    assert published.status_code == 302
    spanish.refresh_from_db()
    assert spanish.commentary == "<p>Un comentario propio.</p>"
    assert spanish.title == "Escuchar primero"
