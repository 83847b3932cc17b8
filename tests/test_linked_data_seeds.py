"""Linked data and the endpoint on the real seeds (the session build): what build.json promises is what
the server answers, and the IRIs the build mints dereference."""

from __future__ import annotations

import json
from urllib.parse import quote

import pyoxigraph
import pytest

from gcm_graph.settings import Settings
from gcm_graph.web import create_app

pytestmark = pytest.mark.slow
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


@pytest.fixture(scope="module")
def built(built_settings: Settings):
    app = create_app(built_settings)
    yield app.test_client(), json.loads(built_settings.build_info.read_text(encoding="utf-8"))
    app.extensions["gcm"].backend.close()


def _select(client, query: str) -> list[dict]:
    response = client.get("/sparql?query=" + quote(query))
    assert response.status_code == 200, response.data
    return json.loads(response.data)["results"]["bindings"]


def test_graph_sizes_over_the_endpoint_match_build_json(built):
    client, build = built
    rows = _select(client, "SELECT ?g (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    assert {r["g"]["value"]: int(r["n"]["value"]) for r in rows} == build["graphs"]


def test_every_report_dereferences_to_its_document(built):
    client, build = built
    reports = [g for g in build["graphs"] if "/id/report/" in g]
    assert len(reports) == build["counts"]["reports"]
    for iri in reports:
        path = iri.removeprefix("https://w3id.org/gcm/id/")
        redirect = client.get(f"/id/{path}", headers={"Accept": "text/turtle"})
        assert redirect.status_code == 303
        document = client.get(redirect.location)
        assert document.status_code == 200
        triples = {str(q.triple) for q in pyoxigraph.parse(document.data, format=pyoxigraph.RdfFormat.TURTLE)}
        assert f"<{iri}> <{RDF_TYPE}> <https://w3id.org/gcm/ontology#Report>" in triples


def test_a_mention_document_carries_its_selectors(built):
    client, _ = built
    rows = _select(client, "SELECT ?m { ?m a <https://w3id.org/gcm/ontology#Mention> } LIMIT 1")
    mention = rows[0]["m"]["value"]
    response = client.get("/data/" + mention.removeprefix("https://w3id.org/gcm/id/") + ".nt")
    subjects = {line.split(b" ")[0] for line in response.data.splitlines()}
    assert {f"<{mention}>".encode(), f"<{mention}#target>".encode(), f"<{mention}#pos>".encode(),
            f"<{mention}#quote>".encode()} <= subjects


def test_void_counts_and_dumps_match_build_json(built):
    client, build = built
    store = pyoxigraph.Store()
    store.load(client.get("/.well-known/void", headers={"Accept": "application/n-triples"}).data,
               format=pyoxigraph.RdfFormat.N_TRIPLES)
    triples = next(iter(store.query("SELECT ?n { <https://w3id.org/gcm/void#gcm-graph> "
                                    "<http://rdfs.org/ns/void#triples> ?n }")))["n"].value
    assert int(triples) == build["counts"]["triples"]
    dumps = client.get("/dumps/").get_json()["dumps"]
    assert [(d["file"], d["sha256"]) for d in dumps] == [(d["file"], d["sha256"]) for d in build["dumps"]]


def test_browsers_follow_the_303_to_an_html_page(built):
    client, build = built
    for iri in [g for g in build["graphs"] if "/id/report/" in g]:
        redirect = client.get("/id/" + iri.removeprefix("https://w3id.org/gcm/id/"),
                              headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
        assert redirect.status_code == 303 and redirect.location.startswith("/page/report/")
        page = client.get(redirect.location)
        assert page.status_code == 200 and page.mimetype == "text/html"
