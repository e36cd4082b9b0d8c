"""wrk, the load generator (Debian's package), and what it reports."""

import re
import shutil
import subprocess
from dataclasses import dataclass

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


class WrkMissing(RuntimeError):
    pass


def wrk_path() -> str:
    found = shutil.which("wrk")
    if not found:
        raise WrkMissing("wrk is missing: apt-get install wrk (Debian's package)")
    return found


@dataclass(frozen=True)
class Load:
    requests: int  # completed in the run
    seconds: float
    rate: float  # requests per second
    p50_ms: float
    p99_ms: float
    errors: int  # socket errors, timeouts and responses other than 2xx/3xx


def _milliseconds(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * UNITS[unit]


def parse(output: str) -> Load:
    """wrk's text report (with --latency) as numbers."""
    done = re.search(r"(\d+) requests in ([\d.]+)(us|ms|s|m)", output)
    if not done:
        raise RuntimeError(f"not a wrk report:\n{output}")
    latency = dict(re.findall(r"^\s*(50|99)(?:\.0+)?%\s+([\d.]+(?:us|ms|s|m))\s*$", output, re.M))
    if set(latency) != {"50", "99"}:
        raise RuntimeError(f"no 50th and 99th percentile in wrk's report:\n{output}")
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output))
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return Load(
        requests=int(done.group(1)),
        seconds=_milliseconds(done.group(2) + done.group(3)) / 1000,
        rate=float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        p50_ms=_milliseconds(latency["50"]),
        p99_ms=_milliseconds(latency["99"]),
        errors=errors + (int(bad.group(1)) if bad else 0),
    )


def run_wrk(url: str, host: str, seconds: float, connections: int, keep=None) -> Load:
    """`connections` clients asking for `url` as fast as it answers, for `seconds`.
    The proxy in front of production terminates HTTPS and says so (X-Forwarded-Proto)."""
    argv = [wrk_path(), "--latency", "-t1", f"-c{connections}", f"-d{int(seconds)}s"]
    argv += ["--timeout", "30s", "-H", f"Host: {host}", "-H", "X-Forwarded-Proto: https", url]
    result = subprocess.run(argv, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode:
        raise RuntimeError(f"wrk failed: {result.stderr or result.stdout}")
    if keep:  # the report as wrk wrote it, beside the benchmark's logs
        keep.write_text(result.stdout)
    return parse(result.stdout)
