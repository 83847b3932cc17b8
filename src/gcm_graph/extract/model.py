"""What the extractor finds: frozen records, each anchored in one text unit by character offsets.

Every fact carries ``unit_iri`` (the IRI :mod:`gcm_graph.units` gives the paragraph, block, title or
footnote), ``start``/``end`` (offsets into that unit's clean text, end exclusive), a ``confidence`` in
[0, 1] and the name of the ``rule`` that produced it, so a reader can check any triple against the words
it came from and judge how far to trust it. IRIs of facts are derived from these anchors
(:func:`gcm_graph.iris.fact`), never from the order of extraction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True)
class Anchor:
    """Where a fact comes from and how sure the rule that found it is."""

    unit_iri: str
    start: int
    end: int
    confidence: float
    rule: str


@dataclass(frozen=True)
class Mention(Anchor):
    """A span naming an entity: country, organization, local authority, person, objective, principle,
    SDG goal/target/indicator or cited document. ``kind`` is the entity's kind ("country", "org", …)."""

    text: str = ""
    entity: str = ""
    kind: str = ""
    prefix: str = ""    # up to QUOTE_CONTEXT characters before the span, for oa:TextQuoteSelector
    suffix: str = ""


#: characters of context kept on each side of a mention's exact text
QUOTE_CONTEXT = 8


@dataclass(frozen=True)
class Named:
    """An entity the reference graph does not describe (a person, a local authority), with its labels."""

    iri: str
    kind: str           # "person" | "local"
    label_zh: str
    label_en: str = ""
    country: str | None = None


@dataclass(frozen=True)
class CitedDocument:
    """A UN document cited by symbol; ``iri`` is the report IRI when the symbol is one of the corpus."""

    symbol: str
    iri: str


@dataclass(frozen=True)
class Publication:
    """A work cited in a footnote without a UN symbol, with the URLs the note gives for it."""

    iri: str
    citation: str
    urls: tuple[str, ...] = ()
    unit_iri: str = ""


@dataclass(frozen=True)
class ObjectiveAssignment(Anchor):
    """A GCM objective given to a practice, recommendation or unit, with the evidence rule that chose it."""

    objective: int = 0


@dataclass(frozen=True)
class Practice(Anchor):
    """A concrete action of one or more named actors; ``start``/``end`` delimit the evidence clause."""

    actors: tuple[str, ...] = ()
    year: int | None = None
    objectives: tuple[ObjectiveAssignment, ...] = ()
    description: str = ""


@dataclass(frozen=True)
class Statistic(Anchor):
    """A quantity: ``value`` normalised (2.81 亿 → 281000000), ``unit`` "person", "percent", "USD", …"""

    value: Decimal = Decimal(0)
    unit: str = ""
    currency: str | None = None
    year: int | None = None
    measure: str = ""


@dataclass(frozen=True)
class Recommendation(Anchor):
    """A call on named addressees (敦促各国…, 鼓励各国…), with the objectives it serves."""

    addressees: tuple[str, ...] = ()
    objectives: tuple[ObjectiveAssignment, ...] = ()
    description: str = ""


@dataclass(frozen=True)
class Role:
    """A person's office at an event (主席, 副主席), and the country they came from."""

    person: str
    label: str
    country: str | None = None


@dataclass(frozen=True)
class Event:
    """A meeting, panel or side event. ``kind`` is "Meeting", "Panel" or "SideEvent" (the gcm: class)."""

    iri: str
    kind: str
    title: str
    derived_from: tuple[str, ...]
    start_date: str | None = None
    end_date: str | None = None
    place: str | None = None
    part_of: str | None = None
    attendees: tuple[str, ...] = ()
    speakers: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    moderators: tuple[str, ...] = ()
    panellists: tuple[str, ...] = ()
    organizers: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReportFacts:
    """Everything extracted from one report, in reading order within each kind."""

    report_iri: str
    mentions: tuple[Mention, ...] = ()
    documents: tuple[CitedDocument, ...] = ()
    publications: tuple[Publication, ...] = ()
    practices: tuple[Practice, ...] = ()
    unit_objectives: tuple[ObjectiveAssignment, ...] = ()
    statistics: tuple[Statistic, ...] = ()
    recommendations: tuple[Recommendation, ...] = ()
    events: tuple[Event, ...] = field(default=())
    named: tuple[Named, ...] = ()
