"""The ontology's HTML documentation is generated from gcm.ttl and documents every term."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup
from rdflib import OWL, RDF, RDFS, Graph, Literal

from gcm_graph.ontology_docs import render, render_html
from gcm_graph.vocab import GCM_NS

ONTOLOGY = Path(__file__).resolve().parents[1] / "ontology" / "gcm.ttl"


def terms(graph: Graph, kind) -> list:
    return [s for s in graph.subjects(RDF.type, kind) if str(s).startswith(GCM_NS)]


def test_every_class_and_property_has_an_entry_with_both_labels():
    graph = Graph().parse(ONTOLOGY)
    page = BeautifulSoup(render_html(), "html.parser")
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
    for term in (term for kind in kinds for term in terms(graph, kind)):
        entry = page.find(id=str(term)[len(GCM_NS):])
        assert entry is not None, term
        text = entry.get_text()
        for label in graph.objects(term, RDFS.label):
            assert str(label) in text, (term, label)


def test_entries_show_domain_range_and_hierarchy():
    page = BeautifulSoup(render_html(), "html.parser")
    actor = page.find(id="actor").get_text()
    assert "gcm:Practice" in actor and "gcm:Actor" in actor
    hierarchy = page.find(id="hierarchy").find_next("ul")
    text_unit = hierarchy.find("a", href="#TextUnit").find_parent("li")
    assert text_unit.find("a", href="#Paragraph") is not None
    assert "gcm:Footnote" in page.find(id="Paragraph").get_text()  # disjoint with


def test_the_page_follows_the_turtle_not_a_copy_of_it():
    graph = Graph().parse(ONTOLOGY)
    ontology = graph.value(predicate=RDF.type, object=OWL.Ontology)
    graph.add((ontology, RDFS.label, Literal("Edited <b>", lang="en")))
    removed = next(iter(terms(graph, OWL.Class)))
    graph.remove((removed, RDF.type, OWL.Class))
    page = render(graph)
    assert "Edited &lt;b&gt;" in page and "<b>" not in page.split("<body>")[1].split("</h1>")[0]
    assert BeautifulSoup(page, "html.parser").find(id=str(removed)[len(GCM_NS):]) is None
