"""/sparql through Flask's test client: formats, statuses, the row cap, the timeout, caching headers."""

from __future__ import annotations

import csv
import gzip
import io
import json
import logging
import re
from dataclasses import replace
from urllib.parse import quote

import pyoxigraph
import pytest

from gcm_graph.settings import Settings
from gcm_graph.web import create_app

SELECT_GRAPHS = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"
DATA1 = "http://kasei.us/2009/09/sparql/data/data1.rdf"
CONSTRUCT = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{DATA1}> {{ ?s ?p ?o }} }}"
#: never finishes on any store with a few dozen triples: 50^8 rows to count
CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { " + " ".join(f"?s{i} ?p{i} ?o{i} ." for i in range(8)) + " }"


@pytest.fixture(scope="module")
def client(mini_settings: Settings):
    app = create_app(replace(mini_settings, max_rows=10))
    yield app.test_client()
    app.extensions["gcm"].backend.close()


def get(client, query: str, **headers):
    return client.get("/sparql?query=" + quote(query), headers=headers)


def test_select_json_counts_every_named_graph(client, mini_settings):
    response = get(client, SELECT_GRAPHS)
    assert response.status_code == 200
    assert response.mimetype == "application/sparql-results+json"
    rows = json.loads(response.data)["results"]["bindings"]
    build = json.loads(mini_settings.build_info.read_text())
    assert {r["g"]["value"]: int(r["n"]["value"]) for r in rows} == build["graphs"]


@pytest.mark.parametrize("accept, parse", [
    ("application/sparql-results+xml", lambda b: b.count(b"<result>")),
    ("text/csv", lambda b: len(list(csv.reader(io.StringIO(b.decode())))) - 1),
    ("text/tab-separated-values", lambda b: len(b.decode().splitlines()) - 1),
    ("application/sparql-results+json", lambda b: len(json.loads(b)["results"]["bindings"])),
])
def test_select_formats_carry_the_same_rows(client, accept, parse):
    response = get(client, SELECT_GRAPHS, Accept=accept)
    assert response.status_code == 200 and response.mimetype == accept
    assert parse(response.data) == int(response.headers["X-GCM-Rows"]) == 5


@pytest.mark.parametrize("accept", ["text/turtle", "application/n-triples", "application/ld+json",
                                    "application/rdf+xml", "application/trig", "application/n-quads"])
def test_construct_formats_parse_back_to_the_same_triple(client, accept):
    response = get(client, CONSTRUCT, Accept=accept)
    assert response.status_code == 200 and response.mimetype == accept
    quads = list(pyoxigraph.parse(response.data, format=pyoxigraph.RdfFormat.from_media_type(accept)))
    assert [str(q.triple) for q in quads] == [
        "<http://kasei.us/2009/09/sparql/data/data1.rdf> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
        "<http://xmlns.com/foaf/0.1/Document>"]


def test_format_parameter_and_post_forms(client):
    assert get(client, "ASK {}", Accept="image/png").status_code == 406
    assert get(client, "ASK {}", Accept="text/html").mimetype == "text/html"  # the query page, with its answer
    assert client.get("/sparql?format=csv&query=" + quote("ASK {}")).data.strip() == b"true"
    direct = client.post("/sparql", data=CONSTRUCT, content_type="application/sparql-query",
                         headers={"Accept": "application/n-triples"})
    form = client.post("/sparql", data={"query": CONSTRUCT}, headers={"Accept": "application/n-triples"})
    assert direct.status_code == form.status_code == 200 and direct.data == form.data


def test_default_graph_is_the_union_unless_the_request_names_graphs(client):
    count = "SELECT (COUNT(*) AS ?n) { ?s a <http://xmlns.com/foaf/0.1/Document> }"
    union = get(client, count, Accept="text/csv")
    named = client.get("/sparql?default-graph-uri=" + quote("http://kasei.us/2009/09/sparql/data/data2.rdf")
                       + "&query=" + quote(count), headers={"Accept": "text/csv"})
    assert union.data.split() == [b"n", b"3"] and named.data.split() == [b"n", b"1"]


def test_row_cap_cuts_and_flags_the_result(client):
    response = get(client, "SELECT ?s { ?s ?p ?o }", Accept="text/tab-separated-values")
    assert response.status_code == 200
    assert response.headers["X-GCM-Truncated"] == "true" and response.headers["X-GCM-Rows"] == "10"
    assert len(response.data.decode().splitlines()) == 11
    small = get(client, SELECT_GRAPHS)
    assert "X-GCM-Truncated" not in small.headers


@pytest.mark.parametrize("query, status, words", [
    ("SELECT * WHERE { ?s ?p }", 400, "error at"),
    ("CLEAR ALL", 403, "read-only"),
    ("SELECT * { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }", 403, "allow-list"),
    ("SELECT * { SERVICE <http://10.1.2.3/sparql> { ?s ?p ?o } }", 403, "allow-list"),
    ("SELECT * FROM <not an iri> {}", 400, ""),
])
def test_refusals_carry_status_and_reason(client, query, status, words):
    response = get(client, query)
    assert response.status_code == status and response.mimetype == "text/plain"
    assert words in response.get_data(as_text=True)


def test_one_megabyte_body_is_413(client):
    response = client.post("/sparql", data="ASK {}" + " " * (1024 * 1024),
                           content_type="application/sparql-query")
    assert response.status_code == 413


def test_deeply_nested_query_gets_an_answer_not_a_crash(client):
    response = get(client, "ASK " + "{ " * 2000 + " }" * 2000)
    assert response.status_code in (200, 400)
    assert get(client, "ASK {}").status_code == 200


def test_cors_etag_and_gzip(client):
    first = get(client, SELECT_GRAPHS, **{"Accept-Encoding": "gzip", "Origin": "https://yasgui.example"})
    assert first.headers["Access-Control-Allow-Origin"] == "*"
    assert "X-GCM-Truncated" in first.headers["Access-Control-Expose-Headers"]
    etag = first.headers["ETag"]
    again = get(client, SELECT_GRAPHS, **{"If-None-Match": etag})
    assert again.status_code == 304
    other = get(client, SELECT_GRAPHS, **{"If-None-Match": etag, "Accept": "text/csv"})
    assert other.status_code == 200
    big = get(client, "SELECT * { ?s ?p ?o }", **{"Accept-Encoding": "gzip"})
    assert big.headers.get("Content-Encoding") == "gzip"
    assert json.loads(gzip.decompress(big.data))["results"]["bindings"]
    preflight = client.options("/sparql", headers={"Origin": "https://x.example",
                                                  "Access-Control-Request-Method": "POST"})
    assert "POST" in preflight.headers["Access-Control-Allow-Methods"]


def test_browser_gets_the_query_page_and_rdf_clients_the_service_description(client):
    page = client.get("/sparql", headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert page.status_code == 200 and page.mimetype == "text/html" and b"<form" in page.data
    sd = client.get("/sparql", headers={"Accept": "text/turtle"})
    assert sd.mimetype == "text/turtle" and b"SPARQL11Query" in sd.data


def test_a_runaway_query_is_killed_at_the_timeout_and_the_worker_is_replaced(mini_settings):
    app = create_app(replace(mini_settings, query_timeout=1.0, query_workers=1))
    try:
        client = app.test_client()
        stopped = get(client, CARTESIAN)
        assert stopped.status_code == 503 and "query_timeout" in stopped.get_data(as_text=True)
        assert stopped.headers["Retry-After"]
        assert get(client, "ASK {}", Accept="text/csv").data.strip() == b"true"
        lowered = client.get("/sparql?timeout=0.2&query=" + quote(CARTESIAN))
        assert lowered.status_code == 503 and "the limit is 0.2 s" in lowered.get_data(as_text=True)
    finally:
        app.extensions["gcm"].backend.close()


def test_each_query_leaves_an_access_log_line_with_its_time(client, caplog):
    with caplog.at_level(logging.INFO, logger="gcm_graph.access"):
        get(client, SELECT_GRAPHS + " # logged")
    (line,) = [r.getMessage() for r in caplog.records if r.name == "gcm_graph.access"]
    assert re.search(r'"GET /sparql\?query=\S+logged" 200 [0-9.]+ ms rows=5$', line), line
