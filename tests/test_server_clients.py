"""Live servers driven by clients nobody here wrote: SPARQLWrapper, rdflib's SPARQLStore, other engines
federating into us with SERVICE, plain HTTP; and 200 concurrent requests. Every test runs against the app
under waitress in a thread and against the README's server (granian, its own process)."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import quote

import pyoxigraph
import pytest
import rdflib
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, TURTLE, SPARQLWrapper

from gcm_graph.settings import Settings

DOC = "http://kasei.us/2009/09/sparql/data/data1.rdf"
DOC_PATTERN = "?d a <http://xmlns.com/foaf/0.1/Document>"
FOAF_DOCS = f"SELECT ?d WHERE {{ {DOC_PATTERN} }} ORDER BY ?d"
EXPECTED_DOCS = [f"http://kasei.us/2009/09/sparql/data/data{i}.rdf" for i in (1, 2, 3)]


@pytest.fixture(scope="module", params=["in-thread", "production"])
def server(request: pytest.FixtureRequest, mini_settings: Settings):
    if request.param == "in-thread":
        yield request.getfixturevalue("live_server")
        return
    from live import production_server

    with production_server(mini_settings, "--timeout", "10") as url:
        yield url


def test_sparqlwrapper_select_construct_and_post(server: str):
    client = SPARQLWrapper(server + "sparql")
    client.setQuery(FOAF_DOCS)
    client.setReturnFormat(JSON)
    rows = client.query().convert()["results"]["bindings"]
    assert [r["d"]["value"] for r in rows] == EXPECTED_DOCS
    client.setMethod("POST")
    client.setReturnFormat(CSV)
    assert client.query().convert().decode().split() == ["d", *EXPECTED_DOCS]
    client.setQuery(f"CONSTRUCT {{ <{DOC}> ?p ?o }} WHERE {{ <{DOC}> ?p ?o }}")
    client.setReturnFormat(TURTLE)
    graph = rdflib.Graph().parse(data=client.query().convert(), format="turtle")
    assert set(graph.objects(rdflib.URIRef(DOC), rdflib.RDF.type)) == {rdflib.URIRef("http://xmlns.com/foaf/0.1/Document")}


def test_rdflib_sparqlstore(server: str):
    graph = rdflib.Graph(store=SPARQLStore(server + "sparql", returnFormat="xml"))
    assert [str(row.d) for row in graph.query(FOAF_DOCS)] == EXPECTED_DOCS
    assert (rdflib.URIRef(DOC), rdflib.RDF.type, None) in graph


def test_oxigraph_federates_into_us_with_service(server: str):
    local = pyoxigraph.Store()
    local.add(pyoxigraph.Quad(pyoxigraph.NamedNode(DOC), pyoxigraph.NamedNode("http://purl.org/dc/terms/title"),
                              pyoxigraph.Literal("first")))
    rows = local.query(f"""SELECT ?title ?type WHERE {{
        <{DOC}> <http://purl.org/dc/terms/title> ?title .
        SERVICE <{server}sparql> {{ <{DOC}> a ?type }} }}""")
    assert [(r["title"].value, r["type"].value) for r in rows] == [("first", "http://xmlns.com/foaf/0.1/Document")]


def test_rdflib_federates_into_us_with_service(server: str):
    result = rdflib.Graph().query(f"SELECT ?d WHERE {{ SERVICE <{server}sparql> {{ {DOC_PATTERN} }} }}")
    assert sorted(str(row.d) for row in result) == EXPECTED_DOCS


def test_plain_http_errors_are_clean(server: str):
    for query, status in (("SELECT * {", 400), ("DROP ALL", 403),
                          (f"SELECT * {{ SERVICE <{server}sparql> {{ ?s ?p ?o }} }}", 403)):
        try:
            urllib.request.urlopen(server + "sparql?query=" + quote(query), timeout=10)
            raise AssertionError(f"{query!r} was answered")
        except urllib.error.HTTPError as error:
            assert error.code == status, error.read()


def _one(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            body = json.loads(response.read())
            assert [b["d"]["value"] for b in body["results"]["bindings"]] == EXPECTED_DOCS
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_two_hundred_concurrent_requests_are_answered_or_refused_cleanly(server: str):
    urls = [server + "sparql?query=" + quote(FOAF_DOCS + f" # {i}") for i in range(200)]
    with ThreadPoolExecutor(max_workers=200) as pool:
        statuses = list(pool.map(_one, urls, timeout=120))
    assert set(statuses) <= {200, 503} and statuses.count(200) >= 100
    assert _one(urls[0]) == 200


def test_oversized_and_deeply_nested_queries_leave_the_server_up(server: str):
    huge = ("ASK { " + "?s ?p ?o . " * 100_000 + "}").encode()
    request = urllib.request.Request(server + "sparql", data=huge,
                                     headers={"Content-Type": "application/sparql-query"})
    try:
        urllib.request.urlopen(request, timeout=30)
        raise AssertionError("a 1 MB query was accepted")
    except urllib.error.HTTPError as error:
        assert error.code == 413
    nested = "ASK " + "{ " * 20_000 + "}" * 20_000
    request = urllib.request.Request(server + "sparql", data=nested.encode(),
                                     headers={"Content-Type": "application/sparql-query"})
    try:
        urllib.request.urlopen(request, timeout=60)
        raise AssertionError("a query nested 20,000 levels deep was accepted (its parse overflows the stack)")
    except urllib.error.HTTPError as error:
        assert error.code == 400 and b"levels deep" in error.read()
    assert _one(server + "sparql?query=" + quote(FOAF_DOCS)) == 200
