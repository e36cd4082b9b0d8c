"""The benchmark command measures a generated network and leaves no trace of it."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import Site

from chapters.models import ArchiveEntryPage

pytestmark = pytest.mark.django_db


def test_benchmark_reports_each_page_and_rolls_back(network):
    sites_before = Site.objects.count()
    out = io.StringIO()
    call_command(
        "benchmark_network", "--chapters", "3", "--requests", "2", "--entries", "8", stdout=out
    )
    lines = out.getvalue().splitlines()
    assert lines[0] == f"{sites_before + 3} sites, 2 requests per page"
    rows = {line[:18].strip(): line.split() for line in lines[2:] if line.strip()}
    assert set(rows) == {
        "Alliance home",
        "Chapter home",
        "Chapter section",
        "Archive",
        "Archive entry",
        "Archive feed",
        "Sitemap",
        "Site search",
        "Archive search",
    }
    assert all(0 < int(row[-4]) <= 16 for row in rows.values())  # the query column
    assert Site.objects.count() == sites_before
    assert not ArchiveEntryPage.objects.filter(slug__startswith="benchmark-").exists()


def test_benchmark_names_a_bad_argument(network):
    with pytest.raises(CommandError, match="and --requests 1 or more"):
        call_command("benchmark_network", "--requests", "0")
