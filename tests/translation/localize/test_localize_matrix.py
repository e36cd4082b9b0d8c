"""wagtail-localize's paths, as a permission matrix: every role × page × action.

Each case makes a page (on Riverside, which speaks English and Spanish, or on
the Alliance) and, for every action but "submit", its Spanish translation as a
draft; then logs in as the role, does the action through the admin's own URL
(the translation editor's API, its publish and "submit for moderation", the
update ("sync") screen, stop and restart, convert to alias) and checks the
effect a person notices: the translation exists, the string or the link was
changed, the page is live, a workflow is in progress, the translation is
stopped or running, the page became an alias. `ALLOWED` is the policy; every
case not listed there must be denied. The pages and the actions are in paths.py,
the clients that commit each request in conftest.py, the workflow findings in
test_translation_workflow.py.
"""

import pytest

from tests.translation.localize.paths import ACTIONS, RUN, make_target

pytestmark = pytest.mark.django_db
TARGETS = ("Riverside page", "Alliance page")
ROLES = (
    "riverside-editor",
    "riverside-moderator",
    "hilltop-editor",
    "hilltop-moderator",
    "alliance-editor",
    "alliance-moderator",
    "network-admin",
    "superuser",
)


EVERYTHING = set(ACTIONS)
# Who may work on a translation without publishing it.
TRANSLATOR = {"submit", "edit strings", "override", "submit for moderation", "sync", "stop"}
TRANSLATOR |= {"restart"}
# Network admins hold every page right but not wagtail-localize's own permission.
PAGE_RIGHTS_ONLY = EVERYTHING - {"submit", "sync", "sync and publish"}

# The policy: chapters translate their own pages and the Alliance its own; only
# those who may publish a page publish its translation (directly, by "Publish
# immediately" on sync, or by turning it back into an alias of a live page).
ALLOWED: dict[str, dict[str, set[str]]] = {
    "riverside-editor": {"Riverside page": TRANSLATOR},
    "riverside-moderator": {"Riverside page": EVERYTHING},
    "hilltop-editor": {},
    "hilltop-moderator": {},
    "alliance-editor": {"Alliance page": TRANSLATOR},
    "alliance-moderator": {"Alliance page": EVERYTHING},
    "network-admin": dict.fromkeys(TARGETS, PAGE_RIGHTS_ONLY),
    "superuser": dict.fromkeys(TARGETS, EVERYTHING),
}

CASES = [
    (role, target, action, action in ALLOWED[role].get(target, set()))
    for role in ROLES
    for target in TARGETS
    for action in ACTIONS
]


@pytest.mark.parametrize(
    ("role", "target", "action", "allowed"),
    CASES,
    ids=[f"{r}-{t}-{a}-{'allowed' if ok else 'denied'}" for r, t, a, ok in CASES],
)
def test_localize_matrix(network, as_role, role, target, action, allowed):
    made = make_target(network, target, translated=action != "submit")
    client = as_role(role)
    assert RUN[action](client, made) is allowed
    if made.spanish is not None and "publish" not in ALLOWED[role].get(target, set()):
        assert not made.refresh().live, "someone who may not publish made the page live"


def test_matrix_covers_every_role_target_and_action():
    assert {role for role, *_ in CASES} == set(ROLES) == set(ALLOWED)
    assert len(CASES) == len(ROLES) * len(TARGETS) * len(ACTIONS)
    for target in TARGETS:
        for action in ACTIONS:
            assert any(ok for _r, t, a, ok in CASES if (t, a) == (target, action)), (
                f"nobody may {action} on the {target}: the case proves nothing"
            )


def summary(passed: set[str]) -> str:
    allowed = sum(case.endswith("-allowed") for case in passed)
    return (
        f"localize matrix: {len(passed)} of {len(CASES)} cases passed "
        f"({allowed} allowed, {len(passed) - allowed} denied)"
    )
