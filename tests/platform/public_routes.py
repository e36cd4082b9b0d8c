"""One page of every public page type and every public route, with the GET parameters
each reads, for tests that walk them all (tests/platform/test_bad_input.py).

The HTML routes' parameters: every name our source passes to `request.GET.get(...)`,
`.getlist(...)` or the shared parser (`home/params.py`) is sent to every route once,
and `RecordParameters` notes which of them the route (its middleware, view, page
and templates) asks for; a filter added tomorrow is walked tomorrow. The API's are
what Wagtail's viewsets accept: their `known_query_parameters` and the fields they
filter on.
"""

import datetime
import re
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.core.files.base import ContentFile
from django.http import QueryDict
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from chapters.models import (
    ArchiveIndexPage,
    Chapter,
    ChapterDirectoryPage,
    EventIndexPage,
    NetworkEventsPage,
    NetworkStoriesPage,
    Registration,
    RightsPage,
    StoryIndexPage,
    Supporter,
)
from home.models import (
    Principle,
    PrincipleSet,
    PrinciplesPage,
    Resource,
    ResourceLibraryPage,
    Right,
    StandardPage,
)
from network_site.api import api_router
from search.limits import SEARCH_PARAMETERS
from tests.conftest import ALLIANCE_HOST, RIVERSIDE_HOST
from tests.pages import add_entry, add_event, add_story, publish, section, translate
from tests.sample_files import png_image_file

APPS = ("chapters", "home", "search", "network_site")
# The route that also gets the parameters middleware reads on every route.
SITE_WIDE = "chapter home"
# request.GET.get("year"), request.GET.getlist("id"), query_integer(request, "decade"), ...
READ = re.compile(
    r"""(?:GET\.get(?:list)?|query_\w+)\(\s*(?:request\s*,\s*)?["'](\w+)["']""", re.VERBOSE
)
# Parameters Django and Wagtail read on public pages themselves.
FRAMEWORK_PARAMETERS = {"next", "return_url", "format"}


def html_parameters() -> set[str]:
    """Every GET parameter our views, pages and middleware read."""
    names = set(FRAMEWORK_PARAMETERS)
    for app in APPS:
        for path in Path(settings.BASE_DIR, app).rglob("*.py"):
            if "migrations" not in path.parts:
                names.update(READ.findall(path.read_text()))
    return names


class RecordedQuery(QueryDict):
    """A query string that notes every name asked for (in `RecordParameters.asked`),
    once it is built (building it asks for each name it holds)."""

    recording = False

    def _asked(self, key):
        if self.recording:
            RecordParameters.asked.add(key)

    def __getitem__(self, key):  # also what .get() uses
        self._asked(key)
        return super().__getitem__(key)

    def getlist(self, key, default=None):
        self._asked(key)
        return super().getlist(key, default)

    def __contains__(self, key):
        self._asked(key)
        return super().__contains__(key)


class RecordParameters:
    """Test-only middleware, first of all: the request's query string records what the
    view (its page, forms and templates) reads. What middleware reads, it reads on every
    route alike (the search limit's `q`, `query`, `search`): the walk sends those to one
    route, `SITE_WIDE`."""

    asked: set[str] = set()

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.GET = RecordedQuery(request.META.get("QUERY_STRING", ""))
        return self.get_response(request)

    def process_view(self, request, *args):
        request.GET.recording = True


def parameters_read(client, host: str, path: str, names: set[str]) -> set[str]:
    """Which of `names` the route asks for, when every one of them is sent (as "1")."""
    RecordParameters.asked = set()
    client.get(path, dict.fromkeys(names, "1"), headers={"host": host})
    return RecordParameters.asked & names


def api_parameters(endpoint: str) -> set[str]:
    """What an API endpoint accepts: Wagtail's parameters and the fields it filters on."""
    viewset = api_router._endpoints[endpoint]
    model = viewset.model
    fields = viewset.get_available_fields(model, db_fields_only=True)
    return set(viewset.known_query_parameters) | set(fields) | {"id", "html_path"}


def path_of(page) -> str:
    return urlsplit(page.get_url()).path


def publish_one_of_each(network) -> dict:
    """A story, an event, an archive entry, a chapter's page, every Alliance page type, an
    image and a document; name -> the object."""
    housing = Right.objects.get(slug="housing")
    soon = datetime.date.today() + datetime.timedelta(days=30)
    alliance = network.alliance
    shared = Collection.objects.get(name="Riverside")
    flyer = ContentFile(b"Come to the meeting", name="flyer.txt")
    return {
        "story": add_story(network.riverside, "Water hearing", rights=[housing]),
        "event": add_event(
            network.riverside,
            "Assembly",
            start_date=soon,
            rights=[housing],
            takes_registrations=True,
            capacity=40,
        ),
        "archive entry": add_entry(
            network.riverside,
            "Water testimony",
            rights=[housing],
            content_warning="Eviction",
            blur_images=True,
        ),
        "standard page of a chapter": publish(
            network.riverside, StandardPage(title="About us", slug="about")
        ),
        "standard page": publish(alliance, StandardPage(title="Mission", slug="mission")),
        "principles": publish(alliance, PrinciplesPage(title="Principles", slug="principles")),
        "resource library": publish(alliance, ResourceLibraryPage(title="Library", slug="library")),
        "directory": publish(alliance, ChapterDirectoryPage(title="Chapters", slug="chapters")),
        "network stories": publish(alliance, NetworkStoriesPage(title="Stories", slug="stories")),
        "network events": publish(alliance, NetworkEventsPage(title="Events", slug="events")),
        "rights": publish(alliance, RightsPage(title="Browse by right", slug="rights")),
        "image": get_image_model().objects.create(
            title="March", file=png_image_file("march.png"), collection=shared
        ),
        "document": get_document_model().objects.create(
            title="Flyer", file=flyer, collection=shared
        ),
        # Someone who joined Riverside and has not confirmed yet: their links' pages.
        "supporter": Supporter.objects.create(
            chapter=Chapter.objects.get(home__title="Riverside"),
            name="Walked Person",
            email="walked@example.org",
            language="en",
            consent_wording="I agree.",
            consented_at=timezone.now(),
        ),
    }


def chapter_routes(network, made: dict) -> dict[str, str]:
    stories = path_of(section(network.riverside, StoryIndexPage))
    events = path_of(section(network.riverside, EventIndexPage))
    archive = path_of(section(network.riverside, ArchiveIndexPage))
    event = path_of(made["event"])
    translate(made["story"], title="Audiencia del agua", slug="audiencia-del-agua")
    # Someone registered for the event: their cancel link's page.
    registration = Registration.objects.create(
        event=made["event"],
        chapter=made["supporter"].chapter,
        name="Walked Registrant",
        email="walked-registrant@example.org",
        status=Registration.REGISTERED,
        language="en",
    )
    return {
        "chapter root": "/",
        "chapter home": "/en/",
        "chapter home in Spanish": "/es/",
        "story index": stories,
        "story feed": f"{stories}feed/",
        "story": path_of(made["story"]),
        # Its English address under /es/ moves (301) to the Spanish slug (home/views.py).
        "story by its English slug in Spanish": "/es" + path_of(made["story"])[len("/en") :],
        "event index": events,
        "event calendar": f"{events}feed.ics",
        "event": event,
        "one event's calendar": f"{event}event.ics",
        "archive index": archive,
        "archive feed": f"{archive}feed/",
        "archive entry": path_of(made["archive entry"]),
        "standard page of a chapter": path_of(made["standard page of a chapter"]),
        "share your story": "/en/share-your-story/",
        "withdraw my story": "/en/withdraw-my-story/",
        "get involved": "/en/get-involved/",
        "confirm joining": f"/en/get-involved/confirm/{made['supporter'].key}/",
        "leave the chapter's list": f"/en/get-involved/leave/{made['supporter'].key}/",
        "register for an event": f"/en/event-registration/{made['event'].pk}/",
        "cancel a registration": f"/en/event-registration/cancel/{registration.key}/",
        "chapter search": "/en/search/",
        "member login": "/en/_util/login/",
        "document": made["document"].url,
    }


def network_routes(made: dict) -> dict[str, str]:
    pages = ("standard page", "principles", "resource library", "directory", "rights")
    pages += ("network stories", "network events")
    library = path_of(made["resource library"])
    stories = path_of(made["network stories"])
    resource = Resource.objects.get(title="A reading")
    return {
        "Alliance root": "/",
        "Alliance home": "/en/",
        **{name: path_of(made[name]) for name in pages},
        "resource export": f"{library}export/bibtex/",
        "resource citation": f"{library}{resource.pk}/cite/ris/",
        "network stories feed": f"{stories}feed/",
        "network stories atom": f"{stories}atom/",
        "one right": f"{path_of(made['rights'])}housing/",
        "network search": "/en/search/",
        "start a chapter": "/en/start-a-chapter/",
        "sitemap": "/sitemap.xml",
        "robots": "/robots.txt",
        "admin login": "/admin/login/",
    }


def api_routes(made: dict) -> dict[str, tuple[str, set[str]]]:
    """Every endpoint's listing, one item's detail and its find view, with its parameters."""
    details = {
        "pages": made["story"].pk,
        "images": made["image"].pk,
        "documents": made["document"].pk,
        "principles": Principle.objects.first().pk,
        "principle_sets": PrincipleSet.objects.first().pk,
        "resources": Resource.objects.first().pk,
        "rights": Right.objects.first().pk,
    }
    routes = {"API root": ("/api/v2/", {"format"})}
    for endpoint, pk in details.items():
        names = api_parameters(endpoint)
        routes[f"API {endpoint}"] = (f"/api/v2/{endpoint}/", names)
        routes[f"API {endpoint} detail"] = (f"/api/v2/{endpoint}/{pk}/", names)
        routes[f"API {endpoint} find"] = (f"/api/v2/{endpoint}/find/", names)
    return routes


def build_public_routes(network, client) -> dict[str, tuple[str, str, set[str]]]:
    """Publish one page of every public type; route name -> (host, path, parameters it
    reads). Needs RecordParameters in the middleware, for the HTML routes' parameters."""
    made = publish_one_of_each(network)
    html = html_parameters()
    hosts = [(RIVERSIDE_HOST, chapter_routes(network, made)), (ALLIANCE_HOST, network_routes(made))]
    routes = {}
    for host, paths in hosts:
        for name, path in paths.items():
            routes[name] = (host, path, parameters_read(client, host, path, html))
    host, path, names = routes[SITE_WIDE]
    routes[SITE_WIDE] = (host, path, names | set(SEARCH_PARAMETERS))
    for name, (path, names) in api_routes(made).items():
        routes[name] = (RIVERSIDE_HOST, path, names)
    return routes
