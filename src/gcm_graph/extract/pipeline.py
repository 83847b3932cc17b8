"""The extraction passes, in order. Each pass reads the units and what earlier passes found, and returns
the facts with its own kind filled in; the order is explicit so a reader sees what depends on what
(practices need mentions; objectives of units need nothing; events need mentions)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TypeVar

from ..seeds import ReportMeta
from .context import UnitText, by_kind
from .events import find_events
from .lexicon import Lexicon, local_authorities
from .mentions import find_mentions
from .model import QUOTE_CONTEXT, Mention, Named, ObjectiveAssignment, Practice, ReportFacts
from .objectives import unit_objectives
from .practices import find_practices, named_bodies
from .recommendations import find_recommendations
from .references import find_documents, find_publications, find_references
from .statistics import find_statistics

BODY = ("paragraph", "text")
T = TypeVar("T")


@dataclass(frozen=True)
class Inputs:
    units: Sequence[UnitText]
    meta: ReportMeta
    lexicon: Lexicon
    corpus_symbols: frozenset[str]


Pass = Callable[[Inputs, ReportFacts], ReportFacts]


def mentions_pass(inputs: Inputs, facts: ReportFacts) -> ReportFacts:
    """Lexicon mentions and explicit references; a reference wins over a lexicon match it overlaps."""
    found: list[Mention] = []
    symbols = inputs.corpus_symbols | {inputs.meta.symbol}
    for unit in inputs.units:
        references = find_references(unit.iri, unit.text, symbols)
        spans = [(ref.start, ref.end) for ref in references]
        lexical = [m for m in find_mentions(unit.iri, unit.text, inputs.lexicon)
                   if not any(start < m.end and m.start < end for start, end in spans)]
        spans_seen: set[tuple[int, int]] = set()
        for mention in sorted([*references, *lexical], key=lambda m: (m.start, -m.end)):
            if (mention.start, mention.end) not in spans_seen:  # one entity per span: the mention IRI
                spans_seen.add((mention.start, mention.end))
                found.append(_quoted(unit.text, mention))
    return replace(facts, mentions=tuple(found))


def named_pass(inputs: Inputs, facts: ReportFacts) -> ReportFacts:
    """Labels for the persons and local authorities mentioned, which the reference graph lacks."""
    places = {named.iri: named for named, _ in local_authorities()}
    named: dict[str, Named] = {}
    for mention in facts.mentions:
        if mention.kind == "local" and mention.entity in places:
            named.setdefault(mention.entity, places[mention.entity])
        elif mention.kind == "person":
            named.setdefault(mention.entity, Named(mention.entity, "person", mention.text, mention.text))
    return replace(facts, named=tuple(named.values()))


def documents_pass(inputs: Inputs, facts: ReportFacts) -> ReportFacts:
    symbols = inputs.corpus_symbols | {inputs.meta.symbol}
    documents = {document.symbol: document for unit in inputs.units
                 for _, document in find_documents(unit.iri, unit.text, symbols)}
    publications = [publication for unit in by_kind(inputs.units, "footnote")
                    for publication in find_publications(unit.iri, unit.text)]
    return replace(facts, documents=tuple(documents.values()), publications=tuple(publications))


def practices_pass(inputs: Inputs, facts: ReportFacts) -> ReportFacts:
    """Practices unit by unit, carrying the bodies named so far in the same section for "该网络…"."""
    by_unit = _mentions_by_unit(facts)
    practices: list[Practice] = []
    bodies: dict[str, str] = {}
    section: tuple[str, ...] = ()
    for unit in by_kind(inputs.units, *BODY):
        if unit.headings != section:
            bodies, section = {}, unit.headings
        practices.extend(find_practices(unit, by_unit[unit.iri], bodies))
        bodies = named_bodies(by_unit[unit.iri], bodies)
    return replace(facts, practices=tuple(practices))


def unit_objectives_pass(inputs: Inputs, facts: ReportFacts) -> ReportFacts:
    def assignments(unit: UnitText) -> list[ObjectiveAssignment]:
        return [ObjectiveAssignment(unit.iri, 0, len(unit.text), choice.confidence, choice.rule,
                                    objective=choice.objective)
                for choice in unit_objectives(unit.text, unit.headings)]

    return replace(facts, unit_objectives=_over_body(inputs, assignments))


def statistics_pass(inputs: Inputs, facts: ReportFacts) -> ReportFacts:
    return replace(facts, statistics=_over_body(inputs, lambda unit: find_statistics(unit.iri, unit.text)))


def recommendations_pass(inputs: Inputs, facts: ReportFacts) -> ReportFacts:
    by_unit = _mentions_by_unit(facts)
    found = _over_body(inputs, lambda unit: find_recommendations(unit, by_unit[unit.iri]))
    return replace(facts, recommendations=found)


def events_pass(inputs: Inputs, facts: ReportFacts) -> ReportFacts:
    return replace(facts, events=tuple(find_events(inputs.units, _mentions_by_unit(facts), inputs.meta)))


PASSES: tuple[Pass, ...] = (
    mentions_pass, named_pass, documents_pass, practices_pass, unit_objectives_pass, statistics_pass,
    recommendations_pass, events_pass,
)


def run(inputs: Inputs, report_iri: str, passes: Sequence[Pass] = PASSES) -> ReportFacts:
    facts = ReportFacts(report_iri)
    for extraction_pass in passes:
        facts = extraction_pass(inputs, facts)
    return facts


def _over_body(inputs: Inputs, find: Callable[[UnitText], Iterable[T]]) -> tuple[T, ...]:
    """What ``find`` returns for each body unit (paragraphs and unnumbered blocks), in reading order."""
    return tuple(item for unit in by_kind(inputs.units, *BODY) for item in find(unit))


def _quoted(text: str, mention: Mention) -> Mention:
    return replace(mention, prefix=text[max(0, mention.start - QUOTE_CONTEXT):mention.start],
                   suffix=text[mention.end:mention.end + QUOTE_CONTEXT])


def _mentions_by_unit(facts: ReportFacts) -> defaultdict[str, list[Mention]]:
    grouped: defaultdict[str, list[Mention]] = defaultdict(list)
    for mention in facts.mentions:
        grouped[mention.unit_iri].append(mention)
    return grouped
