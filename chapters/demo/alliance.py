"""The Alliance's part of the demo network: its site, pages and shared snippets.

Text from chapters/demo/data/alliance/. Idempotent: every object is looked up by a
natural key before it is created.
"""

import json

from wagtail.models import Locale

from chapters.demo import data
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


def stream(body: list[dict]) -> str:
    """A body as written in the data, as the raw JSON a StreamField takes."""
    return json.dumps(data.blocks(body))


def publish_child(parent, page):
    page = parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def load_alliance() -> int:
    """Load the Alliance site and the shared content. Returns how many objects it created."""
    content = data.alliance()
    locale = Locale.get_default()
    had_home = AllianceHomePage.objects.filter(locale=locale).exists()
    home = ensure_alliance_site(title=content["home"]["title"])
    created = 0
    if not had_home:
        home.intro = content["home"]["intro"]
        home.body = stream(content["home"]["body"])
        home.save_revision().publish()
        created += 1
    created += _rights(content["rights"], locale)
    created += _principle_sets(content["principle_sets"], locale)
    created += _resources(content["resources"], locale)
    created += _pages(home, content)
    return created


def _rights(rights: list[dict], locale: Locale) -> int:
    created = 0
    for order, fields in enumerate(rights):
        _, was_created = Right.objects.get_or_create(
            slug=fields["slug"], locale=locale, defaults={**fields, "sort_order": order}
        )
        created += was_created
    return created


def _principle_sets(sets: list[dict], locale: Locale) -> int:
    """Each set, and its principles numbered in the order they are listed."""
    created = 0
    for item in sets:
        fields = {k: v for k, v in item.items() if k != "principles"}
        principle_set, was_created = PrincipleSet.objects.get_or_create(
            title=item["title"], locale=locale, defaults=fields
        )
        created += was_created
        for number, principle in enumerate(item["principles"], start=1):
            _, was_created = Principle.objects.get_or_create(
                principle_set=principle_set,
                sort_order=number,
                locale=locale,
                defaults=principle,
            )
            created += was_created
    return created


def _resources(resources: list[dict], locale: Locale) -> int:
    created = 0
    for item in resources:
        fields = {k: v for k, v in item.items() if k != "topics"}
        if Resource.objects.filter(title=item["title"], locale=locale).exists():
            continue
        resource = Resource(locale=locale, **fields)
        resource.topics.set(item["topics"])
        resource.save()
        created += 1
    return created


def _pages(home: AllianceHomePage, content: dict) -> int:
    """The Alliance's pages, in the menu: standard pages, then the principles and the
    resource library pages."""
    created = 0
    children = {page.slug for page in home.get_children()}
    for page in content["pages"]:
        if page["slug"] not in children:
            publish_child(
                home,
                StandardPage(
                    title=page["title"],
                    slug=page["slug"],
                    intro=page["intro"],
                    body=stream(page["body"]),
                    show_in_menus=True,
                ),
            )
            created += 1
    for page_class, fields in [
        (PrinciplesPage, content["principles_page"]),
        (ResourceLibraryPage, content["resource_library_page"]),
    ]:
        if fields["slug"] not in children:
            publish_child(home, page_class(show_in_menus=True, **fields))
            created += 1
    return created
