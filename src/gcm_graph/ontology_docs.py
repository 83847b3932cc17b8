"""Human-readable HTML documentation of the ontology, generated from ``ontology/gcm.ttl`` itself.

Generated rather than written so that it can never disagree with the Turtle: the server publishes
:func:`render_html` at ``/ontology``. Every class and property gets an anchor (its local name), so
``https://w3id.org/gcm/ontology#Paragraph`` lands on the right entry of the page.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from html import escape
from pathlib import Path

from rdflib import OWL, RDF, RDFS, BNode, Graph, Literal, Node, URIRef
from rdflib.collection import Collection

from .settings import PROJECT_ROOT
from .vocab import GCM_NS, ONTOLOGY_IRI, PREFIXES

ONTOLOGY_TTL = PROJECT_ROOT / "ontology" / "gcm.ttl"
PROPERTY_KINDS = (OWL.ObjectProperty, OWL.DatatypeProperty)


def curie(node: Node) -> str:
    """A compact name for an IRI using the project's prefixes.

    >>> curie(URIRef("https://w3id.org/gcm/ontology#Paragraph"))
    'gcm:Paragraph'
    >>> curie(URIRef("http://example.org/x"))
    'http://example.org/x'
    """
    text = str(node)
    for prefix, base in sorted(PREFIXES.items(), key=lambda item: -len(item[1])):
        if text.startswith(base) and len(text) > len(base):
            return f"{prefix}:{text[len(base):]}"
    return text


def _texts(graph: Graph, subject: Node, predicate: URIRef, lang: str) -> list[str]:
    values = graph.objects(subject, predicate)
    return sorted(str(o) for o in values if isinstance(o, Literal) and o.language == lang)


def _ref(graph: Graph, node: Node) -> str:
    """A link for a gcm term, a union written out for an owl:unionOf class, plain text otherwise."""
    if isinstance(node, BNode):
        members = graph.value(node, OWL.unionOf)
        if members is not None:
            return " ⊔ ".join(_ref(graph, member) for member in Collection(graph, members))
        return "(anonymous class)"
    name = curie(node)
    if str(node).startswith(GCM_NS):
        return f'<a href="#{escape(str(node)[len(GCM_NS):])}"><code>{escape(name)}</code></a>'
    return f"<code>{escape(name)}</code>"


def _refs(graph: Graph, nodes: Iterable[Node]) -> str:
    return ", ".join(_ref(graph, node) for node in sorted(nodes, key=str)) or "—"


def _terms(graph: Graph, kinds: Iterable[URIRef]) -> list[URIRef]:
    found = {s for kind in kinds for s in graph.subjects(RDF.type, kind)}
    return sorted((s for s in found if isinstance(s, URIRef) and str(s).startswith(GCM_NS)), key=str)


def _disjoint(graph: Graph, cls: URIRef) -> set[Node]:
    others: set[Node] = set(graph.objects(cls, OWL.disjointWith))
    for group in graph.subjects(RDF.type, OWL.AllDisjointClasses):
        members = list(Collection(graph, graph.value(group, OWL.members)))
        if cls in members:
            others.update(member for member in members if member != cls)
    return others


def _entry(graph: Graph, term: URIRef, rows: list[tuple[str, str]]) -> str:
    local = str(term)[len(GCM_NS):]
    labels = " · ".join(escape(text) for lang in ("en", "zh")
                        for text in _texts(graph, term, RDFS.label, lang))
    comments = "".join(
        f'<p lang="{lang}">{escape(text)}</p>' for lang in ("en", "zh")
        for text in _texts(graph, term, RDFS.comment, lang)
    )
    table = "".join(f"<tr><th>{escape(name)}</th><td>{value}</td></tr>" for name, value in rows)
    return (f'<section class="term" id="{escape(local)}"><h3><code>gcm:{escape(local)}</code> '
            f"<small>{labels}</small></h3>{comments}<table>{table}</table></section>")


def _tree(graph: Graph, classes: list[URIRef]) -> str:
    """The class hierarchy as nested lists, rooted at the classes with no gcm superclass."""
    children: dict[Node, list[URIRef]] = {}
    roots = []
    for cls in classes:
        parents = [p for p in graph.objects(cls, RDFS.subClassOf) if p in classes]
        for parent in parents:
            children.setdefault(parent, []).append(cls)
        if not parents:
            roots.append(cls)

    def branch(nodes: list[URIRef]) -> str:
        items = "".join(f"<li>{_ref(graph, node)}{branch(sorted(children.get(node, []), key=str))}</li>"
                        for node in nodes)
        return f"<ul>{items}</ul>" if items else ""

    return branch(roots)


def render(graph: Graph) -> str:
    """The documentation page for an ontology graph."""
    ontology = URIRef(ONTOLOGY_IRI)
    classes = _terms(graph, (OWL.Class,))
    properties = _terms(graph, PROPERTY_KINDS)
    title = " · ".join(_texts(graph, ontology, RDFS.label, "en") + _texts(graph, ontology, RDFS.label, "zh"))
    version = graph.value(ontology, OWL.versionInfo)
    version_iri = graph.value(ontology, OWL.versionIRI)
    intro = "".join(f'<p lang="{lang}">{escape(text)}</p>' for lang in ("en", "zh")
                    for text in _texts(graph, ontology, RDFS.comment, lang))
    class_entries = "".join(
        _entry(graph, cls, [
            ("subclass of", _refs(graph, graph.objects(cls, RDFS.subClassOf))),
            ("subclasses", _refs(graph, graph.subjects(RDFS.subClassOf, cls))),
            ("disjoint with", _refs(graph, _disjoint(graph, cls))),
            ("properties with this domain",
             _refs(graph, (p for p in properties if _in_domain(graph, p, cls)))),
        ])
        for cls in classes
    )
    property_entries = "".join(
        _entry(graph, prop, [
            ("kind", _refs(graph, (t for t in graph.objects(prop, RDF.type) if t != RDF.Property))),
            ("domain", _refs(graph, graph.objects(prop, RDFS.domain))),
            ("range", _refs(graph, graph.objects(prop, RDFS.range))),
        ])
        for prop in properties
    )
    index = " ".join(_ref(graph, term) for term in classes + properties)
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title>"
        "<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:auto;padding:1rem}"
        "section.term{border-top:1px solid #ccc;padding:.5rem 0}th{text-align:left;padding-right:1rem;"
        "vertical-align:top}small{color:#555;font-weight:normal}</style></head><body>"
        f"<h1>{escape(title)}</h1>"
        f"<p>IRI <code>{escape(ONTOLOGY_IRI)}</code> · version {escape(str(version or ''))}"
        f" (<code>{escape(str(version_iri or ''))}</code>) · "
        f"{len(classes)} classes · {len(properties)} properties</p>"
        f"{intro}<nav><h2>Index</h2><p>{index}</p></nav>"
        f'<h2 id="hierarchy">Class hierarchy</h2>{_tree(graph, classes)}'
        f'<h2 id="classes">Classes</h2>{class_entries}'
        f'<h2 id="properties">Properties</h2>{property_entries}'
        "</body></html>\n"
    )


def _in_domain(graph: Graph, prop: URIRef, cls: URIRef) -> bool:
    for domain in graph.objects(prop, RDFS.domain):
        if domain == cls:
            return True
        members = graph.value(domain, OWL.unionOf) if isinstance(domain, BNode) else None
        if members is not None and cls in Collection(graph, members):
            return True
    return False


@cache
def render_html(path: Path = ONTOLOGY_TTL) -> str:
    """The page for ``ontology/gcm.ttl`` (cached: the file only changes with a release)."""
    return render(Graph().parse(path, format="turtle"))
