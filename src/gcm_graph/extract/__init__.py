"""Extraction: a parsed report in, facts with evidence out (pure; the lexicon is loaded once and cached).

>>> from gcm_graph.extract import extract_units, UnitText
>>> from gcm_graph.seeds import ReportMeta
>>> meta = ReportMeta("x.txt", "A/1/1", "t", "t", 2021, "zh")
>>> text = "2019年，斐济设立了信托基金，支持受气候变化影响社区按计划搬迁。"
>>> facts = extract_units([UnitText("u/para/1", "paragraph", text)], meta, "u")
>>> [(p.actors[0].rsplit("/", 1)[1], p.year, [a.objective for a in p.objectives]) for p in facts.practices]
[('FJI', 2019, [2])]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..document.model import Report
from ..seeds import ReportMeta
from .context import UnitText, report_units
from .lexicon import Lexicon, default_lexicon
from .model import ReportFacts
from .pipeline import Inputs, run

__all__ = ["ReportFacts", "UnitText", "extract_report", "extract_units"]


def extract_report(report: Report, meta: ReportMeta, report_iri: str, *,
                   corpus_symbols: Iterable[str] = (), lexicon: Lexicon | None = None) -> ReportFacts:
    """Every fact of one parsed report. ``corpus_symbols`` are the symbols of the other reports being
    built, so that citing one of them links to its report IRI rather than a document IRI."""
    return extract_units(report_units(report, report_iri), meta, report_iri,
                         corpus_symbols=corpus_symbols, lexicon=lexicon)


def extract_units(units: Sequence[UnitText], meta: ReportMeta, report_iri: str, *,
                  corpus_symbols: Iterable[str] = (), lexicon: Lexicon | None = None) -> ReportFacts:
    inputs = Inputs(units, meta, lexicon or default_lexicon(), frozenset(corpus_symbols))
    return run(inputs, report_iri)
