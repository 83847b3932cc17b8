"""The protocol rules without a server: request decoding, negotiation, and the guards on hostile text."""

from __future__ import annotations

import pytest

from gcm_graph.endpoint.errors import (
    MalformedRequest,
    MethodNotAllowed,
    NotAcceptable,
    QuerySyntaxError,
    RequestTooLarge,
    ServiceRefused,
    UnsupportedMediaType,
    UpdateRefused,
)
from gcm_graph.endpoint.guard import MAX_NESTING, check_query
from gcm_graph.endpoint.negotiation import choose_formats
from gcm_graph.endpoint.request import parse_query_request
from gcm_graph.endpoint.scanner import query_form

LIMIT = 512 * 1024


def parse(method="GET", qs=b"", ctype=None, body=b""):
    return parse_query_request(method, qs, ctype, body, LIMIT)


def test_get_with_dataset_and_client_timeout():
    req = parse(qs=b"query=SELECT+*+%7B%7D&default-graph-uri=urn%3Aa&default-graph-uri=urn%3Ab"
                   b"&named-graph-uri=urn%3Ac&timeout=2.5&format=csv")
    assert (req.query, req.default_graphs, req.named_graphs, req.timeout, req.format) == (
        "SELECT * {}", ("urn:a", "urn:b"), ("urn:c",), 2.5, "csv")


def test_form_post_merges_url_and_body_parameters():
    req = parse("POST", b"default-graph-uri=urn%3Ag", "application/x-www-form-urlencoded; charset=UTF-8",
                b"query=ASK+%7B+%3Fs+%3Fp+%22%E6%B3%B0%E5%9B%BD%22+%7D")
    assert req.query == 'ASK { ?s ?p "泰国" }' and req.default_graphs == ("urn:g",)


def test_get_without_query_asks_for_the_description():
    assert parse() is None


@pytest.mark.parametrize("args, error", [
    (("PUT", b"query=ASK%7B%7D"), MethodNotAllowed),
    (("DELETE",), MethodNotAllowed),
    (("GET", b"query=ASK%7B%7D&query=ASK%7B%7D"), MalformedRequest),
    (("POST", b"query=ASK%7B%7D", "application/sparql-query", b"ASK {}"), MalformedRequest),
    (("POST", b"", "text/plain", b"ASK {}"), UnsupportedMediaType),
    (("POST", b"", None, b"ASK {}"), MalformedRequest),
    (("POST", b"", "application/x-www-form-urlencoded", b""), MalformedRequest),
    (("POST", b"", "application/sparql-query", "ASK {}".encode("utf-16")), MalformedRequest),
    (("POST", b"", "application/sparql-query; charset=UTF-16", "ASK {}".encode("utf-16")),
     UnsupportedMediaType),
    (("GET", b"query=%FF%FE"), MalformedRequest),
    (("GET", b"query=ASK%7B%7D&timeout=soon"), MalformedRequest),
    (("GET", b"query=ASK%7B%7D&timeout=-1"), MalformedRequest),
])
def test_malformed_requests_are_refused_with_their_status(args, error):
    with pytest.raises(error):
        parse(*args)


@pytest.mark.parametrize("args", [
    ("GET", b"update=CLEAR+ALL"),
    ("POST", b"", "application/x-www-form-urlencoded", b"update=DROP+ALL"),
    ("POST", b"", "application/sparql-update", b"CLEAR ALL"),
    ("POST", b"using-graph-uri=urn%3Ag", "application/x-www-form-urlencoded", b"query=ASK%7B%7D"),
])
def test_update_in_any_request_shape_is_refused(args):
    with pytest.raises(UpdateRefused):
        parse(*args)


def test_a_one_megabyte_query_is_too_large():
    big = b"query=" + b"%20" * (1024 * 1024 // 3)
    with pytest.raises(RequestTooLarge):
        parse(qs=big)
    with pytest.raises(RequestTooLarge):
        parse("POST", b"", "application/sparql-query", b" " * (1024 * 1024))


@pytest.mark.parametrize("query", [
    "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
    "delete where { ?s ?p ?o }",
    "PREFIX ex: <urn:> DELETE { ?s ?p ?o } INSERT { ?s ?p 1 } WHERE { ?s ?p ?o }",
    "WITH <urn:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
    "LOAD <http://127.0.0.1/x.ttl>", "CLEAR ALL", "DROP SILENT GRAPH <urn:g>", "CREATE GRAPH <urn:g>",
    "COPY DEFAULT TO <urn:g>", "MOVE <urn:a> TO <urn:b>", "ADD <urn:a> TO <urn:b>",
    "# a comment\nBASE <urn:x> PREFIX select: <urn:y> insert data {}",
    r"\u0049NSERT DATA { <urn:a> <urn:b> <urn:c> }",
])
def test_update_operations_in_the_query_text_are_refused(query):
    with pytest.raises(UpdateRefused):
        check_query(query)


@pytest.mark.parametrize("query", [
    "SELECT * { SERVICE <http://127.0.0.1:7878/query> { ?s ?p ?o } }",
    "SELECT * { service silent <http://10.0.0.1/sparql> { ?s ?p ?o } }",
    "SELECT * { SERVICE<http://192.168.1.1/sparql>{?s ?p ?o} }",
    "SELECT * { SERVICE <http://[::1]:8080/sparql> { ?s ?p ?o } }",
    "SELECT * { SERVICE <http://169.254.169.254/latest/meta-data> { ?s ?p ?o } }",
    "PREFIX loc: <http://127.0.0.1/> SELECT * { SERVICE loc:sparql { ?s ?p ?o } }",
    "SELECT * { VALUES ?e { <http://127.0.0.1/sparql> } SERVICE ?e { ?s ?p ?o } }",
    r"SELECT * { \u0053ERVICE <http://127.0.0.1/sparql> { ?s ?p ?o } }",
    "SELECT * { # SERVICE in a comment does not hide the real one\n SERVICE <http://127.0.0.1/> {} }",
])
def test_service_to_anything_not_allow_listed_is_refused(query):
    with pytest.raises(ServiceRefused):
        check_query(query, service_allowlist=("https://query.wikidata.org/sparql",))


@pytest.mark.parametrize("query", [
    'SELECT * { ?s ?p "SERVICE <http://127.0.0.1/>" }',
    "SELECT * { ?s <http://example.org/SERVICE> ?o }",
    "PREFIX ex: <urn:> SELECT ?service { ?service ex:service ?o } # SERVICE <http://127.0.0.1/>",
    "SELECT * { ?s ?p 'service' }",
    "SELECT * { SERVICE <https://query.wikidata.org/sparql> { ?s ?p ?o } }",
])
def test_service_lookalikes_and_allow_listed_endpoints_pass(query):
    assert check_query(query, service_allowlist=("https://query.wikidata.org/sparql",)) == "SELECT"


def test_a_deeply_nested_query_is_scanned_without_recursion_and_refused():
    assert check_query("SELECT * " + "{ " * MAX_NESTING + "?s ?p ?o" + " }" * MAX_NESTING) == "SELECT"
    for query in ("SELECT * " + "{ " * 5000 + "?s ?p ?o" + " }" * 5000,
                  "ASK { FILTER(" + "(" * 100_000 + "1" + ")" * 100_000 + ") }",
                  r"ASK \u007B" + r" \u007B" * 600 + " }" * 601):
        with pytest.raises(QuerySyntaxError, match="levels deep"):
            check_query(query)
    assert check_query('ASK { ?s ?p "' + "{" * 5000 + '" } # ' + "(" * 5000) == "ASK"  # not structure


@pytest.mark.parametrize("query, form", [
    ("ASK {}", "ASK"), ("describe <urn:x>", "DESCRIBE"), ("PREFIX a: <urn:> CONSTRUCT WHERE {}", "CONSTRUCT"),
    ("SELEC * {}", None), ("", None),
    ("PREFIX ex: <urn:> SELECT * { ?s ?p ex:泰国 }", "SELECT"),  # a Chinese name (the guard crashed on it)
    ("ASK{é}", "ASK"),
])
def test_query_form(query, form):
    assert query_form(query) == form


@pytest.mark.parametrize("accept, solutions, graph", [
    (None, "application/sparql-results+json", "text/turtle"),
    ("*/*", "application/sparql-results+json", "text/turtle"),
    ("application/sparql-results+xml", "application/sparql-results+xml", None),
    ("text/csv;q=0.5, text/tab-separated-values", "text/tab-separated-values", None),
    ("application/rdf+xml, */*;q=0.1", "application/sparql-results+json", "application/rdf+xml"),
    ("application/n-quads", None, "application/n-quads"),
    ("text/html", None, None),
])
def test_accept_negotiation(accept, solutions, graph):
    formats = choose_formats(accept)
    assert (formats.solutions, formats.graph) == (solutions, graph)


def test_format_parameter_overrides_accept_and_unknown_names_are_406():
    assert choose_formats("text/html", "tsv").solutions == "text/tab-separated-values"
    assert choose_formats(None, "jsonld").graph == "application/ld+json"
    with pytest.raises(NotAcceptable):
        choose_formats(None, "yaml")
