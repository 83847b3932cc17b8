"""The W3C SPARQL 1.1 Protocol test suite, read from its manifest at test time, against a live server.

Each ``mf:ProtocolTest`` is an HTTP exchange (method, path under /sparql/, headers, body in a stated
character encoding) with the expected status class, result format and boolean. The seven positive
``update_*`` tests do not apply to a read-only service: for them the test asserts the documented refusal
(403). Plus the three Service Description tests, which the W3C manifest states in prose only.
"""

from __future__ import annotations

import http.client
import json
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import rdflib
from rdflib.collection import Collection

W3C = Path(__file__).parents[2] / "shared" / "w3c"
MANIFEST = W3C / "sparql11-protocol" / "manifest.ttl"
MF = rdflib.Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = rdflib.Namespace("http://www.w3.org/2011/http#")
CNT = rdflib.Namespace("http://www.w3.org/2011/content#")
HTS = rdflib.Namespace("http://www.w3.org/2011/http-statusCodes#")
SD = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
SOLUTION_TYPES = {"application/sparql-results+json", "application/sparql-results+xml", "text/csv",
                  "text/tab-separated-values"}
RDF_TYPES = {"text/turtle", "application/n-triples", "application/rdf+xml", "application/ld+json"}
pytestmark = pytest.mark.skipif(not MANIFEST.exists(), reason=f"{MANIFEST} is missing (clone shared/ beside)")


def _tests() -> list[pytest.param]:
    if not MANIFEST.exists():
        return []
    graph = rdflib.Graph().parse(MANIFEST)
    manifest = next(graph.subjects(rdflib.RDF.type, MF.Manifest))
    params = []
    for test in Collection(graph, graph.value(manifest, MF.entries)):
        requests = []
        for request in Collection(graph, graph.value(graph.value(test, MF.action), HT.requests)):
            body = graph.value(request, HT.body)
            encoding = str(graph.value(body, CNT.characterEncoding) or "UTF-8") if body else None
            response = graph.value(request, HT.resp)
            requests.append({
                "method": str(graph.value(request, HT.methodName)),
                "path": str(graph.value(request, HT.absolutePath)),
                "headers": [(str(graph.value(h, HT.fieldName)), str(graph.value(h, HT.fieldValue)))
                            for h in Collection(graph, graph.value(request, HT.headers) or rdflib.RDF.nil)],
                "body": str(graph.value(body, CNT.chars)).encode(encoding) if body else None,
                "statuses": {str(s).rsplit("StatusCode", 1)[1][0]
                             for s in graph.objects(response, MF.expectedStatus)},
                "format": str(graph.value(response, MF.expectedFormat) or "") or None,
                "boolean": graph.value(response, MF.expectedBoolean),
            })
        name = str(test).rsplit("#", 1)[1]
        params.append(pytest.param(name, requests, id=name))
    return params


def _send(base: str, request: dict) -> tuple[int, str, bytes]:
    url = urlsplit(base)
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    try:
        connection.putrequest(request["method"], request["path"], skip_accept_encoding=True)
        for name, value in request["headers"]:
            connection.putheader(name, value)
        if request["body"] is not None:
            connection.putheader("Content-Length", str(len(request["body"])))
        connection.endheaders(request["body"])
        response = connection.getresponse()
        return response.status, response.headers.get_content_type(), response.read()
    finally:
        connection.close()


def _boolean(media: str, body: bytes) -> bool:
    if media == "application/sparql-results+json":
        return json.loads(body)["boolean"]
    assert media == "application/sparql-results+xml", media
    assert b"<boolean>" in body
    return b"<boolean>true</boolean>" in body


@pytest.mark.parametrize("name, requests", _tests())
def test_protocol(live_server: str, name: str, requests: list[dict]):
    if name.startswith("update_"):
        status, _, body = _send(live_server, requests[0])
        assert status == 403, body  # a read-only service: positive update tests do not apply
        return
    for request in requests:
        status, media, body = _send(live_server, request)
        assert str(status)[0] in request["statuses"], (status, body[:500])
        if request["format"] == "boolean":
            answer = _boolean(media, body)
            if request["boolean"] is not None:
                assert answer == request["boolean"].toPython()
        if request["format"] == "tabular":
            assert media in SOLUTION_TYPES
        if request["format"] == "RDF":
            assert media in RDF_TYPES


def _description(live_server: str) -> tuple[str, rdflib.Graph]:
    status, media, body = _send(live_server, {"method": "GET", "path": "/sparql", "headers": [
        ("Accept", "text/turtle, application/rdf+xml;q=0.9")], "body": None})
    assert status == 200
    return media, rdflib.Graph().parse(data=body, format="turtle" if media == "text/turtle" else "xml")


def test_sd_returns_rdf(live_server: str):
    media, graph = _description(live_server)
    assert media in RDF_TYPES and len(graph) > 0


def test_sd_has_endpoint_triple(live_server: str):
    _, graph = _description(live_server)
    assert rdflib.URIRef(live_server + "sparql") in set(graph.objects(None, SD.endpoint))


def test_sd_conforms_to_schema(live_server: str):
    """Every sd: term used is declared by the SD vocabulary, with the domain the schema gives it."""
    _, graph = _description(live_server)
    service = next(graph.subjects(rdflib.RDF.type, SD.Service))
    assert (service, SD.supportedLanguage, SD.SPARQL11Query) in graph
    declared = {"endpoint", "supportedLanguage", "feature", "resultFormat", "defaultDataset", "defaultGraph",
                "namedGraph", "name", "graph", "Service", "Dataset", "Graph", "NamedGraph", "SPARQL11Query",
                "UnionDefaultGraph"}
    used = {str(term).removeprefix(str(SD)) for triple in graph for term in triple
            if str(term).startswith(str(SD))}
    assert used <= declared
    assert SD.BasicFederatedQuery not in set(graph.objects(service, SD.feature))
    for dataset in graph.objects(service, SD.defaultDataset):
        assert (dataset, rdflib.RDF.type, SD.Dataset) in graph
        for named in graph.objects(dataset, SD.namedGraph):
            assert isinstance(graph.value(named, SD.name), rdflib.URIRef)
