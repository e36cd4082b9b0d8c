"""One-off: write the demo's Python content constants out as chapters/demo/data/*.yaml.

Run once (`DJANGO_SETTINGS_MODULE=network_site.settings.dev python scripts/demo_to_yaml.py`)
before the Python content modules are deleted; kept in history to show where the data
came from. Text is copied, never retyped: constants are imported, and the archive files'
text (written inline in chapters/demo_archive.py) is read from its syntax tree.
"""

import ast
import sys
from pathlib import Path

import django
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
django.setup()

from chapters import demo as chapters_demo  # noqa: E402
from chapters import demo_content, demo_content_es, demo_publishing_content  # noqa: E402
from home import demo_content as alliance  # noqa: E402
from home import demo_content_es as alliance_es  # noqa: E402

DATA = ROOT / "chapters" / "demo" / "data"
NETWORK_PAGE_TYPES = {
    "ChapterDirectoryPage": "directory",
    "NetworkStoriesPage": "stories",
    "NetworkEventsPage": "events",
    "RightsPage": "rights",
}


class Dumper(yaml.SafeDumper):
    """Long text folded at spaces (only where it reads back the same), short lists inline."""


def _str(dumper, value):
    if len(value) > 60 and "\n" not in value:
        text = yaml.dump(value, Dumper=_Probe, allow_unicode=True, width=88)
        if yaml.safe_load(text) == value:
            return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=">")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


class _Probe(yaml.SafeDumper):
    pass


_Probe.add_representer(str, lambda d, v: d.represent_scalar("tag:yaml.org,2002:str", v, style=">"))


def _short(value) -> bool:
    return (
        value is None
        or isinstance(value, int | float | bool)
        or (isinstance(value, str) and len(value) < 40)
    )


def _list(dumper, value):
    flow = all(_short(v) or (isinstance(v, list) and all(map(_short, v))) for v in value)
    flow = (
        flow
        and not any(isinstance(v, list) for v in value)
        or (len(value) == 2 and all(map(_short, value)))
    )
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=flow)


def _dict(dumper, value):
    flow = all(_short(v) for v in value.values()) and len(str(value)) < 70 and len(value) < 4
    return dumper.represent_mapping("tag:yaml.org,2002:map", value.items(), flow_style=flow)


Dumper.add_representer(str, _str)
Dumper.add_representer(list, _list)
Dumper.add_representer(tuple, _list)
Dumper.add_representer(dict, _dict)


def plain(value):
    """Tuples become lists, bodies of (type, value) pairs become one-key mappings."""
    if isinstance(value, dict):
        return {k: body(v) if k == "body" else plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value


def body(blocks):
    return [{kind: plain(v)} for kind, v in blocks]


def write(path: str, header: str, data) -> None:
    target = DATA / path
    target.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.dump(data, Dumper=Dumper, allow_unicode=True, sort_keys=False, width=88)
    if yaml.safe_load(text) != data:
        raise ValueError(f"{path} would not read back the same")
    comment = "".join(f"# {line}".rstrip() + "\n" for line in header.strip().splitlines())
    target.write_text(comment + "\n" + text, encoding="utf-8")


def archive_media() -> dict:
    """The literal arguments of the calls in chapters/demo_archive.py's loader."""
    tree = ast.parse((ROOT / "chapters" / "demo_archive.py").read_text())
    loader = next(n for n in tree.body if getattr(n, "name", "") == "load_archive_media")
    calls = [n for n in ast.walk(loader) if isinstance(n, ast.Call)]
    calls.sort(key=lambda n: (n.lineno, n.col_offset))

    def name(call):
        return getattr(call.func, "id", "")

    def kwargs(call):
        return {
            k.arg: ast.literal_eval(k.value)
            for k in call.keywords
            if not isinstance(k.value, ast.Name)
        }

    images = [[ast.literal_eval(a) for a in c.args[1:]] for c in calls if name(c) == "_image"]
    documents = [[ast.literal_eval(a) for a in c.args[1:]] for c in calls if name(c) == "_document"]
    entries = [(ast.literal_eval(c.args[1]), kwargs(c)) for c in calls if name(c) == "_entry"]
    consents = [kwargs(c) for c in calls if name(c) == "record_consent"]
    files = [kwargs(c) for c in calls if name(c) == "_file_consent"]
    return {
        "images": images,
        "documents": documents,
        "entries": entries,
        "consents": consents,
        "files": files,
    }


def media_entries() -> list[dict]:
    found = archive_media()
    (meeting, kitchen), (sign_in,) = found["images"], found["documents"]
    (photos_slug, photos), (interview_slug, interview) = found["entries"]
    photo_consent, interview_consent = found["consents"]
    meeting_c, sign_in_c, kitchen_c = found["files"]
    return [
        {
            "slug": photos_slug,
            **photos,
            "image": {
                "title": meeting[0],
                "description": meeting[1],
                "colours": list(meeting[2]),
                "consent": meeting_c,
            },
            "document": {
                "title": sign_in[0],
                "text": sign_in[1].decode(),
                "consent": sign_in_c,
            },
            "consent": photo_consent,
        },
        {
            "slug": interview_slug,
            **interview,
            "image": {
                "title": kitchen[0],
                "description": kitchen[1],
                "colours": list(kitchen[2]),
                "consent": kitchen_c,
            },
            "consent": interview_consent,
        },
    ]


def chapter_files() -> list[str]:
    names = []
    for data in demo_content.CHAPTERS:
        hostname = data["hostname"]
        name = hostname.split(".")[0]
        names.append(name)
        chapter = {k: v for k, v in data.items() if k not in ("body", "adopted", "languages")}
        out = {}
        for key, value in chapter.items():
            out[key] = value
            if key == "locality_type":
                out["languages"] = data.get("languages", ["en"])
        out["intro"] = data["intro"]
        out["body"] = body(data["body"])
        out["adopted"] = dict(data["adopted"])
        out["people"] = {
            f"{name}-editor": "editors",
            f"{name}-moderator": "moderators",
            f"{name}-member": "members",
        }
        if hostname in demo_publishing_content.SUPPORT_RESOURCES:
            out["support_resources"] = demo_publishing_content.SUPPORT_RESOURCES[hostname]
        for key, source in [
            ("stories", demo_publishing_content.STORIES),
            ("events", demo_publishing_content.EVENTS),
            ("archive", demo_publishing_content.ARCHIVE),
        ]:
            out[key] = plain(source.get(hostname, []))
        if hostname == "corvale.localhost":
            out["archive_with_files"] = media_entries()
        write(f"chapters/{name}.yaml", CHAPTER_HEADER.format(name=data["name"]), out)
        if hostname in demo_content_es.CHAPTERS:
            write(
                f"chapters/{name}.es.yaml",
                CHAPTER_ES_HEADER.format(name=name),
                plain(demo_content_es.CHAPTERS[hostname]),
            )
    return names


CHAPTER_HEADER = """
{name}: FICTIONAL, like every demo chapter (places, people, events, addresses).
The profile is what onboarding asks for; home, people, stories, events and archive
follow. Bodies are lists of blocks ({{block type: value}}). Rights are slugs of
alliance/rights.yaml; principles are [short title of a set in alliance/principles.yaml,
principle number counted from 1]. Event dates are days from today; the event with
spans_dst_change sits across the zone's next daylight-saving change. An archive
entry's consent_status/consent_scope (and given_by) is its narrator's consent, for the
web, feeds and the API; archive_with_files are entries whose picture and document are
drawn by the loader and carry consent of their own (arguments of record_consent).
"""

CHAPTER_ES_HEADER = """
Spanish text of chapters/{name}.yaml, as Wagtail translations of the English pages.
Keyed by the English page's slug. Dates, times, images, rights, principles, consent and
addresses are not repeated: a translation keeps its English page's own. A section
(stories, events, archive) keeps its English slug, so its address is the same in
every language.
"""


def network(chapter_names: list[str]) -> None:
    pages = [
        {"type": NETWORK_PAGE_TYPES[model.__name__], "title": title, "slug": slug, "intro": intro}
        for model, title, slug, intro, _, _ in chapters_demo.NETWORK_PAGES
    ]
    people = {
        "admin": "superuser",
        "network-admin": "network-admins",
        "alliance-editor": "alliance-editors",
        "alliance-moderator": "alliance-moderators",
    }
    write(
        "network.yaml",
        """
The demo network: the Alliance's demo log-ins (each with the password demo-password,
and the role named), the demo chapters in the order they are loaded (each is
chapters/<name>.yaml) and the Alliance's network-wide pages.
""",
        {"people": people, "chapters": chapter_names, "network_pages": pages},
    )
    write(
        "network.es.yaml",
        "Spanish text of network.yaml's network-wide pages, keyed by the English slug.",
        {
            "network_pages": {
                slug: {"title": title_es, "intro": intro_es}
                for _, _, slug, _, title_es, intro_es in chapters_demo.NETWORK_PAGES
            }
        },
    )


def alliance_files() -> None:
    write(
        "alliance/site.yaml",
        """
The Alliance's site: its home page, its pages (in the menu, in this order), and the
principles and resource library pages (which list the snippets of principles.yaml and
resources.yaml). Bodies are lists of blocks ({block type: value}).
""",
        plain(
            {
                "home": alliance.ALLIANCE_HOME,
                "pages": alliance.ALLIANCE_PAGES,
                "principles_page": alliance.PRINCIPLES_PAGE,
                "resource_library_page": alliance.RESOURCE_LIBRARY_PAGE,
            }
        ),
    )
    write(
        "alliance/site.es.yaml",
        "Spanish text of alliance/site.yaml; pages are keyed by the English page's slug.",
        plain({"home": alliance_es.ALLIANCE_HOME, "pages": alliance_es.ALLIANCE_PAGES}),
    )
    write(
        "alliance/principles.yaml",
        """
The principle sets chapters adopt, each with its principles in order (a principle's
number is its place in the list). Summarized in the project's own words, not quoted.
""",
        {"principle_sets": plain(alliance.PRINCIPLE_SETS)},
    )
    write(
        "alliance/principles.es.yaml",
        "Spanish text of alliance/principles.yaml, keyed by the English titles.",
        {"principle_sets": plain(alliance_es.PRINCIPLE_SETS)},
    )
    write(
        "alliance/rights.yaml",
        "The rights that stories, events and archive entries are tagged with, in order.",
        {"rights": plain(alliance.RIGHTS)},
    )
    write(
        "alliance/rights.es.yaml",
        "Spanish text of alliance/rights.yaml, keyed by slug (the same in every language).",
        {"rights": plain(alliance_es.RIGHTS)},
    )
    write(
        "alliance/resources.yaml",
        "The resource library: readings for study circles. Every reading is a real citation.",
        {"resources": plain(alliance.RESOURCES)},
    )
    write(
        "alliance/resources.es.yaml",
        """
Spanish text of alliance/resources.yaml, keyed by the English title, which stays: these
are real publications, and so do their container titles, authors, editors and
publishers. What the Alliance writes about them is in Spanish.
""",
        {"resources": plain(alliance_es.RESOURCES)},
    )


if __name__ == "__main__":
    alliance_files()
    network(chapter_files())
