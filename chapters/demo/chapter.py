"""A demo chapter: onboarded like any chapter, then given its profile, people and content.

Text from chapters/demo/data/chapters/<name>.yaml; every chapter there is fictional.
"""

from wagtail.models import Locale

from chapters.demo.alliance import stream
from chapters.demo.illustrations import load_illustrations
from chapters.demo.people import add_chapter_people
from chapters.demo.publishing import load_publishing
from chapters.lifecycle.onboarding import onboard_chapter
from chapters.register.settings import ChapterSettings
from chapters.site.home import ChapterHomePage, PrincipleSetAdoption
from home.models import PrincipleSet


def load_chapter(data: dict) -> int:
    """Onboard the chapter (or find it), add its people and content, and fill in its
    profile when it is new. Returns how many objects it created."""
    chapter = onboard_chapter(
        name=data["name"],
        hostname=data["hostname"],
        region=data["region"],
        locality_type=data["locality_type"],
        time_zone=data["time_zone"],
        languages=data.get("languages", ["en"]),
        latitude=data.get("latitude"),
        longitude=data.get("longitude"),
    )
    add_chapter_people(chapter, data.get("people", {}))
    created = load_publishing(chapter.home, data)
    if chapter.created:
        _fill_in_profile(chapter, data)
        created += 1
    if data.get("illustrated", True):
        created += load_illustrations(chapter, data)
    return created


def _fill_in_profile(chapter, data: dict) -> None:
    """A new chapter's home and settings: what its people would write after onboarding."""
    sets = {s.label: s for s in PrincipleSet.objects.filter(locale=Locale.get_default())}
    home: ChapterHomePage = chapter.home
    home.intro = data["intro"]
    home.body = stream(data["body"])
    home.status = data["status"]
    home.founded_year = data["founded_year"]
    home.state = data["state"]
    home.principle_set_adoptions = [
        PrincipleSetAdoption(principle_set=sets[label], adopted_year=year)
        for label, year in data["adopted"].items()
    ]
    home.save_revision().publish()
    settings = ChapterSettings.for_site(chapter.site)
    settings.contact_email = data["contact_email"]
    settings.accent_colour = data["accent_colour"]
    settings.save()
