"""Run the app under granian: HTTP in Rust, the WSGI app in a pool of Python threads per web process.

The HTTP layer matters here because a simple lookup costs oxigraph about 0.3 ms: a pure-Python server
(waitress) spent more than that on parsing and writing HTTP alone, so the front end, not the engine, set the
throughput. Threads run the app; the untrusted SPARQL work runs in the query worker processes, so a thread
mostly waits on a pipe, and there are more threads than cores on purpose (a request for a page or a cached
answer must not wait behind queries). ``processes`` web processes share the port, each with its own query
workers, caches and budgets (the concurrency bound is then ``processes`` × ``query_workers``, and a client's
``query_budget`` applies per process); granian's parent process supervises them and stops them when it is
stopped. Two is the default because lookups answered in the web process (``web/query_lane.py``) queue for its
one GIL: measured with ``benchmarks/bench_sparql.py`` on 2 cores, unique lookups at 8-32 clients went from
0.40-0.49x to 0.63-0.76x native oxigraph's throughput with two processes, and every named query kept its p99
under 100 ms at 8 clients (it did not before the query engine held the graph in memory, see
``endpoint/engine.py``: split pools made heavy queries queue unevenly). Each process holds its own copy of an
in-memory graph, so memory grows with ``processes`` × (``query_workers`` + 1).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from .settings import Settings

#: granian warns when the threads outnumber the cores; ours wait on query workers, which is the point
_THREADS_WARNING = "Python threads"


def ensure_built(settings: Settings) -> None:
    """Build the store from the seeds when there is none to serve (and no remote backend)."""
    if settings.backend_url is None and not settings.oxigraph_dir.exists():
        from .build import build_store

        print(f"no store at {settings.store}: building it from {settings.seeds} first", flush=True)
        build_store(settings)


class _DropMessage(logging.Filter):
    def __init__(self, fragment: str) -> None:
        super().__init__()
        self.fragment = fragment

    def filter(self, record: logging.LogRecord) -> bool:
        return self.fragment not in record.getMessage()


def _logging_config() -> dict[str, Any]:
    """granian's own log lines and our access log, one format, on standard error."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"threads": {"()": _DropMessage, "fragment": _THREADS_WARNING}},
        "formatters": {"plain": {"format": "%(asctime)s %(process)d %(name)s %(message)s"}},
        "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "plain", "filters": ["threads"]}},
        "loggers": {"_granian": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
                    "gcm_graph": {"handlers": ["stderr"], "level": "INFO", "propagate": False}},
    }


def _app_loader(settings: Settings) -> Callable[[str], Any]:
    """What each web process calls to make its app (granian forks them, so ``settings`` is inherited)."""

    def load(_target: str) -> Any:
        from .web import create_app

        return create_app(settings)

    return load


def run(settings: Settings, host: str = "127.0.0.1", port: int = 8000, threads: int = 16,
        processes: int = 2) -> None:
    from granian.constants import Interfaces
    from granian.server import Server

    ensure_built(settings)
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{port}/"
    print(f"gcm-graph: serving {url} (SPARQL endpoint {url}sparql)", flush=True)
    server = Server("gcm_graph.web:create_app", address=host, port=port, interface=Interfaces.WSGI,
                    websockets=False, workers=processes, blocking_threads=threads, backlog=1024,
                    log_dictconfig=_logging_config(), workers_kill_timeout=int(settings.query_timeout) + 5)
    server.serve(target_loader=_app_loader(settings))
