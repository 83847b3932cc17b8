"""The build as a PROV activity: which extractor version turned which inputs into the graph.

The activity IRI is a digest of the extractor version and the input checksums, so the same input gives the
same IRI build after build; only the times differ.

>>> first = activity_digest("0.1.0", [("a.txt", "00"), ("b.txt", "11")])
>>> first == activity_digest("0.1.0", [("b.txt", "11"), ("a.txt", "00")])
True
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator

from pyoxigraph import NamedNode, Quad

from .. import iris
from ..vocab import GCM, PROV, RDF, RDFS
from . import literals


def activity_digest(version: str, sources: Iterable[tuple[str, str]]) -> str:
    material = version + "\n" + "\n".join(f"{name}\t{sha}" for name, sha in sorted(sources))
    return hashlib.sha256(material.encode("utf-8")).hexdigest()[:16]


def activity_quads(
    activity_iri: str, version: str, started: str, ended: str, sources: Iterable[tuple[str, str, str]]
) -> Iterator[Quad]:
    """``sources`` are (file name, report symbol, sha256) of every seed the build read."""
    graph = NamedNode(iris.graph("build"))
    activity = NamedNode(activity_iri)
    agent = NamedNode(f"https://w3id.org/gcm/id/software/gcm-graph/{version}")
    yield Quad(activity, RDF.type, PROV.Activity, graph)
    yield Quad(activity, RDFS.label, literals.text(f"gcm-graph build (extractor {version})", "en"), graph)
    yield Quad(activity, GCM.extractorVersion, literals.string(version), graph)
    yield Quad(activity, PROV.startedAtTime, literals.datetime(started), graph)
    yield Quad(activity, PROV.endedAtTime, literals.datetime(ended), graph)
    yield Quad(activity, PROV.wasAssociatedWith, agent, graph)
    yield Quad(agent, RDF.type, PROV.SoftwareAgent, graph)
    yield Quad(agent, RDFS.label, literals.text(f"gcm-graph {version}", "en"), graph)
    for file_name, symbol, sha256 in sources:
        report = NamedNode(iris.report(symbol))
        yield Quad(activity, PROV.used, report, graph)
        yield Quad(report, GCM.sourceFile, literals.string(file_name), graph)
        yield Quad(report, GCM.sourceChecksum, literals.string(f"sha256:{sha256}"), graph)
