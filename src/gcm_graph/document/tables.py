"""Tab-separated tables (a meeting report's list of documents) as :class:`.model.Table`.

The conversion prints a table as one line per row, cells separated by tabs, group captions as rows whose
only cell is bold (``<b>普通分发文件</b>``) and links as ``<a href="u">t</a>``.
"""

from __future__ import annotations

import re

from .blocks import Line
from .clean import clean_into
from .model import Link, Span, Table
from .text import TextBuilder

_BOLD_CELL = re.compile(r"\s*(?:<b>|\*\*)")


def build_table(source: str, lines: tuple[Line, ...], order: int) -> Table:
    """The table printed on ``lines``; link offsets are row indexes (a table has no running text).

    >>> from .blocks import split_lines
    >>> text = "文号\\t标题\\n<b>普通</b>\\t\\nE/1\\t<a href=\\"http://u\\">t</a>"
    >>> table = build_table(text, tuple(split_lines(text)), 3)
    >>> table.header, table.rows, table.groups, [(l.target, l.offset) for l in table.links]
    (('文号', '标题'), (('E/1', 't'),), ('普通',), [('http://u', 0)])
    """
    header: tuple[str, ...] = ()
    rows: list[tuple[str, ...]] = []
    groups: list[str | None] = []
    links: list[Link] = []
    group: str | None = None
    for index, line in enumerate(lines):
        cells, cell_links = _cells(source, line)
        if index == 0:
            header = cells
        elif _BOLD_CELL.match(source, line.text_start, line.end) and not any(cells[1:]):
            group = cells[0]
        else:
            links.extend(Link(link.target, link.text, len(rows)) for link in cell_links)
            rows.append(cells)
            groups.append(group)
    segments = (Span(lines[0].start, lines[-1].end),) if lines else ()
    return Table(header, tuple(rows), tuple(groups), tuple(links), segments, order)


def _cells(source: str, line: Line) -> tuple[tuple[str, ...], list[Link]]:
    cells: list[str] = []
    links: list[Link] = []
    start = line.text_start
    while True:
        tab = source.find("\t", start, line.end)
        end = line.end if tab < 0 else tab
        builder = TextBuilder()
        clean_into(builder, source, start, end)
        built = builder.build()
        cells.append(built.text.strip())
        links.extend(built.links)
        if tab < 0:
            return tuple(cells), links
        start = tab + 1
