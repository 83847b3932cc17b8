"""SHACL validation of a built store (``gcm-graph validate``) or of any graph, with ``ontology/shapes.ttl``.

The data graph is the union of all named graphs (what the SPARQL endpoint's default graph shows) plus the
ontology, so ``sh:class gcm:Section`` accepts a ``gcm:Annex`` through ``rdfs:subClassOf``.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pyoxigraph
from pyshacl import validate
from rdflib import Graph, Namespace

from .settings import PROJECT_ROOT
from .store import open_read_only

SH = Namespace("http://www.w3.org/ns/shacl#")
SHAPES_TTL = PROJECT_ROOT / "ontology" / "shapes.ttl"
ONTOLOGY_TTL = PROJECT_ROOT / "ontology" / "gcm.ttl"


def validate_graph(data: Graph, shapes: Path = SHAPES_TTL, ontology: Path | None = ONTOLOGY_TTL,
                   ) -> tuple[bool, str, int]:
    """(conforms, report text, number of sh:Violation results) for ``data`` plus the ontology."""
    if ontology is not None:
        data = data + Graph().parse(ontology, format="turtle")
    conforms, results, text = validate(
        data, shacl_graph=Graph().parse(shapes, format="turtle"), inference="none", allow_warnings=True,
    )
    violations = sum(1 for _ in results.subjects(SH.resultSeverity, SH.Violation))
    return bool(conforms), str(text), violations


def union_graph(quads: Iterable[pyoxigraph.Quad]) -> Graph:
    """Quads from any number of named graphs as one rdflib graph: the union the endpoint's default
    graph shows, which is what the shapes describe."""
    triples = (pyoxigraph.Triple(quad.subject, quad.predicate, quad.object) for quad in quads)
    data = pyoxigraph.serialize(triples, format=pyoxigraph.RdfFormat.N_TRIPLES)
    return Graph().parse(data=data, format="nt")


def store_graph(oxigraph_dir: Path) -> Graph:
    """All quads of a built store as one graph, read through the store layer."""
    store_link = oxigraph_dir.parent if oxigraph_dir.name == "oxigraph" else oxigraph_dir
    return union_graph(open_read_only(store_link))


def validate_store(oxigraph_dir: Path, shapes: Path = SHAPES_TTL) -> tuple[bool, str, int]:
    """Validate a built store (its ``oxigraph/`` directory, or the store directory holding it).

    The store already holds the ontology in its own named graph, so it is not added a second time.
    """
    return validate_graph(store_graph(oxigraph_dir), shapes, ontology=None)
