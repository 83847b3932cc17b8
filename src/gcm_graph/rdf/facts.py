"""Extracted facts as quads in the report's named graph (pure: facts in, quads out), shaped as
docs/design.md says: mentions as W3C Web Annotations with SPARQL-friendly shortcuts, practices,
objective assignments, statistics, recommendations, events, cited documents and publications.

Every fact points back to its text unit (``prov:wasDerivedFrom`` / ``oa:hasSource``) and its evidence
span, and carries the confidence and the rule (``id:rule/…``) that produced it. The emitters yield what their
``emit`` returns (``rdf.emit``): Quads for ``fact_quads``, N-Triples lines for ``fact_lines``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TypeVar

from pyoxigraph import NamedNode, Quad

from .. import iris
from ..extract.model import (
    Anchor,
    CitedDocument,
    Event,
    Mention,
    Named,
    ObjectiveAssignment,
    Practice,
    Publication,
    Recommendation,
    ReportFacts,
    Statistic,
)
from ..vocab import DCTERMS, FOAF, GCM, OA, PROV, RDF, RDFS
from . import literals
from .emit import Emit, LineEmitter, QuadEmitter, unique

T = TypeVar("T")
_EVENT_CLASS = {"Meeting": GCM.Meeting, "Panel": GCM.Panel, "SideEvent": GCM.SideEvent}
_NAMED_CLASS = {"person": GCM.Person, "local": GCM.LocalAuthority}


def fact_quads(facts: ReportFacts, graph_iri: str) -> Iterator[Quad]:
    """All fact quads of one report, in the named graph ``graph_iri`` (the report IRI), each once: a unit
    that names an entity twice has two mentions but one ``gcm:mentions`` edge, and counts of emitted quads
    (build.json) must equal what the store holds."""
    return unique(_all(facts, graph_iri, QuadEmitter(graph_iri)))


def fact_lines(facts: ReportFacts, graph_iri: str) -> Iterator[str]:
    """The statements of ``fact_quads`` as N-Triples lines (the build's fast path), repeats included: the
    build keeps each line of the report's whole graph once."""
    return _all(facts, graph_iri, LineEmitter())


def _all(facts: ReportFacts, graph_iri: str, quad: Emit[T]) -> Iterator[T]:
    for mention in facts.mentions:
        yield from mention_quads(mention, quad)
    for document in facts.documents:
        yield from document_quads(document, graph_iri, quad)
    for publication in facts.publications:
        yield from publication_quads(publication, quad)
    for practice in facts.practices:
        yield from practice_quads(practice, quad)
    for assignment in facts.unit_objectives:
        yield quad(assignment.unit_iri, GCM.objective, NamedNode(iris.objective(assignment.objective)))
        yield from assignment_quads(assignment, assignment.unit_iri, quad)
    for statistic in facts.statistics:
        yield from statistic_quads(statistic, quad)
    for recommendation in facts.recommendations:
        yield from recommendation_quads(recommendation, quad)
    for event in facts.events:
        yield from event_quads(event, quad)
    for named in facts.named:
        yield from named_quads(named, quad)
    yield from rule_quads(_rules(facts), quad)


def mention_quads(mention: Mention, quad: Emit[T]) -> Iterator[T]:
    node = iris.mention(mention.unit_iri, mention.start, mention.end)
    entity, unit = NamedNode(mention.entity), NamedNode(mention.unit_iri)
    target, position, text_quote = f"{node}#target", f"{node}#pos", f"{node}#quote"
    yield quad(mention.unit_iri, GCM.mentions, entity)
    if mention.kind == "document":
        yield quad(mention.unit_iri, GCM.cites, entity)
    yield quad(node, RDF.type, GCM.Mention)
    yield quad(node, OA.motivatedBy, OA.identifying)
    yield quad(node, OA.hasBody, entity)
    yield quad(node, OA.hasTarget, NamedNode(target))
    yield quad(target, RDF.type, OA.SpecificResource)
    yield quad(target, OA.hasSource, unit)
    yield quad(target, OA.hasSelector, NamedNode(position))
    yield quad(target, OA.hasSelector, NamedNode(text_quote))
    yield from _position(position, mention.start, mention.end, quad)
    yield quad(text_quote, RDF.type, OA.TextQuoteSelector)
    yield quad(text_quote, OA.exact, literals.string(mention.text))
    yield quad(text_quote, OA.prefix, literals.string(mention.prefix))
    yield quad(text_quote, OA.suffix, literals.string(mention.suffix))
    yield quad(node, GCM.mentionedIn, unit)
    yield quad(node, GCM.refersTo, entity)
    yield quad(node, GCM.anchorOf, literals.string(mention.text))
    yield quad(node, GCM.beginIndex, literals.integer(mention.start))
    yield quad(node, GCM.endIndex, literals.integer(mention.end))
    yield from _trust(node, mention, quad)


def document_quads(document: CitedDocument, graph_iri: str, quad: Emit[T]) -> Iterator[T]:
    """A cited UN document; a report of the corpus is described by its own graph, not here."""
    if document.iri.startswith(iris.report("")):
        return
    yield quad(document.iri, RDF.type, GCM.Document)
    yield quad(document.iri, DCTERMS.identifier, literals.string(document.symbol))
    yield quad(document.iri, RDFS.label, literals.string(document.symbol))
    yield quad(document.iri, RDFS.seeAlso, NamedNode(f"https://undocs.org/zh/{document.symbol}"))


def publication_quads(publication: Publication, quad: Emit[T]) -> Iterator[T]:
    yield quad(publication.iri, RDF.type, GCM.Document)
    yield quad(publication.iri, DCTERMS.bibliographicCitation, literals.text(publication.citation, "zh"))
    if publication.unit_iri:
        yield quad(publication.unit_iri, GCM.cites, NamedNode(publication.iri))
    for url in publication.urls:
        node = _iri_or_none(url)
        if node is not None:
            yield quad(publication.iri, RDFS.seeAlso, node)


def practice_quads(practice: Practice, quad: Emit[T]) -> Iterator[T]:
    node = iris.fact(practice.unit_iri, "practice", practice.start, practice.end)
    yield quad(node, RDF.type, GCM.Practice)
    for actor in practice.actors:
        yield quad(node, GCM.actor, NamedNode(actor))
    if practice.year is not None:
        yield quad(node, GCM.year, literals.year(practice.year))
    yield from _claim(node, practice, practice.description, practice.objectives, quad)


def recommendation_quads(recommendation: Recommendation, quad: Emit[T]) -> Iterator[T]:
    node = iris.fact(recommendation.unit_iri, "recommendation", recommendation.start, recommendation.end)
    yield quad(node, RDF.type, GCM.Recommendation)
    for addressee in recommendation.addressees:
        yield quad(node, GCM.addressee, NamedNode(addressee))
    yield from _claim(node, recommendation, recommendation.description, recommendation.objectives, quad)


def assignment_quads(assignment: ObjectiveAssignment, subject: str, quad: Emit[T]) -> Iterator[T]:
    node = f"{subject}/objective/{assignment.objective}"
    yield quad(node, RDF.type, GCM.ObjectiveAssignment)
    yield quad(node, GCM.assignedTo, NamedNode(subject))
    yield quad(node, GCM.objective, NamedNode(iris.objective(assignment.objective)))
    yield from _trust(node, assignment, quad)


def statistic_quads(statistic: Statistic, quad: Emit[T]) -> Iterator[T]:
    node = iris.fact(statistic.unit_iri, "statistic", statistic.start, statistic.end)
    yield quad(node, RDF.type, GCM.Statistic)
    if statistic.currency:
        yield quad(node, RDF.type, GCM.MonetaryAmount)
        yield quad(node, GCM.currency, literals.string(statistic.currency))
    yield quad(node, RDF.value, literals.decimal(statistic.value))
    yield quad(node, GCM.unit, literals.string(statistic.unit))
    if statistic.year is not None:
        yield quad(node, GCM.year, literals.year(statistic.year))
    if statistic.measure:
        yield quad(node, GCM.measure, literals.text(statistic.measure, "zh"))
    yield from _derived(node, statistic, quad)


def event_quads(event: Event, quad: Emit[T]) -> Iterator[T]:
    yield quad(event.iri, RDF.type, _EVENT_CLASS[event.kind])
    yield quad(event.iri, DCTERMS.title, literals.text(event.title, "zh"))
    yield quad(event.iri, RDFS.label, literals.text(event.title, "zh"))
    for predicate, value in ((GCM.startDate, event.start_date), (GCM.endDate, event.end_date)):
        if value:
            yield quad(event.iri, predicate, literals.date(value))
    if event.place:
        place = _iri_or_none(event.place) if event.place.startswith("http") else None
        yield quad(event.iri, GCM.place, place or literals.string(event.place))
    if event.part_of:
        yield quad(event.iri, DCTERMS.isPartOf, NamedNode(event.part_of))
    for predicate, values in ((GCM.attendee, event.attendees), (GCM.speaker, event.speakers),
                              (GCM.moderator, event.moderators), (GCM.panellist, event.panellists),
                              (GCM.organizer, event.organizers)):
        for value in values:
            yield quad(event.iri, predicate, NamedNode(value))
    for index, role in enumerate(event.roles, 1):
        node = f"{event.iri}/role/{index}"
        yield quad(event.iri, GCM.role, NamedNode(node))
        yield quad(node, RDF.type, GCM.Role)
        yield quad(node, GCM.person, NamedNode(role.person))
        yield quad(node, RDFS.label, literals.text(role.label, "zh"))
        if role.country:
            yield quad(node, GCM.country, NamedNode(role.country))
    for unit in event.derived_from:
        yield quad(event.iri, PROV.wasDerivedFrom, NamedNode(unit))


def named_quads(named: Named, quad: Emit[T]) -> Iterator[T]:
    yield quad(named.iri, RDF.type, _NAMED_CLASS[named.kind])
    if named.kind == "person":
        yield quad(named.iri, FOAF.name, literals.string(named.label_en or named.label_zh))
        yield quad(named.iri, RDFS.label, literals.string(named.label_en or named.label_zh))
        return
    yield quad(named.iri, RDFS.label, literals.text(named.label_zh, "zh"))
    if named.label_en:
        yield quad(named.iri, RDFS.label, literals.text(named.label_en, "en"))
    if named.country:
        yield quad(named.iri, GCM.country, NamedNode(named.country))


def rule_quads(rules: Iterable[str], quad: Emit[T]) -> Iterator[T]:
    for rule in sorted(rules):
        node = iris.extraction_rule(rule)
        yield quad(node, RDF.type, GCM.ExtractionRule)
        yield quad(node, RDFS.label, literals.string(rule))


def _claim(node: str, anchor: Anchor, description: str, objectives: Iterable[ObjectiveAssignment],
           quad: Emit[T]) -> Iterator[T]:
    """What practices and recommendations share: objectives with their assignments, description, evidence."""
    for assignment in objectives:
        yield quad(node, GCM.objective, NamedNode(iris.objective(assignment.objective)))
        yield from assignment_quads(assignment, node, quad)
    if description:
        yield quad(node, DCTERMS.description, literals.text(description, "zh"))
    yield from _derived(node, anchor, quad)


def _derived(node: str, anchor: Anchor, quad: Emit[T]) -> Iterator[T]:
    yield quad(node, PROV.wasDerivedFrom, NamedNode(anchor.unit_iri))
    yield quad(node, GCM.evidence, NamedNode(f"{node}#evidence"))
    yield from _position(f"{node}#evidence", anchor.start, anchor.end, quad)
    yield from _trust(node, anchor, quad)


def _position(node: str, start: int, end: int, quad: Emit[T]) -> Iterator[T]:
    yield quad(node, RDF.type, OA.TextPositionSelector)
    yield quad(node, OA.start, literals.integer(start))
    yield quad(node, OA.end, literals.integer(end))


def _trust(node: str, anchor: Anchor, quad: Emit[T]) -> Iterator[T]:
    yield quad(node, GCM.confidence, literals.decimal(float(anchor.confidence)))
    yield quad(node, GCM.rule, NamedNode(iris.extraction_rule(anchor.rule)))


def _rules(facts: ReportFacts) -> set[str]:
    anchors: list[Anchor] = [*facts.mentions, *facts.practices, *facts.unit_objectives, *facts.statistics,
                             *facts.recommendations]
    anchors += [a for p in facts.practices for a in p.objectives]
    anchors += [a for r in facts.recommendations for a in r.objectives]
    return {anchor.rule for anchor in anchors}


def _iri_or_none(value: str) -> NamedNode | None:
    try:
        return NamedNode(value)
    except ValueError:
        return None
