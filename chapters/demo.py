"""The chapters of the demo network: every one of them fictional."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Locale

from chapters import demo_content as content
from chapters.demo_es import load_chapters_es
from chapters.demo_publishing import load_publishing
from chapters.models import ChapterHomePage, ChapterSettings, PrincipleSetAdoption
from chapters.onboarding import onboard_chapter
from home.demo import stream
from home.models import PrincipleSet
from home.setup import ALLIANCE_EDITORS, ALLIANCE_MODERATORS, NETWORK_ADMINS

# Demo users get this password, and only in the demo.
DEMO_PASSWORD = "demo-password"  # noqa: S105


def load_chapters() -> int:
    """Onboard each demo chapter and fill in its profile. Returns how many it created."""
    created = 0
    _demo_user("admin", None, superuser=True)
    _demo_user("network-admin", Group.objects.get(name=NETWORK_ADMINS))
    _demo_user("alliance-editor", Group.objects.get(name=ALLIANCE_EDITORS))
    _demo_user("alliance-moderator", Group.objects.get(name=ALLIANCE_MODERATORS))
    sets = {s.label: s for s in PrincipleSet.objects.filter(locale=Locale.get_default())}
    for data in content.CHAPTERS:
        chapter = onboard_chapter(
            name=data["name"],
            hostname=data["hostname"],
            region=data["region"],
            locality_type=data["locality_type"],
            time_zone=data["time_zone"],
            languages=data.get("languages", ["en"]),
        )
        slug = data["hostname"].split(".")[0]
        _demo_user(f"{slug}-editor", chapter.editors)
        _demo_user(f"{slug}-moderator", chapter.moderators)
        created += load_publishing(chapter.home, data["hostname"])
        if not chapter.created:
            continue
        created += 1
        home: ChapterHomePage = chapter.home
        home.intro = data["intro"]
        home.body = stream(data["body"])
        home.status = data["status"]
        home.founded_year = data["founded_year"]
        home.principle_set_adoptions = [
            PrincipleSetAdoption(principle_set=sets[label], adopted_year=year)
            for label, year in data["adopted"]
        ]
        home.save_revision().publish()
        settings = ChapterSettings.for_site(chapter.site)
        settings.contact_email = data["contact_email"]
        settings.accent_colour = data["accent_colour"]
        settings.save()
    created += load_chapters_es()
    return created


def _demo_user(username: str, group: Group | None, superuser: bool = False) -> None:
    User = get_user_model()
    if User.objects.filter(username=username).exists():
        return
    user = User.objects.create_user(
        username=username,
        email=f"{username}@example.org",
        password=DEMO_PASSWORD,
        is_staff=superuser,
        is_superuser=superuser,
    )
    if group is not None:
        user.groups.add(group)
