"""The demo loaded over a chapter that onboarding made first: the demo reuses its pages.

Not in tests/demo/, whose tests share a loaded demo: this one loads it after onboarding."""

import pytest
from django.core.management import call_command
from wagtail.models import Page

from chapters.lifecycle.onboarding import onboard_chapter
from chapters.models import ArchiveIndexPage, ChapterHomePage, EventIndexPage, StoryIndexPage
from tests.demo.test_demo_spanish import TILLORY, TILLORY_ES, es, published_translation

pytestmark = pytest.mark.django_db


def test_spanish_pages_made_by_onboarding_are_reused():
    """Onboarding a chapter that publishes in Spanish may already have made its Spanish
    home and sections (here as copies and an alias of the English ones): the demo fills
    those in instead of making new ones."""
    chapter = onboard_chapter(
        name="Tillory Valley Human Rights Network",
        hostname=TILLORY,
        region="Pacific Northwest",
        locality_type="region",
        time_zone="America/Los_Angeles",
        languages=["en", "es"],
    )
    home = chapter.home
    made = {}
    spanish_home = home.get_translation_or_none(es()) or home.copy_for_translation(es())
    made[home.pk] = spanish_home.pk
    for index_class in (StoryIndexPage, EventIndexPage):
        section = index_class.objects.child_of(home).get()
        spanish = section.get_translation_or_none(es()) or section.copy_for_translation(es())
        made[section.pk] = spanish.pk
    archive = ArchiveIndexPage.objects.child_of(home).get()
    alias = archive.get_translation_or_none(es()) or archive.create_alias(
        parent=spanish_home, update_locale=es(), reset_translation_key=False
    )
    made[archive.pk] = alias.pk

    call_command("load_demo_network")

    for page_pk, spanish_pk in made.items():
        spanish = published_translation(Page.objects.get(pk=page_pk))
        assert spanish.pk == spanish_pk
    assert Page.objects.get(pk=made[home.pk]).specific.intro == TILLORY_ES["home"]["intro"]
    assert Page.objects.get(pk=made[archive.pk]).title == "Archivo"
    assert ChapterHomePage.objects.filter(translation_key=home.translation_key).count() == 2
