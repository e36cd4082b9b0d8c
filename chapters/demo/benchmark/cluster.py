"""The benchmark's own PostgreSQL cluster, kept on disk between runs.

Generating 500 chapters takes minutes, so each network is generated once into a
database of its own (`hrc_demo`, `hrc_100`, `hrc_500`, `bakerydemo`) and reused:
a database is built under a temporary name and renamed when complete, so an
interrupted build is never mistaken for a finished one. The server runs only
while the benchmark does.
"""

import os
import shutil
import subprocess
from pathlib import Path

from chapters.demo.benchmark.processes import free_port

# Tuned for a throwaway benchmark machine: no durability, same read path.
SERVER_OPTIONS = "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"


class ClusterError(RuntimeError):
    """The cluster cannot be started or used; the message says what to do."""


def postgres_bin() -> Path:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: p.parent)
    if not found:
        raise ClusterError("PostgreSQL server binaries are missing: apt-get install postgresql")
    return found[-1].parent


class Cluster:
    def __init__(self, folder: Path):
        self.folder = folder
        self.data = folder / "data"
        self.bin = postgres_bin()
        self.port = 0
        self.root = os.geteuid() == 0  # postgres refuses to run as root

    def _run(self, *argv: str, check: bool = True) -> subprocess.CompletedProcess:
        command = [str(self.bin / argv[0]), *argv[1:]]
        if self.root:
            command = ["runuser", "-u", "postgres", "--", *command]
        result = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
        if check and result.returncode:
            raise ClusterError(f"{argv[0]} failed: {result.stderr.strip() or result.stdout}")
        return result

    def start(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        if self.root:
            shutil.chown(self.folder, "postgres")
        if self._run("pg_ctl", "-D", str(self.data), "status", check=False).returncode == 0:
            raise ClusterError(
                f"a benchmark PostgreSQL is already running on {self.data} (another run?); "
                f"stop it with: {self.bin}/pg_ctl -D {self.data} stop"
            )
        if not (self.data / "PG_VERSION").exists():
            self._run(
                "initdb",
                "-D",
                str(self.data),
                "-U",
                "postgres",
                "--auth=trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
            )
        self.port = free_port()
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 {SERVER_OPTIONS}"
        log = str(self.folder / "server.log")
        self._run("pg_ctl", "-D", str(self.data), "-l", log, "-w", "start", "-o", options)

    def stop(self) -> None:
        if self.port:
            self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop", check=False)
            self.port = 0

    @property
    def postmaster_pid(self) -> int:
        """The server's first process: every backend and helper is its child."""
        return int((self.data / "postmaster.pid").read_text().split()[0])

    def url(self, database: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def sql(self, statement: str, database: str = "postgres") -> str:
        result = self._run(
            "psql", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "-d", database,
            "-XAtq", "-v", "ON_ERROR_STOP=1", "-c", statement,
        )  # fmt: skip
        return result.stdout.strip()

    def exists(self, database: str) -> bool:
        # Our own fixed names (hrc_demo, hrc_100, bakerydemo): nothing a stranger sends.
        found = self.sql(f"SELECT 1 FROM pg_database WHERE datname = '{database}'")  # noqa: S608
        return found == "1"

    def create(self, database: str) -> None:
        self.sql(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        self.sql(f'CREATE DATABASE "{database}"')

    def rename(self, old: str, new: str) -> None:
        self.sql(f'DROP DATABASE IF EXISTS "{new}" WITH (FORCE)')
        self.sql(f'ALTER DATABASE "{old}" RENAME TO "{new}"')

    def analyze(self, database: str) -> None:
        """Fresh planner statistics and visibility maps, as a network that has run a while."""
        self.sql("VACUUM ANALYZE", database)
