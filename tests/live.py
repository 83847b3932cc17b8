"""Real servers on loopback for tests and benchmarks: our app under waitress in a thread (quick to start,
same process), the production server (``server.py``: granian) as a process of its own, and native oxigraph."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from gcm_graph.settings import Settings


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(url: str, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


@contextmanager
def production_server(settings: Settings, *options: str) -> Iterator[str]:
    """``server.py`` (the README's server: granian, query workers, everything) on ``settings.store``."""
    port = free_port()
    root = Path(__file__).resolve().parents[1]
    process = subprocess.Popen([sys.executable, str(root / "server.py"), "--store", str(settings.store),
                                "--port", str(port), *options], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/"
    try:
        wait_until_up(url + "healthz")
        yield url
    finally:
        process.terminate()
        process.wait(30)


@contextmanager
def running_server(settings: Settings, threads: int = 16) -> Iterator[str]:
    """Our app served by waitress in a daemon thread; closed (and its workers stopped) on exit."""
    import waitress

    from gcm_graph.web import create_app

    app = create_app(settings)
    server = waitress.create_server(app, host="127.0.0.1", port=free_port(), threads=threads, backlog=1024,
                                    connection_limit=1000)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.effective_port}/"
    try:
        wait_until_up(url + "healthz")
        yield url
    finally:
        server.close()
        app.extensions["gcm"].backend.close()


@contextmanager
def native_oxigraph(dump: Path, workdir: Path) -> Iterator[str]:
    """``oxigraph serve-read-only`` on a store loaded from ``dump`` (gzip N-Quads); yields the query URL."""
    binary = shutil.which("oxigraph")
    if binary is None:
        raise FileNotFoundError("the oxigraph CLI is not installed (pip install oxigraph)")
    location = workdir / "native-oxigraph"
    subprocess.run([binary, "load", "--location", str(location), "--file", str(dump)], check=True,
                   capture_output=True)
    port = free_port()
    process = subprocess.Popen([binary, "serve-read-only", "--location", str(location), "--bind",
                                f"127.0.0.1:{port}", "--union-default-graph"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_until_up(f"http://127.0.0.1:{port}/query?query=ASK%7B%7D")
        yield f"http://127.0.0.1:{port}/query"
    finally:
        process.terminate()
        process.wait(10)
