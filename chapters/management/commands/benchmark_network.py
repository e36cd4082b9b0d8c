import shutil
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from chapters.demo.benchmark.run import Benchmark, Options

MAX_CHAPTERS = 5000
BASE = Path(settings.BASE_DIR)


def parse_sizes(text: str) -> list[str]:
    sizes = [part.strip() for part in text.split(",") if part.strip()]
    for size in sizes:
        if size != "demo" and not (
            size.isascii() and size.isdigit() and 0 < int(size) <= MAX_CHAPTERS
        ):
            raise CommandError(
                f"--sizes: {size!r} is neither 'demo' nor a number of chapters "
                f"from 1 to {MAX_CHAPTERS}"
            )
    if not sizes:
        raise CommandError("--sizes: give at least one size, e.g. demo,100,500")
    return list(dict.fromkeys(sizes))


class Command(BaseCommand):
    help = (
        "Benchmark the public pages through HTTP: gunicorn on production settings, a "
        "PostgreSQL cluster of the benchmark's own (var/benchmark/, generated networks kept "
        "between runs), Redis, and wrk; req/s, CPU per request, p50/p99, queries and size per "
        "page, uncached and cached, and bakerydemo's like pages beside ours (--bakerydemo)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--sizes",
            default="demo,100,500",
            help="Networks: 'demo' and/or numbers of generated chapters.",
        )
        parser.add_argument("--seconds", type=int, default=5, help="wrk's time per page.")
        parser.add_argument("--connections", type=int, default=2, help="wrk's connections.")
        parser.add_argument("--workers", type=int, default=2, help="gunicorn's sync workers.")
        parser.add_argument(
            "--bakerydemo",
            type=Path,
            default=None,
            help="A wagtail/bakerydemo checkout to measure beside ours.",
        )
        parser.add_argument(
            "--no-cache-run", action="store_true", help="Measure only with the page cache off."
        )
        parser.add_argument(
            "--fresh",
            action="store_true",
            help="Generate the networks (and bakerydemo's data) again.",
        )
        parser.add_argument(
            "--folder",
            type=Path,
            default=BASE / "var" / "benchmark",
            help="Where the cluster and media are kept (default var/benchmark/).",
        )
        parser.add_argument(
            "--output",
            type=Path,
            default=BASE / "artifacts" / "benchmark.md",
            help="The Markdown tables are written here too.",
        )

    def handle(self, *args, **options):
        run = Options(
            sizes=parse_sizes(options["sizes"]),
            seconds=int(self.number(options, "seconds", 1, 600)),
            connections=int(self.number(options, "connections", 1, 256)),
            workers=int(self.number(options, "workers", 1, 64)),
            bakerydemo=self.checkout(options["bakerydemo"]),
            cache_run=not options["no_cache_run"],
            fresh=options["fresh"],
            folder=options["folder"].resolve(),
            output=options["output"].resolve(),
        )
        for program, package in (("wrk", "wrk"), ("redis-server", "redis-server")):
            if not shutil.which(program):
                raise CommandError(f"{program} is missing: apt-get install {package}")
        try:
            report = Benchmark(run, lambda line: self.stderr.write(line)).run()
        except RuntimeError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(report)
        self.stderr.write(f"Markdown tables written to {run.output}")

    def number(self, options: dict, name: str, low: float, high: float) -> float:
        value = options[name]
        if not low <= value <= high:
            raise CommandError(f"--{name}: {value:g} is not between {low:g} and {high:g}")
        return value

    def checkout(self, folder: Path | None) -> Path | None:
        if folder is None:
            return None
        if (
            not (folder / "manage.py").is_file()
            or not (folder / "requirements" / "base.txt").is_file()
        ):
            raise CommandError(f"--bakerydemo: {folder} is not a checkout of wagtail/bakerydemo")
        return folder.resolve()
