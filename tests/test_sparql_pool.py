"""The worker pool on its own: hard timeouts that free the worker, crashes, and fairness between clients."""

from __future__ import annotations

import os
import socket
import threading
import time

import pytest

from gcm_graph.endpoint.engine import EngineSource
from gcm_graph.endpoint.errors import ProtocolError, QueryFailed, QueryTimeout
from gcm_graph.endpoint.execution import QueryJob
from gcm_graph.endpoint.negotiation import Formats
from gcm_graph.endpoint.pool import WorkerPool
from gcm_graph.settings import Settings

FORMATS = Formats("text/csv", "application/n-triples")
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { " + " ".join(f"?s{i} ?p{i} ?o{i} ." for i in range(8)) + " }"
QUICK = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


@pytest.fixture()
def pool(mini_settings: Settings):
    pool = WorkerPool(EngineSource(mini_settings.oxigraph_dir), size=2, per_client=1)
    yield pool
    pool.close()


def test_timeout_kills_the_query_and_the_pool_keeps_answering(pool):
    with pytest.raises(QueryTimeout, match="query_timeout"):
        pool.run(QueryJob(SLOW, FORMATS, 10, client="a"), timeout=0.5)
    for _ in range(3):
        assert pool.run(QueryJob(QUICK, FORMATS, 10, client="a"), timeout=30).body.split()[0] == b"n"


def test_a_killed_worker_process_is_replaced(pool):
    for worker in list(pool._idle):
        worker.process.kill()
        worker.process.join()
    answers = [pool.run(QueryJob(QUICK, FORMATS, 10), timeout=30) for _ in range(4)]
    assert all(a.body.startswith(b"n\r\n") for a in answers)


def test_a_heavy_client_cannot_starve_another(pool):
    finished: dict[str, float] = {}

    def run(name: str, query: str, client: str, timeout: float) -> None:
        try:
            pool.run(QueryJob(query, FORMATS, 10, client=client), timeout)
        except ProtocolError:  # timed out (or gave up waiting): finished all the same
            pass
        finished[name] = time.monotonic()

    heavy = [threading.Thread(target=run, args=(f"heavy{i}", SLOW, "heavy", 1.0)) for i in range(2)]
    for thread in heavy:  # nobody else waits: the heavy client may use both workers
        thread.start()
    while pool._idle:
        time.sleep(0.01)
    light = threading.Thread(target=run, args=("light", QUICK, "light", 30.0))
    light.start()
    while not pool._waiting:
        time.sleep(0.01)
    more = [threading.Thread(target=run, args=(f"heavy{i}", SLOW, "heavy", 2.0)) for i in (2, 3)]
    for thread in more:
        thread.start()
    for thread in [*heavy, light, *more]:
        thread.join(60)
    assert finished["light"] < min(finished["heavy2"], finished["heavy3"])


def test_waiting_requests_get_workers_in_arrival_order(mini_settings: Settings):
    pool = WorkerPool(EngineSource(mini_settings.oxigraph_dir), size=1)
    order: list[int] = []
    try:
        def block() -> None:
            with pytest.raises(QueryTimeout):
                pool.run(QueryJob(SLOW, FORMATS, 10, client="a"), 1.5)

        blocker = threading.Thread(target=block)
        blocker.start()
        while pool._idle:
            time.sleep(0.01)

        def run(number: int) -> None:
            pool.run(QueryJob(QUICK, FORMATS, 10, client="a"), 30)
            order.append(number)

        waiters = []
        for number in range(6):
            waiters.append(threading.Thread(target=run, args=(number,)))
            waiters[-1].start()
            while sum(pool._waiting.values()) <= number:  # it waits now: the next one arrives after it
                time.sleep(0.005)
        for thread in [blocker, *waiters]:
            thread.join(60)
    finally:
        pool.close()
    assert order == list(range(6))


def test_workers_without_network_cannot_reach_loopback_even_past_the_guard(mini_settings: Settings):
    """Defence in depth: a SERVICE call sent straight to a worker (no guard) finds no network."""
    if os.geteuid() != 0:
        pytest.skip("network namespaces need root (CAP_SYS_ADMIN)")
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.5)
    port = listener.getsockname()[1]
    pool = WorkerPool(EngineSource(mini_settings.oxigraph_dir), size=1, no_network=True)
    try:
        query = f"SELECT * {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}"
        with pytest.raises(QueryFailed):
            pool.run(QueryJob(query, FORMATS, 10), timeout=10)
        with pytest.raises(TimeoutError):
            listener.accept()
    finally:
        pool.close()
        listener.close()
