"""A query answer as an HTML table for people: what the /sparql page shows when a browser sends a query
without JavaScript (or follows a shared link), instead of SPARQL XML it cannot read.

The answer is computed as SPARQL JSON (SELECT/ASK) or N-Triples (CONSTRUCT/DESCRIBE), like any other, and
turned here into rows of cells; each cell knows whether it is an IRI (the template links our own IRIs to
their pages) and carries a literal's language or datatype.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from pyoxigraph import Literal, NamedNode, RdfFormat, parse

from ..endpoint.negotiation import GRAPH_FORMATS, SOLUTION_FORMATS, Formats
from ..endpoint.results import Rendered

#: what the page asks the engine for, and the most rows it shows
TABLE_FORMATS = Formats("application/sparql-results+json", "application/n-triples")
TABLE_ROWS = 1000
#: the machine-readable types a /sparql answer can have (a browser's text/html must beat all of them)
RESULT_TYPES = [*SOLUTION_FORMATS, *GRAPH_FORMATS]


@dataclass(frozen=True)
class Cell:
    value: str
    #: "uri", "literal" or "bnode"
    kind: str
    #: a literal's language tag or datatype IRI ("" when plain)
    note: str = ""


@dataclass(frozen=True)
class ResultTable:
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell | None, ...], ...]
    truncated: bool
    #: an ASK answer (then there are no columns or rows)
    boolean: bool | None = None


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def _json_cell(binding: dict[str, str] | None) -> Cell | None:
    if binding is None:
        return None
    kind = "literal" if binding["type"] in ("literal", "typed-literal") else binding["type"]
    note = binding.get("xml:lang", "") or binding.get("datatype", "")
    return Cell(binding["value"], kind, "" if note == _XSD_STRING else note)


def _term_cell(term: object) -> Cell:
    if isinstance(term, NamedNode):
        return Cell(term.value, "uri")
    if isinstance(term, Literal):
        note = term.language or ("" if term.datatype.value == _XSD_STRING else term.datatype.value)
        return Cell(term.value, "literal", note)
    return Cell(str(term), "bnode")


def result_table(rendered: Rendered) -> ResultTable:
    """``rendered`` (in :data:`TABLE_FORMATS`) as a table.

    >>> table = result_table(Rendered("application/sparql-results+json", '{"head":{"vars":["x"]},'
    ...     '"results":{"bindings":[{"x":{"type":"literal","value":"泰国","xml:lang":"zh"}},{}]}}'.encode(), 2, False))
    >>> table.columns, table.rows
    (('x',), ((Cell(value='泰国', kind='literal', note='zh'),), (None,)))
    """
    if rendered.media_type.startswith("application/n-triples"):
        triples = parse(rendered.body, format=RdfFormat.N_TRIPLES)
        rows = tuple((_term_cell(t.subject), _term_cell(t.predicate), _term_cell(t.object)) for t in triples)
        return ResultTable(("subject", "predicate", "object"), rows, rendered.truncated)
    answer = json.loads(rendered.body)
    if "boolean" in answer:
        return ResultTable((), (), False, bool(answer["boolean"]))
    columns = tuple(answer["head"].get("vars", []))
    rows = tuple(tuple(_json_cell(binding.get(name)) for name in columns) for binding in answer["results"]["bindings"])
    return ResultTable(columns, rows, rendered.truncated)
