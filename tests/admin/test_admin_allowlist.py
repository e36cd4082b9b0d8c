"""Deny by default in the admin: every admin route × every chapter-scoped role.

Every admin URL that Wagtail, wagtail-localize and our apps register is requested
as each scoped role (chapter editor and moderator, Alliance editor and
moderator). A route the allowlist (chapters/admin/allowlist.py) does not open
to that role answers 403 with a message saying why; an open route answers as
its view decides (never our refusal, never a 500). Two hand-written lists
keep the allowlist honest: the network tools that must stay closed, and the
screens each role reaches from the dashboard. Then the findings of issue 13:
the admin API, the choosers and the workflow task chooser list another
chapter's things.
"""

import html
import re
from collections import deque
from fnmatch import fnmatchcase

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.urls.exceptions import Resolver404
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Task

from chapters.admin import allowlist as admin_allowlist
from chapters.models import Chapter
from home.setup import SHARED_COLLECTION
from tests.logins import log_in
from tests.pages import add_story
from tests.sample_files import png, text_file

pytestmark = pytest.mark.django_db
ADMIN = {"host": "localhost"}
REFUSED = "Not open to your account"
ROLES = ("riverside-editor", "riverside-moderator", "alliance-editor", "alliance-moderator")

# --- Every admin route ---------------------------------------------------------------


def _walk(patterns, prefix="", namespace=None):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            ns = pattern.namespace
            inner = f"{namespace}:{ns}" if namespace and ns else (ns or namespace)
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern):
            name = pattern.name and (f"{namespace}:{pattern.name}" if namespace else pattern.name)
            yield prefix + str(pattern.pattern), name, pattern


def _kwarg_names(route: str) -> list[str]:
    return re.findall(r"<(?:\w+:)?(\w+)>", route) + re.findall(r"\(\?P<(\w+)>", route)


def admin_routes() -> list[tuple[str, tuple[str, ...], str]]:
    """(URL name, its arguments, route) of every admin route; unnamed ones by route."""
    routes, seen = [], set()
    for route, name, _pattern in _walk(get_resolver().url_patterns):
        if not route.startswith("admin/"):
            continue
        key = (name or route, tuple(_kwarg_names(route)))
        if key not in seen:
            seen.add(key)
            routes.append((key[0], key[1], route))
    return routes


ROUTES = admin_routes()
UNNAMED = {"admin/test404/": "/admin/test404/", "admin/^.*/$": "/admin/no-such-screen/"}


def _sample(name: str, kwarg: str, ids: dict) -> str:
    """A value for one URL argument: the role's own objects where there are ids."""
    fixed = {
        "content_type_app_name": "home",
        "content_type_model_name": "standardpage",
        "app_name": "chapters",
        "model_name": "chaptersettings",
        "filter_spec": "original",
        "action_name": "approve",
        "action": "delete",
        "kind": "image",
        "mode": "",
        "uidb64": "MQ",
        "token": "set-password",
        "revision_id_a": "earliest",
        "revision_id_b": "latest",
        "name": "images/nothing.png",
    }
    if name.startswith("wagtail_bulk_action"):
        fixed.update(app_label="wagtailcore", model_name="page")
    elif name.startswith("wagtail_localize:snippet") or name.startswith("wagtailadmin_workflows"):
        fixed.update(app_label="home", model_name="principle")
    elif name.startswith("wagtailadmin_editing_sessions"):
        fixed.update(app_label="wagtailcore", model_name="page", object_id=str(ids["page"]))
    if kwarg in fixed:
        return fixed[kwarg]
    if kwarg in ("page_id", "parent_page_id", "page_to_move_id", "destination_id", "page_pk"):
        return str(ids["page"])
    if kwarg == "pk" and name.startswith("wagtailadmin_pages:"):
        return str(ids["page"])
    if kwarg in ("image_id",) or (kwarg == "pk" and "image" in name):
        return str(ids["image"])
    if kwarg in ("document_id", "doc_id") or (kwarg == "pk" and "doc" in name):
        return str(ids["document"])
    return "999999"


def url_for(name: str, kwargs: tuple[str, ...], route: str, ids: dict) -> str:
    if route in UNNAMED:
        return UNNAMED[route]
    values = {kwarg: _sample(name, kwarg, ids) for kwarg in kwargs}
    if values.get("mode") == "":
        values.pop("mode")
        return reverse(name, kwargs=values) + "mode/"
    return reverse(name, kwargs=values)


# What each role is, independently of the allowlist's own predicates: the Alliance
# writes the shared snippets, moderators edit their site's settings, and a chapter's
# moderators use the Chapters screens.
TRAITS = {
    "riverside-editor": {"chapter organizer"},
    "riverside-moderator": {"site settings", "chapter moderator", "chapter organizer"},
    "alliance-editor": {"snippets"},
    "alliance-moderator": {"snippets", "site settings"},
}
WHO = {
    None: None,
    admin_allowlist._snippet_rights: "snippets",
    admin_allowlist._site_settings_rights: "site settings",
    admin_allowlist._chapter_moderator: "chapter moderator",
    admin_allowlist._chapter_organizer: "chapter organizer",
}


def expected_open(role: str, name: str) -> bool:
    for group in admin_allowlist.ALLOWLIST:
        if any(fnmatchcase(name, pattern) for pattern in group.names):
            trait = WHO[group.who]
            if trait is None or trait in TRAITS[role]:
                return True
    return False


CASES = [
    (role, name, kwargs, route, expected_open(role, name))
    for role in ROLES
    for name, kwargs, route in ROUTES
]

# Network tools: never open to a chapter-scoped person, whatever the list says.
NETWORK_TOOLS = (
    "wagtailadmin_reports:*",
    "wagtail_localize:translations_report*",
    "wagtailadmin_workflows:*",
    "wagtailusers_*",
    "wagtailsites:*",
    "wagtaillocales:*",
    "wagtailadmin_collections:*",
    "wagtailredirects:*",
    "wagtailforms:*",
    "wagtailadmin_api:pages:action",
    "wagtailadmin_error_test",
    "chapters_admin:onboard",
    "chapters_admin:import",
    "chapters_admin:export",
    "chapters_admin:archive",
    "chapters_admin:restore",
    "chapters_admin:delete",
    # Requests to start a chapter: a person's name and email, for network admins only.
    "chapter_requests:*",
)


class OwnIds(dict):
    """The ids a role's URLs carry: its own home page, and an image and a document of
    its own collection, made only when a URL asks for them."""

    def __init__(self, role, network):
        alliance = role.startswith("alliance")
        super().__init__(page=(network.alliance if alliance else network.riverside).pk)
        self.collection = SHARED_COLLECTION if alliance else "Riverside"

    def __missing__(self, key):
        model, file = {
            "image": (get_image_model(), png),
            "document": (get_document_model(), text_file),
        }[key]
        collection = Collection.objects.get(name=self.collection)
        self[key] = model.objects.create(title="Own", file=file(), collection=collection).pk
        return self[key]


@pytest.fixture
def own_ids(network):
    return lambda role: OwnIds(role, network)


def refused(response) -> bool:
    return response.status_code == 403 and REFUSED in response.content.decode()


def signed_out(response) -> bool:
    """Sent to log in or to the second factor again: the session was lost on the way."""
    location = response.get("Location", "") if response.status_code == 302 else ""
    return location.startswith(("/admin/login/", "/admin/two-step/"))


@pytest.mark.parametrize("role", ROLES)
def test_admin_routes(client, own_ids, role):
    """Every admin route as one person, logged in once as people are: the routes the
    allowlist opens answer (no refusal, no error, still signed in), every other one
    is refused. The terminal summary counts each route of each role as a case."""
    log_in(client, role)
    ids = own_ids(role)
    wrong = []
    # Logging out (Wagtail's logout answers GET) ends the session: it goes last.
    for name, kwargs, route in sorted(ROUTES, key=lambda r: r[0] == "wagtailadmin_logout"):
        url = url_for(name, kwargs, route, ids)
        response = client.get(url, headers=ADMIN)
        if expected_open(role, name):
            if refused(response) or response.status_code >= 500 or signed_out(response):
                wrong.append(f"{url} ({name}) should open, answers {response.status_code}")
        elif not refused(response):
            wrong.append(f"{url} ({name}) should be refused, answers {response.status_code}")
    assert wrong == [], f"{role}: " + "; ".join(wrong)


def test_network_tools_are_closed_to_every_scoped_role():
    """The hand-written list of network tools agrees with the allowlist, for every role."""
    names = [name for name, _kwargs, _route in ROUTES]
    tools = [n for n in names if any(fnmatchcase(n, pattern) for pattern in NETWORK_TOOLS)]
    assert len(tools) > 60  # reports, workflows, users, groups, sites, locales, ...
    for role in ROLES:
        assert [n for n in tools if expected_open(role, n)] == [], role


# --- Walking the admin as each role ---------------------------------------------------

LINK = re.compile(r"""(/admin/[^"'\s<>\\)]*)""")
# Links Wagtail shows that are refused on purpose: a network report (from "Pages
# using …"), and a shared principle set's edit screen (from the chapter home's
# adoptions), which Wagtail refuses chapter people too.
REFUSED_LINKS = {"wagtailadmin_reports:page_types_usage", "wagtailsnippets_home_principleset:edit"}
# GETs that would change something or end the session.
NOT_FOLLOWED = ("logout", "delete", "unpublish", "lock", "revert", "disable", "stop", "convert")


def walk(client, limit=220) -> dict[str, tuple[int, str]]:
    """Every admin URL name reached from the dashboard through links and data URLs."""
    seen, reached, queue = set(), {}, deque(["/admin/"])
    while queue and len(seen) < limit:
        url = queue.popleft()
        if url in seen:
            continue
        seen.add(url)
        path = url.split("?")[0].split("#")[0]
        try:
            name = resolve(path).view_name
        except Resolver404:
            continue
        if any(word in path for word in NOT_FOLLOWED):
            continue
        response = client.get(url, headers=ADMIN)
        reached.setdefault(name, (response, url))
        if response.status_code != 200 or response.streaming or refused(response):
            continue  # a file (an export) has no links to follow
        text = html.unescape(response.content.decode(errors="ignore")).replace("\\/", "/")
        queue.extend(link for link in LINK.findall(text) if "{" not in link)
    return reached


# What each role reaches from its dashboard and must keep (found by walking the
# admin before the allowlist existed).
NEEDED = {
    "riverside-editor": {
        "wagtailadmin_home",
        "wagtailadmin_explore",
        "wagtailadmin_pages:edit",
        "wagtailadmin_pages:add_subpage",
        "wagtailadmin_pages:history",
        "wagtailadmin_pages:search",
        "wagtailadmin_api:pages:listing",
        "wagtailimages:index",
        "wagtaildocs:index",
        "wagtailimages_chooser:choose",
        "wagtaildocs_chooser:choose",
        "wagtail_localize:submit_page_translation",
        "wagtailadmin_account",
    },
    "alliance-moderator": {
        "wagtailadmin_home",
        "wagtailadmin_explore",
        "wagtailadmin_pages:edit",
        "wagtailadmin_pages:add",
        "wagtailimages:index",
        "wagtailsnippets_home_principle:list",
        "wagtail_localize:submit_snippet_translation",
        "wagtailsettings:edit",
        "wagtailadmin_account",
    },
}


@pytest.mark.parametrize("role", sorted(NEEDED))
def test_every_link_a_role_is_shown_opens(client, network, role):
    add_story(network.riverside, "Heron draft", live=False)
    log_in(client, role)
    reached = walk(client)
    assert NEEDED[role] <= set(reached), NEEDED[role] - set(reached)
    closed = {name for name, (response, _url) in reached.items() if refused(response)}
    assert closed <= REFUSED_LINKS, closed
    failing = {
        name: url for name, (response, url) in reached.items() if response.status_code >= 500
    }
    assert failing == {}


# --- The findings: the admin API, the choosers and the task chooser -------------------


@pytest.fixture
def media(network):
    """An image and a document in Hilltop's collection, in Riverside's, in Riverside's
    archive and in the Alliance's shared collection."""
    made = {}
    for label, collection in [
        ("Hilltop", Collection.objects.get(name="Hilltop")),
        ("Riverside", Collection.objects.get(name="Riverside")),
        ("Riverside archive", Chapter.objects.get(home__title="Riverside").archive_collection),
        ("Alliance", Collection.objects.get(name=SHARED_COLLECTION)),
    ]:
        made[label] = (
            get_image_model().objects.create(
                title=f"{label} photo",
                description=f"{label} secret",
                file=png(),
                collection=collection,
            ),
            get_document_model().objects.create(
                title=f"{label} minutes", file=text_file(), collection=collection
            ),
        )
    return made


def api_text(response) -> str:
    return str(response.json()) if response.status_code == 200 else ""


@pytest.mark.parametrize("kind", ["images", "documents"])
@pytest.mark.parametrize("role", ["riverside-editor", "alliance-editor"])
def test_admin_api_lists_only_the_persons_media(login, media, kind, role):
    client = login(role)
    listing = api_text(client.get(f"/admin/api/main/{kind}/?limit=20", headers=ADMIN))
    found = api_text(
        client.get(f"/admin/api/main/{kind}/find/?id={media['Hilltop'][0].pk}", headers=ADMIN)
    )
    assert "Hilltop" not in listing and "Hilltop" not in found
    index = 0 if kind == "images" else 1
    for label, items in media.items():
        url = f"/admin/api/main/{kind}/{items[index].pk}/"
        response = client.get(url, headers=ADMIN, follow=True)
        mine = label == "Alliance" or (role == "riverside-editor" and label.startswith("Riverside"))
        assert (response.status_code == 200) == mine, (label, response.status_code)
        assert (items[index].title in listing) == mine, label
    if kind == "images":
        url = f"/admin/api/main/images/{media['Hilltop'][0].pk}/"
        response = client.get(url, headers=ADMIN, follow=True)
        assert "Hilltop secret" not in response.content.decode()


def test_admin_api_pages_lists_only_own_pages(login, network):
    hidden = add_story(network.hilltop, "Quetzal draft", live=False)
    client = login("riverside-editor")
    listing = api_text(client.get("/admin/api/main/pages/?limit=20&search=Quetzal", headers=ADMIN))
    assert "Quetzal" not in listing
    # Not found (Django's language redirect turns the API's 404 into /en/…, a 404 too).
    response = client.get(f"/admin/api/main/pages/{hidden.pk}/", headers=ADMIN, follow=True)
    assert response.status_code == 404 and "Quetzal" not in response.content.decode()
    assert (
        client.get(f"/admin/api/main/pages/{network.riverside.pk}/", headers=ADMIN).status_code
        == 200
    )
    # Page actions through the API (copy, move, publish…) are not offered to chapters.
    action = f"/admin/api/main/pages/{network.riverside.pk}/action/copy/"
    assert refused(client.post(action, {"destination_page_id": network.hilltop.pk}, headers=ADMIN))


@pytest.mark.parametrize("role", ["riverside-editor", "riverside-moderator"])
def test_the_task_chooser_lists_no_other_chapters_tasks(login, network, role):
    client = login(role)
    hilltop_task = Task.objects.get(name="Hilltop moderators approve")
    for url in (
        "/admin/workflows/task_chooser/",
        "/admin/workflows/task_chooser/results/?q=Hilltop",
        f"/admin/workflows/task_chooser/{hilltop_task.pk}/",
    ):
        response = client.get(url, headers=ADMIN)
        assert "Hilltop" not in response.content.decode(), url
        assert refused(response), url
    # The network's admins still build workflows with it.
    admin = login("network-admin").get("/admin/workflows/task_chooser/", headers=ADMIN)
    assert "Hilltop moderators approve" in admin.content.decode()


@pytest.mark.parametrize("kind", ["images", "documents"])
def test_the_chooser_from_the_chapter_settings_lists_own_and_shared_media_only(
    login, network, media, kind
):
    client = login("riverside-moderator")
    settings_url = reverse(
        "wagtailsettings:edit",
        args=["chapters", "chaptersettings", network.site("riverside.localhost").pk],
    )
    index = 0 if kind == "images" else 1
    chooser = {"images": "wagtailimages_chooser", "documents": "wagtaildocs_chooser"}[kind]
    headers = {**ADMIN, "referer": f"http://localhost{settings_url}"}
    word = "photo" if kind == "images" else "minutes"
    for url in (reverse(f"{chooser}:choose"), reverse(f"{chooser}:choose_results") + f"?q={word}"):
        text = client.get(url, headers=headers).content.decode()
        assert media["Riverside"][index].title in text
        assert media["Alliance"][index].title in text
        assert media["Hilltop"][index].title not in text, url
        # The logo is never an archive file: the archive stays out of this chooser.
        assert media["Riverside archive"][index].title not in text, url
    # An archive entry's editor still chooses from the chapter's archive.
    text = client.get(reverse(f"{chooser}:choose"), headers=ADMIN).content.decode()
    assert media["Riverside archive"][index].title in text


@pytest.mark.parametrize("chooser", ["wagtailimages_chooser", "wagtaildocs_chooser"])
@pytest.mark.parametrize("role", ["riverside-editor", "riverside-moderator", "alliance-moderator"])
def test_chosen_endpoints_refuse_others_ids(login, media, chooser, role):
    client = login(role)
    index = 0 if chooser == "wagtailimages_chooser" else 1
    theirs = media["Hilltop"][index]
    # Wagtail answers a refused chooser request with a redirect to the dashboard.
    response = client.get(reverse(f"{chooser}:chosen", args=[theirs.pk]), headers=ADMIN)
    assert response.status_code in (302, 403, 404)
    assert theirs.title not in response.content.decode()
    multiple = client.get(reverse(f"{chooser}:chosen_multiple") + f"?id={theirs.pk}", headers=ADMIN)
    assert theirs.title not in multiple.content.decode()
    if chooser == "wagtailimages_chooser":
        select = reverse("wagtailimages_chooser:select_format", args=[theirs.pk])
        assert theirs.title not in client.get(select, headers=ADMIN).content.decode()
    shared = media["Alliance"][index]
    response = client.get(reverse(f"{chooser}:chosen", args=[shared.pk]), headers=ADMIN)
    assert response.status_code == 200 and shared.title in response.content.decode()
