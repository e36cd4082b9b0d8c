import statistics
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from chapters.archive.consent import record_consent
from chapters.archive.models import ArchiveEntryPage, ArchiveIndexPage
from chapters.lifecycle.onboarding import onboard_chapter


class Rollback(Exception):
    """Raised to undo the generated chapters once measured."""


class Command(BaseCommand):
    help = (
        "Measure public pages on a generated network: SQL queries and time per request. "
        "Generated chapters are rolled back afterwards; run after load_demo_network."
    )

    def add_arguments(self, parser):
        parser.add_argument("--chapters", type=int, default=50, help="Chapters to generate.")
        parser.add_argument("--requests", type=int, default=100, help="Requests per page.")
        parser.add_argument(
            "--entries",
            type=int,
            default=200,
            help="Archive entries to generate in the measured chapter, in every consent state.",
        )

    def handle(self, *args, chapters, requests, entries, **options):
        if chapters < 0 or requests < 1 or entries < 0:
            raise CommandError(
                "--chapters and --entries must be 0 or more, and --requests 1 or more"
            )
        if not Site.objects.filter(is_default_site=True).exists():
            raise CommandError("no Alliance site yet: run load_demo_network or setup_alliance")
        try:
            with transaction.atomic():
                for n in range(chapters):
                    onboard_chapter(name=f"Benchmark chapter {n}", hostname=f"bench{n}.localhost")
                self.generate_entries(entries)
                if connection.vendor == "postgresql":
                    # Fresh planner statistics, as a real network's tables would have.
                    with connection.cursor() as cursor:
                        cursor.execute("ANALYZE")
                self.measure(requests)
                raise Rollback
        except Rollback:
            pass

    def chapter_site(self) -> Site | None:
        return Site.objects.filter(is_default_site=False).order_by("pk").first()

    def generate_entries(self, count: int) -> None:
        """Archive entries in the measured chapter: a quarter public, the rest pending,
        withdrawn or for members, so the consent gate has records to sift."""
        site = self.chapter_site()
        if site is None or not count:
            return
        archive = ArchiveIndexPage.objects.descendant_of(site.root_page).first()
        states = [("given", "public"), ("pending", "public"), ("withdrawn", "public")]
        states.append(("given", "members"))
        for n in range(count):
            entry = archive.add_child(
                instance=ArchiveEntryPage(
                    title=f"Benchmark testimony {n}",
                    slug=f"benchmark-testimony-{n}",
                    summary="Generated for the benchmark: an eviction remembered.",
                    period_start=1950 + n % 70,
                )
            )
            status, scope = states[n % len(states)]
            record_consent(entry, status=status, scope=scope, channel_api=True)
            entry.save_revision().publish()

    def measure(self, requests: int) -> None:
        chapter_site = self.chapter_site()
        chapter_host = chapter_site.hostname if chapter_site else "localhost"
        pages = [
            ("Alliance home", "localhost", "/en/"),
            ("Chapter home", chapter_host, "/en/"),
            ("Chapter section", chapter_host, "/en/stories/"),
            ("Archive", chapter_host, "/en/archive/"),
            ("Archive entry", chapter_host, "/en/archive/benchmark-testimony-0/?continue=1"),
            ("Archive feed", chapter_host, "/en/archive/feed/"),
            ("Sitemap", chapter_host, "/sitemap.xml"),
            ("Site search", "localhost", "/en/search/?query=organizing"),
            ("Archive search", chapter_host, "/en/search/?query=eviction"),
        ]
        if not ArchiveEntryPage.objects.filter(slug="benchmark-testimony-0").exists():
            pages = [page for page in pages if page[0] != "Archive entry"]
        client = Client()
        sites = Site.objects.count()
        self.stdout.write(f"{sites} sites, {requests} requests per page\n")
        self.stdout.write(f"{'page':<18}{'queries':>8}{'median ms':>11}{'p95 ms':>9}{'req/s':>8}")
        for label, host, path in pages:
            client.get(path, headers={"host": host})  # warm up
            with CaptureQueriesContext(connection) as queries:
                response = client.get(path, headers={"host": host})
            query_count = len(queries)  # read now: the next request resets Django's query log
            if response.status_code != 200:
                raise CommandError(f"{label}: {host}{path} answered {response.status_code}")
            timings = []
            for _ in range(requests):
                start = time.perf_counter()
                client.get(path, headers={"host": host})
                timings.append((time.perf_counter() - start) * 1000)
            timings.sort()
            p95 = timings[int(len(timings) * 0.95) - 1]
            rate = 1000 / statistics.mean(timings)
            self.stdout.write(
                f"{label:<18}{query_count:>8}{statistics.median(timings):>11.1f}"
                f"{p95:>9.1f}{rate:>8.0f}"
            )
