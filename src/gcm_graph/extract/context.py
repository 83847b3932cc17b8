"""The text units the extractor reads, reduced to what every pass needs: IRI, kind, text, headings.

List items are not separate inputs: their text is a slice of their paragraph, so facts are found (once)
in the paragraph and anchored there. Titles are read for mentions and explicit references only.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..document.model import Report
from ..units import iter_units

#: unit kinds the extractor reads (see gcm_graph.units.Unit.kind); "item" is inside "paragraph"/"text"
READ_KINDS = ("paragraph", "text", "title", "footnote")


@dataclass(frozen=True)
class UnitText:
    """One unit to extract from. ``headings`` are the titles of the enclosing sections, outermost first;
    ``label`` is the printed paragraph number ("25", annex "II.7"), empty for other units."""

    iri: str
    kind: str
    text: str
    headings: tuple[str, ...] = ()
    label: str = ""


def report_units(report: Report, report_iri: str) -> list[UnitText]:
    """The units of a parsed report in reading order (footnotes last), as the passes read them."""
    units = []
    for unit in iter_units(report, report_iri):
        if unit.kind not in READ_KINDS:
            continue
        headings = tuple(section.title.text for section in unit.sections if section.title is not None)
        if unit.kind == "title":
            headings = headings[:-1]  # a heading is not under itself
        number = getattr(unit.unit, "number", 0)
        annex = getattr(unit.unit, "annex", None)
        label = (f"{annex}.{number}" if annex else str(number)) if unit.kind == "paragraph" else ""
        units.append(UnitText(unit.iri, unit.kind, unit.text, headings, label))
    return units


def by_kind(units: Iterable[UnitText], *kinds: str) -> list[UnitText]:
    return [unit for unit in units if unit.kind in kinds]
