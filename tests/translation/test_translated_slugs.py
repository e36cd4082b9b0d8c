"""A translator's own slug: the Spanish page answers at its Spanish address, and its
English address under /es/ moves there (301) instead of showing the English page,
only when both are public, with the rest of the path and the query string kept."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Locale, Page, PageViewRestriction
from wagtail_localize.models import StringTranslation, Translation
from wagtail_localize.operations import translate_object

from chapters.models import StoryIndexPage
from tests.conftest import RIVERSIDE_HOST
from tests.pages import add_story, section, translate

pytestmark = pytest.mark.django_db
HOST = {"host": RIVERSIDE_HOST}


def test_english_slug_under_es_moves_to_the_spanish_page(client, network):
    story = add_story(network.riverside, "Water shutoffs")
    translated = translate(story, title="Cortes de agua", slug="cortes-de-agua")
    response = client.get(f"/es/stories/{story.slug}/?utm_source=flyer&x=1", headers=HOST)
    assert response.status_code == 301
    assert response["Location"] == "/es/stories/cortes-de-agua/?utm_source=flyer&x=1"
    page = client.get("/es/stories/cortes-de-agua/", headers=HOST)
    assert page.status_code == 200 and "Cortes de agua" in page.text
    assert page.context["page"].pk == translated.pk
    # The English page keeps its English address.
    assert client.get(f"/en/stories/{story.slug}/", headers=HOST).status_code == 200


def test_a_spanish_section_slug_moves_its_pages_and_routes(client, network):
    index = section(network.riverside, StoryIndexPage)
    story = add_story(network.riverside, "Tenant union wins")
    translate(index, title="Historias", slug="historias")
    translate(story, title="El sindicato gana", slug="el-sindicato-gana")
    assert client.get("/es/historias/", headers=HOST).status_code == 200
    assert client.get("/es/historias/feed/", headers=HOST).status_code == 200
    moved = {
        "/es/stories/": "/es/historias/",
        "/es/stories/feed/": "/es/historias/feed/",
        f"/es/stories/{story.slug}/": "/es/historias/el-sindicato-gana/",
    }
    for old, new in moved.items():
        response = client.get(old, headers=HOST)
        assert (response.status_code, response["Location"]) == (301, new), old


def test_never_moves_to_or_from_a_page_the_public_may_not_see(client, network):
    draft = add_story(network.riverside, "Draft plans")
    planes = translate(draft, title="Planes", slug="planes")
    Page.objects.filter(pk=planes.pk).update(live=False)  # a translation not published yet
    secret = add_story(network.riverside, "Members only news")
    translate(secret, title="Noticias", slug="noticias")
    PageViewRestriction.objects.create(page=secret, restriction_type="login")
    for story in (draft, secret):
        response = client.get(f"/es/stories/{story.slug}/", headers=HOST)
        assert response.status_code != 301, story.title
        assert "planes" not in response.get("Location", "")
        assert "noticias" not in response.get("Location", "")


def test_a_page_not_translated_yet_is_still_shown_in_english(client, network):
    story = add_story(network.riverside, "Only in English")
    response = client.get(f"/es/stories/{story.slug}/", headers=HOST)
    assert response.status_code == 200 and "Only in English" in response.text


def test_a_translator_sets_the_slug_in_wagtail_localize(
    client, network, django_capture_on_commit_callbacks
):
    """wagtail-localize 1.14 offers a page's slug as a string to translate; published,
    the Spanish page answers at it and the English address under /es/ moves there."""
    story = add_story(network.riverside, "Rent hearing")
    translate_object(story, [Locale.objects.get(language_code="es")])
    translation = Translation.objects.get(source__object_id=story.translation_key)
    segment = translation.source.stringsegment_set.get(context__path="slug")
    StringTranslation.objects.create(
        translation_of=segment.string,
        locale=translation.target_locale,
        context=segment.context,
        data="audiencia-de-rentas",
    )
    with django_capture_on_commit_callbacks(execute=True):
        # By someone who may publish (anyone else's publish goes to the workflow).
        moderator = get_user_model().objects.get(username="riverside-moderator")
        translation.save_target(user=moderator, publish=True)
    assert client.get("/es/stories/audiencia-de-rentas/", headers=HOST).status_code == 200
    moved = client.get(f"/es/stories/{story.slug}/", headers=HOST)
    assert moved["Location"] == "/es/stories/audiencia-de-rentas/"
