"""The open-data API at /api/v2/: public content only, per site, snippets in every language."""

import io

import pytest
from django.core.files.images import ImageFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction, Locale, PageViewRestriction

from home.models import Principle, Right
from tests.conftest import HILLTOP_HOST, RIVERSIDE_HOST
from tests.pages import add_entry, add_story

pytestmark = pytest.mark.django_db


def api(client, host, path, **params):
    response = client.get(f"/api/v2/{path}", params, headers={"host": host})
    assert response.status_code == 200, response.content
    return response.json()


def titles(data):
    return {item["title"] for item in data["items"]}


def test_pages_list_only_the_sites_public_pages(client, network):
    add_story(network.riverside, "Rent strike")
    add_story(network.riverside, "Unfinished story", live=False)
    add_entry(network.riverside, "Consented memory")
    add_entry(network.riverside, "Pending memory", consent_status="pending")
    private = add_story(network.riverside, "Members only")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    add_story(network.hilltop, "Hilltop harvest")

    data = api(client, RIVERSIDE_HOST, "pages/", fields="title", limit=20)
    found = titles(data)
    assert {"Riverside", "Rent strike", "Consented memory"} <= found
    assert "Unfinished story" not in found
    assert "Pending memory" not in found
    assert "Members only" not in found
    assert "Hilltop harvest" not in found
    assert "Hilltop" not in found

    hilltop = titles(api(client, HILLTOP_HOST, "pages/", fields="title", limit=20))
    assert "Hilltop harvest" in hilltop
    assert "Rent strike" not in hilltop


def test_story_type_offers_its_own_fields(client, network):
    story = add_story(network.riverside, "Tenant union", summary="Tenants organize.")
    data = api(
        client,
        RIVERSIDE_HOST,
        "pages/",
        type="chapters.StoryPage",
        fields="title,summary,date",
    )
    item = next(item for item in data["items"] if item["id"] == story.pk)
    assert item["summary"] == "Tenants organize."
    assert item["date"] == "2025-05-01"
    assert item["meta"]["html_url"].endswith("/en/stories/tenant-union/")


def test_page_detail_of_a_draft_or_other_site_is_not_found(client, network):
    draft = add_story(network.riverside, "Secret draft", live=False)
    other = add_story(network.hilltop, "Elsewhere")
    headers = {"host": RIVERSIDE_HOST}
    assert client.get(f"/api/v2/pages/{draft.pk}/", headers=headers).status_code == 404
    assert client.get(f"/api/v2/pages/{other.pk}/", headers=headers).status_code == 404
    entry = add_entry(network.riverside, "Withdrawn", consent_status="withdrawn")
    assert client.get(f"/api/v2/pages/{entry.pk}/", headers=headers).status_code == 404


def translate_principle(principle, title):
    spanish = Locale.objects.get(language_code="es")
    if not principle.principle_set.has_translation(spanish):
        principle.principle_set.copy_for_translation(spanish).save()
    translation = principle.copy_for_translation(spanish)
    translation.title = title
    translation.save()
    return translation


def test_principles_come_with_their_translations(client, network):
    principle = Principle.objects.get(title="Listen first")
    spanish = translate_principle(principle, "Escuchar primero")

    everything = api(client, RIVERSIDE_HOST, "principles/")
    item = next(item for item in everything["items"] if item["id"] == principle.pk)
    assert item["translations"] == {"en": principle.pk, "es": spanish.pk}
    assert item["meta"]["translation_key"] == str(principle.translation_key)
    assert item["meta"]["locale"] == "en"

    es = api(client, RIVERSIDE_HOST, "principles/", locale="es")
    assert titles(es) == {"Escuchar primero"}
    assert es["items"][0]["meta"]["locale"] == "es"
    assert es["items"][0]["translations"]["en"] == principle.pk

    detail = api(client, RIVERSIDE_HOST, f"principles/{spanish.pk}/")
    assert detail["statement"] == principle.statement
    assert detail["principle_set"] == spanish.principle_set_id


def test_rights_resources_and_principle_sets_are_listed(client, network):
    rights = api(client, HILLTOP_HOST, "rights/")
    assert [item["slug"] for item in rights["items"]] == ["housing"]
    resources = api(client, HILLTOP_HOST, "resources/", fields="title,authors,year")
    assert resources["items"][0]["authors"] == "Doe, Jane"
    sets = api(client, HILLTOP_HOST, "principle_sets/")
    assert titles(sets) == {"Test Principles for Organizing"}


def test_snippet_listing_queries_do_not_grow_with_translations(client, network):
    housing = Right.objects.get(slug="housing")

    def count():
        with CaptureQueriesContext(connection) as queries:
            api(client, RIVERSIDE_HOST, "rights/")
        return len(queries)

    before = count()
    spanish = Locale.objects.get(language_code="es")
    housing.copy_for_translation(spanish).save()
    Right.objects.create(name="Right to water", slug="water", instrument="UNGA", article="64/292")
    assert count() == before


def png(name):
    buffer = io.BytesIO()
    PILImage.new("RGB", (4, 4), "red").save(buffer, "PNG")
    return ImageFile(buffer, name=name)


def test_media_in_restricted_collections_is_left_out(client, network):
    riverside = Collection.objects.get(name="Riverside")
    private = riverside.add_child(name="Riverside board")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    inner = private.add_child(name="Riverside board minutes")
    Image = get_image_model()
    Document = get_document_model()
    Image.objects.create(title="Open march", file=png("open.png"), collection=riverside)
    Image.objects.create(title="Board photo", file=png("board.png"), collection=private)
    Image.objects.create(title="Inner photo", file=png("inner.png"), collection=inner)
    Document.objects.create(title="Open flyer", file=png("flyer.png"), collection=riverside)
    Document.objects.create(title="Board minutes", file=png("minutes.png"), collection=inner)

    images = titles(api(client, RIVERSIDE_HOST, "images/", limit=20))
    assert "Open march" in images
    assert not images & {"Board photo", "Inner photo"}
    documents = titles(api(client, RIVERSIDE_HOST, "documents/", limit=20))
    assert "Open flyer" in documents
    assert "Board minutes" not in documents


def test_searching_the_pages_api_finds_public_pages_only(client, network):
    add_story(network.riverside, "Zqx tenants meeting")
    add_story(network.riverside, "Zqx secret draft", live=False)
    add_entry(network.riverside, "Zqx withdrawn testimony", consent_status="withdrawn")
    response = client.get("/api/v2/pages/?search=Zqx", headers={"host": RIVERSIDE_HOST})
    assert response.status_code == 200
    titles = [item["title"] for item in response.json()["items"]]
    assert titles == ["Zqx tenants meeting"]
