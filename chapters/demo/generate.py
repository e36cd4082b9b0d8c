"""A generated network: hundreds of chapters, made as onboarding makes them, in seconds.

`generate_network(500)` adds 500 chapters to an existing network (after
`setup_alliance`, `load_demo_network` or the tests' network), each with what
`chapters.lifecycle.onboarding.onboard_chapter` creates: its home and its
three published sections (with revisions and search entries), a Site on its
own hostname, its settings (languages, time zone), a collection with its
private archive collection, its editors, moderators and members groups with
their page, media and settings permissions, a moderation workflow on its
home, and its register row. Then its content (`generate_content`): public
stories and events, archive entries in every consent state, a few drafts.

It writes in bulk (`bulk_pages`): no `add_child` per page, no signals. For
the benchmark and the scale tests; the demo's hand-written chapters stay in
`chapters/demo/data/`.
"""

import itertools

from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Collection, Locale, Page, Site

from chapters.archive.models import ArchiveEntryPage
from chapters.demo.bulk_pages import analyze, index_pages, insert_pages, next_child_step, place
from chapters.demo.generate_content import (
    Content,
    make_entries,
    make_events,
    make_stories,
)
from chapters.demo.generate_roles import (
    add_roles,
    add_tags,
    add_workflows,
    consent_and_access,
    first_right,
)
from chapters.lifecycle.onboarding import SECTIONS
from chapters.register.chapter import ARCHIVE_COLLECTION, Chapter
from chapters.register.settings import TIME_ZONES, ChapterSettings
from chapters.register.us_states import STATES
from chapters.site.home import ChapterHomePage, PrincipleSetAdoption
from home.models import PrincipleSet
from home.pagecache.keys import bump

PLACES = (
    "Cedar",
    "Maple",
    "Willow",
    "Aspen",
    "Birch",
    "Juniper",
    "Laurel",
    "Magnolia",
    "Sycamore",
    "Hickory",
    "Alder",
    "Cypress",
    "Redwood",
    "Elm",
    "Poplar",
    "Linden",
    "Chestnut",
    "Hawthorn",
    "Sumac",
    "Spruce",
    "Tamarack",
    "Buckeye",
    "Mesquite",
    "Palmetto",
    "Larch",
)
FEATURES = (
    "Falls",
    "Springs",
    "Valley",
    "Ridge",
    "Harbor",
    "Crossing",
    "Prairie",
    "Bluff",
    "Hollow",
    "Creek",
    "Point",
    "Grove",
    "Heights",
    "Landing",
    "Mesa",
    "Bend",
    "Meadow",
    "Basin",
    "Flats",
    "Gap",
)
LOCALITIES = [value for value, _label in ChapterHomePage.LOCALITY_TYPES]
STATUSES = [value for value, _label in ChapterHomePage.STATUSES]
# The tables that grow most, whose planner statistics are refreshed after.
ANALYZED = [
    "wagtailcore_page",
    "wagtailcore_revision",
    "wagtailsearch_indexentry",
    "chapters_consentrecord",
    "wagtailcore_pageviewrestriction",
    "wagtailcore_site",
]
ZONES = [value for value, _label in TIME_ZONES]


def chapter_names(count: int) -> list[tuple[str, str]]:
    """`count` new (name, slug) pairs: no chapter, page slug or group already has them."""
    taken_titles = set(Page.objects.filter(depth=2).values_list("title", flat=True))
    taken_slugs = set(Page.objects.filter(depth=2).values_list("slug", flat=True))
    taken_hosts = set(Site.objects.values_list("hostname", flat=True))
    taken_groups = set(Group.objects.values_list("name", flat=True))
    names = []
    for round_ in itertools.count(1):
        for place_, feature in itertools.product(PLACES, FEATURES):
            name = f"{place_} {feature}" + (f" {round_}" if round_ > 1 else "")
            slug = slugify(name)
            if (
                name in taken_titles
                or slug in taken_slugs
                or f"{slug}.localhost" in taken_hosts
                or f"{name} editors" in taken_groups
            ):
                continue
            names.append((name, slug))
            if len(names) == count:
                return names
    return names  # pragma: no cover - the loop returns


def generate_network(
    chapters: int, stories: int = 10, events: int = 5, entries: int = 10, languages=None
) -> None:
    """Add `chapters` chapters, each with `stories` public stories, `events` public
    events (a third of them past) and `entries` archive entries cycling through every
    consent state (generate_content.ENTRY_STATES), plus drafts. One transaction."""
    if chapters <= 0:
        return
    languages = list(languages or ["en"])
    now = timezone.now()
    with transaction.atomic():
        made = _chapters(chapter_names(chapters), languages, now)
        _content(made, stories, events, entries, now)
    analyze(ANALYZED)
    # Wagtail keeps every site's root address in the default cache, and the bulk
    # inserts sent no signal for the page cache: stored pages would miss the chapters.
    Site.clear_site_root_paths_cache()
    bump(network=True)


def _chapters(names: list[tuple[str, str]], languages: list[str], now) -> list[dict]:
    """The chapters' homes and sections, sites, settings, collections, groups,
    permissions, workflows and register rows."""
    root = Page.get_first_root_node()
    port = Site.objects.filter(is_default_site=True).values_list("port", flat=True).first()
    made = _homes(names, root, now)
    pages = [page for c in made for page in (c["home"], *c["sections"])]
    insert_pages(pages, now)
    Page.objects.filter(pk=root.pk).update(numchild=F("numchild") + len(names))
    _adoptions(made)
    _sites(made, port or 80, languages)
    _collections(made)
    add_roles(made)
    add_workflows(made)
    _register(made)
    index_pages(pages)
    return made


def published(model, now, **fields):
    """A page of `model` as publishing leaves it (placed in the tree by the caller)."""
    fields.setdefault("locale_id", Locale.get_default().pk)
    return model(live=True, first_published_at=now, last_published_at=now, **fields)


def _homes(names: list[tuple[str, str]], root: Page, now) -> list[dict]:
    """Each chapter's home, with a varied profile (every third adopts the network's
    first principle set), and its three sections."""
    start = next_child_step(root)
    locale_id = Locale.get_default().pk
    sets = list(PrincipleSet.objects.filter(locale_id=locale_id).order_by("pk")[:1])
    made = []
    for n, (name, slug) in enumerate(names):
        code, state_name, *_ = STATES[n % len(STATES)]
        home = published(
            ChapterHomePage,
            now,
            title=name,
            slug=slug,
            locale_id=locale_id,
            locality_type=LOCALITIES[n % len(LOCALITIES)],
            region=state_name,
            state=code,
            status=STATUSES[n % len(STATUSES)],
            intro=f"{name} organizes for human rights where its people live.",
        )
        place(home, root, start + n, children=len(SECTIONS))
        if sets and n % 3 == 0:
            adoption = {"pk": None, "sort_order": 0, "principle_set": sets[0].pk}
            home._children = {"principle_set_adoptions": [adoption | {"adopted_year": None}]}
        sections = [
            place(
                published(model, now, title=title, slug=slug_, show_in_menus=True),
                vars(home),
                step,
            )
            for step, (model, title, slug_) in enumerate(SECTIONS, start=1)
        ]
        made.append({"name": name, "slug": slug, "home": home, "sections": sections, "n": n})
    return made


def _register(made: list[dict]) -> None:
    Chapter.objects.bulk_create(
        [
            Chapter(
                home_id=c["home"].pk,
                site_id=c["site"].pk,
                collection_id=c["collection"].pk,
                archive_collection_id=c["archive_collection"].pk,
                editors_id=c["editors"].pk,
                moderators_id=c["moderators"].pk,
                members_id=c["members"].pk,
                workflow_id=c["workflow"].pk,
            )
            for c in made
        ]
    )


def _adoptions(made: list[dict]) -> None:
    PrincipleSetAdoption.objects.bulk_create(
        [
            PrincipleSetAdoption(page_id=c["home"].pk, principle_set_id=a["principle_set"])
            for c in made
            for a in getattr(c["home"], "_children", {}).get("principle_set_adoptions", [])
        ]
    )


def _sites(made: list[dict], port: int, languages: list[str]) -> None:
    sites = [
        Site(
            hostname=f"{c['slug']}.localhost",
            port=port,
            root_page_id=c["home"].pk,
            site_name=c["name"],
        )
        for c in made
    ]
    Site.objects.bulk_create(sites)
    settings = []
    for c, site in zip(made, sites, strict=True):
        c["site"] = site
        item = ChapterSettings(
            site_id=site.pk, languages=languages, time_zone=ZONES[c["n"] % len(ZONES)]
        )
        item.translation_digests = {}
        settings.append(item)
        c["time_zone"] = item.time_zone
    ChapterSettings.objects.bulk_create(settings)


def _collections(made: list[dict]) -> None:
    """Each chapter's collection (under the root) and its private archive collection."""
    root = Collection.get_first_root_node()
    last = root.get_children().order_by("-path").values_list("path", flat=True).first()
    start = Collection._str2int(last[-Collection.steplen :]) + 1 if last else 1
    rows = []
    for n, c in enumerate(made):
        path = root.path + Collection._int2str(start + n).rjust(Collection.steplen, "0")
        c["collection"] = Collection(path=path, depth=2, numchild=1, name=c["name"])
        c["archive_collection"] = Collection(
            path=path + "0001".rjust(Collection.steplen, "0"),
            depth=3,
            numchild=0,
            name=ARCHIVE_COLLECTION,
        )
        rows += [c["collection"], c["archive_collection"]]
    Collection.objects.bulk_create(rows)
    Collection.objects.filter(pk=root.pk).update(numchild=F("numchild") + len(made))


def _content(made: list[dict], stories: int, events: int, entries: int, now) -> None:
    """Every chapter's stories, events and entries, then consent and access."""
    locale_id = made[0]["home"].locale_id
    pages, all_content = [], Content()
    for c in made:
        content = Content()
        make_stories(c["name"], stories, now, locale_id, content)
        make_events(c["name"], events, now, locale_id, c["time_zone"], content)
        make_entries(c["name"], entries, now, locale_id, content)
        story_index, archive_index, event_index = c["sections"]
        for index, items in (
            (story_index, content.stories),
            (event_index, content.events),
            (archive_index, content.entries),
        ):
            index.numchild = len(items)
            pages += [place(item, vars(index), step) for step, item in enumerate(items, 1)]
        c["content"] = content
        for name in ("stories", "events", "entries", "consent", "members_only", "login_only"):
            getattr(all_content, name).extend(getattr(content, name))
    if not pages:
        return
    right = first_right()
    for n, page in enumerate(pages):
        if right is not None and n % 2 == 0:
            page._m2m_values = {"rights": [right]}
    insert_pages(pages, now)
    add_tags(pages)
    by_count: dict[int, list[int]] = {}
    for c in made:
        for section in c["sections"]:
            by_count.setdefault(section.numchild, []).append(section.pk)
    for numchild, pks in by_count.items():
        Page.objects.filter(pk__in=pks).update(numchild=numchild)
    consent_and_access(made, all_content, now)
    index_pages(pages, indexable=_indexable(all_content))


def _indexable(content: Content) -> set[int]:
    """Of the generated pages, those their page type indexes (entries: only with
    consent for the public, as `ArchiveEntryPage.get_indexed_objects` says)."""
    entries = [entry.pk for entry in content.entries]
    kept = set(
        ArchiveEntryPage.get_indexed_objects().filter(pk__in=entries).values_list("pk", flat=True)
    )
    return kept | {page.pk for page in content.stories + content.events}
