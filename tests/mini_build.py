"""A small store in the build layout (oxigraph/, dumps/, build.json) for server tests: the W3C protocol
test data in its named graphs plus a few gcm resources (a report, a mention with hash IRIs, a country with
outgoing links). Fast to write, so every server test module can have its own, independent of the build.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from dataclasses import replace
from pathlib import Path

import pyoxigraph
from pyoxigraph import Literal, NamedNode, Quad

from gcm_graph.settings import Settings

W3C = Path(__file__).resolve().parents[2] / "shared" / "w3c"
KASEI = "http://kasei.us/2009/09/sparql/data/"
ID = "https://w3id.org/gcm/id/"
GCM = "https://w3id.org/gcm/ontology#"
REPORT = ID + "report/A-76-642"
MENTION = REPORT + "/para/29/mention/0-2"
COUNTRY = ID + "country/THA"
RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
ONTOLOGY_TTL = f"""@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<https://w3id.org/gcm/ontology> a owl:Ontology ; rdfs:label "GCM ontology"@en .
<{GCM}Report> a owl:Class ; rdfs:label "Report"@en .
"""


def _gcm_quads() -> list[Quad]:
    n, graph = NamedNode, NamedNode(REPORT)
    reference = n(ID + "graph/reference")
    quads = [
        Quad(n(REPORT), RDF_TYPE, n(GCM + "Report"), graph),
        Quad(n(REPORT), n("http://purl.org/dc/terms/title"), Literal("秘书长的报告", language="zh"), graph),
        Quad(n(MENTION), RDF_TYPE, n(GCM + "Mention"), graph),
        Quad(n(MENTION), n(GCM + "anchorOf"), Literal("泰国"), graph),
        Quad(n(MENTION), n("http://www.w3.org/ns/oa#hasTarget"), n(MENTION + "#target"), graph),
        Quad(n(MENTION + "#target"), n("http://www.w3.org/ns/oa#hasSelector"), n(MENTION + "#pos"), graph),
        Quad(n(MENTION + "#pos"), n("http://www.w3.org/ns/oa#start"), Literal("0", datatype=n(
            "http://www.w3.org/2001/XMLSchema#integer")), graph),
        Quad(n(COUNTRY), RDF_TYPE, n(GCM + "Country"), reference),
        Quad(n(COUNTRY), n("http://www.w3.org/2004/02/skos/core#prefLabel"), Literal("泰国", language="zh"),
             reference),
        Quad(n(COUNTRY), n("http://www.w3.org/2004/02/skos/core#exactMatch"),
             n("http://publications.europa.eu/resource/authority/country/THA"), reference),
    ]
    quads += [Quad(n(f"{ID}filler/{i}"), n(GCM + "order"), Literal(str(i)), reference) for i in range(40)]
    return quads


def write_build(root: Path) -> Settings:
    """Write a store at ``root/store`` and return settings pointing at it (and at a small ontology)."""
    store_dir = root / "store"
    store_dir.mkdir(parents=True)
    store = pyoxigraph.Store(str(store_dir / "oxigraph"))
    for i in (1, 2, 3):
        store.bulk_load(path=W3C / "sparql11-protocol" / f"data{i}.nt", format=pyoxigraph.RdfFormat.N_TRIPLES,
                        to_graph=NamedNode(f"{KASEI}data{i}.rdf"))
    store.bulk_extend(_gcm_quads())
    store.flush()
    dumps_dir = store_dir / "dumps"
    dumps_dir.mkdir()
    dumps = []
    for name, fmt in (("gcm-graph.nq.gz", pyoxigraph.RdfFormat.N_QUADS),
                      ("gcm-graph.trig.gz", pyoxigraph.RdfFormat.TRIG)):
        data = gzip.compress(store.dump(format=fmt))
        (dumps_dir / name).write_bytes(data)
        dumps.append({"file": name, "format": fmt.name, "media_type": fmt.media_type, "bytes": len(data),
                      "sha256": hashlib.sha256(data).hexdigest()})
    graphs = {g.value: len(list(store.quads_for_pattern(None, None, None, g))) for g in store.named_graphs()}
    (store_dir / "build.json").write_text(json.dumps({
        "build_id": "test-" + hashlib.sha256(repr(sorted(graphs.items())).encode()).hexdigest()[:8],
        "started": "2026-11-23T10:00:00+00:00", "finished": "2026-11-23T10:00:05+00:00",
        "extractor_version": "test", "counts": {"reports": 1, "triples": sum(graphs.values())},
        "graphs": graphs, "classes": {GCM + "Report": 1, GCM + "Country": 1}, "dumps": dumps, "sources": [],
    }))
    del store
    ontology = root / "ontology"
    ontology.mkdir()
    (ontology / "gcm.ttl").write_text(ONTOLOGY_TTL, encoding="utf-8")
    return replace(Settings(), store=store_dir, ontology_dir=ontology, queries_dir=root / "queries")
