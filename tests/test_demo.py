"""The demo network: loaded by `make run`, and safe to load again."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page, Site

from chapters.demo_content import CHAPTERS
from chapters.models import ChapterHomePage
from home.models import Principle, PrincipleSet, Resource, Right

pytestmark = pytest.mark.django_db


def counts():
    return {
        "pages": Page.objects.count(),
        "sites": Site.objects.count(),
        "principle_sets": PrincipleSet.objects.count(),
        "principles": Principle.objects.count(),
        "resources": Resource.objects.count(),
        "rights": Right.objects.count(),
        "users": get_user_model().objects.count(),
    }


def test_demo_loader_is_idempotent(capsys):
    call_command("load_demo_network")
    first = counts()
    call_command("load_demo_network")
    assert counts() == first
    assert "already loaded" in capsys.readouterr().out


def test_demo_network_has_chapters_of_different_kinds(client):
    call_command("load_demo_network")
    kinds = set(
        ChapterHomePage.objects.filter(title__in=[c["name"] for c in CHAPTERS]).values_list(
            "locality_type", flat=True
        )
    )
    assert {"city", "rural", "reservation"} <= kinds
    assert {"Jemez Principles"} <= set(PrincipleSet.objects.values_list("short_title", flat=True))
    assert Resource.objects.filter(authors__startswith="Barber", year=2014).exists()

    for chapter in CHAPTERS:
        response = client.get("/en/", headers={"host": chapter["hostname"]})
        assert response.status_code == 200
        assert chapter["name"] in response.text
        # Each chapter home shows the principle sets it adopted.
        assert "Principles we have adopted" in response.text
