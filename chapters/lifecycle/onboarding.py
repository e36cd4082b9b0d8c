"""Onboarding a chapter: one service behind the `create_chapter` command.

A chapter is its ChapterHomePage plus what this creates beside it: the section
indexes, a Site on its own hostname, a Collection for its media, an editors
and a moderators group whose permissions reach only that chapter, and a
moderation workflow on the chapter's root page.
"""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.text import slugify
from wagtail.models import Collection, GroupSitePermission, Locale, Page, Site

from chapters.archive.models import ArchiveIndexPage
from chapters.events.models import EventIndexPage
from chapters.lifecycle.people import InviteError, invite_person
from chapters.register.chapter import ARCHIVE_COLLECTION, Chapter
from chapters.register.coordinates import coordinate_errors
from chapters.register.settings import TIME_ZONES, ChapterSettings
from chapters.register.us_states import STATE_CHOICES
from chapters.site.home import ChapterHomePage
from chapters.stories.models import StoryIndexPage
from home.setup import (
    EDITOR_PAGE_PERMISSIONS,
    MODERATOR_PAGE_PERMISSIONS,
    approval_workflow,
    grant_media,
    grant_pages,
    shared_collection,
)
from home.sites import clean_hostname

LOCALITY_TYPES = [value for value, _label in ChapterHomePage.LOCALITY_TYPES]
STATES = [code for code, _name in STATE_CHOICES]
STATUSES = [value for value, _label in ChapterHomePage.STATUSES]
ZONES = [value for value, _label in TIME_ZONES]

SECTIONS = [
    (StoryIndexPage, "Stories", "stories"),
    (ArchiveIndexPage, "Archive", "archive"),
    (EventIndexPage, "Events", "events"),
]


class OnboardingError(ValueError):
    """Bad input for onboarding; the message names the problem in one line."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


def validate(
    name: str,
    hostname: str,
    locality_type: str,
    region: str,
    languages: list[str],
    time_zone: str,
) -> tuple[str, str]:
    name = name.strip()
    if not name:
        raise OnboardingError("name", "the chapter name is empty")
    if len(name) > 120:  # "<name> moderators" must fit a group name
        raise OnboardingError("name", "the chapter name is longer than 120 characters")
    try:
        hostname = clean_hostname(hostname)
    except ValueError as error:
        raise OnboardingError("hostname", str(error)) from None
    if locality_type not in LOCALITY_TYPES:
        raise OnboardingError(
            "locality_type",
            f"unknown locality type '{locality_type}' (choose one of {', '.join(LOCALITY_TYPES)})",
        )
    if len(region) > 100:
        raise OnboardingError("region", "the region is longer than 100 characters")
    known = [code for code, _name in settings.LANGUAGES]
    if not languages:
        raise OnboardingError("languages", "choose at least one language")
    for code in languages:
        if code not in known:
            raise OnboardingError(
                "languages", f"unknown language '{code}' (choose from {', '.join(known)})"
            )
    if time_zone not in ZONES:
        raise OnboardingError(
            "time_zone", f"unknown time zone '{time_zone}' (choose one of {', '.join(ZONES)})"
        )
    return name, hostname


def validate_profile(state: str, status: str) -> None:
    """The chapter's place on the directory's map and state filter, and its status."""
    if state and state not in STATES:
        raise OnboardingError("state", f"unknown US state '{state}' (a two-letter code, e.g. OR)")
    if status not in STATUSES:
        raise OnboardingError(
            "status", f"unknown status '{status}' (choose one of {', '.join(STATUSES)})"
        )


def onboard_chapter(
    *,
    name: str,
    hostname: str,
    region: str = "",
    locality_type: str = "city",
    state: str = "",
    status: str = "exploring",
    languages: list[str] | None = None,
    time_zone: str = "America/New_York",
    latitude: float | None = None,
    longitude: float | None = None,
    moderator_email: str = "",
    invited_by=None,
    must_be_new: bool = False,
) -> Chapter:
    """Create a chapter, or complete an existing one with the same name and hostname.

    Returns the chapter's register row; its `created` attribute says whether the
    chapter is new. With must_be_new, an existing chapter is an error instead.
    Runs in one transaction: on any error nothing is changed.
    """
    languages = list(dict.fromkeys(languages or [settings.LANGUAGE_CODE]))
    name, hostname = validate(name, hostname, locality_type, region, languages, time_zone)
    validate_profile(state, status)
    for field, message in coordinate_errors(latitude, longitude).items():
        raise OnboardingError(field, message)
    profile = {"region": region, "locality_type": locality_type, "state": state, "status": status}
    profile |= {"latitude": latitude, "longitude": longitude}
    if moderator_email:
        try:
            validate_email(moderator_email.strip())
        except ValidationError:
            raise OnboardingError(
                "moderator_email", f"'{moderator_email}' is not an email address"
            ) from None
    with transaction.atomic():
        home, site, created = _home_and_site(name, hostname, profile)
        if must_be_new and not created:
            raise OnboardingError("name", f"'{name}' is already onboarded at '{hostname}'")
        _add_sections(home)
        _apply_settings(site, created, languages, time_zone)
        chapter = _register(name, home, site)
        grant_chapter_roles(chapter)
        if moderator_email:
            try:
                invite_person(chapter, moderator_email, "moderator", invited_by=invited_by)
            except InviteError as error:  # nothing is created: the form keeps what was typed
                raise OnboardingError(
                    "moderator_email", f"The chapter was not created: {error}"
                ) from error
    chapter.created = created
    return chapter


def _add_sections(home: ChapterHomePage) -> None:
    """The stories, archive and events indexes, published; a section the chapter
    already has is kept (running onboarding again completes a chapter)."""
    for page_class, title, slug in SECTIONS:
        if not page_class.objects.child_of(home).exists():
            section = home.add_child(
                instance=page_class(title=title, slug=slug, show_in_menus=True)
            )
            section.save_revision().publish()


def _apply_settings(site: Site, created: bool, languages: list[str], time_zone: str) -> None:
    """The chapter's languages and time zone; an existing chapter keeps its own."""
    chapter_settings = ChapterSettings.for_site(site)
    if created or not chapter_settings.languages:
        chapter_settings.languages = languages
    if created:
        chapter_settings.time_zone = time_zone
    chapter_settings.save()


def _register(name: str, home: ChapterHomePage, site: Site) -> Chapter:
    """The chapter's register row with what it owns beside its pages: its site,
    collections, groups (named after it) and moderation workflow."""
    chapter, _ = Chapter.objects.get_or_create(home=home)
    chapter.site = site
    chapter.collection = _collection(name)
    chapter.editors, _ = Group.objects.get_or_create(name=f"{name} editors")
    chapter.moderators, _ = Group.objects.get_or_create(name=f"{name} moderators")
    chapter.members, _ = Group.objects.get_or_create(name=f"{name} members")
    chapter.archive_collection = archive_collection(chapter.collection)
    chapter.workflow = approval_workflow(name, home, chapter.moderators)
    chapter.save()
    return chapter


def grant_chapter_roles(chapter: Chapter) -> None:
    """Give the chapter's groups their rights: on its pages (in every locale), its
    collection, the Alliance's shared collection (choose only) and its settings."""
    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    change_settings = Permission.objects.get(
        content_type__app_label="chapters", codename="change_chaptersettings"
    )
    # Chapters translate their own pages with wagtail-localize; the admin scope
    # middleware keeps that to their own pages.
    submit_translation = Permission.objects.get(
        content_type__app_label="wagtail_localize", codename="submit_translation"
    )
    shared = shared_collection()
    for home in chapter.homes():
        grant_pages(chapter.editors, home, EDITOR_PAGE_PERMISSIONS)
        grant_pages(chapter.moderators, home, MODERATOR_PAGE_PERMISSIONS)
    for group, role in [(chapter.editors, "editor"), (chapter.moderators, "moderator")]:
        group.permissions.add(access_admin, submit_translation)
        grant_media(group, chapter.collection, role)
        grant_media(group, shared, "user")
    GroupSitePermission.objects.get_or_create(
        group=chapter.moderators, site=chapter.site, permission=change_settings
    )


def _home_and_site(name, hostname, profile: dict):
    """The chapter's home (new ones get `profile`: region, locality type, state,
    status, coordinates) and its Site."""
    site = Site.objects.filter(hostname=hostname).select_related("root_page").first()
    if site is not None:
        root = site.root_page.specific
        if isinstance(root, ChapterHomePage) and root.title == name:
            return root, site, False
        raise OnboardingError(
            "hostname", f"hostname '{hostname}' is already used by the site '{site}'"
        )
    default_locale = Locale.get_default()
    existing = ChapterHomePage.objects.filter(title=name, locale=default_locale).first()
    if existing is not None:
        other = Site.objects.filter(root_page=existing).first()
        if other is not None:
            raise OnboardingError(
                "name", f"a chapter named '{name}' already exists at '{other.hostname}'"
            )
        home, created = existing, False
    else:
        root = Page.get_first_root_node()
        home = root.add_child(
            instance=ChapterHomePage(
                title=name,
                slug=free_slug(root, slugify(name) or hostname.split(".")[0]),
                locale=default_locale,
                **profile,
            )
        )
        home.save_revision().publish()
        created = True
    # Every site is served by the same front door: the new one answers on the default
    # site's port (80 in production, the demo's own port in `make run`).
    port = Site.objects.filter(is_default_site=True).values_list("port", flat=True).first()
    site = Site.objects.create(hostname=hostname, port=port or 80, root_page=home, site_name=name)
    return home, site, created


def free_slug(parent: Page, slug: str) -> str:
    """`slug`, or `slug-2`, `-3`, … if a sibling under `parent` has it already."""
    taken = set(parent.get_children().values_list("slug", flat=True))
    candidate, n = slug, 2
    while candidate in taken:
        candidate, n = f"{slug}-{n}", n + 1
    return candidate


def archive_collection(collection: Collection) -> Collection:
    """The chapter's private archive files: a child of its collection, so its
    editors and moderators have the same rights there."""
    return _collection(ARCHIVE_COLLECTION, parent=collection)


def _collection(name: str, parent: Collection | None = None) -> Collection:
    parent = parent or Collection.get_first_root_node()
    existing = parent.get_children().filter(name=name).first()
    return existing or parent.add_child(name=name)
