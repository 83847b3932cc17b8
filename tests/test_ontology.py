"""The OWL ontology: complete against vocab.py, bilingual, versioned, and consistent under HermiT,
which also catches the modelling errors the disjointness axioms are there for."""

from __future__ import annotations

import importlib
import shutil
from pathlib import Path

import owlready2
import pytest
from rdflib import OWL, RDF, RDFS, BNode, Graph, Literal, Namespace, URIRef

from gcm_graph.reference import ontology_quads, reference_quads
from gcm_graph.validate import store_graph, union_graph
from gcm_graph.vocab import GCM, GCM_NS, ONTOLOGY_IRI

ONTOLOGY = Path(__file__).resolve().parents[1] / "ontology" / "gcm.ttl"
G = Namespace(GCM_NS)
needs_java = pytest.mark.skipif(shutil.which("java") is None, reason="HermiT needs a Java runtime")


@pytest.fixture(scope="module")
def graph() -> Graph:
    return Graph().parse(ONTOLOGY, format="turtle")


def declared(graph: Graph) -> set[str]:
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
    return {str(s)[len(GCM_NS):] for kind in kinds for s in graph.subjects(RDF.type, kind)
            if str(s).startswith(GCM_NS)}


def test_vocab_terms_equal_the_terms_declared_in_the_ontology(graph: Graph):
    assert set(GCM.terms) - declared(graph) == set(), "in vocab.py, not declared in gcm.ttl"
    assert declared(graph) - set(GCM.terms) == set(), "declared in gcm.ttl, missing from vocab.py"


def test_every_term_has_english_and_chinese_label_and_comment(graph: Graph):
    for name in declared(graph):
        for predicate in (RDFS.label, RDFS.comment):
            languages = {o.language for o in graph.objects(G[name], predicate) if isinstance(o, Literal)}
            assert {"en", "zh"} <= languages, (name, predicate)


def test_ontology_is_versioned(graph: Graph):
    ontology = URIRef(ONTOLOGY_IRI)
    assert (ontology, RDF.type, OWL.Ontology) in graph
    version = graph.value(ontology, OWL.versionInfo)
    assert version and str(graph.value(ontology, OWL.versionIRI)).endswith(str(version))


def test_domains_ranges_and_superclasses_name_declared_gcm_terms(graph: Graph):
    names = declared(graph)

    def gcm_terms(node):
        if isinstance(node, BNode):
            return [m for union in graph.objects(node, OWL.unionOf) for m in graph.items(union)]
        return [node]

    for predicate in (RDFS.domain, RDFS.range, RDFS.subClassOf):
        for _, target in graph.subject_objects(predicate):
            for term in gcm_terms(target):
                if str(term).startswith(GCM_NS):
                    assert str(term)[len(GCM_NS):] in names, term


def test_object_properties_link_things_that_the_design_links(graph: Graph):
    """Spot-check the ranges that make the reasoner useful (design.md's resource shapes)."""
    assert graph.value(G.actor, RDFS.range) == G.Actor
    assert graph.value(G.objective, RDFS.range) == G.Objective
    assert graph.value(G.hasFootnote, RDFS.range) == G.Footnote
    assert (G.Paragraph, RDFS.subClassOf, G.TextUnit) in graph
    assert (G.Mention, RDFS.subClassOf, URIRef("http://www.w3.org/ns/oa#Annotation")) in graph


def test_ontology_quads_land_in_the_ontology_graph(graph: Graph):
    quads = list(ontology_quads())
    assert {q.graph_name.value for q in quads} == {ONTOLOGY_IRI}
    assert len(quads) == len(graph)


def _reason(graph: Graph, tmp_path: Path) -> owlready2.World:
    """Load into owlready2 (via RDF/XML, which it reads) and run HermiT; xsd:gYear and xsd:date are
    outside the OWL 2 datatype map, so HermiT is told to ignore them (SHACL checks those literals)."""
    path = tmp_path / "ontology.owl"
    graph.serialize(path, format="xml")
    world = owlready2.World()
    ontology = world.get_ontology(path.as_uri()).load()
    with ontology:
        owlready2.sync_reasoner_hermit(world, debug=0, ignore_unsupported_datatypes=True)
    return world


@needs_java
def test_hermit_finds_the_ontology_consistent_with_no_unsatisfiable_class(graph: Graph, tmp_path: Path):
    world = _reason(graph, tmp_path)
    assert list(world.inconsistent_classes()) == []
    classes = {c.iri for c in world.classes()}
    assert {GCM_NS + name for name in ("Report", "Paragraph", "Country", "Practice")} <= classes


def _with(graph: Graph, *triples) -> Graph:
    modelled = Graph()
    for triple in graph:
        modelled.add(triple)
    for triple in triples:
        modelled.add(triple)
    return modelled


X = Namespace("https://example.org/x/")


@needs_java
@pytest.mark.parametrize("error", [
    # a unit cannot be both a paragraph and a footnote
    [(X.p, RDF.type, G.Paragraph), (X.p, RDF.type, G.Footnote)],
    # a practice's actor must be an actor, not an objective
    [(X.practice, RDF.type, G.Practice), (X.practice, G.actor, X.o), (X.o, RDF.type, G.Objective)],
    # a country is not an organization
    [(X.c, RDF.type, G.Country), (X.c, RDF.type, G.UNEntity)],
    # gcm:objective points at objectives: a paragraph cannot be one
    [(X.p, RDF.type, G.Paragraph), (X.q, G.objective, X.p)],
], ids=["paragraph-footnote", "objective-as-actor", "country-organization", "paragraph-as-objective"])
def test_hermit_catches_modelling_errors(graph: Graph, tmp_path: Path, error):
    for individual in {t[0] for t in error} | {t[2] for t in error if str(t[2]).startswith(str(X))}:
        error.append((individual, RDF.type, OWL.NamedIndividual))
    with pytest.raises(owlready2.OwlReadyInconsistentOntologyError):
        _reason(_with(graph, *error), tmp_path)


@needs_java
def test_the_reference_graph_is_consistent_with_the_ontology(graph: Graph, tmp_path: Path):
    """The reference data under the ontology's axioms: no country typed as an organization, no region
    that is not a gcm:Region, and so on."""
    world = _reason(_with(graph, *union_graph(reference_quads())), tmp_path)
    assert list(world.inconsistent_classes()) == []


@needs_java
@pytest.mark.slow
def test_a_build_of_the_real_seeds_is_consistent_with_the_ontology(request: pytest.FixtureRequest,
                                                                    tmp_path: Path):
    try:
        importlib.import_module("gcm_graph.build")
    except ImportError as error:
        pytest.skip(f"gcm_graph.build cannot be imported yet ({error}): the lead's build is not finished")
    data = store_graph(request.getfixturevalue("built_settings").oxigraph_dir)  # includes the ontology
    world = _reason(data, tmp_path)
    assert list(world.inconsistent_classes()) == []
