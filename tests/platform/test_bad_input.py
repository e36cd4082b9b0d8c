"""No query string a stranger can send makes a public route answer 5xx.

Hypothesis sends generated values to every GET parameter of every public route and
API endpoint (tests/platform/public_routes.py finds them): digits Python's
`isdigit()` accepts but `int()` or the database do not ('²', '١٢'), numbers past
any column ('9' * 30), negative ones, NUL and other control characters, quotes and
search operators, very long strings. A filter may ignore a value or answer 400
with a message; it may never fail.
"""

import pytest
from django.conf import settings as django_settings
from django.db import transaction
from django.test import Client, override_settings
from django.utils import timezone
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from chapters.models import ChapterHomePage, Supporter
from home.models import AllianceHomePage
from tests.conftest import Network
from tests.platform.public_routes import build_public_routes

pytestmark = pytest.mark.django_db

# Hypothesis's examples for a page's parameters, an API listing's and an API detail's.
EXAMPLES = {"page": 4, "API listing": 12, "API detail": 2}
# Sent to every parameter a route reads, each value once (tests/platform/public_routes.py).
SWEEP = [
    "²",
    "١٢",
    "9" * 30,
    "-1",
    "10000",
    "\x00",
    "\x1b[0m\r\n",
    '"water',
    "a OR b -c",
    "'\\%*(",
    "9" * 5000,
    "é" * 10_000,
]
OTHERS = [
    "𝟗",
    "Ⅻ",
    "½",
    str(2**31),
    str(2**63),
    str(2**64),
    "0",
    "1e309",
    "1\x00",
    '"',
    'a"b',
    "NOT",
    "root",
    "random",
    "a" * 10_000,
    " ",
    "",
]
VALUES = st.one_of(
    st.sampled_from(SWEEP + OTHERS),
    st.text(max_size=12),
    st.text(st.characters(categories=("Nd", "No", "Nl", "Cc", "Po")), max_size=6),
    st.integers().map(str),
)
CHECK = settings(
    derandomize=True,
    database=None,
    deadline=None,
    # A failure reports the first example found: shrinking it costs a request per step.
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)


@pytest.fixture(scope="module")
def public_routes(django_db_setup, django_db_blocker):
    """Built once for the module, inside a transaction rolled back at its end."""
    middleware = ["tests.platform.public_routes.RecordParameters", *django_settings.MIDDLEWARE]
    with django_db_blocker.unblock(), transaction.atomic():
        network = Network(
            alliance=AllianceHomePage.objects.get(locale__language_code="en"),
            riverside=ChapterHomePage.objects.get(title="Riverside"),
            hilltop=ChapterHomePage.objects.get(title="Hilltop"),
        )
        with override_settings(MIDDLEWARE=middleware):
            routes = build_public_routes(network, Client())
        yield routes
        transaction.set_rollback(True)


def test_the_parameters_are_read_from_the_code(public_routes):
    """The walk is only as good as its lists: each page's filters are in them."""
    read = {name: names for name, (_host, _path, names) in public_routes.items()}
    assert {"year", "right", "page"} <= read["story index"]
    assert {"when", "right", "page"} <= read["event index"]
    assert {"decade", "kind", "right", "page"} <= read["archive index"]
    assert {"chapter", "right", "page"} <= read["network stories"]
    assert {"chapter", "right", "when", "page"} <= read["network events"]
    assert {"locality", "state", "status", "principles"} <= read["directory"]
    assert {"topic", "kind", "year", "page"} <= read["resource library"]
    assert {"query", "page", "chapter", "type", "right", "lang"} <= read["network search"]
    assert {"continue", "show_images"} <= read["archive entry"]
    assert {"query", "q", "search"} <= read["chapter home"]  # the search limit's middleware
    assert {"query", "page"} <= read["chapter search"]
    assert {"limit", "offset", "search", "child_of", "type", "id"} <= read["API pages"]
    assert {"limit", "offset", "search", "locale", "translation_key"} <= read["API rights"]


def sweep(client, host, path, names) -> list[str]:
    """Each SWEEP value once in every parameter: request k sends SWEEP[(i + k) % n] to
    the i-th parameter, so every (parameter, value) pair is sent in n requests. A route
    that reads no parameter gets one request with one it does not read."""
    names = sorted(names)
    params_list = [
        {name: SWEEP[(i + k) % len(SWEEP)] for i, name in enumerate(names)}
        for k in range(len(SWEEP) if names else 0)
    ] or [{"unread": "\x00²"}]
    found = []
    for params in params_list:
        try:
            status = client.get(path, params, headers={"host": host}).status_code
        except Exception as error:  # noqa: BLE001 - the test client raises the view's error
            status = repr(error)
        if not isinstance(status, int) or status >= 500:
            found.append(f"{host}{path}: {status} for {params}")
    return found


def fuzz(client, host, path, names, examples: int, at_once: int) -> list[str]:
    """Hypothesis's values, in one to `at_once` parameters at a time."""
    if not names:
        return []
    params = st.dictionaries(st.sampled_from(sorted(names)), VALUES, min_size=1, max_size=at_once)

    @settings(CHECK, max_examples=examples)
    @given(params)
    def no_server_error(params):
        response = client.get(path, params, headers={"host": host})
        assert response.status_code < 500, (response.status_code, params)

    try:
        no_server_error()
    except Exception as error:  # noqa: BLE001 - every route's failure is reported
        return [f"{host}{path}: {error!r} {getattr(error, '__notes__', '')}"]
    return []


def test_no_query_string_makes_a_public_route_fail(client, public_routes):
    """Pages: the sweep, then Hypothesis with up to three parameters at once. The API
    answers 400 to the first parameter it cannot use, which would hide the others: one
    parameter at a time, and no sweep."""
    failures = []
    for name, (host, path, names) in public_routes.items():
        if not name.startswith("API"):
            failures += sweep(client, host, path, names)
            failures += fuzz(client, host, path, names, EXAMPLES["page"], at_once=3)
        else:
            kind = "API detail" if name.endswith(("detail", "find")) else "API listing"
            failures += fuzz(client, host, path, names, EXAMPLES[kind], at_once=1)
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("value", ["²", "١٢", "9" * 30, "10000", "-1", "\x00", "1\x00"])
def test_a_filter_it_cannot_use_is_no_filter(client, public_routes, value):
    """The issue's 500s: `isdigit()` then `int()` on '²', a year no date holds, a number
    past 64 bits, a NUL. The listing shows what it shows unfiltered."""
    riverside = public_routes["story index"][0]
    alliance = public_routes["network stories"][0]
    for host, path, name, shown in [
        (riverside, public_routes["story index"][1], "year", "Water hearing"),
        (riverside, public_routes["archive index"][1], "decade", "Water testimony"),
        (alliance, public_routes["resource library"][1], "year", "A reading"),
        (alliance, public_routes["network stories"][1], "chapter", None),
        (alliance, public_routes["network events"][1], "chapter", None),
        (alliance, public_routes["network search"][1], "page", None),
    ]:
        response = client.get(path, {name: value}, headers={"host": host})
        assert response.status_code == 200, (path, name)
        assert shown is None or shown in response.text, (path, name)


def test_no_public_route_shows_who_joined_a_chapter(client, public_routes):
    """A person who joined Riverside, or registered for its event, is on no public page,
    search, feed or API answer: only the page of their own confirmation link greets
    them by name."""
    Supporter.objects.update(confirmed_at=timezone.now(), message="Walked message")
    searches = {
        ("site search", public_routes["chapter search"][0]): "/en/search/?query=Walked",
        ("network search", public_routes["network search"][0]): "/en/search/?query=Walked",
        ("API search", public_routes["chapter search"][0]): "/api/v2/pages/?search=Walked",
    }
    routes = {(name, host): path for name, (host, path, _names) in public_routes.items()}
    for (name, host), path in {**routes, **searches}.items():
        if name == "confirm joining":
            continue
        response = client.get(path, headers={"host": host})
        text = b"".join(response.streaming_content) if response.streaming else response.content
        private_texts = (b"Walked Person", b"walked@example.org", b"Walked message")
        for private in (*private_texts, b"Walked Registrant", b"walked-registrant@example"):
            assert private not in text, (name, path)
