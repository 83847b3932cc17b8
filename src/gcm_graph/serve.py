"""Run the app under waitress (a production WSGI server: a thread pool, no reloader, no debugger).

Threads serve HTTP; the untrusted SPARQL work runs in the query worker processes, so a web thread mostly
waits on a pipe. A web process is still bound by one GIL (about 1 ms of Python per request), so
``processes`` > 1 forks more web processes that accept on the same listening socket, each with its own
query workers and result cache (the concurrency bound is then ``processes`` × ``query_workers``). The
children die with the parent (``PR_SET_PDEATHSIG``), so stopping the parent stops the server.
"""

from __future__ import annotations

import ctypes
import logging
import os
import signal
import socket

from .settings import Settings

_PR_SET_PDEATHSIG = 1


def ensure_built(settings: Settings) -> None:
    """Build the store from the seeds when there is none to serve (and no remote backend)."""
    if settings.backend_url is None and not settings.oxigraph_dir.exists():
        from .build import build_store

        print(f"no store at {settings.store}: building it from {settings.seeds} first", flush=True)
        build_store(settings)


def _serve(settings: Settings, listener: socket.socket, threads: int) -> None:
    import waitress

    from .web import create_app

    waitress.serve(create_app(settings), sockets=[listener], threads=threads, connection_limit=1000,
                   ident="gcm-graph", channel_timeout=max(60, int(settings.query_timeout) + 30))


def _fork_children(count: int, settings: Settings, listener: socket.socket, threads: int) -> list[int]:
    """Web processes sharing ``listener``; forked before the app exists, so no thread is copied."""
    children = []
    for _ in range(count):
        pid = os.fork()
        if pid == 0:
            ctypes.CDLL(None).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
            try:
                _serve(settings, listener, threads)
            finally:
                os._exit(0)
        children.append(pid)
    return children


def run(settings: Settings, host: str = "127.0.0.1", port: int = 8000, threads: int = 16,
        processes: int = 1) -> None:
    ensure_built(settings)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(process)d %(name)s %(message)s")
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    listener = socket.create_server((host, port), family=family, backlog=1024)
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{listener.getsockname()[1]}/"
    print(f"gcm-graph: serving {url} (SPARQL endpoint {url}sparql)", flush=True)
    children = _fork_children(max(0, processes - 1), settings, listener, threads)
    try:
        _serve(settings, listener, threads)
    finally:
        for pid in children:
            os.kill(pid, signal.SIGTERM)
