"""The entry point: text in, :class:`.model.Report` out, or a :class:`.errors.ParseError`."""

from __future__ import annotations

from .blocks import split_pieces
from .errors import ParseError
from .freeze import freeze_footnotes, freeze_node, freeze_section
from .frontmatter import stated_metadata
from .model import Report, Span
from .structure import Assembler


def parse_report(text: str, *, name: str = "<text>") -> Report:
    """Parse the decoded text of one report. Pure: the same text always gives the same report.

    >>> report = parse_report("第七十六届会议\\n\\n一. 引言\\n\\n1. 第一段。¹\\n\\n¹ 注。\\n")
    >>> report.stated.session, [p.number for p in report.paragraphs()], report.footnotes[0].cited_by_order
    (76, [1], 2)
    """
    if not text.strip():
        raise ParseError(name, 1, "empty text: expected a report with numbered paragraphs")
    pieces = split_pieces(text)
    assembler = Assembler(text, pieces)
    assembler.run()
    if not assembler.units or all(unit.number is None for unit in assembler.units):
        line = pieces[-1].lines[-1].number if pieces else 1
        raise ParseError(name, line, "no numbered paragraph ('1. …') before the end of the text")
    return Report(
        source=text,
        stated=stated_metadata(assembler.front_texts()),
        summary=freeze_section(assembler.summary) if assembler.summary is not None else None,
        body=tuple(freeze_node(node) for node in assembler.roots),
        footnotes=freeze_footnotes(assembler),
        front_matter=tuple(Span(piece.lines[0].start, piece.lines[-1].end) for piece in assembler.front),
    )
