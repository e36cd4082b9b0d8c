"""Loading the whole demo network, in the order its parts depend on one another."""

from wagtail.models import Site

from chapters.demo import data
from chapters.demo.alliance import load_alliance
from chapters.demo.archive_files import load_archive_files
from chapters.demo.chapter import load_chapter
from chapters.demo.network_pages import load_network_pages
from chapters.demo.people import add_network_people
from chapters.demo.translations import load_alliance_translations, load_chapter_translations


def load_demo_network() -> int:
    """The Alliance (and its translations), the network's people, every chapter, the
    network-wide pages, the archive entries with files, then the chapters' translations.
    Returns how many objects it created or updated (0 when everything is there)."""
    created = load_alliance() + load_alliance_translations()
    add_network_people(data.network()["people"])
    chapters = data.chapters()
    for chapter in chapters:
        created += load_chapter(chapter)
    created += load_network_pages()
    for chapter in chapters:
        created += load_archive_files(chapter["hostname"], chapter.get("archive_with_files", []))
    created += load_chapter_translations()
    return created


def serve_on_port(port: int) -> int:
    """Give every demo site (`localhost`, `*.localhost`) the port the demo is served on.

    Wagtail builds absolute addresses (canonical, og:url, the sitemap, the API,
    the links in emails) from the Site's port, so a demo served on 8772 with
    sites stored at 80 would send readers to a port nothing listens on. Runs on
    every load, so loading again on another port moves the sites. Returns how
    many sites changed.
    """
    demo_sites = Site.objects.filter(hostname="localhost") | Site.objects.filter(
        hostname__endswith=".localhost"
    )
    moved = demo_sites.exclude(port=port).update(port=port)
    if moved:
        # Wagtail keeps every site's root address in the shared cache.
        Site.clear_site_root_paths_cache()
    return moved
