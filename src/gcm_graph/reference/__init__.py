"""The reference vocabularies (objectives, principles, countries, organisations, SDG entities, regions,
actor groups): the lexicon the extractor links names against, and the reference graph the build loads.

Both come from the reviewed tables in ``ontology/vocab/`` through :mod:`.records`, so a name the
extractor can link always has labels and codes in the published graph, and vice versa.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pyoxigraph
from pyoxigraph import Literal, NamedNode, Quad

from .. import iris
from ..settings import PROJECT_ROOT
from ..vocab import ONTOLOGY_IRI, RDF, RDFS, SKOS
from .records import Objective, Record, all_records, read_objectives, region_scheme
from .tables import ReferenceTableError

__all__ = [
    "REFERENCE_GRAPH", "Entity", "Objective", "ReferenceTableError", "Surface", "load_entities",
    "load_objectives", "load_records", "load_surfaces", "ontology_quads", "reference_quads",
]

ONTOLOGY_DIR = PROJECT_ROOT / "ontology"
VOCAB_DIR = ONTOLOGY_DIR / "vocab"
REFERENCE_GRAPH = iris.graph("reference")


@dataclass(frozen=True)
class Entity:
    """Anything the extractor can link to."""

    iri: str
    kind: str  # "country" | "organization" | "objective" | "principle" | "sdg" | "region" | "group"
    label_zh: str
    label_en: str
    subtype: str = ""  # the most specific gcm class: "UNEntity", "SDGTarget", "Country" …


@dataclass(frozen=True)
class Surface:
    """One way of writing an entity, for longest-match linking."""

    text: str
    iri: str
    lang: str  # "zh" | "en"
    kind: str


@cache
def load_records(directory: Path = VOCAB_DIR) -> tuple[Record, ...]:
    return all_records(directory)


@cache
def load_entities(directory: Path = VOCAB_DIR) -> dict[str, Entity]:
    return {r.iri: Entity(r.iri, r.kind, r.label_zh, r.label_en, r.subtype) for r in load_records(directory)}


@cache
def load_surfaces(directory: Path = VOCAB_DIR) -> tuple[Surface, ...]:
    """Every preferred and alternative label (acronyms included), once per (text, entity)."""
    surfaces: dict[tuple[str, str], Surface] = {}
    for record in load_records(directory):
        forms = (("zh", (record.label_zh, *record.alt_zh)), ("en", (record.label_en, *record.alt_en)))
        for lang, texts in forms:
            for text in texts:
                surfaces.setdefault((text, record.iri), Surface(text, record.iri, lang, record.kind))
    return tuple(surfaces.values())


@cache
def load_objectives(directory: Path = VOCAB_DIR) -> tuple[Objective, ...]:
    return read_objectives(directory)


def record_quads(record: Record, graph: NamedNode) -> Iterator[Quad]:
    """The statements about one entity; labels both as skos:prefLabel and rdfs:label (design.md)."""
    subject = NamedNode(record.iri)
    for cls in record.types:
        yield Quad(subject, RDF.type, cls, graph)
    for text, lang in ((record.label_zh, "zh"), (record.label_en, "en")):
        yield Quad(subject, SKOS.prefLabel, Literal(text, language=lang), graph)
        yield Quad(subject, RDFS.label, Literal(text, language=lang), graph)
    for texts, lang in ((record.alt_zh, "zh"), (record.alt_en, "en")):
        for text in texts:
            yield Quad(subject, SKOS.altLabel, Literal(text, language=lang), graph)
    for predicate, value in record.extra:
        yield Quad(subject, predicate, value, graph)


def scheme_quads(graph: NamedNode) -> Iterator[Quad]:
    """The concept schemes the objectives, principles and regions are top concepts of."""
    schemes = (
        (iris.objective_scheme(), "Objectives of the Global Compact for Migration", "全球移民契约的目标"),
        (iris.principle_scheme(), "Guiding principles of the Global Compact for Migration",
         "全球移民契约的指导原则"),
        (region_scheme(), "UN M49 geographic regions", "联合国M49地理区域"),
    )
    for iri, label_en, label_zh in schemes:
        subject = NamedNode(iri)
        yield Quad(subject, RDF.type, SKOS.ConceptScheme, graph)
        for text, lang in ((label_zh, "zh"), (label_en, "en")):
            yield Quad(subject, SKOS.prefLabel, Literal(text, language=lang), graph)
            yield Quad(subject, RDFS.label, Literal(text, language=lang), graph)


def reference_quads(directory: Path = VOCAB_DIR) -> Iterator[Quad]:
    """The reference graph (``id/graph/reference``); the ontology is separate (:func:`ontology_quads`)."""
    graph = NamedNode(REFERENCE_GRAPH)
    yield from scheme_quads(graph)
    for record in load_records(directory):
        yield from record_quads(record, graph)


def ontology_quads(path: Path = ONTOLOGY_DIR / "gcm.ttl") -> Iterator[Quad]:
    """``ontology/gcm.ttl`` into its own named graph, so class and property labels are queryable."""
    graph = NamedNode(ONTOLOGY_IRI)
    try:
        with path.open("rb") as handle:
            for quad in pyoxigraph.parse(handle, format=pyoxigraph.RdfFormat.TURTLE, base_iri=ONTOLOGY_IRI):
                yield Quad(quad.subject, quad.predicate, quad.object, graph)
    except OSError as error:
        raise ReferenceTableError(f"{path}: cannot read the ontology ({error.strerror})") from None
    except SyntaxError as error:
        raise ReferenceTableError(f"{path}: {error}") from None
