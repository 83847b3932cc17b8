"""Run the app under waitress (a production WSGI server: a thread pool, no reloader, no debugger).

Threads, not processes, serve HTTP: the untrusted SPARQL work already runs in the query worker processes,
so a web thread mostly waits on a pipe. ``threads`` bounds concurrent HTTP requests; further connections
queue in waitress (``backlog``).
"""

from __future__ import annotations

import logging

from .settings import Settings


def ensure_built(settings: Settings) -> None:
    """Build the store from the seeds when there is none to serve (and no remote backend)."""
    if settings.backend_url is None and not settings.oxigraph_dir.exists():
        from .build import build_store

        print(f"no store at {settings.store}: building it from {settings.seeds} first", flush=True)
        build_store(settings)


def run(settings: Settings, host: str = "127.0.0.1", port: int = 8000, threads: int = 16) -> None:
    import waitress

    from .web import create_app

    ensure_built(settings)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    app = create_app(settings)
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{port}/"
    print(f"gcm-graph: serving {url} (SPARQL endpoint {url}sparql)", flush=True)
    waitress.serve(app, host=host, port=port, threads=threads, backlog=1024, connection_limit=1000,
                   ident="gcm-graph", channel_timeout=max(60, int(settings.query_timeout) + 30))
