"""A budget of query seconds per client per minute (the Wikidata Query Service model).

The worker pool bounds how many queries a client runs at once; the budget bounds how much engine time it
takes over a minute, so a client that sends one heavy query after another cannot hold the workers for
good. Each client (address + User-Agent, as WDQS counts them) has a bucket of ``seconds`` that refills at
``seconds`` per minute; a query's engine time is charged once it has run (a timed-out query costs what it
ran), and a client that has overdrawn it is refused with 429 and a ``Retry-After`` saying when it will
not be. Answers from the result cache cost nothing. A client can overdraw by the queries it already has
running (at most a few ``query_timeout``), which it then pays back before it is served again.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable

from .errors import BudgetExceeded

WINDOW = 60.0
_SWEEP_AT = 10_000
#: float rounding when a client comes back exactly at its Retry-After: a microsecond early is on time
_ROUNDING = 1e-6


class QueryBudget:
    """Engine seconds used per client, decaying at ``seconds`` per ``WINDOW``; ``seconds`` <= 0: no limit.

    >>> now = [0.0]
    >>> budget = QueryBudget(60.0, clock=lambda: now[0])
    >>> budget.charge("a", 90.0)
    >>> budget.check("b")  # others are not affected
    >>> try:
    ...     budget.check("a")
    ... except BudgetExceeded as refused:
    ...     print(refused.status, refused.retry_after)
    429 30
    >>> now[0] = 30.0; budget.check("a")
    """

    def __init__(self, seconds: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.seconds = seconds
        self.clock = clock
        self._used: dict[str, tuple[float, float]] = {}  # client -> (seconds used, as of when)
        self._lock = threading.Lock()

    def _used_now(self, client: str, now: float) -> float:
        used, since = self._used.get(client, (0.0, now))
        return max(0.0, used - (now - since) * self.seconds / WINDOW)

    def check(self, client: str) -> None:
        """Raise :class:`BudgetExceeded` if ``client`` has no query time left."""
        if self.seconds <= 0:
            return
        with self._lock:
            wait = (self._used_now(client, self.clock()) - self.seconds) * WINDOW / self.seconds
        if wait > _ROUNDING:
            retry = math.ceil(wait)
            raise BudgetExceeded(f"query budget: this client used its {self.seconds:g} s of query time per "
                                 f"minute; retry in {retry} s (setting query_budget)", retry_after=retry)

    def charge(self, client: str, seconds: float) -> None:
        """Book ``seconds`` of engine time to ``client``."""
        if self.seconds <= 0:
            return
        with self._lock:
            now = self.clock()
            self._used[client] = (self._used_now(client, now) + seconds, now)
            if len(self._used) > _SWEEP_AT:  # forget clients whose time has fully come back
                self._used = {c: (u, t) for c, (u, t) in self._used.items() if self._used_now(c, now) > 0}
