"""A chapter looks like itself: its accent colour on links, headings and buttons only
as a shade that reads at WCAG AA (computed), its logo in the header, a cover on its
home; the demo's chapters each have their own drawn logo and cover."""

import re

import pytest
from django.core.exceptions import ValidationError
from wagtail.images import get_image_model
from wagtail.models import Collection

from chapters.models import ChapterSettings
from home.colours import BACKGROUNDS, contrast, palette, readable
from tests.conftest import RIVERSIDE_HOST
from tests.sample_files import png_image_file


@pytest.mark.parametrize(
    ("chosen", "kept"),
    [
        ("#1d5c8c", True),
        ("#5b2a86", True),
        ("#ffcc00", False),
        ("#ffffff", False),
        ("#7fbf7f", False),
    ],
)
def test_the_text_shade_of_any_accent_reads_at_aa_on_every_background(chosen, kept):
    shade = readable(chosen)
    assert all(contrast(shade, background) >= 4.5 for background in BACKGROUNDS)
    assert (shade == chosen) is kept
    # White on a button of that shade reads too.
    assert contrast("#ffffff", shade) >= 4.5


def test_contrast_is_the_wcag_ratio():
    assert round(contrast("#000000", "#ffffff"), 1) == 21.0
    assert round(contrast("#767676", "#ffffff"), 2) == 4.54  # the lightest AA grey on white
    assert contrast("#abcdef", "#abcdef") == 1


def riverside_settings(network) -> ChapterSettings:
    return ChapterSettings.for_site(network.site(RIVERSIDE_HOST))


def style_of(response) -> str:
    return re.search(r"<style[^>]*>(:root[^<]*)</style>", response.text)[1]


@pytest.mark.django_db
def test_a_light_accent_is_the_stripe_and_a_darker_shade_of_it_is_the_text(client, network):
    settings = riverside_settings(network)
    settings.accent_colour = "#ffcc00"
    settings.save()
    style = style_of(client.get("/en/", headers={"host": RIVERSIDE_HOST}))
    text = palette("#ffcc00").text
    assert "--accent: #ffcc00" in style and f"--link: {text}" in style
    assert text != "#ffcc00" and contrast(text, "#ffffff") >= 4.5


@pytest.mark.django_db
def test_the_logo_is_in_the_header_and_the_cover_on_the_home(client, network):
    collection = Collection.objects.get(name="Riverside")
    image = get_image_model().objects.create(
        title="Riverside mark", file=png_image_file("mark.png"), collection=collection
    )
    settings = riverside_settings(network)
    settings.logo = image
    settings.save()
    home = network.riverside
    home.cover_image = image
    home.cover_alt = ""
    with pytest.raises(ValidationError, match="Describe the cover"):
        home.full_clean()
    home.cover_alt = "Neighbors at the river"
    home.save_revision().publish()
    page = client.get("/en/", headers={"host": RIVERSIDE_HOST}).text
    header = page.split('<header class="site-header">')[1].split("</header>")[0]
    # The logo stands beside the site's name: an empty alt, the name is the link's text.
    assert re.search(
        r'<img[^>]*alt=""[^>]*class="site-logo"|<img[^>]*class="site-logo"[^>]*alt=""', header
    )
    assert "Riverside</span>" in header
    assert re.search(r'<figure class="cover"><picture>.*alt="Neighbors at the river"', page)


@pytest.mark.django_db
def test_a_cover_from_another_chapter_is_refused(network):
    hilltop = Collection.objects.get(name="Hilltop")
    theirs = get_image_model().objects.create(
        title="Hill photo", file=png_image_file("hill.png"), collection=hilltop
    )
    home = network.riverside
    home.cover_image = theirs
    home.cover_alt = "A hill"
    with pytest.raises(ValidationError, match="cover_image|Image"):
        home.full_clean()
