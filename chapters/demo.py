"""The chapters of the demo network: every one of them fictional."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Locale

from chapters import demo_content as content
from chapters.demo_archive import load_archive_media
from chapters.demo_es import load_chapters_es
from chapters.demo_publishing import load_publishing
from chapters.lifecycle.onboarding import onboard_chapter
from chapters.network.content import NetworkEventsPage, NetworkStoriesPage
from chapters.network.directory import ChapterDirectoryPage
from chapters.network.rights import RightsPage
from chapters.register.settings import ChapterSettings
from chapters.site.home import ChapterHomePage, PrincipleSetAdoption
from home.demo import stream
from home.models import AllianceHomePage, PrincipleSet
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
        _demo_user(f"{slug}-member", chapter.members)  # a reader, no admin access
        created += load_publishing(chapter.home, data["hostname"])
        if not chapter.created:
            continue
        created += 1
        home: ChapterHomePage = chapter.home
        home.intro = data["intro"]
        home.body = stream(data["body"])
        home.status = data["status"]
        home.founded_year = data["founded_year"]
        home.state = data["state"]
        home.principle_set_adoptions = [
            PrincipleSetAdoption(principle_set=sets[label], adopted_year=year)
            for label, year in data["adopted"]
        ]
        home.save_revision().publish()
        settings = ChapterSettings.for_site(chapter.site)
        settings.contact_email = data["contact_email"]
        settings.accent_colour = data["accent_colour"]
        settings.save()
    created += load_network_pages()
    created += load_archive_media()
    created += load_chapters_es()
    return created


NETWORK_PAGES = [
    (
        ChapterDirectoryPage,
        "Chapters",
        "chapters",
        "Every chapter of the network: where it organizes, what kind of place it is, "
        "and how far along it is.",
        "Iniciativas locales",
        "Todas las iniciativas de la red: dónde se organizan, qué tipo de lugar es "
        "y en qué etapa están.",
    ),
    (
        NetworkStoriesPage,
        "Stories from the network",
        "stories",
        "What chapters across the network are writing about their work.",
        "Historias de la red",
        "Lo que las iniciativas de toda la red cuentan sobre su trabajo.",
    ),
    (
        NetworkEventsPage,
        "Events across the network",
        "events",
        "Meetings, trainings and gatherings in every chapter. Subscribe to the calendar.",
        "Eventos en toda la red",
        "Reuniones, talleres y encuentros en cada iniciativa. Suscríbase al calendario.",
    ),
    (
        RightsPage,
        "Browse by right",
        "rights",
        "Housing, water, health and more: what the network does for each right, "
        "and where that right is written down.",
        "Explorar por derecho",
        "Vivienda, agua, salud y más: lo que hace la red por cada derecho, "
        "y dónde está escrito ese derecho.",
    ),
]


def load_network_pages() -> int:
    """The Alliance's network-wide pages, each once, published and in the menu."""
    alliance = AllianceHomePage.objects.get(locale=Locale.get_default())
    spanish = Locale.objects.filter(language_code="es").first()
    created = 0
    for model, title, slug, intro, title_es, intro_es in NETWORK_PAGES:
        page = model.objects.child_of(alliance).first()
        if page is None:
            page = alliance.add_child(
                instance=model(title=title, slug=slug, intro=intro, show_in_menus=True)
            )
            page.save_revision().publish()
            created += 1
        if spanish is None or page.get_translation_or_none(spanish) is not None:
            continue
        if alliance.get_translation_or_none(spanish) is None:
            continue  # the Spanish Alliance home comes from the Spanish demo
        translated = page.copy_for_translation(spanish)
        translated.title, translated.draft_title, translated.intro = title_es, title_es, intro_es
        translated.save_revision().publish()
        created += 1
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
