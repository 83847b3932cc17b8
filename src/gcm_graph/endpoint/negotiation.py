"""Result formats: which serialisation a client gets, from its Accept header or a ``format`` parameter.

The answer is a pair, one media type for solutions (SELECT/ASK) and one for graphs (CONSTRUCT/DESCRIBE),
because the kind of result is only certain once the query runs. Defaults when the client accepts anything:
SPARQL JSON and Turtle (not N-Quads as oxigraph's server does: Turtle is what people can read).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from pyoxigraph import QueryResultsFormat, RdfFormat
from werkzeug.datastructures import MIMEAccept
from werkzeug.http import parse_accept_header

from .errors import NotAcceptable

#: the first entry of each table is the default when a client accepts anything
SOLUTION_FORMATS: dict[str, QueryResultsFormat] = {
    "application/sparql-results+json": QueryResultsFormat.JSON,
    "application/sparql-results+xml": QueryResultsFormat.XML,
    "text/csv": QueryResultsFormat.CSV,
    "text/tab-separated-values": QueryResultsFormat.TSV,
}
GRAPH_FORMATS: dict[str, RdfFormat] = {
    "text/turtle": RdfFormat.TURTLE,
    "application/n-triples": RdfFormat.N_TRIPLES,
    "application/ld+json": RdfFormat.JSON_LD,
    "application/rdf+xml": RdfFormat.RDF_XML,
    "application/trig": RdfFormat.TRIG,
    "application/n-quads": RdfFormat.N_QUADS,
}
#: generic media types clients send, and the specific type each stands for
_ALIASES: dict[str, tuple[str | None, str | None]] = {
    "application/json": ("application/sparql-results+json", "application/ld+json"),
    "application/xml": ("application/sparql-results+xml", "application/rdf+xml"),
    "text/xml": ("application/sparql-results+xml", "application/rdf+xml"),
    "text/plain": ("text/tab-separated-values", "application/n-triples"),
    "application/x-turtle": (None, "text/turtle"),
}
#: short names for the ``format`` parameter (and file extensions under /data/)
FORMAT_NAMES: dict[str, str] = {
    "json": "application/sparql-results+json", "srj": "application/sparql-results+json",
    "xml": "application/sparql-results+xml", "srx": "application/sparql-results+xml",
    "csv": "text/csv", "tsv": "text/tab-separated-values",
    "ttl": "text/turtle", "turtle": "text/turtle", "nt": "application/n-triples",
    "ntriples": "application/n-triples", "jsonld": "application/ld+json", "json-ld": "application/ld+json",
    "rdf": "application/rdf+xml", "rdfxml": "application/rdf+xml", "trig": "application/trig",
    "nq": "application/n-quads", "nquads": "application/n-quads",
}


@dataclass(frozen=True)
class Formats:
    """The media type to answer with for each kind of result; None: the client accepts none of ours."""

    solutions: str | None
    graph: str | None

    def for_form(self, form: str | None) -> str | None:
        return self.graph if form in ("CONSTRUCT", "DESCRIBE") else self.solutions


def best_match(accept_header: str | None, offered: list[str]) -> str | None:
    """The offered media type the header prefers (q-values, wildcards); the first offered if no header.

    >>> best_match("text/html;q=0.9, text/turtle", ["text/html", "text/turtle"])
    'text/turtle'
    >>> best_match("image/png", ["text/turtle"]) is None
    True
    """
    if not accept_header or not accept_header.strip():
        return offered[0]
    return parse_accept_header(accept_header, MIMEAccept).best_match(offered)


def _expand(accept_header: str) -> str:
    """Rewrite generic types (application/json …) into our specific ones, keeping their q-values."""
    parts = []
    for value, quality in parse_accept_header(accept_header, MIMEAccept):
        for specific in _ALIASES.get(value.lower(), (value,)):
            if specific:
                parts.append(f"{specific};q={quality}")
    return ", ".join(parts)


@lru_cache(maxsize=512)
def choose_formats(accept_header: str | None, format_name: str | None = None) -> Formats:
    """Negotiate both kinds of result; ``format`` (a short name or a media type) overrides Accept.
    Memoised: clients send few distinct Accept headers, and parsing one costs more than a cached query.

    >>> choose_formats("application/json")
    Formats(solutions='application/sparql-results+json', graph='application/ld+json')
    >>> choose_formats("*/*", "csv")
    Formats(solutions='text/csv', graph=None)
    """
    if format_name:
        media = FORMAT_NAMES.get(format_name.lower(), format_name.lower())
        formats = Formats(media if media in SOLUTION_FORMATS else None,
                          media if media in GRAPH_FORMATS else None)
        if formats == Formats(None, None):
            raise NotAcceptable(f"parameter format: {format_name!r} is not one of {sorted(FORMAT_NAMES)}")
        return formats
    header = _expand(accept_header) if accept_header and accept_header.strip() else None
    return Formats(
        best_match(header, list(SOLUTION_FORMATS)),
        best_match(header, list(GRAPH_FORMATS)),
    )
