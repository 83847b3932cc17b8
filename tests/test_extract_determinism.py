"""Issue 4, point 6: fact IRIs are functions of the input; editing one paragraph renumbers nothing else."""

from __future__ import annotations

from dataclasses import replace

from gcm_graph import iris
from gcm_graph.document import parse_report
from gcm_graph.extract import extract_units
from gcm_graph.extract.context import report_units
from gcm_graph.rdf.facts import fact_quads
from gcm_graph.seeds import load_corpus
from gcm_graph.settings import Settings


def subjects(units, meta, report_iri) -> dict[str, set[str]]:
    """Subject IRIs of the fact graph, grouped by the unit they are scoped under."""
    facts = extract_units(units, meta, report_iri)
    grouped: dict[str, set[str]] = {}
    for quad in fact_quads(facts, report_iri):
        value = quad.subject.value
        owner = next((unit.iri for unit in units if value.startswith(unit.iri + "/")), "")
        grouped.setdefault(owner, set()).add(value)
    return grouped


def test_same_input_same_iris_and_local_edits_stay_local() -> None:
    seed = next(s for s in load_corpus(Settings().seeds) if s.meta.symbol == "A/76/642")
    report_iri = iris.report(seed.meta.symbol)
    units = report_units(parse_report(seed.text), report_iri)
    before = subjects(units, seed.meta, report_iri)
    assert before == subjects(units, seed.meta, report_iri)

    edited_iri = iris.paragraph(report_iri, 21)
    edited = [replace(u, text="据报告，" + u.text) if u.iri == edited_iri else u for u in units]
    after = subjects(edited, seed.meta, report_iri)
    assert after[edited_iri] != before[edited_iri]
    assert {k: v for k, v in after.items() if k not in (edited_iri, "")} == {
        k: v for k, v in before.items() if k not in (edited_iri, "")}
