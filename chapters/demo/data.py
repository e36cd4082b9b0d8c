"""The demo's data files, read once: the one way Python code reaches the demo's text.

Layout of chapters/demo/data/ (every file YAML):

- network.yaml: the Alliance's demo log-ins, the demo chapters in load order, and the
  Alliance's network-wide pages;
- alliance/site.yaml, principles.yaml, rights.yaml, resources.yaml: the Alliance's pages
  and the snippets every chapter shares;
- chapters/<name>.yaml: one demo chapter (profile, home, people, stories, events,
  archive with consent, support resources);
- <any of those>.<language>.yaml beside its English file: its translation, keyed by what
  identifies the English original (a page's English slug, a snippet's English title or
  a right's slug). A new file of this kind is a new language of the demo.

A chapter file that network.yaml does not list, or a listed one that is missing, is an
error naming the file: the order of chapters is part of the demo (tests and listings
rely on it).
"""

import copy
import functools
from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parent / "data"
ENGLISH = "en"


class DemoDataError(ValueError):
    """A data file is missing or does not have the shape the loader needs."""


@functools.cache
def _read(path: Path) -> dict:
    try:
        with path.open(encoding="utf-8") as file:
            data = yaml.safe_load(file)
    except FileNotFoundError:
        raise DemoDataError(f"demo data file {path.relative_to(DATA)} is missing") from None
    except yaml.YAMLError as error:
        raise DemoDataError(f"demo data file {path.relative_to(DATA)}: {error}") from None
    if not isinstance(data, dict):
        raise DemoDataError(f"demo data file {path.relative_to(DATA)} is not a mapping")
    return data


def _file(name: str, language: str = ENGLISH) -> dict:
    """A copy of one data file's content (`name` without .yaml), English or translated.

    A translation that does not exist is empty: there is nothing to translate.
    """
    suffix = ".yaml" if language == ENGLISH else f".{language}.yaml"
    path = DATA / f"{name}{suffix}"
    if language != ENGLISH and not path.exists():
        return {}
    return copy.deepcopy(_read(path))


def network() -> dict:
    """network.yaml: `people` (username: role), `chapters` (names), `network_pages`."""
    return _file("network")


def alliance() -> dict:
    """The Alliance's English content: home, pages, principles_page,
    resource_library_page, principle_sets, rights and resources."""
    merged = {}
    for name in ("site", "principles", "rights", "resources"):
        merged.update(_file(f"alliance/{name}"))
    return merged


def chapters() -> list[dict]:
    """Every demo chapter, in network.yaml's order."""
    listed = network()["chapters"]
    on_disk = {p.name.removesuffix(".yaml") for p in (DATA / "chapters").glob("*.yaml")}
    on_disk = {name for name in on_disk if "." not in name}  # translations aside
    unlisted = sorted(on_disk - set(listed))
    if unlisted:
        raise DemoDataError(
            f"demo chapter file chapters/{unlisted[0]}.yaml is not listed in network.yaml"
        )
    return [_file(f"chapters/{name}") for name in listed]


def chapter(hostname: str) -> dict:
    """The demo chapter on `hostname`."""
    for data in chapters():
        if data["hostname"] == hostname:
            return data
    raise DemoDataError(f"no demo chapter has the hostname {hostname}")


def by_hostname(key: str) -> dict[str, list]:
    """One list of every chapter (`stories`, `events`, `archive`…), keyed by hostname."""
    return {data["hostname"]: data.get(key, []) for data in chapters()}


def languages() -> list[str]:
    """The languages the demo has text in besides English, from the file names."""
    found = set()
    for path in DATA.rglob("*.yaml"):
        parts = path.name.split(".")
        if len(parts) == 3:
            found.add(parts[1])
    return sorted(found)


def alliance_translation(language: str) -> dict:
    """The Alliance's text in `language`: home, pages (by English slug), principle_sets
    (by English title, their principles too), rights (by slug), resources (by title)."""
    merged = {}
    for name in ("site", "principles", "rights", "resources"):
        merged.update(_file(f"alliance/{name}", language))
    return merged


def network_translation(language: str) -> dict:
    """network.yaml's network-wide pages in `language`, by English slug."""
    return _file("network", language)


def chapter_translation(hostname: str, language: str) -> dict:
    """A chapter's text in `language`: home, sections, and stories, events and archive
    entries by English slug. Empty when the chapter does not publish in `language`."""
    for name, data in zip(network()["chapters"], chapters(), strict=True):
        if data["hostname"] == hostname:
            return _file(f"chapters/{name}", language)
    raise DemoDataError(f"no demo chapter has the hostname {hostname}")


def blocks(body: list[dict]) -> list[dict]:
    """A body as written in the data ({block type: value} per block) as a StreamField's
    raw blocks."""
    raw = []
    for block in body:
        if not isinstance(block, dict) or len(block) != 1:
            raise DemoDataError(f"a body block must be one 'type: value' pair, not {block!r}")
        ((kind, value),) = block.items()
        raw.append({"type": kind, "value": value})
    return raw
