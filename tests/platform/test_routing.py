"""One install, many sites: the Host header decides which site answers."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale, Site

from tests.conftest import ALLIANCE_HOST, HILLTOP_HOST, RIVERSIDE_HOST

pytestmark = pytest.mark.django_db


def get(client, host, path):
    return client.get(path, headers={"host": host})


def test_each_hostname_serves_its_own_home(client, network):
    alliance = get(client, ALLIANCE_HOST, "/en/")
    riverside = get(client, RIVERSIDE_HOST, "/en/")
    hilltop = get(client, HILLTOP_HOST, "/en/")

    assert alliance.status_code == riverside.status_code == hilltop.status_code == 200
    assert alliance.context["page"].pk == network.alliance.pk
    assert riverside.context["page"].pk == network.riverside.pk
    assert hilltop.context["page"].pk == network.hilltop.pk
    assert "<h1>Riverside</h1>" in riverside.text
    assert "<h1>Hilltop</h1>" in hilltop.text


def test_port_in_host_header_still_finds_the_site(client, network):
    response = get(client, f"{RIVERSIDE_HOST}:8000", "/en/")
    assert response.context["page"].pk == network.riverside.pk


def test_bare_address_serves_the_home_without_redirect(client, network):
    response = get(client, f"{RIVERSIDE_HOST}:8000", "/")
    assert response.status_code == 200
    assert response.context["page"].pk == network.riverside.pk
    # The canonical address carries the language.
    assert 'rel="canonical" href="http://riverside.localhost/en/"' in response.text


def test_bare_address_follows_the_browser_language(client, network):
    response = client.get("/", headers={"host": ALLIANCE_HOST, "accept-language": "es"})
    assert response.status_code == 200
    assert '<html lang="es"' in response.text


def test_unknown_hostname_falls_back_to_the_alliance(client, network):
    response = get(client, "unknown.localhost", "/en/")
    assert response.context["page"].pk == network.alliance.pk


def test_chapter_sections_answer_on_the_chapter_hostname_only(client, network):
    assert get(client, RIVERSIDE_HOST, "/en/stories/").status_code == 200
    assert get(client, RIVERSIDE_HOST, "/en/events/").status_code == 200
    assert get(client, RIVERSIDE_HOST, "/en/archive/").status_code == 200
    # The Alliance site has no /stories/ of its own and must not reach a chapter's.
    assert get(client, ALLIANCE_HOST, "/en/stories/").status_code == 404
    assert get(client, ALLIANCE_HOST, "/en/riverside/stories/").status_code == 404


def test_urls_carry_the_language(client, network):
    _site_id, root_url, path = network.riverside.get_url_parts()
    assert (root_url, path) == ("http://riverside.localhost", "/en/")
    spanish = get(client, RIVERSIDE_HOST, "/es/")
    assert spanish.status_code == 200
    assert '<html lang="es"' in spanish.text
    assert Locale.objects.filter(language_code="es").exists()


def test_search_url_is_language_prefixed():
    for language in ("en", "es"):
        with translation.override(language):
            assert reverse("search") == f"/{language}/search/"


def test_alliance_home_links_each_chapter_to_its_own_site(client, network):
    response = get(client, f"{ALLIANCE_HOST}:8000", "/en/")
    assert 'href="http://riverside.localhost:8000/"' in response.text
    assert 'href="http://hilltop.localhost:8000/"' in response.text


def test_chapter_link_keeps_the_standard_port_off_in_production(client, network):
    response = client.get("/en/", headers={"host": ALLIANCE_HOST}, secure=True)
    assert 'href="https://riverside.localhost/"' in response.text


def test_setup_alliance_moves_the_default_site_to_a_real_hostname(client, network, settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "alliance.example.org"]
    call_command("setup_alliance", "--hostname", "Alliance.Example.org")
    response = client.get("/en/", headers={"host": "alliance.example.org"})
    assert response.context["page"].pk == network.alliance.pk
    assert Site.objects.get(is_default_site=True).hostname == "alliance.example.org"
    with pytest.raises(CommandError, match="hostname: 'not valid' is not a valid hostname"):
        call_command("setup_alliance", "--hostname", "not valid")


def test_setup_alliance_keeps_the_https_port_it_was_given(client, network, settings):
    """Behind HTTPS the Site's port is 443, so canonical addresses say https://; running
    setup again (as a deploy script does) must not put them back on http://."""
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "alliance.example.org"]
    call_command("setup_alliance", "--hostname", "alliance.example.org", "--port", "443")
    call_command("setup_alliance", "--hostname", "alliance.example.org")
    assert Site.objects.get(is_default_site=True).port == 443
    html = client.get("/en/", headers={"host": "alliance.example.org"}, secure=True).text
    assert '<link rel="canonical" href="https://alliance.example.org/en/">' in html
    with pytest.raises(CommandError, match="port: 70000 is not a port"):
        call_command("setup_alliance", "--port", "70000")


def test_pages_route_in_two_queries_and_keep_wagtails_rules(client, network):
    """home/routing.py reads the pages on the way in one query: a section's privacy
    still covers the pages under it, a routable section still answers its own
    sub-routes before its children, and a missing page is still a 404."""
    from wagtail.models import PageViewRestriction

    from chapters.models import StoryIndexPage
    from tests.pages import add_story, section

    story = add_story(network.riverside, "Behind a password")
    path = story.get_url_parts()[2]
    assert get(client, RIVERSIDE_HOST, path).status_code == 200
    assert get(client, RIVERSIDE_HOST, "/en/stories/feed/")["content-type"].startswith(
        "application/rss+xml"
    )
    assert get(client, RIVERSIDE_HOST, "/en/stories/no-such-story/").status_code == 404
    assert get(client, RIVERSIDE_HOST, f"{path}no-such-page/").status_code == 404
    index = section(network.riverside, StoryIndexPage)
    PageViewRestriction.objects.create(page=index, restriction_type="password", password="x")
    response = get(client, RIVERSIDE_HOST, path)
    assert "Summary of Behind a password." not in response.text
    assert 'name="password"' in response.text
