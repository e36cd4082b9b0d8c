"""Responsive images: every rendition a page shows is made when the image is saved (a
background task), and pages offer them as WebP with the image's own format as fallback.

Production queues the task in the database for `manage.py db_worker --backend
background`; the demo and the tests run it at once, after the save's commit
(`django_capture_on_commit_callbacks` stands in for the commit a test never makes).
"""

import html
import io
import re

import pytest
from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import override_settings
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Collection

from chapters.archive.consent import withdraw_consent
from home.renditions import renditions_for
from tests.conftest import ALLIANCE_HOST, RIVERSIDE_HOST
from tests.pages import add_entry, add_story

pytestmark = pytest.mark.django_db
Image = get_image_model()
IMMEDIATE = {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}
# settings/production.py's TASKS: Wagtail's own tasks at once, renditions in the database.
PRODUCTION_TASKS = {
    "default": IMMEDIATE,
    "background": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]},
}
# For a photograph 1000 px wide (small, so the test is quick): 1440 gives its own width.
EVERY_SPEC = {
    *("width-480", "width-960", "width-1440", "fill-480x270", "fill-960x540"),
    *("width-480|format-webp", "width-960|format-webp", "width-1440|format-webp"),
    *("fill-480x270|format-webp", "fill-960x540|format-webp", "fill-1200x630"),
}


def jpeg(width=1000, height=625, name="march.jpg") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), "#2a6f4e").save(buffer, "JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def new_image(title="Tenants' march", width=1000, height=625) -> Image:
    collection = Collection.objects.get(name="Riverside")
    upload = jpeg(width, height)
    image = Image(title=title, collection=collection, file=ImageFile(upload, name=upload.name))
    image.save()
    return image


def made(image) -> set[str]:
    return set(image.renditions.values_list("filter_spec", flat=True))


def pictures(text: str) -> list[dict]:
    """Each <picture>: its <source>s' and its <img>'s attributes."""
    found = []
    for picture in re.findall(r"<picture>(.*?)</picture>", text, re.S):
        tags = re.findall(r"<(source|img)\b([^>]*)>", picture)
        parsed = [(tag, _attributes(attrs)) for tag, attrs in tags]
        found.append(
            {
                "sources": [attrs for tag, attrs in parsed if tag == "source"],
                "img": next(attrs for tag, attrs in parsed if tag == "img"),
            }
        )
    return found


def _attributes(text: str) -> dict:
    return {name: html.unescape(value) for name, value in re.findall(r'([\w-]+)="([^"]*)"', text)}


def candidates(srcset: str) -> list[tuple[str, str]]:
    return [tuple(item.strip().split(" ")) for item in srcset.split(",")]


def test_an_image_uploaded_in_the_admin_has_every_rendition_the_site_shows(
    client, login, network, django_capture_on_commit_callbacks
):
    login("riverside-editor")
    collection = Collection.objects.get(name="Riverside")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/admin/images/add/",
            {"title": "Tenants' march", "file": jpeg(), "collection": collection.pk, "tags": ""},
            headers={"host": RIVERSIDE_HOST},
        )
    assert response.status_code == 302, response.content[:500]
    image = Image.objects.get(title="Tenants' march")
    assert made(image) == EVERY_SPEC
    webp = image.renditions.get(filter_spec="width-960|format-webp")
    assert webp.file.name.endswith(".webp") and (webp.width, webp.height) == (960, 600)
    assert webp.file.storage.exists(webp.file.name)


def test_a_small_image_gets_each_size_once_never_enlarged(
    network, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        image = new_image("A small badge", width=400, height=300)  # from code: the same task
    assert made(image) == {
        *("width-480", "width-480|format-webp", "fill-480x270", "fill-480x270|format-webp"),
        "fill-1200x630",
    }
    assert {r.width for r in image.renditions.filter(filter_spec__startswith="width")} == {400}


def test_a_story_shows_its_image_as_webp_with_the_original_as_fallback(client, network):
    image = new_image()
    add_story(network.riverside, "The march", image=image, image_alt="Tenants on City Hall's steps")
    story = client.get("/en/stories/the-march/", headers={"host": RIVERSIDE_HOST})
    assert story.status_code == 200
    (lead,) = pictures(story.text)
    (source,) = lead["sources"]
    assert source["type"] == "image/webp"
    assert [w for _url, w in candidates(source["srcset"])] == ["480w", "960w", "1000w"]
    assert all(url.endswith(".webp") for url, _w in candidates(source["srcset"]))
    img = lead["img"]
    assert (img["width"], img["height"], img["alt"]) == (
        "960",
        "600",
        "Tenants on City Hall's steps",
    )
    assert img["src"].endswith(".jpg") and img["sizes"] == source["sizes"]
    assert [url[-4:] for url, _w in candidates(img["srcset"])] == [".jpg"] * 3
    # The story's card in the chapter's list: two sizes of the crop, WebP first.
    listing = client.get("/en/stories/", headers={"host": RIVERSIDE_HOST})
    (card,) = pictures(listing.text)
    assert [w for _url, w in candidates(card["sources"][0]["srcset"])] == ["480w", "960w"]
    assert (card["img"]["width"], card["img"]["height"]) == ("480", "270")
    assert card["img"]["class"] == "card__image" and card["img"]["loading"] == "lazy"


def test_with_the_database_backend_a_saved_image_waits_for_the_worker(
    network, django_capture_on_commit_callbacks, monkeypatch
):
    with override_settings(TASKS=PRODUCTION_TASKS):
        with django_capture_on_commit_callbacks(execute=True):
            image = new_image()
        assert made(image) == set()
        queued = DBTaskResult.objects.get()
        assert (queued.task_path, queued.status) == ("home.renditions.make_renditions", "READY")
        # The worker's own loop, once. Between tasks it drops a connection left inside a
        # transaction, as a worker process should; here that is the test's, so it stays.
        monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
        call_command("db_worker", "--batch", "--backend", "background", "--no-startup-delay")
    assert made(image) == EVERY_SPEC == set(renditions_for(image))
    queued.refresh_from_db()
    assert queued.status == "SUCCESSFUL"


def test_with_production_tasks_a_withdrawal_leaves_nothing_to_find_and_nothing_queued(
    client, network
):
    """Wagtail's own tasks (search and reference index, file deletion, cache purge) stay
    at once when renditions go to the database: nothing waits for a worker."""

    def found(host) -> bool:
        response = client.get("/en/search/", {"query": "quenelliform"}, headers={"host": host})
        assert response.status_code == 200
        return "The quenelliform flood" in response.text

    with override_settings(TASKS=PRODUCTION_TASKS):
        entry = add_entry(network.riverside, "The quenelliform flood")
        assert found(RIVERSIDE_HOST) and found(ALLIANCE_HOST)
        withdraw_consent(entry.consent, "Asked by phone.")
        assert not found(RIVERSIDE_HOST) and not found(ALLIANCE_HOST)
        assert not DBTaskResult.objects.exists()
