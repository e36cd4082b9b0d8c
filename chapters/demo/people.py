"""The demo's log-ins: each person in the data files, with the role named there."""

import functools

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group

from chapters.demo.data import DemoDataError
from home.setup import ALLIANCE_EDITORS, ALLIANCE_MODERATORS, NETWORK_ADMINS

# Demo users get this password, and only in the demo.
DEMO_PASSWORD = "demo-password"  # noqa: S105

# Roles of network.yaml's people: a superuser, or a member of one of the Alliance's groups.
NETWORK_ROLES = {
    "network-admins": NETWORK_ADMINS,
    "alliance-editors": ALLIANCE_EDITORS,
    "alliance-moderators": ALLIANCE_MODERATORS,
}
# Roles of a chapter's people: the chapter's own groups (members read, no admin access).
CHAPTER_ROLES = ("editors", "moderators", "members")


def add_network_people(people: dict[str, str]) -> None:
    """network.yaml's people: `username: superuser` or `username: <an Alliance group>`."""
    for username, role in people.items():
        if role == "superuser":
            add_person(username, None, superuser=True)
        elif role in NETWORK_ROLES:
            add_person(username, Group.objects.get(name=NETWORK_ROLES[role]))
        else:
            raise DemoDataError(f"network.yaml: {username} has an unknown role {role!r}")


def add_chapter_people(chapter, people: dict[str, str]) -> None:
    """A chapter file's people: `username: editors|moderators|members`."""
    for username, role in people.items():
        if role not in CHAPTER_ROLES:
            raise DemoDataError(f"{chapter.name}: {username} has an unknown role {role!r}")
        add_person(username, getattr(chapter, role))


@functools.cache
def demo_password_hash() -> str:
    """The demo password, hashed once: every demo person shares this public password,
    so one salt serves them all, and a load hashes once instead of once per person
    (a second of CPU each with Django's default hasher)."""
    return make_password(DEMO_PASSWORD)


def add_person(username: str, group: Group | None, superuser: bool = False) -> None:
    """A demo user, once: an existing user of that name is left as it is."""
    User = get_user_model()
    if User.objects.filter(username=username).exists():
        return
    user = User.objects.create(
        username=username,
        email=f"{username}@example.org",
        password=demo_password_hash(),
        is_staff=superuser,
        is_superuser=superuser,
    )
    if group is not None:
        user.groups.add(group)
