"""The open-data API at /api/v2/: public content only, per site, snippets in every language."""

import io

import pytest
from django.core.files.base import ContentFile
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


def test_searching_images_and_documents_finds_public_files_only(client, network, archive):
    riverside = Collection.objects.get(name="Riverside")
    board = riverside.add_child(name="Riverside board")
    CollectionViewRestriction.objects.create(collection=board, restriction_type="login")
    Image = get_image_model()
    Document = get_document_model()
    Image.objects.create(title="Zqy march", file=png("march.png"), collection=riverside)
    Image.objects.create(title="Zqy board photo", file=png("board.png"), collection=board)
    Image.objects.create(title="Zqy archive photo", file=png("memory.png"), collection=archive)
    Document.objects.create(title="Zqy flyer", file=png("flyer.png"), collection=riverside)
    Document.objects.create(title="Zqy minutes", file=png("minutes.png"), collection=board)
    Document.objects.create(
        title="Zqy consent", file=ContentFile(b"I agree", name="consent.txt"), collection=archive
    )

    assert titles(api(client, RIVERSIDE_HOST, "images/", search="Zqy")) == {"Zqy march"}
    assert titles(api(client, HILLTOP_HOST, "documents/", search="Zqy")) == {"Zqy flyer"}


@pytest.mark.parametrize(
    "params, message",
    [
        ({"offset": "9" * 30}, "offset must be a whole number from 0 to 2147483647"),
        ({"limit": "²"}, "limit must be a whole number"),
        ({"id": "١٢"}, "id must be a whole number"),
        ({"child_of": str(2**64)}, "child_of must be a whole number"),
        ({"search": "water\x00"}, "search: control characters (such as NUL) are not allowed"),
        ({"search": "water", "search_operator": "xor"}, "search_operator must be 'and' or 'or'"),
        ({"first_published_at": "6543"}, "first_published_at: '6543' is not a valid value"),
    ],
)
def test_a_parameter_the_api_cannot_use_answers_400_with_a_message(
    client, network, params, message
):
    response = client.get("/api/v2/pages/", params, headers={"host": RIVERSIDE_HOST})
    assert response.status_code == 400
    assert response.json()["message"].startswith(message)


def test_a_snippet_filter_on_its_translation_key_needs_a_uuid(client, network):
    response = client.get(
        "/api/v2/rights/", {"translation_key": "housing"}, headers={"host": RIVERSIDE_HOST}
    )
    assert response.status_code == 400
    assert response.json()["message"] == "translation_key: 'housing' is not a valid value"
    housing = Right.objects.get(slug="housing")
    found = api(client, RIVERSIDE_HOST, "rights/", translation_key=str(housing.translation_key))
    assert [item["id"] for item in found["items"]] == [housing.pk]


def test_the_api_root_lists_the_endpoints_and_other_paths_are_json_404s(client, network):
    response = client.get("/api/v2/", headers={"host": RIVERSIDE_HOST})
    assert response.status_code == 200
    endpoints = response.json()["endpoints"]
    assert endpoints["pages"] == "http://riverside.localhost/api/v2/pages/"
    assert set(endpoints) == {
        "pages",
        "images",
        "documents",
        "principles",
        "principle_sets",
        "resources",
        "rights",
    }
    for path in ("/api/v2/nothing/", "/api/v2/pages/nothing/", "/api/v2/pages/999999/"):
        missing = client.get(path, headers={"host": RIVERSIDE_HOST})
        assert missing.status_code == 404, path
        assert missing["Content-Type"] == "application/json", path
        assert missing.json()["message"], path


def test_an_entry_under_a_content_warning_says_so_in_the_api(client, network):
    warned = add_entry(network.riverside, "Fire testimony", content_warning="Death, fire")
    plain = add_entry(network.riverside, "Garden testimony")
    data = api(
        client,
        RIVERSIDE_HOST,
        "pages/",
        type="chapters.ArchiveEntryPage",
        fields="summary,content_warning,blur_images",
    )
    items = {item["id"]: item for item in data["items"]}
    assert items[warned.pk]["content_warning"] == "Death, fire"
    assert items[warned.pk]["summary"] == "Content warning: Death, fire\n\nAbout Fire testimony."
    assert items[plain.pk]["content_warning"] == ""
    assert items[plain.pk]["summary"] == "About Garden testimony."
    detail = api(client, RIVERSIDE_HOST, f"pages/{warned.pk}/")
    assert detail["content_warning"] == "Death, fire"
    assert detail["summary"].startswith("Content warning: Death, fire")
