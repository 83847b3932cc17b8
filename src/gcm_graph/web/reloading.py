"""Follow the store link, so that a running server serves each new build without a restart.

``gcm-graph build`` writes a new build directory and swaps the ``settings.store`` symlink to it atomically
(see ``store.py``). The server resolves the link at most once per ``interval`` (one ``realpath``, a few
``lstat`` calls) and, when it points elsewhere, opens the new directory read-only as a new :class:`Served`
build: its own backend (and so its own query worker pool, started on first use), build info (ETags,
Last-Modified, VoID), derived values and result cache. Everything is pinned to the resolved directory, never
to the link, so a query worker restarted after a timeout cannot silently open a newer build than its parent.

A request holds the build it started on until it ends: the previous build is retired, and its worker pool
closed once its last request has left (the build keeps the previous directory, so it stays readable).
A link that points nowhere usable (a half-made store by hand) is logged and ignored: the server keeps
serving what it has. A remote backend has no store link and is never reloaded.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from ..backend import Backend, open_backend
from ..endpoint.build_info import BuildInfo, load_build_info
from ..endpoint.cache import ResultCache
from ..endpoint.results import Rendered
from ..settings import Settings

if TYPE_CHECKING:
    from .replay import StoredAnswer

log = logging.getLogger("gcm_graph.reload")


@dataclass(eq=False)
class Served:
    """One opened build and everything derived from it: replaced as a whole, never piecemeal."""

    backend: Backend
    #: the build's description (None for a remote backend or a store without build.json)
    build: BuildInfo | None
    #: the settings with ``store`` pinned to the resolved build directory
    settings: Settings
    #: values computed once per build (VoID linksets), keyed by name
    cache: dict[str, object] = field(default_factory=dict)
    #: rendered /sparql results, keyed by the query job
    results: ResultCache[Rendered] = field(default_factory=ResultCache)
    #: whole /sparql GET answers as sent, keyed by the request (see :mod:`.replay`)
    answers: ResultCache[StoredAnswer] = field(default_factory=ResultCache)
    users: int = 0
    retired: bool = False


def open_served(settings: Settings) -> Served:
    """Open what ``settings`` names; a local store is pinned to the directory its link resolves to now."""
    if settings.backend_url:
        return Served(open_backend(settings), None, settings)
    pinned = replace(settings, store=Path(os.path.realpath(settings.store)))
    return Served(open_backend(pinned), load_build_info(pinned.build_info), pinned)


class BuildFollower:
    """The build being served, switched to a new one when the store link moves (see the module doc)."""

    def __init__(self, settings: Settings, interval: float = 1.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.settings = settings
        self.interval = interval
        self.clock = clock
        self.current = open_served(settings)
        self._checked = clock()
        self._lock = threading.Lock()
        self._switching = threading.Lock()

    def enter(self) -> Served:
        """The build a new request uses (checking the link first if ``interval`` has passed)."""
        self._follow()
        with self._lock:
            self.current.users += 1
            return self.current

    def latest(self) -> Served:
        """The build served now, without pinning it: for answers that need nothing from it but its caches."""
        self._follow()
        return self.current

    def leave(self, served: Served) -> None:
        with self._lock:
            served.users -= 1
            done = served.retired and served.users == 0
        if done:
            served.backend.close()

    def close(self) -> None:
        self.current.backend.close()

    def _follow(self) -> None:
        if self.settings.backend_url or self.clock() - self._checked < self.interval:
            return
        if not self._switching.acquire(blocking=False):  # another request is switching: use what is served
            return
        try:
            self._checked = self.clock()
            if os.path.realpath(self.settings.store) != str(self.current.settings.store):
                self._switch()
        finally:
            self._switching.release()

    def _switch(self) -> None:
        try:
            fresh = open_served(self.settings)
        except (OSError, ValueError) as error:
            log.warning("%s moved but cannot be opened, still serving %s: %s", self.settings.store,
                        self.current.settings.store, error)
            return
        with self._lock:
            old, self.current = self.current, fresh
            old.retired = True
            done = old.users == 0
        if done:
            old.backend.close()
        log.info("now serving build %s (%s)", fresh.build.build_id if fresh.build else "-", fresh.settings.store)
