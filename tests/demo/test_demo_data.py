"""The demo's data files (chapters/demo/data/): a translation names only what exists in
English, so a mistyped key is caught here rather than leaving a page untranslated."""

import pytest

from chapters.demo import data

LANGUAGES = data.languages()


def test_the_demo_has_spanish_and_every_chapter_in_order():
    assert "es" in LANGUAGES
    assert [c["hostname"] for c in data.chapters()][0] == "corvale.localhost"
    assert len({c["hostname"] for c in data.chapters()}) == len(data.network()["chapters"])


@pytest.mark.parametrize("language", LANGUAGES)
def test_alliance_translations_name_english_originals(language):
    english, translated = data.alliance(), data.alliance_translation(language)
    assert set(translated.get("rights", {})) <= {r["slug"] for r in english["rights"]}
    assert set(translated.get("resources", {})) <= {r["title"] for r in english["resources"]}
    pages = [*english["pages"], english["principles_page"], english["resource_library_page"]]
    assert set(translated.get("pages", {})) <= {p["slug"] for p in pages}
    sets = {s["title"]: s for s in english["principle_sets"]}
    for title, item in translated.get("principle_sets", {}).items():
        assert title in sets, title
        principles = {p["title"] for p in sets[title]["principles"]}
        assert set(item.get("principles", {})) <= principles, title
    pages = {p["slug"] for p in data.network()["network_pages"]}
    assert set(data.network_translation(language).get("network_pages", {})) <= pages


@pytest.mark.parametrize("language", LANGUAGES)
def test_chapter_translations_name_english_originals(language):
    for chapter in data.chapters():
        translated = data.chapter_translation(chapter["hostname"], language)
        if not translated:
            continue
        assert language in chapter["languages"], chapter["hostname"]
        for key in ("stories", "events", "archive"):
            slugs = {item["slug"] for item in chapter.get(key, [])}
            assert set(translated.get(key, {})) <= slugs, (chapter["hostname"], key)


def test_chapters_tag_only_rights_and_principles_the_alliance_has():
    alliance = data.alliance()
    rights = {r["slug"] for r in alliance["rights"]}
    principles = {
        (s["short_title"], number)
        for s in alliance["principle_sets"]
        for number in range(1, len(s["principles"]) + 1)
    }
    for chapter in data.chapters():
        for key in ("stories", "events", "archive"):
            for item in chapter.get(key, []):
                assert set(item["rights"]) <= rights, item["slug"]
                assert {tuple(p) for p in item.get("principles", [])} <= principles, item["slug"]
