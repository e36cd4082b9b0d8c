"""The block library: shared content rendered live and translated; editors' mistakes caught."""

import json

import pytest
from wagtail import blocks
from wagtail.models import Locale

from home.blocks import BodyBlock, CallToActionBlock, ImageBlock
from home.models import Principle, Resource, StandardPage
from tests.conftest import RIVERSIDE_HOST

pytestmark = pytest.mark.django_db


def page_with(network, body):
    page = StandardPage(title="Our principles", slug="our-principles", body=json.dumps(body))
    network.riverside.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_principle_block_shows_the_current_translated_text(client, network):
    principle = Principle.objects.get(title="Listen first")
    resource = Resource.objects.get(title="A reading")
    page_with(
        network,
        [
            {"type": "principle", "value": {"principle": principle.pk}},
            {"type": "resources", "value": {"heading": "Read more", "resources": [resource.pk]}},
        ],
    )
    english = client.get("/en/our-principles/", headers={"host": RIVERSIDE_HOST}).text
    assert "Those most harmed speak first." in english
    assert "Doe, Jane. 2014. A reading." in english

    # The Alliance rewrites and translates the principle; the page changes with no edit.
    principle.statement = "Those most harmed speak first, always."
    principle.save()
    spanish = Locale.objects.get(language_code="es")
    principle.principle_set.copy_for_translation(spanish).save()
    translation = principle.copy_for_translation(spanish)
    translation.statement = "Quienes más daño han sufrido hablan primero."
    translation.save()
    english = client.get("/en/our-principles/", headers={"host": RIVERSIDE_HOST}).text
    assert "Those most harmed speak first, always." in english
    spanish_page = client.get("/es/our-principles/", headers={"host": RIVERSIDE_HOST}).text
    assert "Quienes más daño han sufrido hablan primero." in spanish_page


def test_every_block_has_icon_template_description_and_preview():
    for name, block in BodyBlock().child_blocks.items():
        meta = block.meta
        assert meta.icon and meta.icon != "placeholder", name
        assert meta.template, name
        assert meta.description, name
        assert meta.preview_value is not None, name


def test_image_needs_alt_text():
    with pytest.raises(blocks.StructBlockValidationError) as error:
        ImageBlock().clean({"image": None, "alt_text": "", "caption": ""})
    assert "alt_text" in error.value.block_errors


def test_call_to_action_needs_exactly_one_link():
    block = CallToActionBlock()
    value = {"heading": "Join", "text": "", "button_label": "Go", "page": None, "url": ""}
    with pytest.raises(blocks.StructBlockValidationError):
        block.clean(value)
    cleaned = block.clean({**value, "url": "https://example.org/"})
    assert cleaned.get_url() == "https://example.org/"
