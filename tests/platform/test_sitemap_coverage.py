"""Guard: every public page type is in its site's sitemap, nothing else is, and every
hreflang alternate is reciprocal, in the sitemap and on the pages themselves.

One page of every page type of ours (and a right's page), some of them translated,
beside a draft, a password-protected story, and archive entries that are
withdrawn, pending or for members only. Each page is fetched once.
"""

import datetime

import pytest
from wagtail.models import Locale, Page, PageViewRestriction, get_page_models

from chapters.models import (
    ArchiveIndexPage,
    ChapterDirectoryPage,
    EventIndexPage,
    NetworkEventsPage,
    NetworkStoriesPage,
    StoryIndexPage,
)
from home.models import PrinciplesPage, ResourceLibraryPage, Right, StandardPage
from tests.conftest import ALLIANCE_HOST, RIVERSIDE_HOST
from tests.meta_tags import hreflangs, link_href, sitemap
from tests.pages import add_entry, add_event, add_story, publish, section, translate

pytestmark = pytest.mark.django_db


def build_public_pages(network, rights_page) -> dict[str, list]:
    """One public page of every type (some translated), by host; the right's pages too."""
    alliance = [
        network.alliance,
        publish(network.alliance, StandardPage(title="About", slug="about")),
        publish(network.alliance, PrinciplesPage(title="Principles", slug="principles")),
        publish(network.alliance, ResourceLibraryPage(title="Resources", slug="resources")),
        publish(network.alliance, ChapterDirectoryPage(title="Chapters", slug="chapters")),
        publish(network.alliance, NetworkStoriesPage(title="Stories", slug="stories")),
        publish(network.alliance, NetworkEventsPage(title="Events", slug="events")),
        rights_page,
    ]
    alliance += [translate(network.alliance), translate(alliance[1], slug="sobre-nosotros")]
    alliance.append(translate(rights_page))
    housing = Right.objects.get(slug="housing", locale=Locale.get_default())
    vivienda = housing.copy_for_translation(Locale.objects.get(language_code="es"))
    vivienda.name, vivienda.slug = "Derecho a la vivienda", "vivienda"
    vivienda.save()

    home = network.riverside
    story = add_story(home, "Rent strike", rights=[housing])
    riverside = [
        home,
        publish(home, StandardPage(title="About us", slug="about-us")),
        section(home, StoryIndexPage),
        story,
        section(home, EventIndexPage),
        add_event(home, "Assembly", start_date=datetime.date(2030, 5, 1)),
        section(home, ArchiveIndexPage),
        add_entry(home, "Open testimony"),
        translate(story, title="Huelga de alquileres", slug="huelga-de-alquileres"),
    ]
    return {ALLIANCE_HOST: alliance, RIVERSIDE_HOST: riverside}


def hidden_pages(network) -> list[str]:
    """Slugs of pages the public may not see, by every way a page is hidden."""
    home = network.riverside
    protected = add_story(home, "Password story")
    PageViewRestriction.objects.create(
        page=protected, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    add_story(home, "Draft story", live=False)
    add_entry(home, "Withdrawn testimony", consent_status="withdrawn")
    add_entry(home, "Pending testimony", consent_status="pending")
    add_entry(home, "Members testimony", consent_scope="members")
    return ["password-story", "draft-story", "withdrawn-testimony", "pending", "members-"]


def language(url: str) -> str:
    return url.split("/")[3]


def assert_reciprocal(alternates: dict[str, dict[str, str]], where: str) -> None:
    """If A names B as its `es` version, B names A as its `en` version (and B is there)."""
    for url, links in alternates.items():
        for code, other in links.items():
            if code == "x-default":
                continue
            assert language(other) == code, (where, url, code, other)
            assert other in alternates, (where, url, "names", other, "which is not listed")
            assert alternates[other].get(language(url)) == url, (where, url, code, other)


def test_every_public_page_type_is_in_the_sitemap_with_reciprocal_alternates(
    client, network, rights_page
):
    public = build_public_pages(network, rights_page)
    hidden = hidden_pages(network)
    ours = {m for m in get_page_models() if m._meta.app_label in ("home", "chapters")}
    assert {type(page.specific) for pages in public.values() for page in pages} == ours

    for host, pages in public.items():
        urls = sitemap(client, host)
        expected = {Page.objects.get(pk=page.pk).get_full_url() for page in pages}
        if host == ALLIANCE_HOST:  # a right's page, in both languages
            expected |= {
                f"http://{host}/en/rights/housing/",
                f"http://{host}/es/rights/vivienda/",
            }
        assert expected <= set(urls), expected - set(urls)
        assert not [url for url in urls if any(slug in url for slug in hidden)]
        assert_reciprocal(urls, f"{host} sitemap")

        on_pages = {}
        for url in urls:  # one fetch per page
            response = client.get(url.removeprefix(f"http://{host}"), headers={"host": host})
            assert response.status_code == 200, url
            html = response.text
            assert link_href(html, "canonical") == url
            on_pages[url] = hreflangs(html)
            # The page and the sitemap name the same alternates.
            assert on_pages[url] == (urls[url] or {"en": url, "x-default": url}), url
        assert_reciprocal(on_pages, f"{host} pages")
