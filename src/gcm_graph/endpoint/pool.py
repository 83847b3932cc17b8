"""A fixed pool of query worker processes with hard wall-clock timeouts.

pyoxigraph cannot cancel a running query from Python (oxigraph#1926), so each query runs in a process holding
its own engine (:mod:`.engine`), and a query that outlives its deadline is stopped the only way possible: the
process is killed and a fresh one started (about 50 ms, plus 0.2 s to load the seeds' graph when it is held in
memory). The pool size is the concurrency bound. Fairness is work-conserving: a client (address) may use every
idle worker while nobody else waits, but once another client waits, a client already holding ``per_client``
workers gets no more until the others are served, so one heavy client delays the others by at most one query's
``query_timeout``. Within that rule workers go to waiting requests in arrival order, each handed its worker
and woken alone (when every release woke every waiter to race for the worker, the order was random, and at 8
clients the p99 was 2-3 times the median against 1.5 now, see ``benchmarks/bench_sparql.py``). At most
``max_waiting`` requests queue; further ones get 503 + Retry-After.
"""

from __future__ import annotations

import multiprocessing
import threading
import time
from collections import Counter, deque
from dataclasses import dataclass, field

from .engine import EngineSource
from .errors import EndpointBusy, QueryTimeout
from .execution import Failure, QueryJob
from .results import Rendered
from .worker import serve_jobs

_CONTEXT = multiprocessing.get_context("spawn")


class _Worker:
    def __init__(self, source: EngineSource, no_network: bool) -> None:
        self.source = source
        self.no_network = no_network
        self._start()

    def _start(self) -> None:
        self.conn, child = _CONTEXT.Pipe()
        self.process = _CONTEXT.Process(
            target=serve_jobs, args=(self.source, child, self.no_network), daemon=True,
            name="gcm-query-worker",
        )
        self.process.start()
        child.close()

    def restart(self) -> None:
        self.stop()
        self._start()

    def stop(self) -> None:
        self.process.kill()
        self.process.join()
        self.conn.close()

    def call(self, job: QueryJob, timeout: float, limit: float) -> Rendered | Failure:
        if not self.process.is_alive():  # killed from outside (OOM killer, an operator) while idle
            self.restart()
        try:
            self.conn.send(job)
            ready = self.conn.poll(timeout)
            if ready:
                return self.conn.recv()
        except (EOFError, OSError):
            self.restart()
            return Failure("evaluation", "the query worker died (out of memory?); it has been restarted")
        self.restart()
        raise QueryTimeout(
            f"query: stopped after {timeout:.1f} s (the limit is {limit:g} s, setting query_timeout, "
            "or the client's timeout= parameter)"
        )


@dataclass(eq=False)
class _Ticket:
    """A request's place in the queue (compared by identity: two requests of one client are two tickets);
    the worker is handed to it under the pool's lock, and ``ready`` wakes its thread alone."""

    client: str
    worker: _Worker | None = None
    ready: threading.Event = field(default_factory=threading.Event)


class WorkerPool:
    def __init__(self, source: EngineSource, size: int, per_client: int | None = None,
                 max_waiting: int | None = None, no_network: bool = False) -> None:
        self.size = max(1, size)
        self.per_client = per_client or max(1, self.size - 1)
        self.max_waiting = max_waiting if max_waiting is not None else 32 * self.size
        self._idle = [_Worker(source, no_network) for _ in range(self.size)]
        self._busy: Counter[str] = Counter()
        self._waiting: Counter[str] = Counter()
        #: waiting requests, oldest first: workers go to them in arrival order (within the fairness rule),
        #: so no request waits behind ones that came after it
        self._queue: deque[_Ticket] = deque()
        self._lock = threading.Lock()

    def run(self, job: QueryJob, timeout: float) -> Rendered:
        """Run ``job`` within ``timeout`` seconds of wall-clock time, queueing included."""
        deadline = time.monotonic() + timeout
        worker = self._acquire(job.client, deadline)
        try:
            outcome = worker.call(job, max(0.0, deadline - time.monotonic()), timeout)
        finally:
            self._release(worker, job.client)
        if isinstance(outcome, Failure):
            raise outcome.to_error()
        return outcome

    def _acquire(self, client: str, deadline: float) -> _Worker:
        with self._lock:
            if len(self._queue) >= self.max_waiting:
                raise EndpointBusy(f"endpoint: {len(self._queue)} queries already wait for a worker, retry later")
            ticket = _Ticket(client)
            self._queue.append(ticket)
            self._waiting[client] += 1
            self._hand_out()
        if not ticket.ready.wait(max(0.0, deadline - time.monotonic())):
            with self._lock:
                if ticket.worker is None:  # still waiting: give up its place
                    self._leave_queue(ticket)
                    self._hand_out()
                    raise EndpointBusy("endpoint: no query worker became free before the query_timeout")
        assert ticket.worker is not None
        return ticket.worker

    def _hand_out(self) -> None:
        """Give idle workers to the oldest waiting requests that may have one, waking only those."""
        while self._idle:
            ticket = next((t for t in self._queue if self._eligible(t.client)), None)
            if ticket is None:
                return
            self._leave_queue(ticket)
            self._busy[ticket.client] += 1
            ticket.worker = self._idle.pop()
            ticket.ready.set()

    def _leave_queue(self, ticket: _Ticket) -> None:
        self._queue.remove(ticket)
        self._waiting[ticket.client] -= 1
        if not self._waiting[ticket.client]:
            del self._waiting[ticket.client]

    def _eligible(self, client: str) -> bool:
        others_wait = self._waiting.total() > self._waiting[client]
        return self._busy[client] < self.per_client or not others_wait

    def _release(self, worker: _Worker, client: str) -> None:
        with self._lock:
            self._busy[client] -= 1
            if not self._busy[client]:
                del self._busy[client]
            self._idle.append(worker)
            self._hand_out()

    def close(self) -> None:
        with self._lock:
            for worker in self._idle:
                worker.stop()
            self._idle.clear()
