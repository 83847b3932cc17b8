"""The structure of one report as quads in the report's named graph (pure: model in, quads out).

Follows docs/design.md: report metadata from the manifest, sections with their numbering, paragraphs with
their number, annex, clean text and reading order, unnumbered blocks, list items, footnotes cited from the
units that carry their markers, tables, and the source segments that tie every unit to the seed file.
The emitters yield what their ``emit`` returns (``rdf.emit``): Quads for ``report_quads``, N-Triples lines for
``report_lines``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TypeVar

from pyoxigraph import NamedNode, Quad

from .. import iris
from ..document.model import Footnote, Paragraph, Report, Section, Table, TextUnit
from ..seeds import ReportMeta
from ..units import Unit, iter_units, section_iri
from ..vocab import DCTERMS, GCM, OA, PROV, RDF, RDFS
from . import literals
from .emit import Emit, LineEmitter, QuadEmitter

T = TypeVar("T")

_SECTION_CLASS = {"summary": GCM.Summary, "box": GCM.Box, "annex": GCM.Annex}
_UNIT_CLASS = {"paragraph": GCM.Paragraph, "text": GCM.TextBlock, "item": GCM.ListItem}


def report_quads(report: Report, meta: ReportMeta, sha256: str, activity_iri: str) -> Iterator[Quad]:
    """All structure quads of one report, in its own named graph (graph IRI = report IRI)."""
    return _report(report, meta, sha256, activity_iri, QuadEmitter(iris.report(meta.symbol)))


def report_lines(report: Report, meta: ReportMeta, sha256: str, activity_iri: str) -> Iterator[str]:
    """The statements of ``report_quads`` as N-Triples lines (the build's fast path)."""
    return _report(report, meta, sha256, activity_iri, LineEmitter())


def _report(report: Report, meta: ReportMeta, sha256: str, activity_iri: str, quad: Emit[T]) -> Iterator[T]:
    report_iri = iris.report(meta.symbol)
    yield from _metadata(meta, report_iri, sha256, activity_iri, quad)
    yield from _sections(report, report_iri, meta.language, quad)
    units = list(iter_units(report, report_iri))
    for unit in units:
        if unit.kind in _UNIT_CLASS:
            yield from _text_unit(unit, meta.language, quad)
    yield from _footnotes(report, report_iri, units, meta.language, quad)


def _metadata(meta: ReportMeta, report_iri: str, sha256: str, activity_iri: str, quad: Emit[T]) -> Iterator[T]:
    yield quad(report_iri, RDF.type, GCM.Report)
    yield quad(report_iri, DCTERMS.identifier, literals.string(meta.symbol))
    yield quad(report_iri, DCTERMS.title, literals.text(meta.title_zh, "zh"))
    yield quad(report_iri, DCTERMS.title, literals.text(meta.title_en, "en"))
    yield quad(report_iri, RDFS.label, literals.text(meta.title_zh, "zh"))
    yield quad(report_iri, RDFS.label, literals.text(meta.title_en, "en"))
    yield quad(report_iri, DCTERMS.language, literals.string(meta.language))
    yield quad(report_iri, GCM.year, literals.year(meta.year))
    yield quad(report_iri, GCM.sourceFile, literals.string(meta.file))
    yield quad(report_iri, GCM.sourceChecksum, literals.string(f"sha256:{sha256}"))
    yield quad(report_iri, RDFS.seeAlso, NamedNode(f"https://undocs.org/{meta.language}/{meta.symbol}"))
    yield quad(report_iri, PROV.wasGeneratedBy, NamedNode(activity_iri))
    if meta.date:
        yield quad(report_iri, DCTERMS.date, literals.date(meta.date))
    if meta.session is not None:
        yield quad(report_iri, GCM.session, literals.integer(meta.session))
    for item in meta.agenda_items:
        yield quad(report_iri, GCM.agendaItem, literals.string(item))
    if meta.type:
        yield quad(report_iri, GCM.reportType, literals.string(meta.type))
    if meta.body:
        yield quad(report_iri, GCM.issuingBody, literals.string(meta.body))


def _sections(report: Report, report_iri: str, language: str, quad: Emit[T]) -> Iterator[T]:
    def walk(node: object, parent_iri: str, parent_path: str) -> Iterator[T]:
        if isinstance(node, Table):
            yield from _table(node, iris.table(report_iri, parent_path), parent_iri, language, quad)
            return
        if not isinstance(node, Section):
            return
        own = section_iri(report_iri, node)
        yield quad(own, RDF.type, GCM.Section)
        if node.kind in _SECTION_CLASS:
            yield quad(own, RDF.type, _SECTION_CLASS[node.kind])
        yield quad(own, DCTERMS.isPartOf, NamedNode(parent_iri))
        yield quad(own, GCM.sectionType, literals.string(node.kind))
        yield quad(own, GCM.sectionLevel, literals.integer(node.level))
        yield quad(own, GCM.order, literals.integer(node.order))
        if node.number:
            yield quad(own, GCM.sectionNumber, literals.string(node.number))
        if node.title is not None and node.title.text:
            yield quad(own, DCTERMS.title, literals.text(node.title.text, language))
            yield quad(own, RDFS.label, literals.text(node.title.text, language))
            yield from _segments(own, node.title, quad)
        for child in node.children:
            yield from walk(child, own, node.path)

    roots = ([report.summary] if report.summary is not None else []) + list(report.body)
    for root in roots:
        yield from walk(root, report_iri, "")


def _text_unit(unit: Unit, language: str, quad: Emit[T]) -> Iterator[T]:
    yield quad(unit.iri, RDF.type, _UNIT_CLASS[unit.kind])
    yield quad(unit.iri, DCTERMS.isPartOf, NamedNode(unit.container_iri))
    yield quad(unit.iri, GCM.text, literals.text(unit.text, language))
    if unit.item is not None and unit.parent is not None:
        yield quad(unit.iri, GCM.itemLabel, literals.string(unit.item.label))
        yield quad(unit.iri, GCM.order, literals.integer(unit.parent.items.index(unit.item) + 1))
        return
    if isinstance(unit.unit, Paragraph):
        yield quad(unit.iri, GCM.paragraphNumber, literals.integer(unit.unit.number))
        if unit.unit.annex:
            yield quad(unit.iri, GCM.annex, literals.string(unit.unit.annex))
    yield quad(unit.iri, GCM.order, literals.integer(unit.unit.order))  # type: ignore[attr-defined]
    yield from _segments(unit.iri, unit.unit, quad)


def _segments(subject: str, unit: TextUnit, quad: Emit[T]) -> Iterator[T]:
    for index, span in enumerate(unit.segments, 1):
        selector = f"{subject}#src-{index}"
        yield quad(subject, GCM.sourceSegment, NamedNode(selector))
        yield quad(selector, RDF.type, OA.TextPositionSelector)
        yield quad(selector, OA.start, literals.integer(span.start))
        yield quad(selector, OA.end, literals.integer(span.end))


def _footnotes(report: Report, report_iri: str, units: list[Unit], language: str, quad: Emit[T]) -> Iterator[T]:
    by_key = {(note.scope, note.label): note for note in report.footnotes}
    note_iri = {id(unit.unit): unit.iri for unit in units if unit.kind == "footnote"}
    for note in report.footnotes:
        own = note_iri[id(note)]
        yield quad(own, RDF.type, GCM.Footnote)
        yield quad(own, DCTERMS.isPartOf, NamedNode(report_iri))
        yield quad(own, GCM.footnoteLabel, literals.string(note.label))
        yield quad(own, GCM.text, literals.text(note.text, language))
        yield from _segments(own, note, quad)
        for link in note.links:
            if link.target.startswith(("http://", "https://")):
                yield quad(own, DCTERMS.references, NamedNode(link.target))
    for unit in units:
        if unit.kind in ("item", "footnote"):
            continue
        for ref in unit.unit.footnote_refs:
            note = _resolve(ref.label, unit, by_key)
            if note is None:
                continue
            yield quad(unit.iri, GCM.hasFootnote, NamedNode(note_iri[id(note)]))
            # kept for existing queries, but ambiguous when a note is cited from several units: the marker
            # below says which unit each offset belongs to
            yield quad(note_iri[id(note)], GCM.citationOffset, literals.integer(ref.offset))
            marker = iris.footnote_marker(unit.iri, note.label, ref.offset)
            yield quad(unit.iri, GCM.hasFootnoteMarker, NamedNode(marker))
            yield quad(marker, RDF.type, GCM.FootnoteMarker)
            yield quad(marker, GCM.footnote, NamedNode(note_iri[id(note)]))
            yield quad(marker, GCM.markerOffset, literals.integer(ref.offset))


def _resolve(label: str, unit: Unit, by_key: dict[tuple[str, str], Footnote]) -> Footnote | None:
    """The footnote a marker in ``unit`` points to: lettered notes live in the innermost enclosing block
    that has one with that label, numbered notes report-wide."""
    for section in reversed(unit.sections):
        scope = "summary" if section.kind == "summary" else section.path
        if (scope, label) in by_key:
            return by_key[(scope, label)]
    return by_key.get(("", label))


def _table(table: Table, table_iri: str, parent_iri: str, language: str, quad: Emit[T]) -> Iterator[T]:
    yield quad(table_iri, RDF.type, GCM.Table)
    yield quad(table_iri, DCTERMS.isPartOf, NamedNode(parent_iri))
    yield quad(table_iri, GCM.order, literals.integer(table.order))
    for number, (row, group) in enumerate(zip(table.rows, table.groups, strict=True), 1):
        row_iri = f"{table_iri}/row/{number}"
        yield quad(row_iri, RDF.type, GCM.TableRow)
        yield quad(row_iri, DCTERMS.isPartOf, NamedNode(table_iri))
        yield quad(row_iri, GCM.order, literals.integer(number))
        yield quad(row_iri, GCM.text, literals.text("\t".join(row), language))
        if group:
            yield quad(row_iri, DCTERMS.type, literals.text(group, language))
        symbol = row[0].strip() if row else ""
        if _looks_like_symbol(symbol):
            document = iris.document(symbol)
            yield quad(row_iri, GCM.cites, NamedNode(document))
            yield quad(document, RDF.type, GCM.Document)
            yield quad(document, DCTERMS.identifier, literals.string(symbol))
            if len(row) > 1 and row[1].strip():
                yield quad(document, DCTERMS.title, literals.text(row[1].strip(), language))
            if len(row) > 2 and row[2].strip():
                yield quad(row_iri, GCM.agendaItem, literals.string(row[2].strip()))


def _looks_like_symbol(cell: str) -> bool:
    """A UN document symbol: upper-case series letters and slashes, e.g. ESCAP/GCM/2021/CRP.1."""
    head = cell.split("/", 1)[0]
    return "/" in cell and head.isascii() and head.isupper() and " " not in cell
