"""The demo network in Spanish: the Alliance and Tillory Valley read in Spanish at /es/.

The Spanish objects are real Wagtail translations of the English ones (same
translation_key, Spanish locale), made by `load_demo_network`, and loading again
creates nothing.
"""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.log_actions import log
from wagtail.models import Locale, Page, Revision, Site
from wagtail_localize.models import Translation, TranslationSource

from chapters.demo import data as demo_data
from chapters.models import (
    ArchiveEntryPage,
    ArchiveIndexPage,
    ChapterHomePage,
    EventIndexPage,
    EventPage,
    StoryIndexPage,
    StoryPage,
)
from home.models import AllianceHomePage, Principle, PrincipleSet, Resource, Right
from home.translation.state import OUT_OF_DATE, UP_TO_DATE, status_of, translation_states

pytestmark = pytest.mark.django_db

TILLORY = "tillory-valley.localhost"
# The demo's English and Spanish text, read through the loader's data API.
alliance = demo_data.alliance()
alliance_es = demo_data.alliance_translation("es")
TILLORY_ES = demo_data.chapter_translation(TILLORY, "es")
SECTIONS = [
    (StoryIndexPage, StoryPage, "stories", demo_data.by_hostname("stories")),
    (EventIndexPage, EventPage, "events", demo_data.by_hostname("events")),
    (ArchiveIndexPage, ArchiveEntryPage, "archive", demo_data.by_hostname("archive")),
]


def es() -> Locale:
    return Locale.objects.get(language_code="es")


def counts() -> dict:
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "principle_sets": PrincipleSet.objects.count(),
        "principles": Principle.objects.count(),
        "resources": Resource.objects.count(),
        "rights": Right.objects.count(),
    }


def published_translation(page: Page) -> Page:
    translation = page.get_translation_or_none(es())
    assert translation is not None, f"{page.title!r} has no Spanish translation"
    translation = translation.specific
    assert translation.live and not translation.has_unpublished_changes, page.title
    assert translation.alias_of_id is None, page.title
    assert translation.translation_key == page.translation_key
    # Moderation holds in Spanish too: the chapter's (or the Alliance's) workflow.
    assert translation.get_workflow() == page.get_workflow() is not None, page.title
    return translation


def tillory_home() -> ChapterHomePage:
    return Site.objects.get(hostname=TILLORY).root_page.specific


def assert_made_through_localize_and_synced():
    """The demo's Spanish is made through wagtail-localize, as translators make it: each
    Spanish snippet has the English as its translation source. Editing the English puts
    the source behind it; a sync brings the edit while the translated strings stay."""
    en = Locale.get_default()
    for model in (PrincipleSet, Principle, Resource, Right):
        for spanish in model.objects.filter(locale=es()):
            assert Translation.objects.filter(
                source__object_id=spanish.translation_key, source__locale=en, target_locale=es()
            ).exists(), f"{spanish} was not made through wagtail-localize"
        # What the listings and the translation report show editors: nothing behind.
        translated = model.objects.filter(locale=es()).values("translation_key")
        states = translation_states(model.objects.filter(locale=en, translation_key__in=translated))
        behind = {key: s.states for key, s in states.items() if s.states != {"es": UP_TO_DATE}}
        assert not behind, f"{model.__name__}: {behind}"
    english = Principle.objects.get(locale=en, title="Rights belong together")
    spanish_text = alliance_es["principle_sets"][english.principle_set.title]["principles"]
    spanish_text = spanish_text[english.title]
    source = TranslationSource.objects.get(object_id=english.translation_key, locale=en)
    english.statement = "All human rights are for all people, always and everywhere."
    english.save()
    source.refresh_from_db()
    assert english.statement not in source.content_json
    assert status_of(english).states == {"es": OUT_OF_DATE}  # as the editor sees it

    source.update_from_db()
    source.translations.get(target_locale=es()).save_target()
    spanish = english.get_translation(es())
    assert spanish.statement == english.statement  # the change, to translate
    assert spanish.title == spanish_text["title"]
    assert "En la práctica" in spanish_text["commentary"]
    assert "En la práctica" in spanish.commentary


def test_every_shared_snippet_has_a_spanish_translation_that_follows_its_english(demo_network):
    en = Locale.get_default()

    rights = Right.objects.filter(locale=en, slug__in=[r["slug"] for r in alliance["rights"]])
    assert rights.count() == len(alliance["rights"])
    for right in rights:
        spanish = right.get_translation(es())
        assert spanish.name == alliance_es["rights"][right.slug]["name"]
        assert (spanish.slug, spanish.instrument, spanish.article) == (
            right.slug,
            right.instrument,
            alliance_es["rights"][right.slug]["article"],  # "Artículo 25"
        )

    sets = PrincipleSet.objects.filter(
        locale=en, title__in=[s["title"] for s in alliance["principle_sets"]]
    )
    assert sets.count() == len(alliance["principle_sets"])
    for principle_set in sets:
        spanish_set = principle_set.get_translation(es())
        assert spanish_set.title == alliance_es["principle_sets"][principle_set.title]["title"]
        assert spanish_set.year == principle_set.year
        principles = principle_set.principles.filter(locale=en)
        assert principles.count() == len(
            alliance_es["principle_sets"][principle_set.title]["principles"]
        )
        for principle in principles:
            spanish = principle.get_translation(es())
            # A translated principle belongs to the translated set.
            assert spanish.principle_set == spanish_set
            assert spanish.sort_order == principle.sort_order
            assert spanish.statement != principle.statement

    resources = Resource.objects.filter(
        locale=en, title__in=[r["title"] for r in alliance["resources"]]
    )
    assert resources.count() == len(alliance["resources"])
    for resource in resources:
        spanish = resource.get_translation(es())
        # A real work keeps its citation; what the Alliance says about it is in Spanish.
        assert (spanish.title, spanish.authors, spanish.container_title, spanish.year) == (
            resource.title,
            resource.authors,
            resource.container_title,
            resource.year,
        )
        assert spanish.summary == alliance_es["resources"][resource.title]["summary"]
        assert set(spanish.topics.names()) == set(resource.topics.names())

    housing = Right.objects.get(slug="housing", locale=es())
    assert housing.name == "Derecho a la vivienda"
    assert (
        "derechos"
        in PrincipleSet.objects.get(
            locale=es(), translation_key=sets.get(short_title="Alliance Principles").translation_key
        ).description
    )
    assert_made_through_localize_and_synced()


def assert_section_reads_in_spanish(
    chapter, spanish_chapter, index_class, page_class, key, english
):
    """A Tillory Valley section and each of its pages, translated, with the facts kept."""
    section = index_class.objects.child_of(chapter).get()
    spanish_section = published_translation(section)
    assert spanish_section.title == TILLORY_ES["sections"][key]["title"]
    assert spanish_section.get_parent().specific == spanish_chapter
    pages = page_class.objects.child_of(section)
    assert pages.count() == len(english[TILLORY]) == len(TILLORY_ES[key])
    for page in pages:
        spanish = published_translation(page)
        assert spanish.title == TILLORY_ES[key][page.slug]["title"]
        assert spanish.summary != page.summary
        assert spanish.get_parent().specific == spanish_section
        assert {r.pk for r in spanish.rights.all()} == {r.pk for r in page.rights.all()}
        if page_class is EventPage:
            assert (spanish.starts_at, spanish.ends_at) == (page.starts_at, page.ends_at)
        if page_class is StoryPage:
            assert spanish.date == page.date
        if page_class is ArchiveEntryPage:
            # One consent record covers every translation of the entry.
            assert spanish.consent is not None
            assert spanish.consent.pk == page.consent.pk


def test_alliance_and_tillory_valley_read_in_spanish(demo_network, client):

    home = AllianceHomePage.objects.get(locale=Locale.get_default())
    spanish_home = published_translation(home)
    assert spanish_home.title == alliance_es["home"]["title"]
    assert "derechos" in spanish_home.intro
    for slug, data in alliance_es["pages"].items():
        page = home.get_children().get(slug=slug)
        spanish = published_translation(page)
        assert (spanish.title, spanish.slug) == (data["title"], data["slug"])
        assert spanish.get_parent().specific == spanish_home

    chapter = tillory_home()
    spanish_chapter = published_translation(chapter)
    assert spanish_chapter.title == TILLORY_ES["home"]["title"]
    assert (spanish_chapter.status, spanish_chapter.founded_year) == (
        chapter.status,
        chapter.founded_year,
    )
    assert [a.principle_set_id for a in spanish_chapter.principle_set_adoptions.all()] == [
        a.principle_set_id for a in chapter.principle_set_adoptions.all()
    ]
    for section in SECTIONS:
        assert_section_reads_in_spanish(chapter, spanish_chapter, *section)

    alliance_page = client.get("/es/", headers={"host": "localhost"})
    assert alliance_page.status_code == 200
    assert "Los derechos humanos empiezan donde vivimos" in alliance_page.text
    principles = client.get("/es/principios/", headers={"host": "localhost"})
    assert "Principios de Jemez para la Organización Democrática" in principles.text
    assert "Be inclusive" not in principles.text

    host = {"host": TILLORY}
    tillory = client.get("/es/", headers=host)
    assert tillory.status_code == 200
    assert TILLORY_ES["home"]["title"] in tillory.text
    assert "Primero, escuchar" in tillory.text
    assert "Listening first" not in tillory.text
    stories = client.get("/es/stories/", headers=host)
    assert "Calor y humo: los jefes de cuadrilla se capacitan entre sí" in stories.text
    assert "Derecho a la vivienda" in stories.text  # the rights filter, in Spanish
    # Consent still decides: the pending testimony stays hidden in Spanish too.
    pending = TILLORY_ES["archive"]["pending-growers-camp-testimony"]
    assert pending["title"] not in client.get("/es/archive/", headers=host).text
    assert client.get(f"/es/archive/{pending['slug']}/", headers=host).status_code == 404


def test_loading_again_creates_nothing_and_keeps_a_persons_edit(demo_network, capsys):
    first = counts()
    capsys.readouterr()

    call_command("load_demo_network")
    assert counts() == first
    assert "already loaded" in capsys.readouterr().out

    # An editor's own wording of a translation is never overwritten by the demo.
    editor = get_user_model().objects.get(username="alliance-editor")
    housing = Right.objects.get(slug="housing", locale=es())
    housing.name = "Derecho a una vivienda digna"
    housing.save()
    log(instance=housing, action="wagtail.edit", user=editor)
    call_command("load_demo_network")
    housing.refresh_from_db()
    assert housing.name == "Derecho a una vivienda digna"
    assert "already loaded" in capsys.readouterr().out
