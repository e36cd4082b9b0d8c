"""Child processes of the benchmark and the CPU time they spend.

CPU time is what a loaded machine distorts least: wall-clock latency grows with
every other process on the cores, the CPU a request costs our server does not.
"""

import http.client
import os
import signal
import socket
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

TICKS = os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _stat(pid: int) -> list[str] | None:
    """/proc/<pid>/stat's fields after the command name (which may hold spaces)."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None  # gone meanwhile
    return text.rpartition(")")[2].split()


def _children() -> dict[int, list[int]]:
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit() and (fields := _stat(int(entry.name))):
            children.setdefault(int(fields[1]), []).append(int(entry.name))
    return children


def tree(pid: int) -> list[int]:
    """`pid` and every process below it."""
    children, found, todo = _children(), [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(children.get(current, ()))
    return found


def cpu_seconds(pid: int) -> float:
    """User + system CPU of the process tree under `pid`, including children that
    already ended (their time is in their parent's cutime/cstime once reaped:
    a PostgreSQL backend that closed, a gunicorn worker that was replaced)."""
    ticks = 0
    for member in tree(pid):
        fields = _stat(member)
        if fields:
            # After the name: state ppid ... utime(12) stime(13) cutime(14) cstime(15).
            ticks += sum(int(value) for value in fields[11:15])
    return ticks / TICKS


@dataclass
class Child:
    """A server the benchmark started; `stop()` ends it and every process below it."""

    name: str
    process: subprocess.Popen
    log: Path
    port: int = 0
    extra: dict = field(default_factory=dict)

    @property
    def pid(self) -> int:
        return self.process.pid

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def tail(self, lines: int = 30) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""


def start(name: str, argv: list[str], *, log: Path, env: dict, cwd: Path, port: int = 0) -> Child:
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("w") as out:
        process = subprocess.Popen(  # noqa: S603 - fixed programs, our arguments
            argv, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT
        )
    return Child(name, process, log, port)


def get(port: int, host: str, path: str, timeout: float = 60) -> tuple[int, bytes]:
    """One GET as the proxy in front of production sends it (HTTPS said by a header);
    redirects are answers, not followed."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path, headers={"Host": host, "X-Forwarded-Proto": "https"})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def wait_for_http(child: Child, host: str, path: str = "/", timeout: float = 120) -> None:
    """Until the server answers anything over HTTP (a 404 or a redirect is an answer)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            get(child.port, host, path, timeout=30)
            return
        except OSError:
            if child.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"{child.name} did not start:\n{child.tail()}") from None
            time.sleep(0.3)


def wait_for_port(child: Child, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            socket.create_connection(("127.0.0.1", child.port), timeout=1).close()
            return
        except OSError:
            if child.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"{child.name} did not start:\n{child.tail()}") from None
            time.sleep(0.1)
