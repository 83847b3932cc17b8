"""An in-memory LRU of rendered query results (or whole answers), bounded in bytes.

A build never changes once made (a new build is a new directory), and each served build has its own
cache (``web/reloading.py``), so a result is valid for as long as its build is served. Popular queries
(the query page's examples, the pages' visualisations) are then answered without a worker round trip.
Errors and timeouts are never cached.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable
from typing import Generic, Protocol, TypeVar


class _HasBody(Protocol):
    @property
    def body(self) -> bytes: ...


Entry = TypeVar("Entry", bound=_HasBody)


class ResultCache(Generic[Entry]):
    """Least recently used entries go first once the bodies exceed ``max_bytes``; a body larger than an
    eighth of it is not kept at all, so one big result cannot flush the cache.

    >>> from gcm_graph.endpoint.results import Rendered
    >>> cache = ResultCache(max_bytes=200)
    >>> for key in "abcdefghij":
    ...     cache.put(key, Rendered("text/csv", key.encode() * 25, 1, False))
    >>> [key for key in "abcdefghij" if cache.get(key) is None]
    ['a', 'b']
    >>> cache.put("big", Rendered("text/csv", b"x" * 26, 1, False)); cache.get("big") is None
    True
    """

    def __init__(self, max_bytes: int = 64 * 1024 * 1024) -> None:
        self.max_bytes = max_bytes
        self._entries: OrderedDict[Hashable, Entry] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> Entry | None:
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None:
                self._entries.move_to_end(key)
            return entry

    def put(self, key: Hashable, rendered: Entry) -> None:
        size = len(rendered.body)
        if size > self.max_bytes // 8:
            return
        with self._lock:
            if key in self._entries:
                return
            self._entries[key] = rendered
            self._bytes += size
            while self._bytes > self.max_bytes:
                _, evicted = self._entries.popitem(last=False)
                self._bytes -= len(evicted.body)
