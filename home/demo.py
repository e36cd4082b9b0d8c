"""The Alliance's part of the demo network: shared snippets and national pages.

Idempotent: every object is looked up by a natural key before it is created.
"""

import json

from wagtail.models import Locale

from home import demo_content as content
from home.demo_es import load_alliance_es
from home.models import (
    AllianceHomePage,
    Principle,
    PrincipleSet,
    PrinciplesPage,
    Resource,
    ResourceLibraryPage,
    Right,
    StandardPage,
)
from home.setup import ensure_alliance_site


def stream(blocks: list[tuple[str, object]]) -> str:
    """Demo bodies are written as (block type, value) pairs; StreamField takes raw JSON."""
    return json.dumps([{"type": kind, "value": value} for kind, value in blocks])


def publish_child(parent, page):
    page = parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def load_alliance() -> int:
    """Load the Alliance site and the shared content. Returns how many objects it created."""
    created = 0
    locale = Locale.get_default()
    had_home = AllianceHomePage.objects.filter(locale=locale).exists()
    home = ensure_alliance_site(title=content.ALLIANCE_HOME["title"])
    if not had_home:
        home.intro = content.ALLIANCE_HOME["intro"]
        home.body = stream(content.ALLIANCE_HOME["body"])
        home.save_revision().publish()
        created += 1

    for order, data in enumerate(content.RIGHTS):
        _, was_created = Right.objects.get_or_create(
            slug=data["slug"], locale=locale, defaults={**data, "sort_order": order}
        )
        created += was_created

    for data in content.PRINCIPLE_SETS:
        fields = {k: v for k, v in data.items() if k != "principles"}
        principle_set, was_created = PrincipleSet.objects.get_or_create(
            title=data["title"], locale=locale, defaults=fields
        )
        created += was_created
        for number, principle in enumerate(data["principles"], start=1):
            _, was_created = Principle.objects.get_or_create(
                principle_set=principle_set,
                sort_order=number,
                locale=locale,
                defaults=principle,
            )
            created += was_created

    for data in content.RESOURCES:
        fields = {k: v for k, v in data.items() if k != "topics"}
        if Resource.objects.filter(title=data["title"], locale=locale).exists():
            continue
        resource = Resource(locale=locale, **fields)
        resource.topics.set(data["topics"])
        resource.save()
        created += 1

    children = {page.slug for page in home.get_children()}
    for data in content.ALLIANCE_PAGES:
        if data["slug"] not in children:
            publish_child(
                home,
                StandardPage(
                    title=data["title"],
                    slug=data["slug"],
                    intro=data["intro"],
                    body=stream(data["body"]),
                    show_in_menus=True,
                ),
            )
            created += 1
    for page_class, data in [
        (PrinciplesPage, content.PRINCIPLES_PAGE),
        (ResourceLibraryPage, content.RESOURCE_LIBRARY_PAGE),
    ]:
        if data["slug"] not in children:
            publish_child(home, page_class(show_in_menus=True, **data))
            created += 1
    created += load_alliance_es()
    return created
