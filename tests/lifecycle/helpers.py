"""What the lifecycle tests share: a chapter full of content, exports and their copies."""

import datetime
import io
import uuid
import zipfile

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page, Site, Workflow

from chapters.lifecycle.exporting import export_chapter
from chapters.models import Chapter, ChapterHomePage, ChapterSettings
from home.models import Principle, PrincipleSet, Resource, Right
from tests.conftest import RIVERSIDE_HOST
from tests.pages import add_event, add_story

Image = get_image_model()
Document = get_document_model()


def get(client, path, host=RIVERSIDE_HOST, **kwargs):
    return client.get(path, headers={"host": host}, **kwargs)


def riverside() -> Chapter:
    return Chapter.objects.get(site__hostname=RIVERSIDE_HOST)


def admin():
    return get_user_model().objects.get(username="network-admin")


def png(colour="teal") -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (12, 8), colour).save(buffer, "PNG")
    return buffer.getvalue()


def upload_image(collection, title, colour="teal"):
    image = Image(title=title, collection=collection, description=f"{title}, described")
    image.file = ImageFile(io.BytesIO(png(colour)), name=f"{title.lower().replace(' ', '-')}.png")
    image.save()
    image.tags.add("meeting")
    return image


def upload_document(collection, title):
    document = Document(title=title, collection=collection)
    document.file.save(f"{title.lower()}.txt", ContentFile(b"minutes of the meeting"), save=True)
    return document


def snapshot() -> dict:
    """How many of everything an import or a deletion makes or removes."""
    return {
        "pages": Page.objects.count(),
        "sites": Site.objects.count(),
        "chapters": Chapter.objects.count(),
        "collections": Collection.objects.count(),
        "groups": Group.objects.count(),
        "workflows": Workflow.objects.count(),
        "images": Image.objects.count(),
        "documents": Document.objects.count(),
        "principles": Principle.objects.count(),
        "resources": Resource.objects.count(),
        "principle_sets": PrincipleSet.objects.count(),
        "rights": Right.objects.count(),
        "settings": ChapterSettings.objects.count(),
    }


def build_content(home: ChapterHomePage) -> dict:
    """A story with an image (FK, StreamField and rich text), links to an event and a
    document, a shared principle and right; plus a draft and a Spanish translation."""
    collection = Collection.objects.get(name=home.title)
    content = {
        "image": upload_image(collection, "Tenants meeting"),
        "document": upload_document(collection, "Minutes"),
        "principle": Principle.objects.get(title="Listen first"),
        "housing": Right.objects.get(slug="housing"),
        "reading": Resource.objects.get(title="A reading"),
        "shared": upload_image(
            Collection.objects.get(name="Alliance shared media"), "Alliance logo", colour="navy"
        ),
    }
    content["event"] = _town_hall(home, content)
    content["story"] = add_story(
        home,
        "Eviction defense",
        image=content["image"],
        image_alt="Tenants at the meeting",
        rights=[content["housing"]],
        related_principles=[content["principle"]],
        body=_story_body(content),
    )
    content["draft"] = add_story(home, "Unfinished story", live=False)
    spanish = Locale.objects.get(language_code="es")
    translation = content["story"].copy_for_translation(spanish, copy_parents=True)
    translation.title = "Defensa contra desalojos"
    translation.save_revision().publish()
    content["translation"] = translation
    _chapter_settings(home, content)
    return content


def _town_hall(home: ChapterHomePage, content: dict):
    """An event whose body shows the Alliance's shared image."""
    return add_event(
        home,
        "Town hall",
        start_date=datetime.date.today() + datetime.timedelta(days=20),
        venue="Eastside Library",
        rights=[content["housing"]],
        body=[
            {
                "type": "image",
                "value": {"image": content["shared"].pk, "alt_text": "The Alliance", "caption": ""},
            }
        ],
    )


def _story_body(content: dict) -> list:
    """Every kind of reference a StreamField holds: chooser blocks, a list of
    snippets, and rich text linking a page and a document and embedding an image."""
    image, document, event = content["image"], content["document"], content["event"]
    reading = {"type": "item", "value": content["reading"].pk, "id": str(uuid.uuid4())}
    return [
        {
            "type": "image",
            "value": {
                "image": image.pk,
                "alt_text": "Neighbors",
                "caption": "Spring",
                "credit": "",
            },
        },
        {
            "type": "paragraph",
            "value": f'<p>Come to <a linktype="page" id="{event.pk}">the town hall</a>, read '
            f'<a linktype="document" id="{document.pk}">the minutes</a>.</p>'
            f'<embed alt="Rent board" embedtype="image" format="left" id="{image.pk}"/>',
        },
        {"type": "principle", "value": {"principle": content["principle"].pk}},
        {"type": "document", "value": {"document": document.pk, "label": "Minutes file"}},
        {
            "type": "resources",
            "value": {"heading": "Further reading", "resources": [reading]},
        },
    ]


def _chapter_settings(home: ChapterHomePage, content: dict) -> None:
    """Settings that point at the chapter's image and document."""
    chapter_settings = ChapterSettings.for_site(Site.objects.get(root_page=home))
    chapter_settings.logo = content["image"]
    chapter_settings.contact_email = "hello@riverside.example"
    chapter_settings.support_resources = (
        f'<p>Call us; see <a linktype="document" id="{content["document"].pk}">the minutes</a>.</p>'
    )
    chapter_settings.save()


def export_bytes(chapter: Chapter) -> bytes:
    buffer = io.BytesIO()
    export_chapter(chapter, buffer)
    return buffer.getvalue()


def rezip(data: bytes, change) -> bytes:
    """A copy of an export with `change(name, content) -> content | None` applied."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            content = change(name, source.read(name))
            if content is not None:
                target.writestr(name, content)
    return out.getvalue()


def stored_files(settings) -> set:
    return {path for path in settings.MEDIA_ROOT.rglob("*") if path.is_file()}
