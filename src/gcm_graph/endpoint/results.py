"""Serialise a query result with pyoxigraph's own writers, cut at a row cap that the caller learns of.

The cap is applied before a single byte is sent, so the HTTP status (and the ``X-GCM-Truncated`` header)
can be decided first. pyoxigraph cannot serialise part of a ``QuerySolutions``, so it writes SPARQL TSV into a sink
that stops it past the cap; the kept rows are re-read with ``parse_query_results`` and serialised from there
into the negotiated format. A result the caller knows to be small (``bounded``: a lookup to which it added a
LIMIT) is written as TSV in one call instead, which saves the sink's round trips through Python.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import islice

from pyoxigraph import (
    DefaultGraph,
    Quad,
    QueryBoolean,
    QueryResultsFormat,
    QuerySolutions,
    RdfFormat,
    Triple,
    parse_query_results,
    serialize,
)

from ..vocab import PREFIXES
from .errors import NotAcceptable
from .negotiation import GRAPH_FORMATS, SOLUTION_FORMATS, Formats

_PREFIXED = (RdfFormat.TURTLE, RdfFormat.TRIG, RdfFormat.RDF_XML)


@dataclass(frozen=True)
class Rendered:
    media_type: str
    body: bytes
    #: rows (or triples) in the body; None for ASK
    rows: int | None
    #: more rows existed than ``max_rows``: the body holds the first ``max_rows`` only
    truncated: bool
    #: the engine time it took to evaluate and serialise, in seconds (what a client's budget is charged)
    seconds: float = 0.0


def _content_type(media: str) -> str:
    return f"{media}; charset=utf-8" if media.startswith("text/") else media


def render(
    result: QuerySolutions | QueryBoolean | Iterable[Triple], formats: Formats, max_rows: int, *,
    bounded: bool = False,
) -> Rendered:
    """Serialise ``result`` in the format ``formats`` names for its kind, keeping at most ``max_rows``
    (``bounded``: the result is known to be small, see the module docstring).

    >>> from pyoxigraph import Store
    >>> out = render(Store().query("SELECT ?x { VALUES ?x { 1 2 3 } }"), Formats("text/csv", None), 2)
    >>> out.body, out.truncated
    (b'x\\r\\n1\\r\\n2\\r\\n', True)
    """
    if isinstance(result, QueryBoolean):
        media = _require(formats.solutions, "ASK")
        return Rendered(_content_type(media), result.serialize(format=SOLUTION_FORMATS[media]), None, False)
    if isinstance(result, QuerySolutions):
        return _render_solutions(result, _require(formats.solutions, "SELECT"), max_rows, bounded)
    return _render_graph(result, _require(formats.graph, "CONSTRUCT/DESCRIBE"), max_rows)


def _require(media: str | None, form: str) -> str:
    if media is None:
        raise NotAcceptable(f"Accept: none of the acceptable media types can carry a {form} result")
    return media


class _Enough(Exception):
    """Raised by :class:`_TsvSink` to stop pyoxigraph's serialiser once the cap is passed."""


class _TsvSink(io.RawIOBase):
    """Collects SPARQL TSV (a header line, then one line per row: newlines inside terms are escaped) and
    stops the writer as soon as it holds more than ``lines`` lines, so a huge result is never written out."""

    def __init__(self, lines: int) -> None:
        self.data = bytearray()
        self.lines = 0
        self.limit = lines

    def writable(self) -> bool:
        return True

    def write(self, chunk: bytes | bytearray | memoryview) -> int:  # type: ignore[override]
        self.data += chunk
        self.lines += bytes(chunk).count(b"\n")
        if self.lines > self.limit:
            raise _Enough
        return len(chunk)


def _tsv(solutions: QuerySolutions, lines: int, bounded: bool) -> tuple[bytes, int]:
    """The solutions as TSV, stopped once it has more than ``lines`` lines (a bounded result is written
    whole), and how many lines it has."""
    if bounded:
        data: bytes | bytearray = solutions.serialize(format=QueryResultsFormat.TSV)
    else:
        sink = _TsvSink(lines)
        try:
            solutions.serialize(sink, format=QueryResultsFormat.TSV)
        except _Enough:
            pass
        data = sink.data
    return bytes(data), data.count(b"\n")


def _first_lines(data: bytes, count: int) -> bytes:
    end = 0
    for _ in range(count):
        end = data.index(b"\n", end) + 1
    return data[:end]


def _render_solutions(solutions: QuerySolutions, media: str, max_rows: int, bounded: bool) -> Rendered:
    """pyoxigraph writes the rows as TSV (in Rust, no Python object per term), stopped after ``max_rows`` + 1
    rows; the kept rows are re-read and written in the negotiated format."""
    tsv, lines = _tsv(solutions, max_rows + 1, bounded)
    truncated = lines - 1 > max_rows
    rows = max_rows if truncated else lines - 1
    if truncated:
        tsv = _first_lines(tsv, rows + 1)
    fmt = SOLUTION_FORMATS[media]
    body = tsv if fmt == QueryResultsFormat.TSV else parse_query_results(
        tsv, format=QueryResultsFormat.TSV).serialize(format=fmt)
    return Rendered(_content_type(media), body, rows, truncated)


def _render_graph(triples: Iterable[Triple], media: str, max_rows: int) -> Rendered:
    kept = list(islice(triples, max_rows + 1))
    truncated = len(kept) > max_rows
    del kept[max_rows:]
    fmt = GRAPH_FORMATS[media]
    statements: list[Triple] | list[Quad] = kept
    if fmt.supports_datasets:
        statements = [Quad(t.subject, t.predicate, t.object, DefaultGraph()) for t in kept]
    if fmt in _PREFIXED:
        body = serialize(statements, format=fmt, prefixes=PREFIXES)
    else:
        body = serialize(statements, format=fmt)
    return Rendered(_content_type(media), body, len(kept), truncated)
