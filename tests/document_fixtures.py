"""The real seeds, parsed once per test session, for the ``test_document_*`` modules."""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Iterator
from pathlib import Path

from gcm_graph.document import parse_report
from gcm_graph.document.model import Paragraph, Report, Section, TextBlock, TextUnit

SEEDS = Path(__file__).parents[1] / "seeds"
SYMBOLS = ("A/76/642", "ESCAP/GCM/2021/3", "A/72/643", "A/71/978")


@functools.cache
def seed_files() -> dict[str, Path]:
    manifest = tomllib.loads((SEEDS / "manifest.toml").read_text(encoding="utf-8"))
    return {entry["symbol"]: SEEDS / entry["file"] for entry in manifest["report"]}


@functools.cache
def seed_text(symbol: str) -> str:
    return seed_files()[symbol].read_text(encoding="utf-8")


@functools.cache
def parsed(symbol: str) -> Report:
    return parse_report(seed_text(symbol), name=seed_files()[symbol].name)


def paragraph(symbol: str, number: int, annex: str | None = None) -> Paragraph:
    matches = [p for p in parsed(symbol).paragraphs() if p.number == number and p.annex == annex]
    assert len(matches) == 1, f"{symbol} para {annex or ''}{number}: {len(matches)} matches"
    return matches[0]


def sections(report: Report) -> list[Section]:
    return [node for node in report.walk() if isinstance(node, Section)]


def section(symbol: str, path: str) -> Section:
    matches = [s for s in sections(parsed(symbol)) if s.path == path]
    assert len(matches) == 1, f"{symbol} section {path}: {len(matches)} matches"
    return matches[0]


def text_units(report: Report) -> Iterator[TextUnit]:
    """Every unit with text: section titles, paragraphs, text blocks and footnotes."""
    for node in report.walk():
        if isinstance(node, Section) and node.title is not None:
            yield node.title
        elif isinstance(node, Paragraph | TextBlock):
            yield node
    yield from report.footnotes
