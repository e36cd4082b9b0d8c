"""Loading the whole demo network, in the order its parts depend on one another."""

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
