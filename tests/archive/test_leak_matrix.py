"""The leak matrix: archive entries in every non-public state × every public route ×
every kind of reader.

Each state plants a canary word in everything an entry has (title, summary,
body, transcript, narrator name), a second in its files (an image and a
document in the chapter's private archive collection: their titles, the
image's alt text, the uploaded file names and the photo's EXIF) and a third
in what is never public (the narrator's real name, who gave consent, the
moderators' notes). Every route is then requested as an anonymous visitor, as
a member of another chapter and as a member of the entry's chapter; each
canary may appear only where `expected` says that reader may see it, and the
private one nowhere (headers included). Then the entry and its files are made
public (consent given for the public on every channel, published,
unrestricted) and must appear on every route that lists, finds or serves them.

The matrix is data (`CASES`); the size of what ran and passed is printed at the
end of the test run. States are planted three at a time, each entry with its own
address and its own canary words (`Planted`), so a listing is requested once for
the three; three, because the chapter home shows the latest three entries.
"""

import datetime
import io
from dataclasses import dataclass, field

import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.test import Client
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, PageViewRestriction

from chapters.archive.consent import apply_consent, record_consent
from chapters.archive.consent_records import ConsentRecord
from chapters.models import ArchiveEntryPage, Chapter
from home.models import Right
from tests.conftest import ALLIANCE_HOST, RIVERSIDE_HOST
from tests.pages import add_entry
from tests.sample_files import pdf_bytes

pytestmark = pytest.mark.django_db

CANARY = "quokkathistle"
PRIVATE = "marmotlantern"
# The files' titles and alt text (public once the files are): one word per file,
# so a page that drops one of them is caught.
IMAGE_MEDIA = "newtquiver"
DOCUMENT_MEDIA = "lynxpebble"
MEDIA = (IMAGE_MEDIA, DOCUMENT_MEDIA)
ORIGINAL = "ibexharbor"  # the uploaded file names and the photo's EXIF: never public
# Searches look for this word (in the summary): a search page repeats its query,
# so the query must not be the canary itself.
FIND = "wombatlichen"
FUTURE = datetime.timedelta(days=30)


@dataclass(frozen=True)
class State:
    name: str
    entry: dict  # arguments for tests.pages.add_entry
    visible_on: frozenset = frozenset()  # route kinds the public may see the entry on
    members_see: bool = False  # the entry's chapter's members see its page and listing
    restricted: bool = False  # an editor's Wagtail privacy setting (password)
    files: dict = field(default_factory=dict)  # the files' own consent (None: no record)
    files_public: bool = False  # the public may see the files (entry page, file routes)
    files_members: bool = False  # the chapter's members may see the files


PUBLIC = frozenset({"web", "api", "feeds"})
FILES_GIVEN = {"status": "given", "scope": "public"}

STATES = [
    # The entry is not public: neither is anything in it, whatever the files' consent.
    State("draft", {"live": False}),
    State("consent pending", {"consent_status": "pending"}),
    State("consent withdrawn", {"consent_status": "withdrawn"}),
    State("no consent recorded", {"consent": False}),
    State(
        "members only",
        {"consent_scope": "members"},
        members_see=True,
        files_members=True,
    ),
    State("members only, pending", {"consent_scope": "members", "consent_status": "pending"}),
    State("research only", {"consent_scope": "research"}),
    State("embargoed", {"embargo_until": "future"}),
    State("consent expired", {"consent": {"valid_until": "past"}}),
    State("not for the web", {"consent": {"channel_web": False}}),
    State("view-restricted", {}, restricted=True),
    # Public on the web, but the narrator said no to one channel.
    State(
        "not for the API",
        {"consent": {"channel_api": False}},
        visible_on=frozenset({"web", "feeds"}),
        files_public=True,
    ),
    State(
        "not for feeds",
        {"consent": {"channel_feeds": False}},
        visible_on=frozenset({"web", "api"}),
        files_public=True,
    ),
    # The entry is public; its files are not.
    State("files without consent", {}, visible_on=PUBLIC, files={"status": None}),
    State("files pending", {}, visible_on=PUBLIC, files={"status": "pending"}),
    State("files withdrawn", {}, visible_on=PUBLIC, files={"status": "withdrawn"}),
    State(
        "files embargoed", {}, visible_on=PUBLIC, files=FILES_GIVEN | {"embargo_until": "future"}
    ),
    State(
        "files for members only",
        {},
        visible_on=PUBLIC,
        files={"status": "given", "scope": "members"},
        files_members=True,
    ),
]


@dataclass(frozen=True)
class Route:
    name: str
    host: str
    path: str
    kind: str  # "page" and "listing" (web, members too), "web", "api", "feeds", "file"
    lists_entries: bool = True  # a public entry (or file) must appear here

    @property
    def of_one_entry(self) -> bool:
        """The address names one entry or file (requested for each); otherwise it lists
        or finds (requested once for every entry planted)."""
        return any(field in self.path for field in ("{slug}", "{id}", "{image}", "{document}"))


ROUTES = [
    Route("entry page", RIVERSIDE_HOST, "/en/archive/{slug}/?continue=1", "page"),
    Route("entry page, Spanish fallback", RIVERSIDE_HOST, "/es/archive/{slug}/?continue=1", "page"),
    Route("archive index", RIVERSIDE_HOST, "/en/archive/", "listing"),
    Route("archive index, by kind", RIVERSIDE_HOST, "/en/archive/?kind=testimony", "listing"),
    Route("archive index, by right", RIVERSIDE_HOST, "/en/archive/?right=housing", "listing"),
    Route("archive index, by decade", RIVERSIDE_HOST, "/en/archive/?decade=1960", "listing"),
    Route("archive index, Spanish", RIVERSIDE_HOST, "/es/archive/", "listing"),
    Route("chapter home", RIVERSIDE_HOST, "/en/", "web"),
    Route("chapter home, Spanish", RIVERSIDE_HOST, "/es/", "web"),
    Route("chapter search", RIVERSIDE_HOST, "/en/search/?query={find}", "web"),
    Route("network search", ALLIANCE_HOST, "/en/search/?query={find}", "web"),
    Route("Alliance home", ALLIANCE_HOST, "/en/", "web", False),
    Route("get involved", RIVERSIDE_HOST, "/en/get-involved/", "web", False),
    Route("start a chapter", ALLIANCE_HOST, "/en/start-a-chapter/", "web", False),
    Route("browse by right", ALLIANCE_HOST, "/en/rights/housing/", "web"),
    Route("sitemap", RIVERSIDE_HOST, "/sitemap.xml", "web"),
    Route(
        "API listing",
        RIVERSIDE_HOST,
        "/api/v2/pages/?type=chapters.ArchiveEntryPage&fields=*",
        "api",
    ),
    Route("API search", RIVERSIDE_HOST, "/api/v2/pages/?search={find}", "api"),
    Route("API detail", RIVERSIDE_HOST, "/api/v2/pages/{id}/", "api"),
    Route("API, Alliance site", ALLIANCE_HOST, "/api/v2/pages/?search={find}", "api", False),
    Route("archive feed", RIVERSIDE_HOST, "/en/archive/feed/", "feeds"),
    Route("stories feed", RIVERSIDE_HOST, "/en/stories/feed/", "feeds", False),
    Route("events calendar", RIVERSIDE_HOST, "/en/events/feed.ics", "feeds", False),
    Route("archive image", RIVERSIDE_HOST, "/archive-media/image/{image}/width-800/", "file"),
    Route(
        "archive image, large", RIVERSIDE_HOST, "/archive-media/image/{image}/width-1600/", "file"
    ),
    Route("archive document", RIVERSIDE_HOST, "/archive-media/document/{document}/", "file"),
    # Wagtail's own ways to files: never for archive files, public or not.
    Route(
        "Wagtail document URL", RIVERSIDE_HOST, "/documents/{document}/{filename}", "file", False
    ),
    Route("API images", RIVERSIDE_HOST, "/api/v2/images/?fields=*", "api", False),
    Route("API documents", RIVERSIDE_HOST, "/api/v2/documents/?fields=*", "api", False),
]

VIEWERS = ["anonymous", "member of another chapter", "member of the chapter"]
USERNAMES = {
    "member of another chapter": "hilltop-member",
    "member of the chapter": "riverside-member",
}


def expected(state: State, route: Route, viewer: str) -> tuple[bool, bool]:
    """May this reader see (the entry, its files) on this route?"""
    if not route.lists_entries:  # routes of other content: never there
        return False, False
    member = viewer == "member of the chapter"
    if route.kind == "file":
        return False, state.files_public or (member and state.files_members)
    if route.kind in ("page", "listing") and state.members_see:
        entry = member
    else:
        kind = "web" if route.kind in ("page", "listing") else route.kind
        entry = kind in state.visible_on
    # An entry's files are shown on its own page only (alt text, document title).
    files = (
        route.kind == "page" and entry and (state.files_public or (member and state.files_members))
    )
    return entry, files


def expected_status(state: State, route: Route, viewer: str, entry: bool, files: bool) -> int:
    """What the response's status must be: a route that lists or finds answers 200
    whatever it leaves out (an error page would hide a canary too); a page or file
    that may not be seen is a 404, or the login page for a members-only entry."""
    if route.path.startswith("/documents/"):
        return 404  # an archive file is never served by Wagtail's own view
    if route.kind == "file":
        return 200 if files else 404
    if route.kind == "page" or route.name == "API detail":
        if entry:
            return 200
        members_only = route.kind == "page" and state.members_see
        return 302 if members_only and viewer == "anonymous" else 404
    return 200


CASES = [
    (state, route, viewer, *expected(state, route, viewer))
    for state in STATES
    for route in ROUTES
    for viewer in VIEWERS
]
# After each entry is made public: it appears on every route that lists or finds it.
PUBLIC_CASES = [(state, route) for state in STATES for route in ROUTES if route.lists_entries]
# At most three entries at once: the chapter home lists the latest three.
BATCH = 3
BATCHES = [STATES[start : start + BATCH] for start in range(0, len(STATES), BATCH)]


@dataclass(frozen=True)
class Planted:
    """One state's entry and the words only it carries: a fixed-length suffix per
    state, so no state's word is part of another's."""

    state: State
    entry: ArchiveEntryPage

    @property
    def suffix(self) -> str:
        return chr(ord("a") + STATES.index(self.state)) + "z"

    @property
    def canary(self) -> str:
        return CANARY + self.suffix

    @property
    def media(self) -> tuple[str, str]:
        return tuple(word + self.suffix for word in MEDIA)


def _when(value):
    return {"future": timezone.now() + FUTURE, "past": timezone.now() - FUTURE}.get(value, value)


def photo_with_exif() -> bytes:
    """A JPEG whose EXIF names the canary, as a camera or a photographer would."""
    image = PILImage.new("RGB", (1200, 900), "teal")
    exif = PILImage.Exif()
    exif[0x010E] = f"Description {ORIGINAL}"  # ImageDescription
    exif[0x013B] = f"Artist {ORIGINAL}"  # Artist
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif, comment=ORIGINAL.encode())
    return buffer.getvalue()


def upload_files(chapter: Chapter, suffix: str):
    image = get_image_model()(
        title=f"Photo {IMAGE_MEDIA}{suffix}",
        description=f"Alt text {IMAGE_MEDIA}{suffix}",
        file=ImageFile(io.BytesIO(photo_with_exif()), name=f"{ORIGINAL}-kitchen.jpg"),
        collection=chapter.archive_collection,
    )
    image.save()
    document = get_document_model()(
        title=f"Letter {DOCUMENT_MEDIA}{suffix}", collection=chapter.archive_collection
    )
    document.file.save(f"{ORIGINAL}-letter.pdf", ContentFile(pdf_bytes()), save=True)
    return image, document


def file_consent(entry, files: dict, **overrides) -> None:
    fields = FILES_GIVEN | files | overrides
    if fields["status"] is None:
        return
    fields = {name: _when(value) for name, value in fields.items()}
    for item in (entry.image, entry.document):
        kind = "image" if item == entry.image else "document"
        ConsentRecord.objects.update_or_create(
            entry=entry, **{kind: item}, defaults=fields | {"channel_web": True}
        )
    apply_consent(entry)


def plant(network, state: State) -> Planted:
    suffix = Planted(state, None).suffix
    canary = CANARY + suffix
    args = dict(state.entry)
    if "embargo_until" in args:
        args["embargo_until"] = _when(args["embargo_until"])
    consent = args.pop("consent", {})
    if consent is not False:
        consent = {name: _when(value) for name, value in consent.items()}
        consent |= {
            "narrator_real_name": f"Ana {PRIVATE}",
            "given_by": f"{PRIVATE} family",
            "notes": f"Call {PRIVATE} after six.",
        }
    housing = Right.objects.get(slug="housing", locale=Locale.get_default())
    image, document = upload_files(Chapter.objects.get(home=network.riverside), suffix)
    entry = add_entry(
        network.riverside,
        f"Testimony {canary}",
        # The address is the visitor's own; the canary is in the content.
        slug=f"testimony-{suffix}",
        summary=f"A summary with {canary} and {FIND}.",
        transcript=f"<p>The transcript says {canary}.</p>",
        narrators=f"Rosa {canary}",
        body=[("paragraph", f"<p>The body says {canary}.</p>")],
        rights=[housing],
        image=image,
        document=document,
        consent=consent,
        **args,
    )
    file_consent(entry, state.files)
    if state.restricted:
        PageViewRestriction.objects.create(
            page=entry, restriction_type=PageViewRestriction.PASSWORD, password="letmein"
        )
    return Planted(state, entry)


def make_public(entry: ArchiveEntryPage) -> None:
    PageViewRestriction.objects.filter(page=entry, restriction_type="password").delete()
    record_consent(
        entry,
        status="given",
        scope="public",
        embargo_until=None,
        valid_until=None,
        channel_web=True,
        channel_feeds=True,
        channel_api=True,
    )
    file_consent(entry, {}, embargo_until=None)
    entry.refresh_from_db()
    entry.save_revision().publish()


def shown(planted: Planted, route: Route, status: int, text: str) -> tuple[bool, tuple[bool, ...]]:
    """Is the entry on this response, and is each of its files? A sitemap lists
    addresses only; a file route shows its file by answering 200."""
    if route.kind == "file":
        return False, (status == 200,)
    address = f"/archive/{planted.entry.slug}/"
    entry = planted.canary in text or (route.name == "sitemap" and address in text)
    return entry, tuple(word in text for word in planted.media)


def fetch(clients, viewer: str, route: Route, entry) -> tuple[int, str]:
    path = route.path.format(
        slug=entry.slug,
        find=FIND,
        id=entry.pk,
        image=entry.image_id,
        document=entry.document_id,
        filename=entry.document.filename,
    )
    response = clients[viewer].get(path, headers={"host": route.host})
    body = b"".join(response.streaming_content) if response.streaming else response.content
    headers = " ".join(f"{name}: {value}" for name, value in response.items())
    # Files are bytes: what matters is whether a canary is in them or their headers.
    return response.status_code, body.decode("utf-8", "replace") + headers


@pytest.fixture
def clients(django_user_model):
    clients = {"anonymous": Client()}
    for viewer, username in USERNAMES.items():
        clients[viewer] = Client()
        clients[viewer].force_login(django_user_model.objects.get(username=username))
    return clients


def responses(clients, viewer: str, route: Route, planted: list[Planted]):
    """Each planted entry with the response that must show it or not: a listing is
    requested once for all of them, an entry's or a file's address for each."""
    if route.of_one_entry:
        return [(each, fetch(clients, viewer, route, each.entry)) for each in planted]
    response = fetch(clients, viewer, route, planted[0].entry)
    return [(each, response) for each in planted]


@pytest.mark.parametrize("batch", BATCHES, ids=lambda batch: " | ".join(s.name for s in batch))
def test_leak_matrix(network, rights_page, clients, batch):
    planted = [plant(network, state) for state in batch]
    leaks, misses, wrong = [], [], []
    for route in ROUTES:
        for viewer in VIEWERS:
            for each, (status, text) in responses(clients, viewer, route, planted):
                state = each.state
                may_see_entry, may_see_files = expected(state, route, viewer)
                entry_shown, files_shown = shown(each, route, status, text)
                where = f"{state.name}: {route.name} for {viewer} ({status})"
                wanted = expected_status(state, route, viewer, may_see_entry, may_see_files)
                if status != wanted:
                    wrong.append(f"{where}, expected {wanted}")
                if PRIVATE in text or ORIGINAL in text:
                    leaks.append(f"private data on {where}")
                if entry_shown and not may_see_entry:
                    leaks.append(f"entry on {where}")
                if any(files_shown) and not may_see_files:
                    leaks.append(f"files on {where}")
                if may_see_entry and not entry_shown:
                    misses.append(f"entry on {where}")
                if may_see_files and not all(files_shown):
                    misses.append(f"files on {where}")
                media_named = any(word in text for word in each.media)
                if route.kind == "file" and media_named and not may_see_files:
                    leaks.append(f"a file's title on {where}")
    assert leaks == [], "leaked"
    assert misses == [], "hidden from a reader who may see it"
    assert wrong == [], "a route answered with the wrong status"

    for each in planted:
        make_public(each.entry)
    for route in ROUTES:
        if not route.lists_entries:
            continue
        for each, (status, text) in responses(clients, "anonymous", route, planted):
            entry_shown, files_shown = shown(each, route, status, text)
            where = f"{each.state.name}: {route.name} ({status})"
            if status != expected_status(each.state, route, "anonymous", True, True):
                misses.append(f"{where} answered {status}")
            if route.kind == "file" and not all(files_shown):
                misses.append(f"file on {where}")
            if route.kind != "file" and not entry_shown:
                misses.append(f"entry on {where}")
            if route.kind == "page" and not all(files_shown):
                misses.append(f"files on {where}")
            if PRIVATE in text or ORIGINAL in text:
                leaks.append(f"private data on {where} once public")
    # Wagtail's own ways to files stay closed once they are public too.
    for route in ROUTES:
        if not route.lists_entries and route.kind in ("file", "api"):
            for each, (status, text) in responses(clients, "anonymous", route, planted):
                _, files_shown = shown(each, route, status, text)
                if any(files_shown) or ORIGINAL in text:
                    leaks.append(f"{each.state.name}: files on {route.name} once public ({status})")
    assert misses == [], "once public, missing"
    assert leaks == []


def summary(passed_states: set[str]) -> str:
    """The matrix's size, counting only the states whose test ran and passed."""
    cases = [case for case in CASES if case[0].name in passed_states]
    # Per case: the status, private data, the files and (except on file routes) the entry.
    checks = sum(3 + (route.kind != "file") for _, route, *_ in cases)
    visible = sum(entry + files for *_, entry, files in cases)
    public = sum(state.name in passed_states for state, _ in PUBLIC_CASES)
    return (
        f"leak matrix: {len(passed_states)} of {len(STATES)} states passed, {len(cases)} cases "
        f"({len(passed_states)} states × {len(ROUTES)} routes × {len(VIEWERS)} readers), "
        f"{checks} checks ({visible} canaries a reader may see, every other one must not "
        f"appear), + {public} made-public checks"
    )
