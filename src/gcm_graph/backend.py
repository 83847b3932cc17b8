"""Where queries run: the embedded read-only Oxigraph store, or a remote SPARQL 1.1 endpoint.

The rest of the web app knows only :class:`Backend` (the repository pattern), so pages work the same in
front of either. ``select``/``ask``/``construct`` are for the app's own trusted queries (pages, linked-data
documents, VoID statistics); untrusted queries from the public endpoint go through ``execute``, which
enforces the wall-clock limit and the row cap: the local backend runs them in a pool of killable worker
processes, the remote one forwards them and re-serialises the answer with the same cap.
"""

from __future__ import annotations

import threading
import time
import urllib.error
import urllib.request
from abc import ABC, abstractmethod
from collections.abc import Iterable
from dataclasses import replace
from urllib.parse import urlencode

import pyoxigraph

from .endpoint.build_info import load_build_info
from .endpoint.engine import EngineSource, engine_source, open_engine
from .endpoint.errors import QuerySyntaxError, QueryTimeout, RemoteFailed
from .endpoint.execution import Failure, QueryJob
from .endpoint.execution import execute as execute_job
from .endpoint.lookup import bounded_lookup
from .endpoint.pool import WorkerPool
from .endpoint.results import Rendered, render
from .settings import Settings

Row = dict[str, str]

#: the most rows a lookup may read in the web process before it is handed to a query worker instead
LOOKUP_ROWS = 1000


def _rows(solutions: pyoxigraph.QuerySolutions) -> list[Row]:
    variables = [variable.value for variable in solutions.variables]
    return [
        {name: term.value for name, term in zip(variables, solution, strict=True) if term is not None}
        for solution in solutions
    ]


class Backend(ABC):
    @abstractmethod
    def select(self, query: str) -> list[Row]:
        """Run a trusted SELECT; each row maps variable names to the lexical value of the bound term
        (IRIs as strings, literals as their lexical form); unbound variables are absent."""

    @abstractmethod
    def ask(self, query: str) -> bool:
        """Run a trusted ASK."""

    @abstractmethod
    def construct(self, query: str) -> list[pyoxigraph.Triple]:
        """Run a trusted CONSTRUCT or DESCRIBE (for linked-data documents)."""

    @abstractmethod
    def execute(self, job: QueryJob, timeout: float) -> Rendered:
        """Run an untrusted query from the public endpoint within ``timeout`` seconds, capped rows."""

    def close(self) -> None:  # noqa: B027 (optional hook: most backends hold nothing)
        """Release processes and connections (the app calls it at exit)."""


class LocalBackend(Backend):
    """The embedded store, read-only (the server never writes; only a build does), through the engine
    ``source`` names: the same one here and in every query worker."""

    def __init__(self, source: EngineSource, query_workers: int = 2, workers_offline: bool = True) -> None:
        self.source = source
        self.store = open_engine(source)
        self._query_workers = query_workers
        #: run query workers without any network (no SERVICE endpoint is allow-listed)
        self._workers_offline = workers_offline
        self._pool: WorkerPool | None = None
        self._pool_lock = threading.Lock()

    def _query(self, query: str) -> object:
        return self.store.query(query, use_default_graph_as_union=True)

    def select(self, query: str) -> list[Row]:
        solutions = self._query(query)
        if not isinstance(solutions, pyoxigraph.QuerySolutions):
            raise TypeError("select() needs a SELECT query")
        return _rows(solutions)

    def ask(self, query: str) -> bool:
        result = self._query(query)
        if not isinstance(result, pyoxigraph.QueryBoolean):
            raise TypeError("ask() needs an ASK query")
        return bool(result)

    def construct(self, query: str) -> list[pyoxigraph.Triple]:
        result = self._query(query)
        if not isinstance(result, pyoxigraph.QueryTriples):
            raise TypeError("construct() needs a CONSTRUCT or DESCRIBE query")
        return list(result)

    @property
    def pool(self) -> WorkerPool:
        """Started on first use, so that apps which never serve /sparql (page tests) spawn no process."""
        with self._pool_lock:
            if self._pool is None:
                self._pool = WorkerPool(self.source, self._query_workers,
                                        no_network=self._workers_offline)
            return self._pool

    def execute(self, job: QueryJob, timeout: float) -> Rendered:
        """A single-pattern lookup runs here (its cost is bounded by the rows read, see
        :mod:`gcm_graph.endpoint.lookup`), with a LIMIT one row past ``LOOKUP_ROWS`` (or the job's cap, if
        lower) so that it is serialised at once; if it has more rows than ``LOOKUP_ROWS`` it goes to the pool
        like all else."""
        if not job.default_graphs and not job.named_graphs:
            cap = min(job.max_rows, LOOKUP_ROWS)
            bounded = bounded_lookup(job.query, cap + 1)
            if bounded is not None:
                outcome = execute_job(self.store, replace(job, query=bounded, max_rows=cap), bounded=True)
                if isinstance(outcome, Failure):
                    raise outcome.to_error()
                if not outcome.truncated or cap == job.max_rows:
                    return outcome
        return self.pool.run(job, timeout)

    def close(self) -> None:
        with self._pool_lock:
            if self._pool is not None:
                self._pool.close()
                self._pool = None


class RemoteBackend(Backend):
    """A remote SPARQL 1.1 endpoint, spoken to by the protocol (POST, form-encoded)."""

    _SOLUTIONS = "application/sparql-results+json"
    _GRAPH = "application/n-triples"

    def __init__(self, url: str, timeout: float = 30.0) -> None:
        self.url = url
        self.timeout = timeout

    def _post(self, query: str, timeout: float, graphs: Iterable[tuple[str, str]] = ()) -> tuple[str, bytes]:
        body = urlencode([("query", query), *graphs]).encode()
        request = urllib.request.Request(self.url, data=body, method="POST", headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Accept": f"{self._SOLUTIONS}, {self._GRAPH};q=0.9",
            "User-Agent": "gcm-graph",
        })
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (configured URL)
                return response.headers.get_content_type(), response.read()
        except urllib.error.HTTPError as error:
            message = error.read().decode("utf-8", "replace")[:2000]
            if error.code == 400:
                raise QuerySyntaxError(f"parameter query: {message}") from error
            raise RemoteFailed(f"backend {self.url}: HTTP {error.code}: {message}") from error
        except TimeoutError as error:
            raise QueryTimeout(f"query: the backend {self.url} did not answer within {timeout:g} s "
                               "(setting query_timeout)") from error
        except urllib.error.URLError as error:
            raise RemoteFailed(f"backend {self.url}: {error.reason}") from error

    def _result(self, query: str, timeout: float, graphs: Iterable[tuple[str, str]] = ()) -> object:
        media, body = self._post(query, timeout, graphs)
        if media == self._SOLUTIONS:
            return pyoxigraph.parse_query_results(body, format=pyoxigraph.QueryResultsFormat.JSON)
        if media == self._GRAPH:
            return pyoxigraph.parse(body, format=pyoxigraph.RdfFormat.N_TRIPLES)
        raise RemoteFailed(f"backend {self.url}: unexpected Content-Type {media}")

    def select(self, query: str) -> list[Row]:
        solutions = self._result(query, self.timeout)
        if not isinstance(solutions, pyoxigraph.QuerySolutions):
            raise TypeError("select() needs a SELECT query")
        return _rows(solutions)

    def ask(self, query: str) -> bool:
        result = self._result(query, self.timeout)
        if not isinstance(result, pyoxigraph.QueryBoolean):
            raise TypeError("ask() needs an ASK query")
        return bool(result)

    def construct(self, query: str) -> list[pyoxigraph.Triple]:
        result = self._result(query, self.timeout)
        if isinstance(result, pyoxigraph.QuerySolutions | pyoxigraph.QueryBoolean):
            raise TypeError("construct() needs a CONSTRUCT or DESCRIBE query")
        return [quad.triple for quad in result]

    def execute(self, job: QueryJob, timeout: float) -> Rendered:
        graphs = [("default-graph-uri", g) for g in job.default_graphs]
        graphs += [("named-graph-uri", g) for g in job.named_graphs]
        started = time.perf_counter()
        result = self._result(job.query, timeout, graphs)
        if not isinstance(result, pyoxigraph.QuerySolutions | pyoxigraph.QueryBoolean):
            result = (quad.triple for quad in result)
        return replace(render(result, job.formats, job.max_rows), seconds=time.perf_counter() - started)


def open_backend(settings: Settings) -> Backend:
    """The backend the settings name: the remote endpoint if ``backend_url`` is set, else the store."""
    if settings.backend_url:
        return RemoteBackend(settings.backend_url, settings.query_timeout)
    build = load_build_info(settings.build_info)
    source = engine_source(settings.oxigraph_dir, settings.dumps_dir, build.triples if build else None,
                           settings.memory_triples)
    return LocalBackend(source, settings.query_workers, workers_offline=not settings.service_allowlist)
