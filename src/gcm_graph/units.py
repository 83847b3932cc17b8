"""Names every text unit of a parsed report with its IRI and its place in the section tree.

Both the RDF emitter and the extractor need "which IRI is this paragraph, and which headings is it under";
computing it once here keeps the two in step (a fact's subject is always the IRI the structure emits).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from . import iris
from .document.model import Footnote, ListItem, Paragraph, Report, Section, TextBlock, TextUnit


@dataclass(frozen=True)
class Unit:
    """One text unit in context. ``sections`` runs from the outermost section to the innermost; ``kind``
    is "paragraph", "text" (unnumbered block), "item" (list item of ``parent``), "footnote" or "title"
    (a section heading's text)."""

    iri: str
    kind: str
    unit: TextUnit
    sections: tuple[Section, ...]
    container_iri: str
    parent: Paragraph | TextBlock | None = None
    item: ListItem | None = None

    @property
    def text(self) -> str:
        if self.item is not None and self.parent is not None:
            return self.parent.text[self.item.start:self.item.end]
        return self.unit.text


def section_iri(report_iri: str, section: Section) -> str:
    if section.kind == "summary":
        return iris.summary(report_iri)
    if section.kind == "annex" and section.number:
        return iris.annex(report_iri, section.number)
    return iris.section(report_iri, section.path)


def item_label_path(item: ListItem) -> str:
    return f"{item.parent_label}.{item.label}" if item.parent_label else item.label


def _footnote_scope_iri(report_iri: str, footnote: Footnote) -> str:
    if not footnote.scope:
        return report_iri
    if footnote.scope == "summary":
        return iris.summary(report_iri)
    return iris.section(report_iri, footnote.scope)


def iter_units(report: Report, report_iri: str) -> Iterator[Unit]:
    """Every text unit in reading order (titles, paragraphs, blocks, their list items), then footnotes."""
    roots: list[Section | Paragraph | TextBlock] = []
    if report.summary is not None:
        roots.append(report.summary)
    roots.extend(node for node in report.body if isinstance(node, Section | Paragraph | TextBlock))
    for node in roots:
        yield from _walk(node, report_iri, (), report_iri)
    for footnote in report.footnotes:
        scope = _footnote_scope_iri(report_iri, footnote)
        yield Unit(iris.footnote(scope, footnote.label), "footnote", footnote, (), scope)


def _walk(node: object, report_iri: str, sections: tuple[Section, ...], container: str) -> Iterator[Unit]:
    if isinstance(node, Section):
        own = section_iri(report_iri, node)
        inner = (*sections, node)
        if node.title is not None:
            yield Unit(own, "title", node.title, inner, container)
        blocks = 0
        for child in node.children:
            if isinstance(child, TextBlock):
                blocks += 1
                yield from _text_block(child, iris.text_block(own, blocks), inner, own)
            else:
                yield from _walk(child, report_iri, inner, own)
    elif isinstance(node, Paragraph):
        iri = iris.paragraph(report_iri, node.number, node.annex)
        yield Unit(iri, "paragraph", node, sections, container)
        yield from _items(node, iri, sections)
    elif isinstance(node, TextBlock):
        # a block directly under the report (no section): numbered by reading order
        yield from _text_block(node, iris.text_block(report_iri, node.order), sections, report_iri)


def _text_block(block: TextBlock, iri: str, sections: tuple[Section, ...], container: str) -> Iterator[Unit]:
    yield Unit(iri, "text", block, sections, container)
    yield from _items(block, iri, sections)


def _items(parent: Paragraph | TextBlock, parent_iri: str, sections: tuple[Section, ...]) -> Iterator[Unit]:
    for item in parent.items:
        yield Unit(
            iris.list_item(parent_iri, item_label_path(item)), "item", parent, sections, parent_iri,
            parent=parent, item=item,
        )
