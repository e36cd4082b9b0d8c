"""Network search: ranking, the public gate, facets and highlighted snippets.

Everything here reads; nothing writes. The number of queries does not grow
with the number of results: one for the search, one for the public gate
(with the facet data), a few constant ones for labels and rights, and one per
page type for the results shown on the current page.
"""

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from types import SimpleNamespace

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from wagtail.models import Locale, Page, Site
from wagtail.rich_text import get_text_for_indexing

from home.locales import active_language, default_language, language_of, localized
from home.models import Right
from home.pagecache.keys import generations, page_cache
from home.publication import public_pages, site_pages_q

# More matches than anyone reads; bounds the work of one search.
MAX_RESULTS = 500
SNIPPET_LENGTH = 220
ALLIANCE = "alliance"
ALL_LANGUAGES = "all"
# Steps of Wagtail's materialised path: a site's home page sits at depth 2.
HOME_PATH_LENGTH = Page.steplen * 2
# How long a remembered label or scope may stay unused (a new generation replaces it).
CACHED_FOR = 60 * 60


@dataclass
class FacetOption:
    key: str
    label: str
    count: int
    selected: bool = False


@dataclass
class Facet:
    name: str
    label: str
    options: list[FacetOption] = field(default_factory=list)
    # Options not shown (the chapter facet shows the CHAPTER_OPTIONS biggest).
    more: int = 0


# The chapter facet lists this many chapters (the most results first) and the chosen
# one; the rest are found by typing part of a name (`chapter_name`).
CHAPTER_OPTIONS = 10


@dataclass
class Hit:
    pk: int
    path: str
    model: str
    locale_id: int
    language: str = ""
    chapter: str = ""
    rights: frozenset = frozenset()


def is_network_site(site: Site) -> bool:
    """The Alliance (default) site searches the whole network."""
    return site.is_default_site


def all_sites_q(site: Site):
    """Pages under any site's root page or a translation of it. One query.

    Every site's root here is a home page at depth 2 (the Alliance's, each
    chapter's, and their translations beside them), so the scope is every page
    from depth 2 down, less the subtrees of any depth-2 page that is no site's
    root (normally none), plus the subtrees of any deeper root (normally none).
    One OR'd `path LIKE` per site root made the network's search query carry 500
    of them at 500 chapters (30 KB of SQL, 30 ms of planning); a join on the
    depth-2 ancestor instead misled the planner into a nested loop over every page.
    """
    q, deeper = Q(depth__gte=2), Q(pk__in=[])
    for path, depth in remembered("scope", _scope_exceptions, site):
        if depth == 2:
            q &= ~Q(path__startswith=path)
        else:
            deeper |= Q(path__startswith=path)
    return q | deeper


def _scope_exceptions() -> list[tuple[str, int]]:
    root_keys = Site.objects.values("root_page__translation_key")
    return list(
        Page.objects.filter(
            Q(depth=2) & ~Q(translation_key__in=root_keys)
            | Q(depth__gt=2, translation_key__in=root_keys)
        ).values_list("path", "depth")
    )


def remembered(name: str, compute, site: Site, language: str = ""):
    """`compute()`, kept in the page cache until the site's or the network's page-cache
    generation changes (home/pagecache/invalidation.py bumps the Alliance's on every
    change to any chapter's page, restriction, consent record or settings, and the
    network's on a site or snippet change): the chapters' names and the network's
    shape are the same for every search until then. Never holds anything the public
    may not see: only the names of public chapter homes and tree paths."""
    network, own = generations(site.hostname)
    key = f"search:{name}:{language}:{network}:{own}"
    cache = page_cache()
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, CACHED_FOR)
    return value


def ranked_public_hits(scope_q, query: str, locale: Locale | None) -> list[Hit]:
    """Public pages matching the query, best first, with what the facets need. Two queries.

    The search ranks at most MAX_RESULTS live pages in scope (indexed: see
    search/languages.py); only those go through the public gate."""
    candidates = Page.objects.live().filter(scope_q)
    if locale is not None:
        candidates = candidates.filter(locale=locale)
    # Only the ids: the ranking built 500 whole pages (every column parsed, each a
    # ClusterableModel) to read their pk, a third of a network search's Python time.
    ranked = [page.pk for page in candidates.only("pk").search(query)[:MAX_RESULTS]]
    rows = {}
    for pk, path, ct, locale_id in public_pages(Page.objects.filter(pk__in=ranked)).values_list(
        "pk", "path", "content_type_id", "locale_id"
    ):
        model = ContentType.objects.get_for_id(ct).model
        rows[pk] = Hit(
            pk, path, model, locale_id, language_of(SimpleNamespace(locale_id=locale_id))
        )
    return [rows[pk] for pk in ranked if pk in rows]


# --- Facets -------------------------------------------------------------------


def _homes() -> list[dict]:
    """Every depth-2 page (site roots and their translations): path, key, slug, title,
    language and whether the public may see it. One query: the public gate runs once
    over the depth-2 pages (a hashed subquery), not once per row."""
    public = public_pages(Page.objects.filter(depth=2)).values("pk")
    homes = Page.objects.filter(depth=2).annotate(public=Q(pk__in=public))
    return [
        {**home, "language": language_of(SimpleNamespace(locale_id=home["locale_id"]))}
        for home in homes.values("path", "translation_key", "slug", "title", "locale_id", "public")
    ]


def label_chapters(hits: list[Hit], alliance_site: Site) -> dict[str, str]:
    """Set each hit's chapter key; return key -> label. No query while the network is
    unchanged (`remembered`), one when it changed.

    A page's chapter is its ancestor at depth 2 (a path prefix); translations
    of a home page share a key, the default-language home page's slug.
    """
    key_of_path, labels = remembered(
        "chapter-labels",
        lambda: _chapter_labels(alliance_site),
        alliance_site,
        active_language(),
    )
    for hit in hits:
        hit.chapter = key_of_path.get(hit.path[:HOME_PATH_LENGTH], "")
    return labels


def _chapter_labels(alliance_site: Site) -> tuple[dict[str, str], dict[str, str]]:
    """(home path -> chapter key, chapter key -> label in the reader's language), from
    every depth-2 page (`_homes`): worked out once per language and generation, not for
    each search (1,000 homes at 500 chapters)."""
    homes = remembered("homes", _homes, alliance_site)
    active, default = active_language(), default_language()
    by_key: dict = {}
    for home in homes:
        group = by_key.setdefault(home["translation_key"], {})
        group[home["language"]] = home
    key_of_path, labels = {}, {}
    alliance_key = alliance_site.root_page.translation_key
    for translation_key, group in by_key.items():
        canonical = group.get(default) or next(iter(group.values()))
        if translation_key == alliance_key:
            key, label = ALLIANCE, _("Alliance")
        else:
            # Named from a home the public may see: never a draft translation's title.
            shown = [home for home in (group.get(active), canonical) if home and home["public"]]
            key, label = canonical["slug"], (shown[0]["title"] if shown else canonical["slug"])
        labels[key] = label
        for home in group.values():
            key_of_path[home["path"]] = key
    return key_of_path, labels


def _right_names() -> dict:
    """Every right's translation key -> (slug, name) in the reader's language. One query."""
    return {right.translation_key: (right.slug, right.name) for right in localized(Right.objects)}


def label_rights(hits: list[Hit], site: Site) -> dict[str, str]:
    """Set each hit's rights (slugs); return slug -> label.

    One query for the rights of every page type (a UNION); the rights' names are
    remembered per language until a snippet changes (`remembered`).
    """
    by_model: dict[str, list[int]] = {}
    for hit in hits:
        by_model.setdefault(hit.model, []).append(hit.pk)
    parts = []
    for model_name, pks in by_model.items():
        model = model_class(model_name)
        if model is None or not any(f.name == "rights" for f in model._meta.get_fields()):
            continue
        m2m = model._meta.get_field("rights")
        through = m2m.remote_field.through
        page_field, right_field = m2m.m2m_field_name(), m2m.m2m_reverse_field_name()
        parts.append(
            through.objects.filter(**{f"{page_field}__in": pks}).values_list(
                f"{page_field}_id", f"{right_field}__translation_key"
            )
        )
    if not parts:
        return {}
    keys_of_page: dict[int, set] = {}
    for page_pk, key in parts[0].union(*parts[1:], all=True):
        keys_of_page.setdefault(page_pk, set()).add(key)
    if not keys_of_page:
        return {}
    names = remembered("rights", _right_names, site, active_language())
    for hit in hits:
        hit.rights = frozenset(names[k][0] for k in keys_of_page.get(hit.pk, ()) if k in names)
    used = set().union(*keys_of_page.values())
    return {names[k][0]: names[k][1] for k in used if k in names}


_MODELS: dict[str, type | None] = {}


def model_class(model_name: str):
    if model_name not in _MODELS:
        for model in _page_models():
            _MODELS[model._meta.model_name] = model
        _MODELS.setdefault(model_name, None)
    return _MODELS[model_name]


def _page_models():
    from wagtail.models import get_page_models

    return get_page_models()


# What a reader calls each kind of page, in their language (the models' verbose
# names are the admin's English). A page type not listed here falls back to its
# verbose name, run through the catalogue.
TYPE_LABELS = {
    "storypage": pgettext_lazy("content type", "Story"),
    "eventpage": pgettext_lazy("content type", "Event"),
    "archiveentrypage": pgettext_lazy("content type", "Archive entry"),
    "standardpage": pgettext_lazy("content type", "Page"),
    "chapterhomepage": pgettext_lazy("content type", "Chapter home"),
    "storyindexpage": pgettext_lazy("content type", "Story index"),
    "eventindexpage": pgettext_lazy("content type", "Event index"),
    "archiveindexpage": pgettext_lazy("content type", "Archive index"),
    "alliancehomepage": pgettext_lazy("content type", "Alliance home"),
    "principlespage": pgettext_lazy("content type", "Principles"),
    "resourcelibrarypage": pgettext_lazy("content type", "Resource library"),
    "chapterdirectorypage": pgettext_lazy("content type", "Chapter directory"),
    "networkstoriespage": pgettext_lazy("content type", "Network stories"),
    "networkeventspage": pgettext_lazy("content type", "Network events"),
    "rightspage": gettext_lazy("Rights"),
}


def type_label(model_name: str) -> str:
    """A page type's name for the facet, in the reader's language."""
    if model_name in TYPE_LABELS:
        return str(TYPE_LABELS[model_name])
    model = model_class(model_name)
    if model is None:
        return model_name
    name = str(model._meta.verbose_name)
    name = name[: -len(" page")] if name.endswith(" page") and name != "page" else name
    return capfirst(_(name))


FACET_TESTS = {
    "chapter": lambda hit, value: hit.chapter == value,
    "type": lambda hit, value: hit.model == value,
    "right": lambda hit, value: value in hit.rights,
}


def apply_facets(hits: list[Hit], chosen: dict[str, str], skip: str | None = None) -> list[Hit]:
    for name, value in chosen.items():
        if value and name != skip and name in FACET_TESTS:
            hits = [hit for hit in hits if FACET_TESTS[name](hit, value)]
    return hits


def build_facets(hits, chosen, chapter_labels, right_labels, language_counts, lang) -> list[Facet]:
    """Counts for each facet over the results filtered by the other facets (not itself)."""
    facets = []
    specs = [
        ("chapter", _("Chapter"), lambda hit: [hit.chapter], chapter_labels),
        ("type", _("Content type"), lambda hit: [hit.model], None),
        ("right", _("Right"), lambda hit: hit.rights, right_labels),
    ]
    for name, label, keys_of, labels in specs:
        counts = Counter(
            key for hit in apply_facets(hits, chosen, skip=name) for key in keys_of(hit) if key
        )
        options = [
            FacetOption(
                key,
                labels.get(key, key) if labels is not None else type_label(key),
                count,
                chosen.get(name) == key,
            )
            for key, count in counts.items()
        ]
        options.sort(key=lambda o: (-o.count, str(o.label)))
        if name == "chapter":
            facets.extend(_chapter_facet(label, options, chosen.get("chapter_name", "")))
        elif options:
            facets.append(Facet(name, label, options))
    mine, everything = language_counts
    facets.append(
        Facet(
            "lang",
            _("Language"),
            [
                FacetOption("", _("My language"), mine, lang != ALL_LANGUAGES),
                FacetOption(ALL_LANGUAGES, _("All languages"), everything, lang == ALL_LANGUAGES),
            ],
        )
    )
    return facets


def _chapter_facet(label: str, options: list[FacetOption], typed: str) -> list[Facet]:
    """The biggest CHAPTER_OPTIONS chapters (of those whose name contains `typed`) and
    the chosen one, saying how many more there are: at 500 chapters every chapter
    with a result made the page 165 KB."""
    if not options:
        return []
    matching = [o for o in options if typed.casefold() in str(o.label).casefold()]
    shown = matching[:CHAPTER_OPTIONS]
    shown += [o for o in options if o.selected and o not in shown]
    more = len([o for o in matching if o not in shown])
    return [Facet("chapter", label, shown, more=more)]


# --- Snippets -----------------------------------------------------------------

_WORD = re.compile(r"\w+", re.UNICODE)


# A letter and its accented forms: Spanish "organizaciones" marks "organización".
_ACCENTED = {"a": "aáàâäã", "e": "eéèêë", "i": "iíìîï", "o": "oóòôöõ", "u": "uúùûü", "n": "nñ"}


def _letters(text: str) -> str:
    """`text` as a pattern in which each letter matches its accented forms too."""
    out = []
    for char in text:
        base = unicodedata.normalize("NFD", char)[0]
        out.append(f"[{_ACCENTED[base]}]" if base in _ACCENTED else re.escape(char))
    return "".join(out)


def query_pattern(query: str) -> re.Pattern | None:
    """Words of the query, case- and accent-insensitive; words of 5+ letters also match
    by stem.

    A long word matches any word that starts with its first letters (all but
    the last three, at least five), so "organizing" marks "organize".
    """
    parts = []
    for word in dict.fromkeys(w.lower() for w in _WORD.findall(query)):
        if len(word) >= 5:
            stem = word[: max(5, len(word) - 3)]
            parts.append(_letters(stem) + r"\w*")
        else:
            parts.append(_letters(word) + r"\b")
    if not parts:
        return None
    return re.compile(r"\b(?:" + "|".join(parts) + ")", re.IGNORECASE | re.UNICODE)


def highlight(text: str, pattern: re.Pattern | None) -> SafeString:
    """Escape the plain text, then wrap each match in <mark>."""
    if pattern is None:
        return escape(text)
    out, last = [], 0
    for match in pattern.finditer(text):
        out.append(escape(text[last : match.start()]))
        out.append(f"<mark>{escape(match.group(0))}</mark>")
        last = match.end()
    out.append(escape(text[last:]))
    return mark_safe("".join(out))  # noqa: S308 - every piece is escaped above


def plain_text(html: str) -> str:
    """Rich text as the reader reads it: a space between paragraphs and list items
    (`strip_tags` ran "evictions</li><li>water" together), entities decoded (the
    excerpt escapes once, when it marks the matches)."""
    return " ".join(get_text_for_indexing(html).split())


def _stream_texts(value):
    if isinstance(value, str):
        text = plain_text(value)
        if text:
            yield text
    elif isinstance(value, dict):
        if "type" in value and "value" in value:
            yield from _stream_texts(value["value"])
        else:
            for item in value.values():
                yield from _stream_texts(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _stream_texts(item)


def page_texts(page) -> list[str]:
    texts = [getattr(page, name, "") or "" for name in ("search_description", "intro", "summary")]
    texts = [plain_text(t) for t in texts if isinstance(t, str)]
    body = getattr(page, "body", None)
    raw = getattr(body, "raw_data", None)
    if raw is not None:
        texts.extend(_stream_texts(list(raw)))
    return [t for t in texts if t]


def snippet(page, pattern: re.Pattern | None) -> SafeString:
    """A short excerpt, preferably around the first match, with matches marked."""
    texts = page_texts(page)
    if not texts:
        return SafeString("")
    text, match = texts[0], None
    if pattern is not None:
        for candidate in texts:
            match = pattern.search(candidate)
            if match:
                text = candidate
                break
    start = 0
    if match and match.start() > SNIPPET_LENGTH // 2:
        start = text.rfind(" ", 0, match.start() - SNIPPET_LENGTH // 3) + 1
    excerpt = text[start : start + SNIPPET_LENGTH]
    if start + SNIPPET_LENGTH < len(text):
        excerpt = excerpt.rsplit(" ", 1)[0] + " …"
    if start:
        excerpt = "… " + excerpt
    return highlight(excerpt, pattern)


def site_scope_q(site: Site):
    return all_sites_q(site) if is_network_site(site) else site_pages_q(site)
