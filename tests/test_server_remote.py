"""The same app in front of a remote SPARQL 1.1 endpoint (``--backend URL``): a real ``oxigraph
serve-read-only`` loaded from our own N-Quads dump, answering what the embedded store answers."""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import quote

import pytest

from gcm_graph.settings import Settings
from gcm_graph.web import create_app
from live import native_oxigraph

QUERIES = [
    "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g",
    "SELECT ?s ?o WHERE { ?s <http://www.w3.org/2004/02/skos/core#prefLabel> ?o } ORDER BY ?s",
    "ASK { ?s a <http://xmlns.com/foaf/0.1/Document> }",
]


@pytest.fixture(scope="module")
def clients(mini_settings: Settings, tmp_path_factory: pytest.TempPathFactory):
    dump = mini_settings.dumps_dir / "gcm-graph.nq.gz"
    with native_oxigraph(dump, tmp_path_factory.mktemp("remote")) as url:
        local = create_app(replace(mini_settings, max_rows=10))
        remote = create_app(replace(mini_settings, max_rows=10, backend_url=url))
        yield local.test_client(), remote.test_client()
        local.extensions["gcm"].backend.close()


@pytest.mark.parametrize("query", QUERIES)
@pytest.mark.parametrize("accept", ["text/tab-separated-values", "application/sparql-results+xml"])
def test_remote_answers_like_the_embedded_store(clients, query, accept):
    local, remote = (c.get("/sparql?query=" + quote(query), headers={"Accept": accept}) for c in clients)
    assert remote.status_code == local.status_code == 200
    assert remote.mimetype == local.mimetype == accept
    assert remote.data == local.data


def test_remote_keeps_the_row_cap_and_the_guards(clients):
    _, remote = clients
    capped = remote.get("/sparql?query=" + quote("SELECT * { ?s ?p ?o }"))
    assert capped.headers["X-GCM-Truncated"] == "true" and capped.headers["X-GCM-Rows"] == "10"
    assert remote.get("/sparql?query=" + quote("SELECT * {")).status_code == 400
    service = "SELECT * { SERVICE <http://127.0.0.1:1/> { ?s ?p ?o } }"
    assert remote.get("/sparql?query=" + quote(service)).status_code == 403


def test_remote_serves_linked_data_and_constructs(clients):
    local, remote = clients
    document = sorted(remote.get("/data/country/THA.nt").data.splitlines())
    assert len(document) == 3 and document == sorted(local.get("/data/country/THA.nt").data.splitlines())
    construct = "CONSTRUCT { ?s ?p ?o } WHERE { ?s a <http://xmlns.com/foaf/0.1/Document> ; ?p ?o }"
    answers = [c.get("/sparql?query=" + quote(construct), headers={"Accept": "application/n-triples"})
               for c in clients]
    assert sorted(answers[0].data.splitlines()) == sorted(answers[1].data.splitlines())
    assert len(answers[1].data.splitlines()) == 3
    assert remote.get("/healthz").get_json()["backend"].startswith("http://127.0.0.1:")
