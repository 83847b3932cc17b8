"""The dataset and the service, described in RDF: VoID + DCAT for /.well-known/void, and the SPARQL 1.1
Service Description for a GET of /sparql without a query.

Pure functions of the build statistics and the public URLs. The data licence is CC BY 4.0 (declared on
the dataset and on every distribution, as the W3C Data on the Web Best Practices ask).
``sd:BasicFederatedQuery`` is deliberately not declared: SERVICE is refused unless allow-listed.
"""

from __future__ import annotations

from collections.abc import Iterable

from pyoxigraph import BlankNode, Literal, NamedNode, Triple

from ..vocab import ID_BASE, ONTOLOGY_IRI, PREFIXES
from .build_info import BuildInfo
from .negotiation import GRAPH_FORMATS, SOLUTION_FORMATS

LICENSE = "https://creativecommons.org/licenses/by/4.0/"
DATASET_IRI = "https://w3id.org/gcm/void#gcm-graph"
_XSD = PREFIXES["xsd"]
_SPDX = "http://spdx.org/rdf/terms#"
_FORMATS = "http://www.w3.org/ns/formats/"
_MEDIA_TYPES = "https://www.iana.org/assignments/media-types/"
_RESULT_FORMAT_IRIS = {
    "application/sparql-results+json": "SPARQL_Results_JSON", "application/sparql-results+xml":
    "SPARQL_Results_XML", "text/csv": "SPARQL_Results_CSV", "text/tab-separated-values": "SPARQL_Results_TSV",
    "text/turtle": "Turtle", "application/n-triples": "N-Triples", "application/ld+json": "JSON-LD",
    "application/rdf+xml": "RDF_XML", "application/trig": "TriG", "application/n-quads": "N-Quads",
}
Node = NamedNode | BlankNode
Linkset = tuple[str, str, int]  # (link predicate, target namespace, number of links)


def _term(compact: str) -> NamedNode:
    """``void:Dataset`` → the full IRI (spdx: is not among the project's PREFIXES)."""
    prefix, local = compact.split(":", 1)
    return NamedNode((_SPDX if prefix == "spdx" else PREFIXES[prefix]) + local)


def _int(value: int) -> Literal:
    return Literal(str(value), datatype=NamedNode(_XSD + "integer"))


class _Graph:
    """Collects triples; ``add`` takes compact ``prefix:local`` predicates to keep the code readable."""

    def __init__(self) -> None:
        self.triples: list[Triple] = []

    def add(self, subject: Node, predicate: str, *objects: Node | Literal) -> None:
        self.triples += [Triple(subject, _term(predicate), obj) for obj in objects]

    def node(self, type_: str) -> BlankNode:
        node = BlankNode()
        self.add(node, "rdf:type", _term(type_))
        return node


def void_description(
    build: BuildInfo | None, base_url: str, linksets: Iterable[Linkset] = ()
) -> list[Triple]:
    """VoID + DCAT 3 for the whole dataset: statistics, class partitions, linksets, dumps, endpoint."""
    g = _Graph()
    ds, service = NamedNode(DATASET_IRI), NamedNode(base_url + "sparql")
    g.add(ds, "rdf:type", _term("void:Dataset"), _term("dcat:Dataset"))
    g.add(ds, "dcterms:title", Literal("gcm-graph", language="en"),
          Literal("全球移民契约报告知识图谱", language="zh"))
    g.add(ds, "dcterms:description", Literal(
        "UN reports (Chinese) on the Global Compact for Safe, Orderly and Regular Migration as linked data: "
        "document structure, mentions, practices, recommendations and statistics with their evidence.",
        language="en"))
    g.add(ds, "dcterms:license", NamedNode(LICENSE))
    g.add(ds, "void:uriSpace", Literal(ID_BASE))
    g.add(ds, "void:sparqlEndpoint", service)
    g.add(ds, "void:rootResource", NamedNode(ID_BASE + "report/A-76-642"))
    g.add(ds, "void:vocabulary", NamedNode(ONTOLOGY_IRI + "#"), *(
        NamedNode(PREFIXES[p]) for p in ("dcterms", "prov", "skos", "oa", "void", "dcat")))
    g.add(ds, "void:feature", NamedNode(_FORMATS + "Turtle"), NamedNode(_FORMATS + "N-Quads"))
    g.add(service, "rdf:type", _term("dcat:DataService"), _term("sd:Service"))
    g.add(service, "dcat:endpointURL", service)
    g.add(service, "dcat:endpointDescription", service)
    g.add(service, "dcat:servesDataset", ds)
    g.add(service, "dcterms:conformsTo", NamedNode("https://www.w3.org/TR/sparql11-protocol/"))
    g.add(service, "dcterms:license", NamedNode(LICENSE))
    g.add(ds, "dcat:service", service)
    if build is not None:
        _statistics(g, ds, build, base_url)
    for predicate, target, count in linksets:
        linkset = g.node("void:Linkset")
        g.add(ds, "void:subset", linkset)
        g.add(linkset, "void:subjectsTarget", ds)
        g.add(linkset, "void:objectsTarget", NamedNode(target))
        g.add(linkset, "void:linkPredicate", NamedNode(predicate))
        g.add(linkset, "void:triples", _int(count))
    return g.triples


def _statistics(g: _Graph, ds: NamedNode, build: BuildInfo, base_url: str) -> None:
    g.add(ds, "void:triples", _int(build.triples))
    g.add(ds, "dcterms:modified", Literal(build.finished.isoformat(), datatype=NamedNode(_XSD + "dateTime")))
    g.add(ds, "dcterms:identifier", Literal(build.build_id))
    for klass, count in sorted(build.classes.items()):
        partition = g.node("void:Dataset")
        g.add(ds, "void:classPartition", partition)
        g.add(partition, "void:class", NamedNode(klass))
        g.add(partition, "void:entities", _int(count))
    for graph, count in sorted(build.graphs.items()):
        subset = g.node("void:Dataset")
        g.add(ds, "void:subset", subset)
        g.add(subset, "sd:name", NamedNode(graph))
        g.add(subset, "void:triples", _int(count))
    for dump in build.dumps:
        url = NamedNode(f"{base_url}dumps/{dump.file}")
        g.add(ds, "void:dataDump", url)
        dist = g.node("dcat:Distribution")
        g.add(ds, "dcat:distribution", dist)
        g.add(dist, "dcat:downloadURL", url)
        g.add(dist, "dcat:accessURL", NamedNode(base_url + "dumps/"))
        g.add(dist, "dcat:mediaType", NamedNode(_MEDIA_TYPES + dump.media_type))
        g.add(dist, "dcat:compressFormat", NamedNode(_MEDIA_TYPES + "application/gzip"))
        size = Literal(str(dump.bytes), datatype=NamedNode(_XSD + "nonNegativeInteger"))
        g.add(dist, "dcat:byteSize", size)
        g.add(dist, "dcterms:format", Literal(dump.format))
        g.add(dist, "dcterms:license", NamedNode(LICENSE))
        checksum = g.node("spdx:Checksum")
        g.add(dist, "spdx:checksum", checksum)
        g.add(checksum, "spdx:algorithm", NamedNode(_SPDX + "checksumAlgorithm_sha256"))
        g.add(checksum, "spdx:checksumValue", Literal(dump.sha256, datatype=NamedNode(_XSD + "hexBinary")))


def service_description(
    endpoint_url: str, build: BuildInfo | None, timeout: float, max_rows: int
) -> list[Triple]:
    """SPARQL 1.1 Service Description: endpoint, language, result formats, the union default graph."""
    g = _Graph()
    service = NamedNode(endpoint_url)
    g.add(service, "rdf:type", _term("sd:Service"))
    g.add(service, "sd:endpoint", service)
    g.add(service, "sd:supportedLanguage", _term("sd:SPARQL11Query"))
    g.add(service, "sd:feature", _term("sd:UnionDefaultGraph"))
    g.add(service, "sd:resultFormat", *(
        NamedNode(_FORMATS + _RESULT_FORMAT_IRIS[m]) for m in [*SOLUTION_FORMATS, *GRAPH_FORMATS]))
    g.add(service, "rdfs:comment", Literal(
        f"Read-only. Each query is stopped after {timeout:g} s (503); results are cut after {max_rows} rows, "
        "flagged by the response header X-GCM-Truncated: true. SERVICE is refused unless allow-listed.",
        language="en"))
    g.add(service, "dcterms:license", NamedNode(LICENSE))
    dataset = g.node("sd:Dataset")
    g.add(service, "sd:defaultDataset", dataset)
    g.add(dataset, "dcterms:source", NamedNode(DATASET_IRI))
    default = g.node("sd:Graph")
    g.add(dataset, "sd:defaultGraph", default)
    if build is not None:
        g.add(default, "void:triples", _int(build.triples))
        for graph, count in sorted(build.graphs.items()):
            named = g.node("sd:NamedGraph")
            g.add(dataset, "sd:namedGraph", named)
            g.add(named, "sd:name", NamedNode(graph))
            description = g.node("sd:Graph")
            g.add(named, "sd:graph", description)
            g.add(description, "void:triples", _int(count))
    return g.triples


def linksets(links: Iterable[tuple[str, str]]) -> list[Linkset]:
    """Group outgoing links (predicate, object IRI) by predicate and target site, for ``void:Linkset``s.

    >>> linksets([("p", "http://www.wikidata.org/entity/Q1"), ("p", "http://www.wikidata.org/entity/Q2")])
    [('p', 'http://www.wikidata.org/', 2)]
    """
    counts: dict[tuple[str, str], int] = {}
    for predicate, obj in links:
        scheme, _, rest = obj.partition("://")
        key = (predicate, f"{scheme}://{rest.split('/', 1)[0]}/")
        counts[key] = counts.get(key, 0) + 1
    return [(predicate, target, count) for (predicate, target), count in sorted(counts.items())]
