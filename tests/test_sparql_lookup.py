"""Single-pattern lookups run in the web process (endpoint/lookup.py, backend.LocalBackend.execute): which
queries qualify, that they answer byte for byte what a query worker answers, and that big ones still go to
the workers."""

from __future__ import annotations

import pytest

from gcm_graph import backend as backend_module
from gcm_graph.backend import LocalBackend
from gcm_graph.endpoint.engine import EngineSource
from gcm_graph.endpoint.errors import QuerySyntaxError
from gcm_graph.endpoint.execution import QueryJob
from gcm_graph.endpoint.lookup import lookup_form
from gcm_graph.endpoint.negotiation import choose_formats
from gcm_graph.settings import Settings

DATA1 = "http://kasei.us/2009/09/sparql/data/data1.rdf"

LOOKUPS = [
    "SELECT ?p ?o WHERE { <https://w3id.org/gcm/id/report/A-76-642> ?p ?o }",
    "SELECT * { ?s ?p ?o }",
    "select ?s where { ?s a <http://xmlns.com/foaf/0.1/Person> . } limit 3",
    'PREFIX foaf: <http://xmlns.com/foaf/0.1/>\nSELECT ?s WHERE { ?s foaf:name "Alice" }',
    "PREFIX : <http://xmlns.com/foaf/0.1/> BASE <http://example.org/> SELECT ?s { ?s :name ?n }",
    'SELECT ?c WHERE { ?c <http://www.w3.org/2004/02/skos/core#prefLabel> "泰国"@zh }',
    'SELECT ?s { ?s ?p "3"^^<http://www.w3.org/2001/XMLSchema#integer> }',
    "ASK { ?s ?p 42 }",
    "# a comment with { braces }\nSELECT ?o WHERE { <http://x/s> <http://x/p> ?o } # and after",
]
#: judged on the unescaped text, as SPARQL 1.1 §19.2 says (oxigraph itself only unescapes inside strings)
ESCAPED = r"SELECT ?s WHERE \u007B ?s ?p ?o \u007D"

NOT_LOOKUPS = [
    "SELECT ?s WHERE { ?s <http://x/p>* ?o }",  # a property path
    "SELECT ?s WHERE { ?s <http://x/p>/<http://x/q> ?o }",
    "SELECT ?s WHERE { ?s ^<http://x/p> ?o }",
    "SELECT * { ?x ?p ?x }",  # a repeated variable: a scan that filters, not a lookup
    "SELECT * { ?s ?p ?o . ?o ?q ?r }",  # two patterns
    "SELECT * { ?s ?p ?o ; ?q ?r }",
    "SELECT * { ?s ?p ?o , ?r }",
    "SELECT * { ?s ?p ?o FILTER(?o > 1) }",
    "SELECT * { ?s ?p ?o OPTIONAL { ?o ?q ?r } }",
    "SELECT * { { ?s ?p ?o } }",
    "SELECT * { GRAPH ?g { ?s ?p ?o } }",
    "SELECT * FROM <http://x/g> { ?s ?p ?o }",
    "SELECT DISTINCT ?p { ?s ?p ?o }",
    "SELECT ?s { ?s ?p ?o } ORDER BY ?s",
    "SELECT ?s { ?s ?p ?o } OFFSET 100000",
    "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }",
    "SELECT * { ?s ?p [] }",
    "SELECT * { ?s ?p _:b }",
    "SELECT * { SERVICE <http://127.0.0.1/> { ?s ?p ?o } }",
    "SELECT * { VALUES ?s { <http://x/a> } ?s ?p ?o }",
    "SELECT * { ?s ?p ?o BIND(1 AS ?x) }",
    "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }",
    "DESCRIBE <http://x/a>",
    "DELETE WHERE { ?s ?p ?o }",
    'SELECT * { ?s ?p """ } UNION { ?a ?b ?c """ }',
    r"SELECT ?s WHERE { ?s ?p ?o \u007D UNION \u007B ?a ?b ?c }",
    "SELECT ?s WHERE { ?s ?p ?o } LIMIT ?x",
    "PREFIX x <http://x/> SELECT * { ?s ?p ?o }",
    "",
    "SELECT",
]


@pytest.mark.parametrize("query", [*LOOKUPS, ESCAPED])
def test_lookups_are_recognised(query: str):
    assert lookup_form(query) in ("SELECT", "ASK")


@pytest.mark.parametrize("query", NOT_LOOKUPS)
def test_everything_else_goes_to_the_workers(query: str):
    assert lookup_form(query) is None


@pytest.fixture()
def local(mini_settings: Settings):
    backend = LocalBackend(EngineSource(mini_settings.oxigraph_dir), query_workers=1)
    yield backend
    backend.close()


def _job(query: str, accept: str = "application/sparql-results+json", max_rows: int = 10_000) -> QueryJob:
    return QueryJob(query, choose_formats(accept, None), max_rows, base_iri="http://localhost/sparql")


@pytest.mark.parametrize("accept", ["application/sparql-results+json", "text/csv", "application/sparql-results+xml"])
@pytest.mark.parametrize("query", [q for q in LOOKUPS if not q.startswith("ASK")] + ["ASK { ?s ?p ?o }"])
def test_a_lookup_answers_here_exactly_what_a_worker_answers(local: LocalBackend, query: str, accept: str):
    here = local.execute(_job(query, accept), timeout=10)
    assert local._pool is None  # no worker was needed
    there = local.pool.run(_job(query, accept), timeout=10)
    assert (here.media_type, here.body, here.rows, here.truncated) == \
        (there.media_type, there.body, there.rows, there.truncated)


def test_a_lookup_with_more_rows_than_the_lane_allows_goes_to_a_worker(local: LocalBackend, monkeypatch):
    monkeypatch.setattr(backend_module, "LOOKUP_ROWS", 3)
    rendered = local.execute(_job("SELECT * { ?s ?p ?o }", "text/csv"), timeout=10)
    assert local._pool is not None
    assert rendered.rows is not None and rendered.rows > 3 and not rendered.truncated


def test_the_row_cap_still_applies_to_a_lookup(local: LocalBackend):
    rendered = local.execute(_job("SELECT * { ?s ?p ?o }", "text/csv", max_rows=2), timeout=10)
    assert rendered.rows == 2 and rendered.truncated and local._pool is None


def test_a_broken_lookup_reports_the_parser_message(local: LocalBackend):
    with pytest.raises(QuerySyntaxError, match="parameter query"):
        local.execute(_job("SELECT ?s { <not an iri> ?p ?o }"), timeout=10)


def test_dataset_parameters_send_a_lookup_to_the_workers(local: LocalBackend):
    job = QueryJob("SELECT * { ?s ?p ?o }", choose_formats("text/csv", None), 100, default_graphs=(DATA1,))
    assert local.execute(job, timeout=10).rows
    assert local._pool is not None


def test_a_lookup_with_a_limit_of_its_own_within_the_lane_runs_here(local: LocalBackend):
    rendered = local.execute(_job("SELECT * { ?s ?p ?o } LIMIT 2", "text/csv"), timeout=10)
    assert (rendered.rows, rendered.truncated, local._pool) == (2, False, None)


def test_a_lookup_with_a_larger_limit_of_its_own_goes_to_a_worker(local: LocalBackend, monkeypatch):
    monkeypatch.setattr(backend_module, "LOOKUP_ROWS", 3)
    rendered = local.execute(_job("SELECT * { ?s ?p ?o } LIMIT 5 # five", "text/csv"), timeout=10)
    assert local._pool is not None and rendered.rows == 5 and not rendered.truncated


@pytest.mark.parametrize("query", [
    "SELECT " + " " * 1_000_000 + "?s",
    "SELECT * {" + " #\n" * 300_000 + " ?s ?p",
    'SELECT * { ?s ?p "' + "\\\\" * 400_000,
    "PREFIX a: <x> " * 60_000,
    "SELECT " + "?a " * 300_000 + "{ ?s ?p ?o",
    "SELECT * { ?s ?p ?o }" + " " * 1_000_000 + "x",
])
def test_a_megabyte_of_hostile_text_is_no_lookup_and_does_not_hang_the_recogniser(query: str):
    assert lookup_form(query) is None  # whitespace, comments and literals are matched without backtracking


def test_a_long_lookup_is_still_a_lookup():
    query = "PREFIX a: <http://x/> " * 10_000 + "SELECT " + " ".join(f"?v{i}" for i in range(10_000)) + \
        " { ?s a:p \"" + "x" * 100_000 + "\" }" + " # done" * 10_000
    assert lookup_form(query) == "SELECT"
