"""The resource library's citations as BibTeX, RIS and CSL-JSON.

Pure functions of a list of `Resource` objects: no queries beyond what the
caller prefetched (`topics`, if keywords should be exported).
"""

import json
import re
import unicodedata

# kind -> (BibTeX entry type, RIS TY, CSL type)
TYPES = {
    "book": ("book", "BOOK", "book"),
    "chapter": ("incollection", "CHAP", "chapter"),
    "article": ("article", "JOUR", "article-journal"),
    "report": ("techreport", "RPRT", "report"),
    "principles": ("misc", "GEN", "document"),
    "toolkit": ("manual", "GEN", "document"),
    "web": ("misc", "ELEC", "webpage"),
    "video": ("misc", "VIDEO", "motion_picture"),
}
DEFAULT_TYPES = ("misc", "GEN", "document")

_STOPWORDS = {"a", "an", "the", "of", "on", "in", "and", "for", "to", "el", "la", "los", "las"}

_BIBTEX_ESCAPES = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


def split_names(value: str) -> list[tuple[str, str]]:
    """'Doe, Jane; Roe, Sam' -> [('Doe', 'Jane'), ('Roe', 'Sam')].

    A name without a comma (an organization) comes back as (name, '').
    """
    names = []
    for name in value.split(";"):
        name = name.strip()
        if not name:
            continue
        family, _, given = name.partition(",")
        names.append((family.strip(), given.strip()))
    return names


def _types(resource) -> tuple[str, str, str]:
    return TYPES.get(resource.kind, DEFAULT_TYPES)


def page_range(resource) -> tuple[str, str]:
    """The first and last page of a resource, either possibly empty."""
    parts = re.split(r"\s*[-\u2013\u2014]+\s*", resource.pages.strip(), maxsplit=1)
    start = parts[0]
    end = parts[1] if len(parts) > 1 else ""
    return start, end


def _ascii_word(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", folded.lower())


def citation_key(resource) -> str:
    """Family name of the first author (or the first title word) + year + first title word."""
    names = split_names(resource.authors)
    words = [_ascii_word(w) for w in resource.title.split()]
    words = [w for w in words if w]
    significant = [w for w in words if w not in _STOPWORDS] or words
    first_word = significant[0] if significant else "untitled"
    who = _ascii_word(names[0][0]) if names else ""
    return f"{who or first_word}{resource.year or 'nd'}{first_word if who else ''}" or "resource"


def citation_keys(resources) -> list[str]:
    """One key per resource, in order; repeated keys get a, b, c… suffixes."""
    keys = [citation_key(r) for r in resources]
    counts: dict[str, int] = {}
    for key in keys:
        counts[key] = counts.get(key, 0) + 1
    seen: dict[str, int] = {}
    result = []
    for key in keys:
        if counts[key] > 1:
            index = seen.get(key, 0)
            seen[key] = index + 1
            suffix = ""
            n = index
            while True:
                suffix = chr(ord("a") + n % 26) + suffix
                n = n // 26 - 1
                if n < 0:
                    break
            key = f"{key}{suffix}"
        result.append(key)
    return result


def _topics(resource) -> list[str]:
    return [tag.name for tag in resource.topics.all()]


# BibTeX ---------------------------------------------------------------------------------------


def bibtex_escape(text: str) -> str:
    return "".join(_BIBTEX_ESCAPES.get(ch, ch) for ch in text)


def _bibtex_names(value: str) -> str:
    names = []
    for family, given in split_names(value):
        if given:
            names.append(f"{bibtex_escape(family)}, {bibtex_escape(given)}")
        else:
            # An organization: braces keep BibTeX from splitting it into given and family.
            names.append("{" + bibtex_escape(family) + "}")
    return " and ".join(names)


def _bibtex_entry(resource, key: str) -> str:
    entry_type = _types(resource)[0]
    fields: list[tuple[str, str]] = []
    if resource.authors:
        fields.append(("author", _bibtex_names(resource.authors)))
    fields.append(("title", bibtex_escape(resource.title)))
    if resource.container_title:
        container_field = {
            "incollection": "booktitle",
            "article": "journal",
        }.get(entry_type, "howpublished" if entry_type == "misc" else "series")
        fields.append((container_field, bibtex_escape(resource.container_title)))
    if resource.editors:
        fields.append(("editor", _bibtex_names(resource.editors)))
    if resource.year:
        fields.append(("year", str(resource.year)))
    if resource.pages:
        start, end = page_range(resource)
        fields.append(("pages", bibtex_escape(f"{start}--{end}" if end else start)))
    if resource.publisher:
        publisher_field = "institution" if entry_type == "techreport" else "publisher"
        if entry_type == "manual":
            publisher_field = "organization"
        fields.append((publisher_field, bibtex_escape(resource.publisher)))
    if resource.place:
        fields.append(("address", bibtex_escape(resource.place)))
    if resource.url:
        fields.append(("url", resource.url.replace("}", "%7D").replace("{", "%7B")))
    topics = _topics(resource)
    if topics:
        fields.append(("keywords", bibtex_escape(", ".join(topics))))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@{entry_type}{{{key},\n{body}\n}}\n"


def to_bibtex(resources) -> str:
    resources = list(resources)
    keys = citation_keys(resources)
    return "\n".join(_bibtex_entry(r, k) for r, k in zip(resources, keys, strict=True))


# RIS ------------------------------------------------------------------------------------------


def _ris_line(tag: str, value) -> str:
    value = " ".join(str(value).split())  # RIS is one value per line
    return f"{tag}  - {value}"


def _ris_record(resource, key: str) -> list[str]:
    lines = [_ris_line("TY", _types(resource)[1]), _ris_line("ID", key)]
    for family, given in split_names(resource.authors):
        lines.append(_ris_line("AU", f"{family}, {given}" if given else family))
    lines.append(_ris_line("TI", resource.title))
    if resource.container_title:
        lines.append(_ris_line("T2", resource.container_title))
    for family, given in split_names(resource.editors):
        lines.append(_ris_line("A2", f"{family}, {given}" if given else family))
    if resource.year:
        lines.append(_ris_line("PY", resource.year))
    if resource.pages:
        start, end = page_range(resource)
        lines.append(_ris_line("SP", start))
        if end:
            lines.append(_ris_line("EP", end))
    if resource.publisher:
        lines.append(_ris_line("PB", resource.publisher))
    if resource.place:
        lines.append(_ris_line("CY", resource.place))
    if resource.url:
        lines.append(_ris_line("UR", resource.url))
    for topic in _topics(resource):
        lines.append(_ris_line("KW", topic))
    lines.append("ER  - ")
    return lines


def to_ris(resources) -> str:
    resources = list(resources)
    keys = citation_keys(resources)
    lines: list[str] = []
    for resource, key in zip(resources, keys, strict=True):
        lines.extend(_ris_record(resource, key))
        lines.append("")
    return "\r\n".join(lines)


# CSL-JSON -------------------------------------------------------------------------------------


def _csl_names(value: str) -> list[dict]:
    return [
        {"family": family, "given": given} if given else {"literal": family}
        for family, given in split_names(value)
    ]


def csl_item(resource, key: str) -> dict:
    item: dict = {"id": key, "type": _types(resource)[2], "title": resource.title}
    if resource.authors:
        item["author"] = _csl_names(resource.authors)
    if resource.editors:
        item["editor"] = _csl_names(resource.editors)
    if resource.year:
        item["issued"] = {"date-parts": [[resource.year]]}
    if resource.container_title:
        item["container-title"] = resource.container_title
    if resource.pages:
        start, end = page_range(resource)
        item["page"] = f"{start}-{end}" if end else start
    if resource.publisher:
        item["publisher"] = resource.publisher
    if resource.place:
        item["publisher-place"] = resource.place
    if resource.url:
        item["URL"] = resource.url
    topics = _topics(resource)
    if topics:
        item["keyword"] = ", ".join(topics)
    return item


def to_csl_json(resources) -> str:
    resources = list(resources)
    keys = citation_keys(resources)
    items = [csl_item(r, k) for r, k in zip(resources, keys, strict=True)]
    return json.dumps(items, ensure_ascii=False, indent=2)
