"""The permission matrix: every role × object × action, through real admin requests.

Each case logs in as the role, does the action the way the admin's own pages
do (GET a listing, a chooser or a form; POST a form) and then checks the effect
a person would notice: the object is listed, the form opens, the change was
saved, the page went live, the object is gone. `ALLOWED` is the whole policy;
every case not listed there must be denied. The kinds of object and their actions
are in permission_kinds.py; "export" and "approve" are the chapter requests'.
"""

import pytest
from django.test import Client

from tests.admin.people_kinds import PEOPLE_KINDS
from tests.admin.permission_kinds import ACTIONS
from tests.admin.permission_kinds import KINDS as OBJECT_KINDS
from tests.conftest import SUPERUSER
from tests.logins import logged_in

pytestmark = pytest.mark.django_db


KINDS = {**OBJECT_KINDS, **PEOPLE_KINDS}
EVERYTHING = set(ACTIONS)
AUTHOR = {"list", "view", "choose", "add", "edit"}
MEDIA_AUTHOR = AUTHOR | {"delete"}
SHARED_SNIPPETS = ("principle", "resource", "right")
ALL_PAGES = ("own chapter page", "other chapter page", "Alliance page")
ALL_MEDIA = (
    "own image",
    "other image",
    "Alliance image",
    "own document",
    "other document",
    "Alliance document",
)

# The policy (DESIGN.md, "Who uses it"). Roles are seen from Riverside: "own"
# is Riverside's, "other" is Hilltop's. Editors may delete only their own
# unpublished pages, and every page here is live.
ALLOWED: dict[str, dict[str, set[str]]] = {
    "riverside-editor": {
        "own chapter page": AUTHOR,
        "Alliance page": {"choose"},
        **{snippet: {"choose"} for snippet in SHARED_SNIPPETS},
        # Wagtail counts deleting an image or document as changing it: an editor who
        # may fix their chapter's media may also delete it.
        "own image": MEDIA_AUTHOR,
        "own document": MEDIA_AUTHOR,
        "Alliance image": {"choose"},
        "Alliance document": {"choose"},
        # Who signed up for their chapter's events: its organizers (editors, moderators).
        "own chapter registration": EVERYTHING,
    },
    "riverside-moderator": {
        "own chapter page": EVERYTHING,
        "Alliance page": {"choose"},
        **{snippet: {"choose"} for snippet in SHARED_SNIPPETS},
        "own image": EVERYTHING,
        "own document": EVERYTHING,
        "Alliance image": {"choose"},
        "Alliance document": {"choose"},
        "own chapter settings": EVERYTHING,
        # The people who joined their chapter: only its moderators see them.
        "own chapter person": EVERYTHING,
        "own chapter registration": EVERYTHING,
    },
    "alliance-editor": {
        "Alliance page": AUTHOR,
        **dict.fromkeys(SHARED_SNIPPETS, EVERYTHING),
        "Alliance image": MEDIA_AUTHOR,
        "Alliance document": MEDIA_AUTHOR,
    },
    "alliance-moderator": {
        "Alliance page": EVERYTHING,
        **dict.fromkeys(SHARED_SNIPPETS, EVERYTHING),
        "Alliance image": EVERYTHING,
        "Alliance document": EVERYTHING,
        "Alliance settings": EVERYTHING,
    },
    "network-admin": {
        **dict.fromkeys(ALL_PAGES, EVERYTHING),
        **{snippet: {"choose"} for snippet in SHARED_SNIPPETS},
        **dict.fromkeys(ALL_MEDIA, EVERYTHING),
        "own chapter settings": EVERYTHING,
        "other chapter settings": EVERYTHING,
        "Alliance settings": EVERYTHING,
        "site": EVERYTHING,
        "user": EVERYTHING,
        "group": EVERYTHING,
        # Requests to start a chapter hold a person's name and email: the network
        # admins' only (chapters/admin/chapter_requests.py).
        "chapter request": EVERYTHING,
    },
}

CASES = [
    (role, target, action, action in ALLOWED[role].get(target, set()))
    for role in ALLOWED
    for target, (kind, _make) in KINDS.items()
    for action in kind.actions
] + [
    # Hilltop's moderator, on people only: the requests Riverside's people are refused
    # work for the chapter whose people they are.
    ("hilltop-moderator", target, action, target.startswith("other chapter"))
    for target, (kind, _make) in PEOPLE_KINDS.items()
    for action in kind.actions
]


@pytest.fixture
def superuser():
    """A superuser's client, who prepares the forms the roles then post."""
    return logged_in(Client(), SUPERUSER)


@pytest.mark.parametrize(
    ("role", "target", "action", "allowed"),
    CASES,
    ids=[f"{r}-{t}-{a}-{'allowed' if ok else 'denied'}" for r, t, a, ok in CASES],
)
def test_permission_matrix(login, network, superuser, role, target, action, allowed):
    kind, make = KINDS[target]
    obj = make(network)
    client = login(role)
    assert kind.run(action, client, superuser, obj) is allowed


def test_matrix_covers_every_role_object_and_action():
    assert {role for role, *_ in CASES} == {*ALLOWED, "hilltop-moderator"}
    assert {action for _r, _t, action, _a in CASES} == set(ACTIONS)
    assert len(CASES) >= 400
    # Each request is one that works for someone, so a denial is the policy, not a bad form.
    for target, (kind, _make) in KINDS.items():
        for action in kind.actions:
            assert any(ok for _r, t, a, ok in CASES if (t, a) == (target, action)), (
                f"nobody may {action} {target}: the case proves nothing"
            )
