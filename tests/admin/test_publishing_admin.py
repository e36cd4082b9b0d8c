"""Chapter editors create stories, events and archive entries in the Wagtail admin."""

import datetime

import pytest
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from chapters.models import (
    ArchiveEntryPage,
    ArchiveIndexPage,
    ChapterHomePage,
    EventIndexPage,
    EventPage,
    StoryIndexPage,
    StoryPage,
)
from home.models import AllianceHomePage, Right, StandardPage
from tests.pages import section

pytestmark = pytest.mark.django_db
ADMIN = {"host": "localhost"}


def add_url(model, parent: Page) -> str:
    return f"/admin/pages/add/chapters/{model._meta.model_name}/{parent.pk}/"


def post(client, model, parent, fields: dict, **extra):
    data = nested_form_data({"title": "x", "slug": "x", "body": streamfield([]), **fields})
    data.update(extra)
    return client.post(add_url(model, parent), data, headers=ADMIN)


def test_editor_creates_a_story(login, network):
    client = login("riverside-editor")
    housing = Right.objects.get(slug="housing")
    response = post(
        client,
        StoryPage,
        section(network.riverside, StoryIndexPage),
        {
            "title": "Tenants win",
            "slug": "tenants-win",
            "date": "2025-05-01",
            "authors": "Ana Ruiz",
            "summary": "The council listened.",
            "body": streamfield(
                [
                    ("paragraph", rich_text("<p>It took two years.</p>")),
                    ("quote", {"quote": "We kept coming back.", "attribution": "A.R."}),
                ]
            ),
        },
        rights=[housing.pk],
    )
    assert response.status_code == 302, response.context["form"].errors
    story = StoryPage.objects.get(slug="tenants-win")
    assert not story.live  # editors save drafts; moderators publish
    assert list(story.rights.all()) == [housing]
    assert [block.block_type for block in story.body] == ["paragraph", "quote"]


def test_editor_creates_an_event_in_its_zone(login, network):
    client = login("riverside-editor")
    response = post(
        client,
        EventPage,
        section(network.riverside, EventIndexPage),
        {
            "title": "Know your rights",
            "slug": "know-your-rights",
            "summary": "A training.",
            "start_date": "2026-07-09",
            "start_time": "19:00",
            "end_time": "21:00",
            "time_zone": "America/Chicago",
            "venue": "Library",
            "cost": "Free",
        },
        accessibility=["asl", "step_free"],
    )
    assert response.status_code == 302, response.context["form"].errors
    event = EventPage.objects.get(slug="know-your-rights")
    assert event.starts_at == datetime.datetime(2026, 7, 10, 0, 0, tzinfo=datetime.UTC)
    assert event.accessibility == ["asl", "step_free"]


def test_editor_form_error_keeps_what_was_typed(login, network):
    client = login("riverside-editor")
    response = post(
        client,
        EventPage,
        section(network.riverside, EventIndexPage),
        {
            "title": "Backwards",
            "slug": "backwards",
            "summary": "Ends before it starts.",
            "start_date": "2026-07-09",
            "start_time": "19:00",
            "end_time": "17:00",
            "time_zone": "America/New_York",
        },
    )
    assert response.status_code == 200
    assert "The event cannot end before it starts." in response.text
    assert "Ends before it starts." in response.text  # the editor's text is kept
    assert not EventPage.objects.filter(slug="backwards").exists()


def test_editor_creates_an_archive_entry_as_a_draft_without_consent(login, network):
    client = login("riverside-editor")
    response = post(
        client,
        ArchiveEntryPage,
        section(network.riverside, ArchiveIndexPage),
        {
            "title": "Winter of evictions",
            "slug": "winter-of-evictions",
            "summary": "A tenant remembers.",
            "kind": "testimony",
            "period_start": "1979",
            "narrators": "M.",
            "transcript": rich_text("<p>We had a week.</p>"),
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    entry = ArchiveEntryPage.objects.get(slug="winter-of-evictions")
    # No consent is recorded by writing the entry: that is the moderators' screen.
    assert (entry.consent, entry.live) == (None, False)
    edit = client.get(f"/admin/pages/{entry.pk}/edit/")
    assert "No consent recorded" in edit.text
    assert "Only the chapter's moderators record or withdraw consent." in edit.text


def test_publishing_a_recording_without_transcript_is_refused_on_the_form(login, network):
    client = login("riverside-moderator")
    response = post(
        client,
        ArchiveEntryPage,
        section(network.riverside, ArchiveIndexPage),
        {
            "title": "Oral history",
            "slug": "oral-history",
            "summary": "Recorded in 2024.",
            "kind": "oral_history",
            "period_start": "1960",
            "media_url": "https://example.org/a",
            "transcript": rich_text(""),
        },
        **{"action-publish": "action-publish"},
    )
    assert response.status_code == 200
    assert "needs a transcript before it can be published" in response.text
    assert not ArchiveEntryPage.objects.filter(slug="oral-history").exists()


def test_editor_cannot_add_to_another_chapter(login, network):
    client = login("riverside-editor")
    response = post(
        client,
        StoryPage,
        section(network.hilltop, StoryIndexPage),
        {
            "title": "Intruder",
            "slug": "intruder",
            "date": "2025-01-01",
            "summary": "No.",
        },
    )
    assert response.status_code in (302, 403)
    assert not StoryPage.objects.filter(slug="intruder").exists()


def test_the_tree_is_locked():
    assert StoryIndexPage.allowed_subpage_models() == [StoryPage]
    assert EventIndexPage.allowed_subpage_models() == [EventPage]
    assert ArchiveIndexPage.allowed_subpage_models() == [ArchiveEntryPage]
    assert set(ChapterHomePage.allowed_subpage_models()) == {
        StoryIndexPage,
        EventIndexPage,
        ArchiveIndexPage,
        StandardPage,
    }
    assert StoryPage.allowed_parent_page_models() == [StoryIndexPage]
    assert StoryIndexPage.allowed_parent_page_models() == [ChapterHomePage]
    assert AllianceHomePage not in StoryIndexPage.allowed_parent_page_models()
    assert StoryPage.allowed_subpage_models() == []


def test_a_new_event_starts_in_the_chapters_time_zone(login, network):
    from chapters.models import ChapterSettings

    settings = ChapterSettings.for_site(network.site("riverside.localhost"))
    settings.time_zone = "America/Chicago"
    settings.save()
    client = login("riverside-editor")
    response = client.get(
        add_url(EventPage, section(network.riverside, EventIndexPage)), headers=ADMIN
    )
    assert response.status_code == 200
    assert response.context["form"]["time_zone"].value() == "America/Chicago"


def test_an_entry_refuses_a_file_from_a_public_collection_and_keeps_the_text(login, network):
    """A file from a public collection is served at its own address under its uploaded
    name, whatever consent says: an archive entry takes only archive files."""
    from wagtail.images import get_image_model
    from wagtail.models import Collection

    from chapters.models import Chapter
    from tests.sample_files import png_image_file as png

    public = get_image_model().objects.create(
        title="Open photo",
        file=png("open.png"),
        collection=Collection.objects.get(name="Riverside"),
    )
    private = get_image_model().objects.create(
        title="Kept photo",
        file=png("kept.png"),
        collection=Chapter.objects.get(home=network.riverside).archive_collection,
    )
    assert "/private-" in private.file.name  # stored as an archive file
    client = login("riverside-editor")
    fields = {
        "title": "Rent strike photograph",
        "slug": "rent-strike-photograph",
        "summary": "The strike committee, 1979.",
        "kind": "photograph",
        "period_start": "1979",
        "transcript": rich_text("<p>Left to right: the committee.</p>"),
    }
    archive = section(network.riverside, ArchiveIndexPage)
    refused = post(client, ArchiveEntryPage, archive, {**fields, "image": public.pk})
    assert refused.status_code == 200
    assert "“Open photo” is in a public collection" in refused.text
    assert "Archive (private)" in refused.text
    assert "The strike committee, 1979." in refused.text  # nothing typed is lost
    assert not ArchiveEntryPage.objects.filter(slug="rent-strike-photograph").exists()

    accepted = post(client, ArchiveEntryPage, archive, {**fields, "image": private.pk})
    assert accepted.status_code == 302
    assert ArchiveEntryPage.objects.get(slug="rent-strike-photograph").image == private


def entry_form(entry, **fields) -> dict:
    """The edit form of an archive entry as the editor submits it."""
    return nested_form_data(
        {
            "title": entry.title,
            "slug": entry.slug,
            "summary": entry.summary,
            "kind": entry.kind,
            "period_start": str(entry.period_start),
            "media_url": entry.media_url,
            "transcript": rich_text(entry.transcript),
            "body": streamfield([]),
            **fields,
        }
    )


def test_a_recording_saves_as_a_draft_without_transcript_but_never_publishes(login, network):
    """The transcript is for publishing: a moderator reworking a live recording's
    transcript saves drafts; every publish path refuses it, with the reason."""
    from django.contrib.auth import get_user_model
    from django.core.exceptions import ValidationError

    from tests.pages import add_entry, chapter

    entry = add_entry(
        network.riverside,
        "Recorded at the union hall",
        media_url="https://example.org/recording",
        transcript="<p>We met on Tuesdays.</p>",
    )
    edit_url = f"/admin/pages/{entry.pk}/edit/"
    client = login("riverside-moderator")
    draft = client.post(edit_url, entry_form(entry, transcript=rich_text("")), headers=ADMIN)
    assert draft.status_code == 302, draft.context["form"].errors
    entry.refresh_from_db()
    assert "Tuesdays" not in entry.get_latest_revision_as_object().transcript

    published = client.post(
        edit_url,
        entry_form(entry, transcript=rich_text(""), **{"action-publish": "action-publish"}),
        headers=ADMIN,
    )
    assert published.status_code == 200
    assert "needs a transcript before it can be published" in published.text

    bulk = client.post(
        f"/admin/bulk/wagtailcore/page/publish/?id={entry.pk}&next=/admin/pages/",
        {"include_descendants": ""},
        headers=ADMIN,
        follow=True,
    )
    assert "Nothing was published: “Recorded at the union hall”." in bulk.text
    assert "needs a transcript before it can be published" in bulk.text

    moderator = get_user_model().objects.get(username="riverside-moderator")
    chapter("Riverside").workflow.start(entry, moderator)
    task_state = entry.current_workflow_task_state
    approve = client.post(
        f"/admin/pages/workflow/action/{entry.pk}/approve/{task_state.pk}/",
        {"comment": ""},
        headers=ADMIN,
        follow=True,
    )
    assert "“Recorded at the union hall” was not approved:" in approve.text
    task_state.refresh_from_db()
    assert task_state.status == "in_progress"

    with pytest.raises(ValidationError, match="needs a transcript"):
        entry.get_latest_revision().publish()  # the scheduler's path, and code's
    entry.refresh_from_db()
    assert entry.live and entry.transcript == "<p>We met on Tuesdays.</p>"
