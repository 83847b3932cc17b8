"""Turning the parser's drafts into the frozen :mod:`.model` objects, and linking footnotes to citers."""

from __future__ import annotations

from .drafts import FootnoteDraft, SectionDraft, UnitDraft
from .model import Footnote, ListItem, Paragraph, Section, Table, TextBlock, TextUnit
from .structure import Assembler
from .text import TextBuilder


def freeze_section(draft: SectionDraft) -> Section:
    return Section(draft.kind, draft.number, text_unit(draft.title), draft.level, draft.path,
                   tuple(freeze_node(child) for child in draft.children), draft.order)


def freeze_node(draft: SectionDraft | UnitDraft | Table) -> Section | Paragraph | TextBlock | Table:
    if isinstance(draft, SectionDraft):
        return freeze_section(draft)
    if isinstance(draft, UnitDraft):
        built = draft.text.build()
        items = tuple(ListItem(i.label, i.start, i.end, i.depth, i.parent_label) for i in draft.items)
        if draft.number is None:
            return TextBlock(built.text, built.source_map, built.segments, built.footnote_refs, built.links,
                             order=draft.order, items=items)
        return Paragraph(built.text, built.source_map, built.segments, built.footnote_refs, built.links,
                         number=draft.number, annex=draft.annex, order=draft.order, items=items)
    return draft


def text_unit(builder: TextBuilder) -> TextUnit:
    built = builder.build()
    return TextUnit(built.text, built.source_map, built.segments, built.footnote_refs, built.links)


def freeze_footnotes(assembler: Assembler) -> tuple[Footnote, ...]:
    """Footnotes with ``cited_by_order`` set: numbered notes are matched report-wide, lettered ones within
    the scope of the citing unit (falling back to any note with that letter)."""
    by_key: dict[tuple[str, str], FootnoteDraft] = {}
    by_label: dict[str, FootnoteDraft] = {}
    for footnote in assembler.footnotes:
        by_key.setdefault((footnote.scope, footnote.label), footnote)
        by_label.setdefault(footnote.label, footnote)
    cited: dict[int, int] = {}
    citers = [(unit.order, unit.scope, unit.text) for unit in assembler.units]
    citers += [(section.order, section.scope, section.title) for section in assembler.sections]
    for order, scope, builder in sorted(citers, key=lambda citer: citer[0]):
        for ref in builder.refs:
            key = ("" if ref.label.isdigit() else scope, ref.label)
            footnote = by_key.get(key) or by_label.get(ref.label)
            if footnote is not None:
                cited.setdefault(id(footnote), order)
    result = []
    for draft in assembler.footnotes:
        built = draft.text.build()
        result.append(Footnote(built.text, built.source_map, built.segments, built.footnote_refs, built.links,
                               label=draft.label, marker=draft.marker, scope=draft.scope,
                               cited_by_order=cited.get(id(draft))))
    return tuple(result)
