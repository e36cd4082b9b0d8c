"""Archive files in the admin: private thumbnails for the collection's editors only,
files made private when they move into the archive (one by one or in bulk) or are
uploaded there, and the entry's include showing only what the reader may see."""

import io
import os
from pathlib import Path

import pytest
from django.conf import settings
from django.template import engines
from django.test import RequestFactory
from wagtail.images import get_image_model
from wagtail.models import Collection

from chapters.files import private as private_media
from home.renditions import renditions_for
from network_site.storage import is_private_name
from tests.conftest import RIVERSIDE_HOST
from tests.files.private.archive_files import (
    CANARY,
    assert_no_canary_anywhere_public,
    assert_private,
    canary_jpeg,
    give_consent,
    network_user,
    upload_document,
    upload_image,
)
from tests.pages import add_entry

pytestmark = pytest.mark.django_db


def test_admin_shows_private_thumbnails_only_to_the_collections_editors(
    client, login, network, archive
):
    image = upload_image(archive, title="Admin photo")
    login("riverside-editor")
    listing = client.get("/admin/images/", headers={"host": RIVERSIDE_HOST})
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "/admin/private-media/images/private-" in html
    assert settings.MEDIA_URL + "images/private-" not in html
    # Renditions of a private original are private too: nothing under MEDIA_ROOT.
    assert_no_canary_anywhere_public()
    rendition = image.renditions.first()
    assert os.path.basename(rendition.file.name).startswith("private-")
    assert (
        Path(rendition.file.path)
        .resolve()
        .is_relative_to(Path(settings.PRIVATE_MEDIA_ROOT).resolve())
    )

    thumbnail = rendition.url
    assert client.get(thumbnail).status_code == 200
    assert client.get(image.file.url).status_code == 200
    login("hilltop-editor")
    assert client.get(thumbnail).status_code == 404
    client.logout()
    assert client.get(thumbnail).status_code == 302  # the admin's login


def test_moving_an_image_into_the_archive_makes_it_private(
    network, archive, django_capture_on_commit_callbacks
):
    riverside = Collection.objects.get(name="Riverside")
    image = upload_image(riverside, title="Moved photo")
    public_path = Path(image.file.path)
    rendition = image.get_rendition("width-800")
    rendition_path = Path(rendition.file.path)
    assert public_path.exists() and rendition_path.exists()

    with django_capture_on_commit_callbacks(execute=True):
        image.collection = archive
        image.save()

    image.refresh_from_db()
    assert_private(image)
    assert not public_path.exists()
    assert not rendition_path.exists()
    # Made anew after the move (the upload task): the archive's sizes, private too.
    renditions = image.renditions.all()
    assert {r.filter_spec for r in renditions} == set(renditions_for(image))
    assert all(is_private_name(r.file.name) for r in renditions)
    with image.file.open("rb") as stored:
        assert CANARY.encode() not in stored.read()
    assert_no_canary_anywhere_public()


def test_bulk_add_to_collection_makes_files_private(
    network, archive, django_capture_on_commit_callbacks
):
    riverside = Collection.objects.get(name="Riverside")
    image = upload_image(riverside, title="Bulk photo")
    document = upload_document(riverside, title="Bulk letter")
    with django_capture_on_commit_callbacks(execute=True):
        for item in (image, document):
            type(item).objects.filter(pk=item.pk).update(collection=archive)
        private_media.secure_bulk_moves(None, "add_to_collection", [image, document], None)
    for item in (image, document):
        item.refresh_from_db()
        assert_private(item)


def render_media(entry, user, **request_attrs):
    request = RequestFactory().get("/", headers={"host": RIVERSIDE_HOST})
    request.user = user
    for name, value in request_attrs.items():
        setattr(request, name, value)
    template = engines["django"].get_template("chapters/includes/archive_media.html")
    return template.render({"page": entry, "request": request})


def test_include_shows_only_files_the_reader_may_see(network, archive):
    from django.contrib.auth.models import AnonymousUser

    image = upload_image(archive, description="Neighbors marching on Main Street")
    document = upload_document(archive, title="Council letter")
    entry = add_entry(network.riverside, "Included", image=image, document=document)
    assert "archive-figure" not in render_media(entry, AnonymousUser())

    give_consent(entry, image)
    html = render_media(entry, AnonymousUser())
    assert '<figure class="archive-figure">' in html
    assert 'class="archive-image"' in html
    assert f'src="/archive-media/image/{image.pk}/width-800/"' in html
    assert f"/archive-media/image/{image.pk}/width-1600/ 1200w" in html
    assert 'alt="Neighbors marching on Main Street"' in html
    assert "Council letter" not in html  # the document has no consent of its own
    assert "private-" not in html and settings.MEDIA_URL not in html

    give_consent(entry, document)
    html = render_media(entry, AnonymousUser())
    assert f'href="/archive-media/document/{document.pk}/"' in html

    # The editor's preview shows the files through the admin, whatever their consent.
    editor = network_user("riverside-editor")
    unconsented = add_entry(network.riverside, "Previewed", image=upload_image(archive))
    assert "archive-image" not in render_media(unconsented, editor)
    assert "/admin/private-media/" in render_media(unconsented, editor, is_preview=True)


def test_upload_through_the_admin_is_private(client, login, network, archive):
    login("riverside-editor")
    upload = io.BytesIO(canary_jpeg())
    upload.name = f"{CANARY}-phone.jpg"
    response = client.post(
        "/admin/images/multiple/add/",
        {"files[]": upload, "collection": archive.pk},
        headers={"host": RIVERSIDE_HOST, "x-requested-with": "XMLHttpRequest"},
    )
    assert response.status_code == 200, response.content
    image = get_image_model().objects.get(pk=response.json()["image_id"])
    assert_private(image)
    with image.file.open("rb") as stored:
        assert CANARY.encode() not in stored.read()
    assert image.file_hash
    assert_no_canary_anywhere_public()
    edit = client.get(f"/admin/images/{image.pk}/", headers={"host": RIVERSIDE_HOST})
    assert edit.status_code == 200
    assert "/admin/private-media/" in edit.content.decode()
    assert_no_canary_anywhere_public()
