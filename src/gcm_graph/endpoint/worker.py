"""The body of a query worker process: open the store read-only, then answer jobs from a pipe forever.

It lives in an importable module because the ``spawn`` start method re-imports the target by name.
"""

from __future__ import annotations

from multiprocessing.connection import Connection

from pyoxigraph import Store

from .execution import execute


def serve_jobs(oxigraph_dir: str, conn: Connection) -> None:
    store = Store.read_only(oxigraph_dir)
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        conn.send(execute(store, job))
