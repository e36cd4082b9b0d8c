from collections import Counter
from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count, OuterRef, Prefetch, Subquery
from django.templatetags.static import static
from wagtail.models import Site

from chapters.network.pages import NetworkPage
from chapters.register.us_map import VIEWBOX, outlines
from chapters.register.us_states import STATES
from chapters.site.home import ChapterHomePage, PrincipleSetAdoption
from home.frame import register_shared_pages
from home.locales import active_language, default_language, in_active_locale, language_of
from home.models import PrincipleSet
from home.pagecache.remember import remembered
from home.params import query_choice, query_integer
from home.publication import public_pages
from home.sites import site_root_url

# The tile map: one square per state, drawn from chapters/register/us_states.py.
TILE = 48
GAP = 4
FILTERS = ("locality", "state", "status", "principles")
PER_PAGE = 24


@dataclass
class SiteAddress:
    """What `site_root_url` reads of a Site, annotated on the chapter's own row."""

    hostname: str


class ChapterDirectoryPage(NetworkPage):
    """Every chapter: where, what kind of place, how far along; filterable, on a map."""

    class Meta:
        verbose_name = "chapter directory"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(directory(request))
        return context


def directory(request) -> dict:
    """The directory's chapters, filters, counts and map; a fixed number of queries.

    One page of chapters (PER_PAGE): the counts for the filters' options, the map's
    per state and the paginator's total are aggregates in the database, so neither
    the work nor the HTML grows with the network (at 500 chapters the unpaginated
    list was 257 KB and most of a second of CPU).
    """
    default = default_language()
    with_site = Site.objects.filter(root_page=OuterRef("pk"))
    homes = public_pages(ChapterHomePage.objects.filter(locale__language_code=default))
    homes = homes.annotate(site_hostname=Subquery(with_site.values("hostname")[:1])).filter(
        site_hostname__isnull=False
    )
    sets = list(PrincipleSet.objects.filter(locale__language_code=default).order_by("title"))
    set_options = _principle_set_options(sets)
    chosen = _chosen_filters(request, set_options)
    filtered = _filtered(homes, chosen, sets)
    counts, per_state = _counts(request, homes, filtered, chosen)
    chapters = _page(request, filtered, sum(per_state.values()), chosen)
    entries = _entries(request, list(chapters.object_list))
    return {
        "chapters": entries,
        "chapters_page": chapters,
        "filtered_count": chapters.paginator.count,
        "total_count": sum(counts["status"].values()),
        "filters": chosen,
        "filtered": any(chosen.values()),
        "locality_options": _options(ChapterHomePage.LOCALITY_TYPES, counts["locality"]),
        "state_options": _options(
            [(code, name) for code, name, *_ in STATES if counts["state"][code]], counts["state"]
        ),
        "status_options": _options(ChapterHomePage.STATUSES, counts["status"]),
        "principle_set_options": set_options,
        "map": chapter_map(per_state, chosen),
        "outline_map": outline_map(per_state, chosen, entries),
        "map_tile_url": getattr(settings, "CHAPTER_MAP_TILE_URL", None),
    }


def _counts(request, homes, filtered, chosen: dict) -> tuple[dict, Counter]:
    """The options' counts over every public chapter (one query, one row per profile)
    and the filtered chapters per state (one query): remembered until the network
    changes (home/pagecache/remember.py), per choice of filters (each one of a few
    options: the number of keys is bounded)."""

    def profile_counts() -> dict:
        counts = {"locality": Counter(), "state": Counter(), "status": Counter()}
        profiles = homes.order_by().values_list("locality_type", "state", "status")
        for locality, state, status, n in profiles.annotate(n=Count("pk")):
            counts["locality"][locality] += n
            counts["state"][state] += n
            counts["status"][status] += n
        return counts

    def states() -> Counter:
        per_state = filtered.order_by().values_list("state").annotate(n=Count("pk", distinct=True))
        return Counter(dict(per_state))

    site = Site.find_for_request(request)
    if site is None:
        return profile_counts(), states()
    chosen_key = ":".join(f"{name}={chosen[name]}" for name in FILTERS)
    return (
        remembered("directory:profiles", profile_counts, site.hostname),
        remembered(f"directory:states:{chosen_key}", states, site.hostname),
    )


def _page(request, homes, count: int, chosen: dict):
    """The reader's page of the (filtered) chapters, by name, with their adopted sets;
    the count is known already, so the paginator asks no COUNT query. Its chapters
    are remembered until the network changes, per filters and page number (a page
    of the gated, sorted chapters read all 500 of them)."""
    paginator = Paginator(
        homes.order_by("title", "pk").prefetch_related(
            Prefetch(
                "principle_set_adoptions",
                queryset=PrincipleSetAdoption.objects.select_related("principle_set"),
            )
        ),
        PER_PAGE,
    )
    paginator.count = count  # a cached property: set, it is not counted again
    number = min(query_integer(request, "page", minimum=1) or 1, paginator.num_pages)
    page = paginator.page(number)
    site = Site.find_for_request(request)
    if site is not None:
        chosen_key = ":".join(f"{name}={chosen[name]}" for name in FILTERS)
        page.object_list = remembered(
            f"directory:page:{chosen_key}:{number}", lambda: list(page.object_list), site.hostname
        )
    return page


def _principle_set_options(sets: list) -> list[dict]:
    """The network's principle sets (default language) as filter options in the reader's."""
    return [
        {"value": str(s.pk), "label": local.short_title or local.title}
        for s, local in zip(sets, in_active_locale(sets), strict=True)
    ]


def _chosen_filters(request, set_options: list[dict]) -> dict:
    """The reader's filters; a value that is not one of the options counts as none."""
    return {
        "locality": query_choice(request, "locality", dict(ChapterHomePage.LOCALITY_TYPES)),
        "state": query_choice(request, "state", {code for code, *_ in STATES}),
        "status": query_choice(request, "status", dict(ChapterHomePage.STATUSES)),
        "principles": query_choice(request, "principles", {o["value"] for o in set_options}),
    }


def _filtered(homes, chosen: dict, sets: list):
    """The chapter homes that match every chosen filter (a principle set in any language)."""
    if chosen["locality"]:
        homes = homes.filter(locality_type=chosen["locality"])
    if chosen["state"]:
        homes = homes.filter(state=chosen["state"])
    if chosen["status"]:
        homes = homes.filter(status=chosen["status"])
    if chosen["principles"]:
        chosen_set = next(s for s in sets if str(s.pk) == chosen["principles"])
        homes = homes.filter(
            principle_set_adoptions__principle_set__translation_key=chosen_set.translation_key
        ).distinct()
    return homes


def _entries(request, chapters: list) -> list[dict]:
    """One entry per chapter, in the reader's language, with its adopted sets."""
    if active_language() == default_language():
        localized = chapters  # already in the reader's language: nothing to look up
    else:
        localized = in_active_locale(chapters, queryset=public_pages(ChapterHomePage.objects.all()))
    local_sets = _local_adopted_sets(chapters)
    state_names = {code: name for code, name, *_ in STATES}
    active = active_language()
    entries = []
    for chapter, page in zip(chapters, localized, strict=True):
        language = language_of(page)
        entries.append(
            {
                "page": page,
                "url": site_root_url(SiteAddress(chapter.site_hostname), request),
                "language": language if language != active else "",
                "state": chapter.state,
                "state_name": state_names.get(chapter.state, ""),
                "point": chapter.map_point(),
                "principle_sets": [
                    local_sets[a.principle_set.pk] for a in chapter.principle_set_adoptions.all()
                ],
            }
        )
    return entries


def _local_adopted_sets(chapters: list) -> dict:
    """Every principle set the chapters adopted, by pk, in the reader's language. One query."""
    adopted = [
        adoption.principle_set
        for chapter in chapters
        for adoption in chapter.principle_set_adoptions.all()
    ]
    if active_language() == default_language():
        return {s.pk: s for s in adopted}
    return dict(
        zip(
            [s.pk for s in adopted],
            in_active_locale(adopted, queryset=PrincipleSet.objects.all()),
            strict=True,
        )
    )


def _options(choices, counter) -> list[dict]:
    return [{"value": value, "label": label, "count": counter[value]} for value, label in choices]


def chapter_map(per_state: Counter, chosen: dict) -> dict:
    """A tile grid of every state; those with (filtered) chapters are highlighted and
    linked. `per_state`: how many chapters (of every page of the list) each state has."""
    keep = {name: value for name, value in chosen.items() if value and name != "state"}
    tiles = []
    for code, name, column, row in STATES:
        count = per_state[code]
        tiles.append(
            {
                "code": code,
                "name": name,
                "count": count,
                "x": column * (TILE + GAP),
                "y": row * (TILE + GAP),
                "href": "?" + urlencode({**keep, "state": code}) if count else "",
                "current": code == chosen["state"],
            }
        )
    columns = max(column for *_, column, _row in STATES) + 1
    rows = max(row for *_, row in STATES) + 1
    return {
        "tiles": tiles,
        "tile": TILE,
        "centre": TILE // 2,
        # A margin of GAP all round, so the outer tiles' borders are not clipped.
        "viewbox": f"{-GAP} {-GAP} {columns * (TILE + GAP) + GAP} {rows * (TILE + GAP) + GAP}",
        "states_with_chapters": sum(1 for tile in tiles if tile["count"]),
    }


# The states' outlines, one <path id="<code>"> each (drawn from public-domain outlines:
# chapters/register/us_map.py); the page places them with <use>, so it carries none.
OUTLINES = "home/maps/us-states.svg"


def outline_map(per_state: Counter, chosen: dict, entries: list[dict]) -> dict:
    """The states as they are: those with (filtered) chapters filled and linked, as on the
    tile map, and a point for each chapter of this page of the list that has coordinates,
    linked to its site. The tile map stays beside it: every state the same size, easier
    to choose (Rhode Island is a speck here)."""
    keep = {name: value for name, value in chosen.items() if value and name != "state"}
    names = {code: name for code, name, *_ in STATES}
    states = [
        {
            "code": code,
            "name": names[code],
            "count": per_state[code],
            "href": "?" + urlencode({**keep, "state": code}),
            "current": code == chosen["state"],
        }
        for code in sorted(per_state)
        if per_state[code] and code in names and code in outlines()  # not PR: no outline
    ]
    points = [
        {"x": entry["point"][0], "y": entry["point"][1], "entry": entry}
        for entry in entries
        if entry["point"] is not None
    ]
    return {"file": static(OUTLINES), "viewbox": VIEWBOX, "states": states, "points": points}


# The Alliance home links to the full directory (home/frame.py).
register_shared_pages(ChapterDirectoryPage)
