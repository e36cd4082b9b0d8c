"""One page of every public page type of the demo network, in English and in Spanish.

The guards that must hold on every page a reader can reach (valid HTML, no
sideways scrolling on a phone) walk this list, so a new page type is added here
once. Read from the demo's data files, so a change of demo content moves the
addresses with it. The chapter pages are those of the chapter that publishes in
both languages; the not-found page is listed apart (NOT_FOUND): the demo server
runs with DEBUG on, so its 404 is Django's, not ours.
"""

from chapters.demo import data

ALLIANCE = "localhost"
LANGUAGES = ("en", "es")
CHAPTERS = data.chapters()
BILINGUAL = next(c for c in CHAPTERS if "es" in c.get("languages", []))
# A content warning is shown before the entry: the first chapter's archive has one.
WARNED_HOST = CHAPTERS[0]["hostname"]
WARNED = next(
    e
    for e in CHAPTERS[0].get("archive", [])
    if e.get("content_warning") and e["consent_status"] == "given"
)


def _public_entry(chapter: dict) -> dict:
    return next(
        e
        for e in chapter["archive"]
        if e["consent_status"] == "given" and e.get("consent_scope", "public") == "public"
    )


def _slug(english: str, translated: dict, language: str) -> str:
    """A page's slug in `language` (a translation without its own slug keeps the English)."""
    if language == "en":
        return english
    return translated.get(english, {}).get("slug", english)


def _alliance_pages(language: str) -> list[tuple[str, str, str]]:
    site = data.alliance()
    spanish = data.alliance_translation(language) if language != "en" else {}
    pages = spanish.get("pages", {})
    about = site["pages"][0]["slug"]
    principles = site["principles_page"]["slug"]
    resources = site["resource_library_page"]["slug"]
    right = site["rights"][0]["slug"]
    return [
        ("alliance-home", ALLIANCE, f"/{language}/"),
        ("standard-page", ALLIANCE, f"/{language}/{_slug(about, pages, language)}/"),
        ("principles", ALLIANCE, f"/{language}/{_slug(principles, pages, language)}/"),
        ("resources", ALLIANCE, f"/{language}/{_slug(resources, pages, language)}/"),
        ("directory", ALLIANCE, f"/{language}/chapters/"),
        ("network-stories", ALLIANCE, f"/{language}/stories/"),
        ("network-events", ALLIANCE, f"/{language}/events/"),
        ("rights", ALLIANCE, f"/{language}/rights/"),
        ("right", ALLIANCE, f"/{language}/rights/{right}/"),
        ("network-search", ALLIANCE, f"/{language}/search/?query=organizing"),
    ]


def _chapter_pages(language: str) -> list[tuple[str, str, str]]:
    host = BILINGUAL["hostname"]
    translated = data.chapter_translation(host, language) if language != "en" else {}
    story = _slug(BILINGUAL["stories"][0]["slug"], translated.get("stories", {}), language)
    event = _slug(BILINGUAL["events"][0]["slug"], translated.get("events", {}), language)
    entry = _slug(_public_entry(BILINGUAL)["slug"], translated.get("archive", {}), language)
    return [
        ("chapter-home", host, f"/{language}/"),
        ("story-index", host, f"/{language}/stories/"),
        ("story", host, f"/{language}/stories/{story}/"),
        ("event-index", host, f"/{language}/events/"),
        ("event", host, f"/{language}/events/{event}/"),
        ("archive-index", host, f"/{language}/archive/"),
        ("archive-entry", host, f"/{language}/archive/{entry}/?continue=1"),
        ("share-your-story", host, f"/{language}/share-your-story/"),
        ("withdraw-your-story", host, f"/{language}/withdraw-my-story/"),
        ("get-involved", host, f"/{language}/get-involved/"),
        ("search", host, f"/{language}/search/?query=housing"),
        ("member-login", host, f"/{language}/_util/login/"),
    ]


# (name, hostname, path): the name says the page type and the language.
PAGE_TYPES = [
    (f"{name}-{language}", host, path)
    for language in LANGUAGES
    for name, host, path in _alliance_pages(language) + _chapter_pages(language)
] + [("archive-entry-warning-en", WARNED_HOST, f"/en/archive/{WARNED['slug']}/")]

# Rendered by the test client (DEBUG off), on a chapter's host: (name, path).
NOT_FOUND = [(f"not-found-{language}", f"/{language}/no-such-page/") for language in LANGUAGES]
