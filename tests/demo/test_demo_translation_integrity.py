"""No translation overwrites another, on the demo's data: the Jemez case of the issue.

An Alliance editor translated one new Jemez principle and pressed "Publish in Español";
wagtail-localize also "translated" the principle's set and wrote the English set's text
over the Spanish one on /es/principios/, every Spanish chapter home and story callouts.
Here every other Spanish text stays the same, byte for byte, after translating,
publishing and syncing (home/translation/integrity.py).
"""

import pytest
from wagtail_localize.models import TranslationSource

from tests.translation.localize.paths import ADMIN
from tests.translation.localize.test_translation_integrity import (
    JEMEZ,
    JEMEZ_ES,
    es,
    new_jemez_principle,
    spanish_text,
)

pytestmark = pytest.mark.django_db


def test_translating_one_principle_changes_no_other_spanish_text(demo_network, login):
    before = spanish_text()
    principle = new_jemez_principle()
    editor = login("alliance-editor")

    submitted = editor.post(
        f"/admin/localize/submit/snippet/home/principle/{principle.pk}/",
        {"locales": [es().pk]},
        headers=ADMIN,
    )
    assert submitted.status_code == 302
    spanish = principle.get_translation(es())
    # The Spanish principle is linked to the Spanish set the demo made, not a new one.
    assert spanish.principle_set.title == JEMEZ_ES
    published = editor.post(
        f"/admin/snippets/home/principle/edit/{spanish.pk}/", {"action": "publish"}, headers=ADMIN
    )
    assert published.status_code == 302
    source = TranslationSource.objects.get(object_id=principle.translation_key)
    synced = editor.post(
        f"/admin/localize/update/{source.pk}/", {"publish_translations": "on"}, headers=ADMIN
    )
    assert synced.status_code == 302

    after = spanish_text()
    del after["Principle", principle.translation_key]
    assert after == before
    page = editor.get("/es/principios/", headers=ADMIN).text
    assert JEMEZ_ES in page and JEMEZ not in page
