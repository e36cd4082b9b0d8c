"""Importing an export: the chapter comes back (or a copy of it) with new ids, every
reference remapped, shared snippets and media reused, private things still private."""

import io
import json
import uuid

import pytest
from django.contrib.auth.models import Group
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    Page,
    PageViewRestriction,
    Site,
    Workflow,
)

from chapters.lifecycle.deletion import delete_chapter
from chapters.lifecycle.importing import import_chapter
from chapters.models import Chapter, ChapterHomePage, ChapterSettings, EventPage, StoryPage
from home.models import Principle, Resource
from tests.conftest import RIVERSIDE_HOST
from tests.lifecycle.helpers import (
    Document,
    Image,
    admin,
    build_content,
    export_bytes,
    get,
    rezip,
    riverside,
    snapshot,
)
from tests.pages import add_story

pytestmark = pytest.mark.django_db


def chapter_state(chapter: Chapter) -> list:
    """Everything about a chapter's pages an import elsewhere must leave alone."""
    return [
        (
            page.pk,
            page.title,
            page.live,
            page.latest_revision_id,
            page.translation_key,
            json.dumps(page.specific.serializable_data(), sort_keys=True, default=str),
        )
        for page in chapter.pages().order_by("path")
    ]


# --- Delete, then import: the round trip -------------------------------------------------


def test_delete_then_import_brings_the_chapter_back_with_new_ids(
    client, network, settings, tmp_path
):
    settings.CHAPTER_EXPORT_DIR = tmp_path / "exports"
    content = build_content(network.riverside)
    old = {name: obj.pk for name, obj in content.items()}
    principles = Principle.objects.count()
    chapter = riverside()
    page_count = chapter.pages().count()

    path = delete_chapter(chapter, confirm_name="Riverside", user=admin())

    assert path.parent == tmp_path / "exports" and path.name.startswith("riverside-")
    assert_deleted(client, network, old)

    with open(path, "rb") as source:
        chapter = import_chapter(source, user=admin())

    assert (chapter.name, chapter.site.hostname) == ("Riverside", RIVERSIDE_HOST)
    assert chapter.pages().count() == page_count
    assert chapter.editors.name == "Riverside editors"
    image = Image.objects.get(collection=chapter.collection)
    document = Document.objects.get(collection=chapter.collection)
    assert (image.title, image.description) == ("Tenants meeting", "Tenants meeting, described")
    assert list(image.tags.names()) == ["meeting"]
    story = StoryPage.objects.get(title="Eviction defense")
    event = EventPage.objects.get(title="Town hall")
    assert old["image"] != image.pk and old["story"] != story.pk and old["event"] != event.pk
    assert_remapped(story, event, image, document)
    assert_shared_reused(chapter, story, event, content, old, principles)
    assert_states_and_translation(chapter, story, event)
    # The settings follow, with the logo and links remapped.
    chapter_settings = ChapterSettings.for_site(chapter.site)
    assert chapter_settings.logo_id == image.pk
    assert chapter_settings.contact_email == "hello@riverside.example"
    assert f'id="{document.pk}"' in chapter_settings.support_resources
    assert_public_again(client, image, document)


def assert_deleted(client, network, old: dict) -> None:
    """The chapter and everything onboarding made for it are gone."""
    assert not Site.objects.filter(hostname=RIVERSIDE_HOST).exists()
    assert not Page.objects.filter(pk__in=[old["story"], old["event"], old["translation"]]).exists()
    assert not ChapterHomePage.objects.filter(title="Riverside").exists()
    assert not Image.objects.filter(pk=old["image"]).exists()
    assert not Collection.objects.filter(name="Riverside").exists()
    assert not Group.objects.filter(name__startswith="Riverside ").exists()
    assert not Workflow.objects.filter(name="Riverside moderation").exists()
    # The hostname now falls through to the default site, the Alliance.
    assert get(client, "/en/").context["page"].pk == network.alliance.pk


def assert_remapped(story, event, image, document) -> None:
    """The story's foreign key, chooser blocks and rich text point at the new ids."""
    assert story.image_id == image.pk
    blocks = {block.block_type: block.value for block in story.body}
    assert blocks["image"]["image"].pk == image.pk
    assert blocks["document"]["document"].pk == document.pk
    paragraph = story.body.raw_data[1]["value"]
    assert f'linktype="page" id="{event.pk}"' in paragraph
    assert f'linktype="document" id="{document.pk}"' in paragraph
    assert f'embedtype="image" format="left" id="{image.pk}"' in paragraph


def assert_shared_reused(chapter, story, event, content, old, principles) -> None:
    """The Alliance's snippets and media are this install's own, never copies."""
    blocks = {block.block_type: block.value for block in story.body}
    # The shared snippets are reused, never duplicated.
    assert Principle.objects.count() == principles
    assert blocks["principle"]["principle"].pk == old["principle"]
    assert list(story.related_principles.all()) == [content["principle"]]
    assert list(story.rights.all()) == [content["housing"]]
    assert list(event.rights.all()) == [content["housing"]]
    assert [r.pk for r in blocks["resources"]["resources"]] == [old["reading"]]
    # Shared media the chapter used is the Alliance's, kept and reused, never copied.
    assert Image.objects.filter(pk=old["shared"]).exists()
    assert event.body[0].value["image"].pk == old["shared"]
    assert Image.objects.filter(title="Alliance logo").count() == 1
    adoption = chapter.home.specific.principle_set_adoptions.get()
    assert adoption.principle_set == content["principle"].principle_set


def assert_states_and_translation(chapter, story, event) -> None:
    # Live and draft states are kept.
    assert story.live and event.live
    assert StoryPage.objects.get(title="Unfinished story").live is False
    # The Spanish translation is a translation of the new story, under the new chapter.
    translation = StoryPage.objects.get(title="Defensa contra desalojos")
    assert translation.translation_key == story.translation_key
    assert translation.locale.language_code == "es"
    assert translation.get_parent().get_parent().translation_key == chapter.home.translation_key
    assert {p.pk for p in chapter.pages()} >= {story.pk, translation.pk, event.pk}


def assert_public_again(client, image, document) -> None:
    # The public story renders with the new image and links to the new pages.
    response = get(client, "/en/stories/eviction-defense/")
    assert response.status_code == 200
    # Shown through one of its renditions (home/renditions.py picks them by its size).
    assert any(rendition.url in response.text for rendition in image.renditions.all())
    assert "/en/events/town-hall/" in response.text
    assert f"/documents/{document.pk}/" in response.text
    assert "Those most harmed speak first." in response.text
    assert get(client, "/en/events/town-hall/").status_code == 200
    assert get(client, "/es/stories/eviction-defense/").status_code == 200
    assert get(client, "/en/stories/unfinished-story/").status_code == 404


# --- A copy beside the original ----------------------------------------------------------


def test_import_under_another_name_and_hostname_leaves_the_original_alone(client, network):
    content = build_content(network.riverside)
    original = riverside()
    before, counts = chapter_state(original), snapshot()
    images_before = list(Image.objects.filter(collection=original.collection).values_list("pk"))

    copy = import_chapter(
        io.BytesIO(export_bytes(original)), name="Riverside Copy", hostname="copy.localhost"
    )

    assert chapter_state(riverside()) == before
    assert list(Image.objects.filter(collection=original.collection).values_list("pk")) == (
        images_before
    )
    assert (copy.name, copy.site.hostname) == ("Riverside Copy", "copy.localhost")
    assert copy.pages().count() == original.pages().count()
    after = snapshot()
    assert after["principles"] == counts["principles"] and after["rights"] == counts["rights"]
    assert after["chapters"] == counts["chapters"] + 1
    new_story = StoryPage.objects.descendant_of(copy.home).get(title="Eviction defense")
    new_event = EventPage.objects.descendant_of(copy.home).get(title="Town hall")
    assert new_story.pk != content["story"].pk
    paragraph = new_story.body.raw_data[1]["value"]
    assert f'id="{new_event.pk}"' in paragraph and f'id="{content["event"].pk}"' not in paragraph
    assert new_story.image.collection == copy.collection
    # Its Spanish home takes the new name too; the original's keeps its own.
    spanish_homes = ChapterHomePage.objects.filter(locale__language_code="es")
    assert set(spanish_homes.values_list("title", flat=True)) == {"Riverside", "Riverside Copy"}
    assert copy.homes().count() == 2
    assert get(client, "/en/stories/eviction-defense/", host="copy.localhost").status_code == 200
    assert get(client, "/en/stories/eviction-defense/").status_code == 200


def test_private_pages_and_collections_stay_private_after_import(client, network):
    story = add_story(network.riverside, "Members only")
    restriction = PageViewRestriction.objects.create(page=story, restriction_type="groups")
    restriction.groups.set([Group.objects.get(name="Riverside moderators")])
    original = riverside()
    CollectionViewRestriction.objects.create(
        collection=original.collection, restriction_type="password", password="s3cret"
    )

    copy = import_chapter(
        io.BytesIO(export_bytes(original)), name="Lakeview", hostname="lake.localhost"
    )

    new_story = StoryPage.objects.descendant_of(copy.home).get(title="Members only")
    new_restriction = PageViewRestriction.objects.get(page=new_story)
    assert new_restriction.restriction_type == "groups"
    assert list(new_restriction.groups.all()) == [copy.moderators]
    collection_restriction = CollectionViewRestriction.objects.get(collection=copy.collection)
    assert (collection_restriction.restriction_type, collection_restriction.password) == (
        "password",
        "s3cret",
    )
    response = get(client, "/en/stories/members-only/", host="lake.localhost")
    assert response.status_code == 302 and "login" in response["Location"]


def test_import_creates_shared_snippets_this_install_lacks(network):
    """An export from another install: its snippets have other translation keys."""
    content = build_content(network.riverside)
    content["reading"].topics.add("housing", "organizing")
    content["reading"].save()
    new_keys = {}

    def change(name, data):
        if name == "snippets.json":
            snippets = json.loads(data)
            for entry in snippets:
                new_keys[entry["model"]] = entry["translation_key"] = str(uuid.uuid4())
            return json.dumps(snippets)
        return data

    data = rezip(export_bytes(riverside()), change)
    before = snapshot()

    copy = import_chapter(io.BytesIO(data), name="Lakeview", hostname="lake.localhost")

    after = snapshot()
    assert after["principles"] == before["principles"] + 1
    assert after["principle_sets"] == before["principle_sets"] + 1
    assert after["resources"] == before["resources"] + 1
    # A right with the same slug in the same language is the same right.
    assert after["rights"] == before["rights"]
    principle = Principle.objects.get(translation_key=new_keys["home.Principle"])
    assert (principle.title, principle.locale.language_code) == ("Listen first", "en")
    assert str(principle.principle_set.translation_key) == new_keys["home.PrincipleSet"]
    reading = Resource.objects.get(translation_key=new_keys["home.Resource"])
    assert sorted(reading.topics.names()) == ["housing", "organizing"]
    story = StoryPage.objects.descendant_of(copy.home).get(title="Eviction defense")
    blocks = {block.block_type: block.value for block in story.body}
    assert blocks["principle"]["principle"] == principle
    assert list(blocks["resources"]["resources"]) == [reading]
    assert list(story.related_principles.all()) == [principle]
    assert list(story.rights.all()) == [content["housing"]]
    adoption = copy.home.specific.principle_set_adoptions.get()
    assert adoption.principle_set == principle.principle_set


def test_aliases_point_at_the_imported_original(network):
    story = add_story(network.riverside, "Shared story")
    alias = story.create_alias(update_slug="shared-story-again")
    original = riverside()

    copy = import_chapter(
        io.BytesIO(export_bytes(original)), name="Lakeview", hostname="lake.localhost"
    )

    new_story = StoryPage.objects.descendant_of(copy.home).get(slug="shared-story")
    new_alias = StoryPage.objects.descendant_of(copy.home).get(slug="shared-story-again")
    assert new_alias.alias_of_id == new_story.pk
    assert new_alias.live and new_alias.pk != alias.pk
