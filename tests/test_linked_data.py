"""Dereferencing: /id/ 303s by Accept, /data/ documents, the ontology, VoID/DCAT, dumps, health."""

from __future__ import annotations

import gzip
import hashlib
import json

import pyoxigraph
import pytest

from gcm_graph.settings import Settings
from gcm_graph.web import create_app

ID = "https://w3id.org/gcm/id/"
MENTION = "report/A-76-642/para/29/mention/0-2"


@pytest.fixture(scope="module")
def client(mini_settings: Settings):
    app = create_app(mini_settings)
    yield app.test_client()
    app.extensions["gcm"].backend.close()


def triples(response) -> set[str]:
    fmt = pyoxigraph.RdfFormat.from_media_type(response.mimetype)
    return {str(q.triple) for q in pyoxigraph.parse(response.data, format=fmt, base_iri="http://localhost/")}


@pytest.mark.parametrize("accept, location", [
    ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "/page/country/THA"),
    ("text/turtle", "/data/country/THA.ttl"),
    ("application/ld+json", "/data/country/THA.jsonld"),
    ("application/n-triples;q=1, text/turtle;q=0.5", "/data/country/THA.nt"),
    ("application/rdf+xml", "/data/country/THA.rdf"),
])
def test_id_iris_303_to_the_negotiated_document(client, accept, location):
    response = client.get("/id/country/THA", headers={"Accept": accept})
    assert response.status_code == 303 and response.location == location
    assert "Accept" in response.vary
    assert '</data/country/THA.ttl>; rel="alternate"; type="text/turtle"' in response.headers["Link"]


def test_unacceptable_type_is_406(client):
    assert client.get("/id/country/THA", headers={"Accept": "image/png"}).status_code == 406


@pytest.mark.parametrize("ext", ["ttl", "jsonld", "nt", "rdf"])
def test_data_documents_agree_across_formats(client, ext):
    reference = triples(client.get("/data/country/THA.nt"))
    assert f"<{ID}country/THA> <http://www.w3.org/2004/02/skos/core#exactMatch> " \
           "<http://publications.europa.eu/resource/authority/country/THA>" in reference
    assert triples(client.get(f"/data/country/THA.{ext}")) == reference


def test_data_document_includes_hash_iris_two_hops_away(client):
    subjects = {t.split(" ")[0] for t in triples(client.get(f"/data/{MENTION}.nt"))}
    assert subjects == {f"<{ID}{MENTION}>", f"<{ID}{MENTION}#target>", f"<{ID}{MENTION}#pos>"}


@pytest.mark.parametrize("path", ["/data/country/NOWHERE.ttl", "/data/country/THA.exe",
                                  '/data/country/THA"%20%7D%20.ttl', "/data/country/THA%3E%20%3Fp.ttl"])
def test_unknown_or_hostile_paths_are_404(client, path):
    assert client.get(path).status_code == 404


def test_data_documents_have_validators(client):
    first = client.get("/data/country/THA.ttl")
    assert first.headers["ETag"] and first.headers["Last-Modified"]
    again = client.get("/data/country/THA.ttl", headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304


def test_ontology_by_conneg(client, mini_settings):
    turtle = client.get("/ontology", headers={"Accept": "text/turtle"})
    assert turtle.data == (mini_settings.ontology_dir / "gcm.ttl").read_bytes()
    assert "Accept" in turtle.vary
    jsonld = client.get("/ontology", headers={"Accept": "application/ld+json"})
    assert triples(jsonld) == triples(turtle)


def test_ontology_html_for_browsers_documents_each_term(client):
    response = client.get("/ontology", headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert response.status_code == 200 and response.mimetype == "text/html"
    assert 'id="Report"' in response.get_data(as_text=True)


def test_void_describes_counts_licence_dumps_endpoint_and_linksets(client, mini_settings):
    response = client.get("/.well-known/void", headers={"Accept": "application/n-triples"})
    assert response.status_code == 200
    store = pyoxigraph.Store()
    store.load(response.data, format=pyoxigraph.RdfFormat.N_TRIPLES)
    build = json.loads(mini_settings.build_info.read_text())
    row = next(iter(store.query("""
        PREFIX void: <http://rdfs.org/ns/void#> PREFIX dcterms: <http://purl.org/dc/terms/>
        SELECT ?triples ?license ?endpoint { ?d a void:Dataset ; void:triples ?triples ;
          dcterms:license ?license ; void:sparqlEndpoint ?endpoint }""")))
    assert int(row["triples"].value) == build["counts"]["triples"]
    assert row["license"].value == "https://creativecommons.org/licenses/by/4.0/"
    assert row["endpoint"].value == "http://localhost/sparql"
    dumps = {r["url"].value: r["sum"].value for r in store.query("""
        PREFIX dcat: <http://www.w3.org/ns/dcat#> PREFIX spdx: <http://spdx.org/rdf/terms#>
        SELECT ?url ?sum { ?d dcat:downloadURL ?url ; spdx:checksum/spdx:checksumValue ?sum }""")}
    assert dumps == {f"http://localhost/dumps/{d['file']}": d["sha256"] for d in build["dumps"]}
    links = list(store.query("""PREFIX void: <http://rdfs.org/ns/void#>
        SELECT ?target ?n { ?l a void:Linkset ; void:objectsTarget ?target ; void:triples ?n }"""))
    assert [(r["target"].value, r["n"].value) for r in links] == [("http://publications.europa.eu/", "1")]


def test_dumps_are_listed_and_served_with_checksums(client, mini_settings):
    listing = client.get("/dumps/").get_json()
    assert {d["file"] for d in listing["dumps"]} == {"gcm-graph.nq.gz", "gcm-graph.trig.gz"}
    for entry in listing["dumps"]:
        with client.get(f"/dumps/{entry['file']}") as response:
            assert response.status_code == 200
            assert hashlib.sha256(response.data).hexdigest() == entry["sha256"]
            assert response.headers["ETag"].strip('"') == entry["sha256"]
    with client.get("/dumps/gcm-graph.nq.gz") as response:
        nquads = gzip.decompress(response.data)
    triples_in_build = json.loads(mini_settings.build_info.read_text())["counts"]["triples"]
    assert len(list(pyoxigraph.parse(nquads, format=pyoxigraph.RdfFormat.N_QUADS))) == triples_in_build
    assert client.get("/dumps/..%2Fbuild.json").status_code == 404
    assert client.get("/dumps/build.json").status_code == 404


def test_healthz(client):
    assert client.get("/healthz").get_json()["status"] == "ok"
