"""A chapter's pages (every locale), settings and consent records use only its own files
and the Alliance's shared ones; archive files only from its own archive, on its archive
entries. Here through the page editor and the settings form; on the save paths that do
not clean (wagtail-localize, drafts, the shell, consent records, chapter import) in
test_reference_rule_paths.py."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.models import Site
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from chapters.models import ChapterSettings, StoryIndexPage, StoryPage
from tests.files.chapter_files import ADMIN, document_in, foreign_message, image_in, shared, text
from tests.pages import add_story, chapter, section

pytestmark = pytest.mark.django_db


# --- The page editor -------------------------------------------------------------------


def story_form(fields: dict) -> dict:
    return nested_form_data(
        {
            "title": "Harbor cleanup",
            "slug": "harbor-cleanup",
            "date": "2025-05-01",
            "summary": "Forty neighbors and a boat.",
            "image_alt": "",
            "body": streamfield([("paragraph", rich_text("<p>We filled a dumpster.</p>"))]),
            **fields,
        }
    )


def add_story_url(network) -> str:
    stories = section(network.riverside, StoryIndexPage)
    return f"/admin/pages/add/chapters/storypage/{stories.pk}/"


@pytest.mark.parametrize("where", ["image", "stream block", "document block"])
def test_the_page_editor_refuses_another_chapters_file_and_keeps_the_text(login, network, where):
    """A network admin may choose every file, so the chooser's permissions let it
    through: the rule on the page refuses it, with the editor's text kept."""
    hilltop = chapter("Hilltop")
    if where == "document block":
        item = document_in(hilltop.collection, "Quarry minutes")
        fields = {
            "body": streamfield(
                [
                    ("paragraph", rich_text("<p>We filled a dumpster.</p>")),
                    ("document", {"document": item.pk, "label": "Minutes"}),
                ]
            )
        }
    else:
        item = image_in(hilltop.collection, "Quarry photo")
        block = {"image": item.pk, "alt_text": "The quarry", "caption": "", "credit": ""}
        fields = (
            {"image": item.pk, "image_alt": "The quarry"}
            if where == "image"
            else {
                "body": streamfield(
                    [
                        ("paragraph", rich_text("<p>We filled a dumpster.</p>")),
                        ("image", block),
                    ]
                )
            }
        )
    response = login("network-admin").post(
        add_story_url(network), story_form(fields), headers=ADMIN
    )
    assert response.status_code == 200
    html = text(response)
    assert foreign_message(item) in html
    assert "Forty neighbors and a boat." in html  # nothing typed is lost
    assert "We filled a dumpster." in html
    assert not StoryPage.objects.filter(slug="harbor-cleanup").exists()


def test_a_story_refuses_its_own_chapters_archive_photo(login, network):
    """Archive files are shown only on archive entries, with consent: an editor may
    choose their own archive file, but not for a story."""
    photo = image_in(chapter("Riverside").archive_collection, "Kitchen table photo")
    response = login("riverside-editor").post(
        add_story_url(network),
        story_form({"image": photo.pk, "image_alt": "A kitchen table"}),
        headers=ADMIN,
    )
    assert response.status_code == 200
    assert "“Kitchen table photo” is in Riverside's private archive" in text(response)
    assert "only the chapter's archive entries show archive files" in text(response)
    assert not StoryPage.objects.filter(slug="harbor-cleanup").exists()


def test_own_and_shared_files_are_welcome(login, network):
    own = image_in(chapter("Riverside").collection, "Harbor photo")
    alliance = image_in(shared(), "Alliance banner")
    letter = document_in(shared(), "Alliance statement")
    fields = {
        "image": own.pk,
        "image_alt": "The harbor",
        "body": streamfield(
            [
                (
                    "image",
                    {"image": alliance.pk, "alt_text": "Banner", "caption": "", "credit": ""},
                ),
                ("document", {"document": letter.pk, "label": "Statement"}),
            ]
        ),
    }
    response = login("riverside-editor").post(
        add_story_url(network), story_form(fields), headers=ADMIN
    )
    assert response.status_code == 302, response.context["form"].errors
    story = StoryPage.objects.get(slug="harbor-cleanup").get_latest_revision_as_object()
    assert story.image == own
    assert [
        block.value["image" if block.block_type == "image" else "document"] for block in story.body
    ] == [alliance, letter]


def test_a_page_cannot_be_moved_or_copied_to_a_chapter_where_its_files_are_foreign(login, network):
    """A network admin may move or copy pages between chapters: not with the files of
    the chapter they come from. They are told why; nothing moves."""
    photo = image_in(chapter("Riverside").collection, "Riverside bridge")
    story = add_story(network.riverside, "Bridge opening", image=photo, image_alt="A bridge")
    hilltop_stories = section(network.hilltop, StoryIndexPage)
    admin = login("network-admin")
    moved = admin.post(
        f"/admin/pages/{story.pk}/move/{hilltop_stories.pk}/confirm/", headers=ADMIN, follow=True
    )
    assert f"“Bridge opening” cannot go to Hilltop: {foreign_message(photo, 'Hilltop')}" in (
        text(moved)
    )
    assert (
        StoryPage.objects.get(pk=story.pk).get_parent().pk
        == section(network.riverside, StoryIndexPage).pk
    )
    copied = admin.post(
        f"/admin/pages/{story.pk}/copy/",
        {
            "new_title": "Bridge opening",
            "new_slug": "bridge-copy",
            "new_parent_page": hilltop_stories.pk,
        },
        headers=ADMIN,
        follow=True,
    )
    assert "cannot go to Hilltop" in text(copied)
    assert not StoryPage.objects.filter(slug="bridge-copy").exists()


# --- Chapter settings ------------------------------------------------------------------------


def settings_data(logo) -> dict:
    return nested_form_data(
        {
            "logo": logo.pk,
            "accent_colour": "#1d5c8c",
            "contact_email": "hello@riverside.example.org",
            "time_zone": "America/New_York",
            "support_resources": rich_text(""),
            "translations": streamfield([]),
            "social_links": streamfield([]),
        }
    )


def test_a_moderator_cannot_make_another_chapters_private_image_the_logo(login, network):
    riverside = chapter("Riverside")
    url = reverse("wagtailsettings:edit", args=["chapters", "chaptersettings", riverside.site_id])
    secret = image_in(chapter("Hilltop").archive_collection, "Hilltop private portrait")
    moderator = login("riverside-moderator")
    response = moderator.post(url, settings_data(secret), headers=ADMIN)
    assert response.status_code == 200
    assert foreign_message(secret) in text(response)
    assert "hello@riverside.example.org" in text(response)
    assert ChapterSettings.for_site(riverside.site).logo is None
    # Nor its own archive photo: the logo is on every page.
    archive_photo = image_in(riverside.archive_collection, "Riverside archive portrait")
    response = moderator.post(url, settings_data(archive_photo), headers=ADMIN)
    assert "“Riverside archive portrait” is in Riverside's private archive" in text(response)
    for allowed in (image_in(riverside.collection, "Riverside logo"), image_in(shared(), "Seal")):
        assert moderator.post(url, settings_data(allowed), headers=ADMIN).status_code == 302
        assert ChapterSettings.for_site(riverside.site).logo == allowed


def test_settings_saved_in_code_obey_the_same_rule(network):
    alliance = ChapterSettings.for_site(Site.objects.get(is_default_site=True))
    alliance.logo = image_in(chapter("Riverside").collection, "Riverside logo")
    with pytest.raises(ValidationError, match="is not in the Alliance's shared media"):
        alliance.save()
    hilltop = ChapterSettings.for_site(chapter("Hilltop").site)
    hilltop.logo = image_in(chapter("Riverside").collection, "Another Riverside logo")
    with pytest.raises(ValidationError, match="not in Hilltop's collections"):
        hilltop.save()


# --- Moving a file that pages use ---------------------------------------------------------


def test_a_photo_a_story_shows_cannot_move_into_the_private_archive(login, network):
    """Moved into the archive, the story's photo became a private file: broken for
    readers on the story, the chapter home and the share card, while the editor's
    preview (which may see archive files) looked fine. The image form, the bulk move
    and any save refuse it, naming the image, the story and the rule."""
    from tests.admin_forms import form_data

    riverside = chapter("Riverside")
    photo = image_in(riverside.collection, "Harbor photo")
    add_story(network.riverside, "Harbor day", image=photo, image_alt="The harbor")
    editor = login("riverside-editor")
    edit_url = f"/admin/images/{photo.pk}/"
    form = form_data(
        editor.get(edit_url, headers=ADMIN).content.decode(),
        title="Harbor photo, June",
        collection=str(riverside.archive_collection.pk),
    )
    response = editor.post(edit_url, form, headers=ADMIN)
    assert response.status_code == 200

    def refused(title):
        return (
            f"“{title}” cannot go to “Archive (private)” while “Harbor day” uses it: "
            f"“{title}” is in Riverside's private archive: only the chapter's archive "
            "entries show archive files"
        )

    assert refused("Harbor photo, June") in text(response)
    assert 'value="Harbor photo, June"' in text(response)  # what was typed is kept

    bulk = editor.post(
        f"/admin/bulk/wagtailimages/image/add_to_collection/?id={photo.pk}&next=/admin/images/",
        {"collection": riverside.archive_collection.pk},
        headers=ADMIN,
        follow=True,
    )
    assert "Nothing was moved. " + refused("Harbor photo") in text(bulk)

    photo.collection = riverside.archive_collection
    with pytest.raises(ValidationError, match="while “Harbor day” uses it"):
        photo.save()
    photo.refresh_from_db()
    assert photo.collection == riverside.collection and "private-" not in photo.file.name
    story = client_get_story(login, "/en/stories/harbor-day/")
    assert f'src="/media/images/{photo.file.name.rsplit("/", 1)[-1].rsplit(".", 1)[0]}' in story

    unused = image_in(riverside.collection, "Unused photo")
    unused.collection = riverside.archive_collection
    unused.save()  # nothing shows it: it may go into the archive
    assert "private-" in unused.file.name


def client_get_story(login, path) -> str:
    from django.test import Client

    response = Client().get(path, headers={"host": "riverside.localhost"})
    assert response.status_code == 200
    return text(response)
