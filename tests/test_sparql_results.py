"""endpoint/results.py: the row cap is exact at its boundary, and hostile terms come out as pyoxigraph
itself writes them (the capped path goes through TSV and back), whether the TSV is cut by the sink or written
whole (``bounded``, for a lookup that carries its own LIMIT)."""

from __future__ import annotations

import pytest
from pyoxigraph import Literal, NamedNode, Quad, QueryResultsFormat, Store

from gcm_graph.endpoint.negotiation import SOLUTION_FORMATS, Formats
from gcm_graph.endpoint.results import render

HOSTILE = ["line\nbreak", "tab\there", 'quote " and \\ backslash', "\r\x01\x7f", "𝄞 astral", "", "泰国",
           "ends with newline\n"]


@pytest.fixture(scope="module")
def store() -> Store:
    store = Store()
    for i, text in enumerate(HOSTILE):
        store.add(Quad(NamedNode(f"http://x/s{i}"), NamedNode("http://x/p"), Literal(text, language="zh")))
        store.add(Quad(NamedNode(f"http://x/s{i}"), NamedNode("http://x/q"), Literal(text)))
    return store


QUERY = "SELECT ?s ?o ?unbound WHERE { ?s ?p ?o } ORDER BY ?s ?p"


@pytest.mark.parametrize("bounded", [False, True])
@pytest.mark.parametrize("media", sorted(SOLUTION_FORMATS))
def test_uncut_results_are_what_pyoxigraph_writes(store: Store, media: str, bounded: bool):
    ours = render(store.query(QUERY), Formats(media, None), max_rows=100, bounded=bounded)
    theirs = store.query(QUERY).serialize(format=SOLUTION_FORMATS[media])
    assert ours.body == theirs and ours.rows == 2 * len(HOSTILE) and not ours.truncated


@pytest.mark.parametrize("bounded", [False, True])
@pytest.mark.parametrize("max_rows, rows, truncated", [(16, 16, False), (15, 15, True), (1, 1, True), (0, 0, True)])
def test_the_cap_is_exact(store: Store, max_rows: int, rows: int, truncated: bool, bounded: bool):
    out = render(store.query(QUERY), Formats("application/sparql-results+json", None), max_rows, bounded=bounded)
    assert (out.rows, out.truncated) == (rows, truncated)
    every = render(store.query(QUERY), Formats("text/tab-separated-values", None), 100).body.split(b"\n")
    cut = render(store.query(QUERY), Formats("text/tab-separated-values", None), max_rows, bounded=bounded).body
    assert cut == b"\n".join(every[:rows + 1]) + b"\n"


def test_no_rows_and_no_variables(store: Store):
    empty = render(store.query("SELECT ?s { ?s <http://x/none> ?o }"), Formats("text/csv", None), 10)
    assert (empty.rows, empty.truncated, empty.body) == (0, False, b"s\r\n")
    nothing = render(store.query("SELECT * {}"), Formats("application/sparql-results+json", None), 10)
    assert nothing.rows == 1 and not nothing.truncated
    assert nothing.body == store.query("SELECT * {}").serialize(format=QueryResultsFormat.JSON)
