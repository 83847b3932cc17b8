"""The body of a query worker process: open the query engine, then answer jobs from a pipe forever.

It lives in an importable module because the ``spawn`` start method re-imports the target by name.
Defence in depth against SSRF: when no SERVICE endpoint is allow-listed, the worker first moves into an
empty network namespace (Linux ``unshare(CLONE_NEWNET)``, which needs root or CAP_SYS_ADMIN), so even a
SERVICE call that slipped past the guard finds no network. Without the privilege it carries on: the guard
in :mod:`.guard` remains the line that must hold.
"""

from __future__ import annotations

import ctypes
import os
from multiprocessing.connection import Connection

from .engine import EngineSource, open_engine
from .execution import execute

_CLONE_NEWNET = 0x40000000


def isolate_network() -> bool:
    """Leave every network behind; True if that worked (Linux, privileged), False otherwise."""
    if not hasattr(os, "fork"):
        return False
    libc = ctypes.CDLL(None, use_errno=True)
    return hasattr(libc, "unshare") and libc.unshare(_CLONE_NEWNET) == 0


def serve_jobs(source: EngineSource, conn: Connection, no_network: bool = False) -> None:
    if no_network:
        isolate_network()
    store = open_engine(source)
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        conn.send(execute(store, job))
