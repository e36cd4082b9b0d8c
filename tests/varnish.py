"""Real Varnish (Debian's varnishd) in front of a test server, with our VCL
(deploy/varnish/default.vcl) pointed at that server's port."""

import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

VCL = Path(settings.BASE_DIR, "deploy", "varnish", "default.vcl")


def varnishd() -> str:
    return shutil.which("varnishd") or "/usr/sbin/varnishd"


@dataclass
class Varnish:
    port: int
    process: subprocess.Popen
    folder: Path

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=20)
        shutil.rmtree(self.folder, ignore_errors=True)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_varnish(backend_port: int) -> Varnish:
    # Its own folder, readable by the user varnishd runs its workers as.
    folder = Path(tempfile.mkdtemp(prefix="hrc-varnish-"))
    folder.chmod(0o755)
    vcl = folder / "default.vcl"
    vcl.write_text(VCL.read_text().replace('.port = "8000";', f'.port = "{backend_port}";'))
    vcl.chmod(0o644)
    port = _free_port()
    process = subprocess.Popen(  # noqa: S603 - Debian's varnishd, fixed arguments
        [varnishd(), "-F", "-a", f"127.0.0.1:{port}", "-f", str(vcl), "-n", str(folder / "n")]
        + ["-s", "malloc,32m", "-p", "ban_lurker_sleep=0.01"],
        stdout=subprocess.DEVNULL,
        stderr=(folder / "varnish.log").open("w"),
    )
    deadline = time.monotonic() + 30
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return Varnish(port, process, folder)
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                raise RuntimeError((folder / "varnish.log").read_text()) from None
            time.sleep(0.1)
