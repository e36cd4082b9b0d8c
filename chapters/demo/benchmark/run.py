"""The benchmark from start to end: cluster, data, servers, load, tables.

Every server it starts (PostgreSQL, Redis, gunicorn) is a child of this process
and stopped when it ends, however it ends; the databases stay on disk.
"""

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from chapters.demo.benchmark import processes
from chapters.demo.benchmark.bakery import Bakerydemo
from chapters.demo.benchmark.cluster import Cluster
from chapters.demo.benchmark.processes import Child, cpu_seconds
from chapters.demo.benchmark.report import Row, Table, render
from chapters.demo.benchmark.wrk import run_wrk

SECRET = "bench-" + "Zq7!xR2@mW9#" * 4  # the production settings want a strong key
# Variables of the calling shell that would point the servers elsewhere.
NOT_INHERITED = ("DJANGO_SETTINGS_MODULE", "DATABASE_URL", "REDIS_URL", "SECRET_KEY", "DEBUG")
CACHED_TIMEOUT = "600"
# Fewer requests than this in wrk's time: the page is measured one request at a time.
SLOW = 10


@dataclass
class Options:
    sizes: list[str]
    seconds: int
    connections: int
    workers: int
    bakerydemo: Path | None
    cache_run: bool
    fresh: bool
    folder: Path
    output: Path


def clean_env() -> dict:
    return {k: v for k, v in os.environ.items() if k not in NOT_INHERITED}


class Benchmark:
    def __init__(self, options: Options, say: Callable[[str], None]):
        self.options, self.started = options, time.monotonic()
        self.say = lambda line: say(f"[{time.monotonic() - self.started:4.0f} s] {line}")
        self.folder = options.folder
        self.cluster = Cluster(self.folder / "pg")
        self.children: list[Child] = []
        self.redis: Child | None = None

    # --- servers -------------------------------------------------------------

    def start_redis(self) -> Child:
        port = processes.free_port()
        argv = [shutil.which("redis-server") or "redis-server", "--port", str(port)]
        argv += ["--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
        child = processes.start("redis", argv, log=self.folder / "redis.log", env=clean_env(),
                                cwd=self.folder, port=port)  # fmt: skip
        self.children.append(child)
        processes.wait_for_port(child)
        return child

    def flush_redis(self) -> None:
        import redis

        redis.Redis(port=self.redis.port).flushall()

    def our_env(self, database: str, cached: bool, hosts: list[str] = ()) -> dict:
        size = database.removeprefix("hrc_").removesuffix("_build")
        media = self.folder / "media" / size
        return {
            **clean_env(),
            "DJANGO_SETTINGS_MODULE": "network_site.settings.production",
            "SECRET_KEY": SECRET,
            "DATABASE_URL": self.cluster.url(database),
            "REDIS_URL": f"redis://127.0.0.1:{self.redis.port}/0",
            "PAGE_CACHE_TIMEOUT": CACHED_TIMEOUT if cached else "0",
            "ALLOWED_HOSTS": ",".join(["localhost", ".localhost", "127.0.0.1", *hosts]),
            "STATIC_ROOT": str(self.folder / "static"),
            "MEDIA_ROOT": str(media / "public"),
            "PRIVATE_MEDIA_ROOT": str(media / "private"),
            "CHAPTER_EXPORT_DIR": str(media / "exports"),
        }

    def python(self, env: dict, *args: str, what: str) -> str:
        result = subprocess.run(  # noqa: S603 - our own modules, fixed arguments
            [sys.executable, *args], cwd=settings.BASE_DIR, env=env,
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        if result.returncode:
            raise RuntimeError(f"{what} failed:\n{result.stderr[-4000:]}{result.stdout[-2000:]}")
        return result.stdout

    def gunicorn(self, name: str, argv: list[str], env: dict, cwd: Path, host: str) -> Child:
        port = processes.free_port()
        argv = [a.replace("{port}", str(port)) for a in argv]
        child = processes.start(name, argv, log=self.folder / "logs" / f"{name}.log", env=env,
                                cwd=cwd, port=port)  # fmt: skip
        self.children.append(child)
        processes.wait_for_http(child, host)
        return child

    def our_gunicorn_argv(self) -> list[str]:
        workers = str(self.options.workers)
        return [sys.executable, "-m", "gunicorn", "network_site.wsgi", "--bind",
                "127.0.0.1:{port}", "--workers", workers, "--timeout", "60"]  # fmt: skip

    def stop(self, child: Child) -> None:
        child.stop()
        self.children.remove(child)

    # --- data ----------------------------------------------------------------

    def network(self, size: str) -> str:
        """The database of a network of this size, generated the first time."""
        name, build = f"hrc_{size}", f"hrc_{size}_build"
        dev = {
            **self.our_env(build, cached=False),
            "DJANGO_SETTINGS_MODULE": "network_site.settings.dev",
        }
        if self.options.fresh or not self.cluster.exists(name):
            self.say(f"Generating the {size} network (once; kept in {self.cluster.data})…")
            shutil.rmtree(self.folder / "media" / size, ignore_errors=True)
            self.cluster.create(build)
            started = time.monotonic()
            self.python(dev, "manage.py", "migrate", "--noinput", what="migrate")
            self.python(dev, "-m", "chapters.demo.benchmark.inside", "load", size, what="load")
            self.cluster.analyze(build)
            self.cluster.rename(build, name)
            self.say(f"  generated in {time.monotonic() - started:.0f} s")
        else:  # the code may have new migrations since the network was made
            dev["DATABASE_URL"] = self.cluster.url(name)
            self.python(dev, "manage.py", "migrate", "--noinput", what="migrate")
        return name

    def chapters_in(self, database: str) -> int:
        return int(self.cluster.sql("SELECT count(*) FROM chapters_chapter", database))

    # --- measuring -----------------------------------------------------------

    def fetch(self, server: Child, page: dict) -> int:
        """One request as wrk will send it; the size of the body. Anything but a 200 stops
        the benchmark: measuring an error page would say nothing about the page."""
        status, body = processes.get(server.port, page["host"], page["path"])
        if status != 200:
            raise RuntimeError(f"{page['label']}: {page['host']}{page['path']} answered {status}")
        return len(body)

    def measure(self, server: Child, page: dict) -> Row:
        for _ in range(3):  # warm: imports, templates, the site cache, the page cache
            size = self.fetch(server, page)
        pids = (server.pid, self.cluster.postmaster_pid, self.redis.pid)
        before = [cpu_seconds(pid) for pid in pids]
        keep = self.folder / "logs" / f"wrk-{server.name}-{page['label'].replace(' ', '-')}.txt"
        load = run_wrk(f"http://127.0.0.1:{server.port}{page['path']}", page["host"],
                       self.options.seconds, self.options.connections, keep)  # fmt: skip
        requests, rate, p50, p99 = load.requests, load.rate, load.p50_ms, load.p99_ms
        if requests < SLOW:
            # Too few for wrk's figures (the requests still in flight when it stops
            # would weigh on each one): one request at a time, nothing left over.
            before = [cpu_seconds(pid) for pid in pids]
            times = sorted(self.timed_fetch(server, page) for _ in range(3))
            requests, rate, p50, p99 = 3, 3000 / sum(times), times[1], times[2]
        spent = [cpu_seconds(pid) - b for pid, b in zip(pids, before, strict=True)]
        web, db, cache = (1000 * s / requests for s in spent)
        label = page["label"] + (" (3 one by one)" if load.requests < SLOW else "")
        return Row(label, page["kind"], rate, web, db, cache, p50, p99, page["queries"],
                   size / 1024, load.errors)  # fmt: skip

    def timed_fetch(self, server: Child, page: dict) -> float:
        started = time.monotonic()
        self.fetch(server, page)
        return (time.monotonic() - started) * 1000

    def measure_all(self, table: Table, server: Child, pages: list[dict]) -> Table:
        for page in pages:
            table.rows.append(self.measure(server, page))
            self.say(f"  {page['label']}: {table.rows[-1].rate:.0f} req/s")
        return table

    # --- the projects --------------------------------------------------------

    def ours(self, size: str) -> list[Table]:
        database = self.network(size)
        env = self.our_env(database, cached=False)
        self.say(f"{size}: one page of each type, and its queries…")
        pages = json.loads(self.python(env, "-m", "chapters.demo.benchmark.inside", "pages",
                                       what="finding the pages").splitlines()[-1])  # fmt: skip
        hosts = sorted({page["host"] for page in pages})
        label = f"{size} ({self.chapters_in(database)} chapters)"
        tables = []
        for cached in (False, True) if self.options.cache_run else (False,):
            self.flush_redis()
            env = self.our_env(database, cached, hosts)
            server = self.gunicorn(f"ours-{size}", self.our_gunicorn_argv(), env,
                                   settings.BASE_DIR, hosts[0])  # fmt: skip
            self.say(f"ours · {label} · {'cached' if cached else 'uncached'}")
            try:
                tables.append(self.measure_all(Table("ours", label, cached), server, pages))
            finally:
                self.stop(server)
        return tables

    def bakery(self) -> Table:
        bakery = Bakerydemo(self.options.bakerydemo, self.folder / "logs")
        # Its site root paths and ours share Wagtail's cache key: start it empty.
        self.flush_redis()
        self.say(f"bakerydemo: its virtualenv in {bakery.venv} (once)…")
        bakery.install()
        env = bakery.env({**clean_env(), "REDIS_URL": f"redis://127.0.0.1:{self.redis.port}"},
                         self.cluster.url("bakerydemo"))  # fmt: skip
        if self.options.fresh or not self.cluster.exists("bakerydemo"):
            self.cluster.create("bakerydemo_build")
            bakery.load({**env, "DATABASE_URL": self.cluster.url("bakerydemo_build")})
            self.cluster.analyze("bakerydemo_build")
            self.cluster.rename("bakerydemo_build", "bakerydemo")
        bakery.manage(env, "migrate", "--noinput")
        pages = bakery.pages(env)
        self.flush_redis()
        argv = bakery.gunicorn_argv(self.options.workers)
        server = self.gunicorn("bakerydemo", argv, env, bakery.dir, "localhost")
        self.say("bakerydemo · its production settings · no page cache of its own")
        try:
            table = Table("bakerydemo", "its demo data", False, "production settings")
            return self.measure_all(table, server, pages)
        finally:
            self.stop(server)

    def run(self) -> str:
        """Every table, in the terminal and the Markdown file; the tables measured
        before a failure are written too, then the failure is raised."""
        self.folder.mkdir(parents=True, exist_ok=True)
        # A `kill` ends the run through the `finally` below, servers and all.
        signal.signal(signal.SIGTERM, lambda *_: sys.exit("benchmark stopped"))
        tables, bakery = [], None
        self.cluster.start()
        try:
            self.redis = self.start_redis()
            static = self.our_env("postgres", cached=False)
            self.say("collectstatic…")
            self.python(static, "manage.py", "collectstatic", "--noinput", what="collectstatic")
            for size in self.options.sizes:
                tables += self.ours(size)
            bakery = self.bakery() if self.options.bakerydemo else None
        finally:
            for child in list(self.children):
                self.stop(child)
            self.cluster.stop()
            report = self.write(tables + ([bakery] if bakery else []), bakery)
        return report

    def write(self, tables: list[Table], bakery: Table | None) -> str:
        header = (
            f"gunicorn, {self.options.workers} sync workers, production settings, PostgreSQL "
            f"{self.cluster.bin.parent.name}, Redis as the shared cache; wrk, "
            f"{self.options.connections} connections, {self.options.seconds:g} s a page; "
            f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}. CPU ms are per "
            "request: web = gunicorn's processes, db = PostgreSQL's, redis = Redis's."
        )
        self.options.output.parent.mkdir(parents=True, exist_ok=True)
        markdown = f"## Benchmark, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}\n\n"
        self.options.output.write_text(markdown + header + "\n\n" + render(tables, bakery, True))
        return header + "\n\n" + render(tables, bakery, False)
