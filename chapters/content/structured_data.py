"""What search engines and link previews read from a story or event: its image and authors.

schema.org wants absolute image addresses and a type for each author; the
page editor has one free-text field for the authors ("Who wrote it. Several
names: separate with commas"), so a name is a group when it says so: the
chapter's own name, or a word groups are named with ("housing committee",
"listening team", "Red de Derechos Humanos").
"""

import re

# The share card and the structured data use one rendition (og:image's size).
from home.renditions import SHARE_SPEC

# Words that name a group, not a person, in the network's languages.
GROUP_WORDS = {
    # English
    "alliance",
    "assembly",
    "association",
    "board",
    "campaign",
    "caucus",
    "center",
    "centre",
    "circle",
    "coalition",
    "collective",
    "committee",
    "council",
    "federation",
    "group",
    "initiative",
    "league",
    "members",
    "network",
    "organization",
    "project",
    "society",
    "staff",
    "team",
    "union",
    "volunteers",
    # Spanish
    "alianza",
    "asamblea",
    "asociación",
    "campaña",
    "centro",
    "círculo",
    "coalición",
    "colectivo",
    "comité",
    "consejo",
    "equipo",
    "grupo",
    "iniciativa",
    "organización",
    "proyecto",
    "red",
    "sindicato",
    "voluntarios",
}


def is_group(name: str, organizations: set[str]) -> bool:
    """Whether an author's name names a group (a committee, a chapter) rather than a person."""
    if name.casefold() in {organization.casefold() for organization in organizations}:
        return True
    return any(word in GROUP_WORDS for word in re.findall(r"\w+", name.casefold()))


def authors_data(authors: str, organizations: set[str]) -> list[dict]:
    """schema.org authors from the comma-separated field: each a Person or an Organization."""
    names = [name.strip() for name in authors.split(",") if name.strip()]
    return [
        {"@type": "Organization" if is_group(name, organizations) else "Person", "name": name}
        for name in names
    ]


def lead_image(page) -> tuple | None:
    """The page's own image, else the first image of its body, with its description."""
    image = getattr(page, "image", None)
    if image is not None:
        return image, getattr(page, "image_alt", "")
    for block in page.body:
        if block.block_type == "image" and block.value.get("image") is not None:
            return block.value["image"], block.value.get("alt_text", "")
    return None


def share_image(page) -> dict | None:
    """The page's share image: its absolute address (on the page's own site, like the
    canonical) and its description; None without one."""
    lead = page.lead_image()
    if lead is None:
        return None
    image, alt = lead
    url = image.get_rendition(SHARE_SPEC).url
    if "://" not in url:  # else a storage with its own host (object storage, a CDN)
        parts = page.get_url_parts()
        if not parts:
            return None
        url = parts[1] + url
    return {"url": url, "alt": alt}
