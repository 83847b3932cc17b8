"""One query against one store, as the worker process runs it: dataset, evaluation, rendering.

Failures come back as :class:`Failure` values rather than exceptions, because they cross a process pipe
and the parent turns them into protocol errors (``to_error``).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace

from pyoxigraph import NamedNode, Store

from .errors import NotAcceptable, ProtocolError, QueryFailed, QuerySyntaxError
from .negotiation import Formats
from .results import Rendered, render


@dataclass(frozen=True)
class QueryJob:
    query: str
    formats: Formats
    max_rows: int
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    #: resolves relative IRIs in the query (SPARQL Protocol: the service's own URL)
    base_iri: str | None = None
    #: who asked, for the per-client concurrency bound (never sent to a worker's logic)
    client: str = field(default="", compare=False)


@dataclass(frozen=True)
class Failure:
    kind: str
    message: str

    def to_error(self) -> ProtocolError:
        errors = {"syntax": QuerySyntaxError, "not-acceptable": NotAcceptable}
        return errors.get(self.kind, QueryFailed)(self.message)


def dataset_arguments(job: QueryJob) -> dict[str, object]:
    """pyoxigraph's dataset keywords: the protocol's graphs if given, else the union of all graphs."""
    if not job.default_graphs and not job.named_graphs:
        return {"use_default_graph_as_union": True}
    arguments: dict[str, object] = {"default_graph": [NamedNode(iri) for iri in job.default_graphs]}
    if job.named_graphs:
        arguments["named_graphs"] = [NamedNode(iri) for iri in job.named_graphs]
    return arguments


def execute(store: Store, job: QueryJob, *, bounded: bool = False) -> Rendered | Failure:
    """``bounded``: the query's own LIMIT keeps its result small (see :func:`.results.render`)."""
    started = time.perf_counter()
    try:
        result = store.query(job.query, base_iri=job.base_iri, **dataset_arguments(job))
        return replace(render(result, job.formats, job.max_rows, bounded=bounded),
                       seconds=time.perf_counter() - started)
    except SyntaxError as error:
        return Failure("syntax", f"parameter query: {error}")
    except NotAcceptable as error:
        return Failure("not-acceptable", str(error))
    except ValueError as error:  # an IRI in default-graph-uri/named-graph-uri that does not parse
        return Failure("syntax", f"dataset parameters: {error}")
    except (OSError, RuntimeError) as error:
        return Failure("evaluation", f"query evaluation failed: {error}")
