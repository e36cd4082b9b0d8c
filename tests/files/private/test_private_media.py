"""Archive files are private: stored outside MEDIA_ROOT under random names, without
EXIF, and served only through the entry's and the file's own consent. In the admin
and the editor's preview: test_private_media_admin.py."""

import io
import os
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Collection

from chapters.archive.consent import withdraw_consent
from chapters.files import private as private_media
from tests.conftest import RIVERSIDE_HOST
from tests.files.private.archive_files import (
    CANARY,
    assert_no_canary_anywhere_public,
    assert_private,
    body,
    canary_jpeg,
    get,
    give_consent,
    image_url,
    network_user,
    upload_document,
    upload_image,
)
from tests.pages import add_entry
from tests.sample_files import pdf_texts

pytestmark = pytest.mark.django_db


def test_archive_image_is_stored_privately_without_exif(archive):
    image = upload_image(archive, data=canary_jpeg(size=(1200, 900), orientation=6))

    assert_private(image)
    with image.file.open("rb") as stored:
        data = stored.read()
    assert CANARY.encode() not in data
    with PILImage.open(io.BytesIO(data)) as clean:
        assert not clean.getexif()
        # The orientation was applied, not dropped: the photo stands upright.
        assert clean.size == (900, 1200)
    assert (image.width, image.height) == (900, 1200)
    assert image.file_size == len(data)
    assert_no_canary_anywhere_public()


def test_archive_document_is_stored_privately(archive):
    document = upload_document(archive)
    assert_private(document)
    assert os.path.splitext(document.file.name)[1] == ".pdf"
    assert_no_canary_anywhere_public()


def test_other_uploads_stay_public(network):
    riverside = Collection.objects.get(name="Riverside")
    image = upload_image(riverside, filename="march.jpg", title="March")
    assert Path(image.file.path).resolve().is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    assert image.file.url.startswith(settings.MEDIA_URL)
    # A public file called "private-…" is not mistaken for one.
    named = get_image_model()(
        title="Party",
        file=ImageFile(io.BytesIO(canary_jpeg()), name="private-party.jpg"),
        collection=riverside,
    )
    named.save()
    assert named.file.url.startswith(settings.MEDIA_URL)


def test_image_served_when_entry_public_and_file_consent_given(client, network, archive):
    image = upload_image(archive)
    entry = add_entry(network.riverside, "River photo", image=image)
    give_consent(entry, image)

    response = get(client, image_url(image))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["Cache-Control"] == "private, no-cache"
    assert response["X-Content-Type-Options"] == "nosniff"
    data = body(response)
    assert CANARY.encode() not in data
    with PILImage.open(io.BytesIO(data)) as served:
        assert not served.getexif()
        assert served.width == 800
    headers = " ".join(f"{key}: {value}" for key, value in response.items())
    assert "Content-Disposition" not in response
    assert CANARY not in headers and "private-" not in headers and ".jpg" not in headers
    assert private_media.file_visible_to(image, network_user("hilltop-member"))


def test_an_image_s_title_is_never_its_alt_text(client, network, archive):
    """Wagtail titles an upload after its file name: the page describes the image with
    its description, or the entry's title, never with that."""
    described = upload_image(archive, title=f"{CANARY}-img-0042", description="Six chairs")
    untitled = upload_image(archive, title=f"{CANARY}-img-0043")
    for title, image, alt in [
        ("Chairs", described, "Six chairs"),
        ("Meeting room", untitled, "Meeting room"),
    ]:
        entry = add_entry(network.riverside, title, image=image)
        give_consent(entry, image)
        html = get(client, f"/en/archive/{entry.slug}/").text
        assert f'alt="{alt}"' in html
        assert CANARY not in html


def test_image_not_served_without_its_own_consent(client, network, archive):
    image = upload_image(archive)
    add_entry(network.riverside, "Unconsented photo", image=image)
    assert get(client, image_url(image)).status_code == 404


def test_image_not_served_when_entry_is_not_public(client, network, archive):
    image = upload_image(archive)
    entry = add_entry(network.riverside, "Pending entry", image=image, consent_status="pending")
    give_consent(entry, image)
    assert get(client, image_url(image)).status_code == 404
    draft = add_entry(network.riverside, "Draft entry", image=upload_image(archive), live=False)
    give_consent(draft, draft.image)
    assert get(client, image_url(draft.image)).status_code == 404


def test_withdrawn_file_consent_stops_serving_at_once(client, network, archive):
    image = upload_image(archive)
    entry = add_entry(network.riverside, "Withdrawn photo", image=image)
    record = give_consent(entry, image)
    assert get(client, image_url(image)).status_code == 200
    withdraw_consent(record, "The family asked us to take the photo down.")
    assert get(client, image_url(image)).status_code == 404


def test_only_allowed_sizes_are_made(client, network, archive):
    image = upload_image(archive)
    entry = add_entry(network.riverside, "Sized photo", image=image)
    give_consent(entry, image)
    for spec in private_media.ALLOWED_SPECS:
        assert get(client, image_url(image, spec)).status_code == 200
    assert get(client, image_url(image, "width-4000")).status_code == 404
    assert get(client, image_url(image, "original")).status_code == 404
    assert image.renditions.count() == len(private_media.ALLOWED_SPECS)


def test_members_only_entry_files_reach_its_chapter_members_only(client, login, network, archive):
    image = upload_image(archive)
    entry = add_entry(network.riverside, "Members photo", image=image, consent_scope="members")
    give_consent(entry, image)
    assert get(client, image_url(image)).status_code == 404
    login("hilltop-member")
    assert get(client, image_url(image)).status_code == 404
    login("riverside-member")
    assert get(client, image_url(image)).status_code == 200


def test_members_only_file_in_a_public_entry(client, login, network, archive):
    image = upload_image(archive)
    entry = add_entry(network.riverside, "Mixed photo", image=image)
    give_consent(entry, image, scope="members")
    assert get(client, image_url(image)).status_code == 404
    assert not private_media.file_visible_to(image, network_user("hilltop-member"))
    login("hilltop-member")
    assert get(client, image_url(image)).status_code == 404
    login("riverside-member")
    assert get(client, image_url(image)).status_code == 200
    assert private_media.file_visible_to(image, network_user("riverside-member"))


def test_image_in_a_body_block_is_gated_too(client, network, archive):
    image = upload_image(archive)
    entry = add_entry(
        network.riverside,
        "Block photo",
        body=[("image", {"image": image, "alt_text": "A march", "caption": "", "credit": ""})],
    )
    assert get(client, image_url(image)).status_code == 404
    give_consent(entry, image)
    assert get(client, image_url(image)).status_code == 200


def test_archive_document_download(client, network, archive):
    document = upload_document(archive, title="Letter to the Council, 1968")
    entry = add_entry(network.riverside, "Letter", document=document)
    url = f"/archive-media/document/{document.pk}/"
    assert get(client, url).status_code == 404
    give_consent(entry, document)

    response = get(client, url)
    assert response.status_code == 200
    assert pdf_texts(body(response)) == ["BT /F1 12 Tf 72 720 Td (A letter 1) Tj ET"]
    assert response["Content-Disposition"] == (
        'attachment; filename="letter-to-the-council-1968.pdf"'
    )
    assert response["Cache-Control"] == "private, no-cache"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "private-" not in " ".join(value for _key, value in response.items())


def test_wagtails_document_url_is_not_found_for_archive_documents(client, login, network, archive):
    document = upload_document(archive)
    entry = add_entry(network.riverside, "Scan", document=document)
    give_consent(entry, document)
    assert get(client, document.url).status_code == 404
    login("hilltop-editor")
    assert get(client, document.url).status_code == 404
    login("riverside-editor")
    assert get(client, document.url).status_code == 200


def test_api_leaves_archive_files_out(client, network, archive):
    riverside = Collection.objects.get(name="Riverside")
    upload_image(riverside, filename="march.jpg", title="Open march")
    upload_image(archive, title="Archive photo")
    upload_document(archive, title="Archive letter")
    images = client.get("/api/v2/images/", {"limit": 20}, headers={"host": RIVERSIDE_HOST})
    documents = client.get("/api/v2/documents/", {"limit": 20}, headers={"host": RIVERSIDE_HOST})
    image_titles = {item["title"] for item in images.json()["items"]}
    assert "Open march" in image_titles
    assert "Archive photo" not in image_titles
    assert "Archive letter" not in {item["title"] for item in documents.json()["items"]}
    assert b"private-" not in images.content + documents.content


def test_entry_page_shows_the_image_through_the_gate_as_webp_and_as_stored(
    client, network, archive
):
    image = upload_image(archive, description="A photo of the river")
    entry = add_entry(network.riverside, "Page photo", image=image)
    give_consent(entry, image)
    response = client.get(entry.url, headers={"host": RIVERSIDE_HOST})
    assert response.status_code == 200
    html = response.content.decode()
    assert f'src="/archive-media/image/{image.pk}/width-800/"' in html
    assert settings.MEDIA_URL + "images/private-" not in html
    # WebP first, through the same gate; the stored format is the fallback.
    webp = f"/archive-media/image/{image.pk}/width-800%7Cformat-webp/"
    assert f'<picture><source type="image/webp" srcset="{webp} ' in html
    served = get(client, webp)
    assert (served.status_code, served["Content-Type"]) == (200, "image/webp")


def test_a_file_and_a_page_with_files_cost_a_fixed_number_of_queries(
    client, login, network, archive
):
    """The file view and an entry's page with files stay within their query budgets
    (the entry's page asks whether the reader may see the entry once, not per file)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    image, document = upload_image(archive), upload_document(archive)
    entry = add_entry(network.riverside, "Counted", image=image, document=document)
    give_consent(entry, image)
    give_consent(entry, document)
    members = add_entry(
        network.riverside, "Counted for members", image=image, consent_scope="members"
    )
    give_consent(members, image, scope="members")

    def queries(client, url):
        get(client, url)  # renditions made, caches warm
        with CaptureQueriesContext(connection) as captured:
            response = get(client, url)
        assert response.status_code == 200, url
        return len(captured)

    counts = {
        "image, anonymous": queries(client, image_url(image)),
        "document, anonymous": queries(client, f"/archive-media/document/{document.pk}/"),
        "entry page, anonymous": queries(client, f"/en/archive/{entry.slug}/"),
    }
    member = login("riverside-member")
    counts["image, member"] = queries(member, image_url(image))
    counts["members' entry page, member"] = queries(member, f"/en/archive/{members.slug}/")
    budget = {
        "image, anonymous": 9,
        "document, anonymous": 8,
        # The footer's links to the Alliance and browse by right: one query a page.
        "entry page, anonymous": 20,
        "image, member": 13,
        "members' entry page, member": 30,
    }
    assert {name: min(count, budget[name]) for name, count in counts.items()} == counts, counts


def test_private_media_inside_a_published_folder_stops_the_site(settings, tmp_path):
    """`manage.py check` (run before serving and deploying) refuses a PRIVATE_MEDIA_ROOT
    that the web server would publish."""
    from django.core.checks import run_checks

    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "media" / "private"
    errors = [error for error in run_checks() if error.id == "network_site.E001"]
    assert len(errors) == 1 and "inside MEDIA_ROOT" in errors[0].msg
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    assert [error for error in run_checks() if error.id == "network_site.E001"] == []


def test_a_share_card_leads_with_the_warning_and_never_shows_an_archive_image(
    client, network, archive
):
    """A link to an entry pasted in a chat shows its content warning first, and none of
    its images (they are behind consent and maybe a blur)."""
    from tests.meta_tags import meta

    image = upload_image(archive, description="Six chairs")
    entry = add_entry(
        network.riverside, "Chairs", image=image, content_warning="Eviction; a family split"
    )
    give_consent(entry, image)
    html = get(client, f"/en/archive/{entry.slug}/?continue=1").text
    assert image_url(image) in html  # the image is on the page itself
    assert meta(html, "property", "og:description") == "Content warning: Eviction; a family split"
    assert meta(html, "name", "twitter:card") == "summary"
    assert "og:image" not in html
