"""Split the source into lines with offsets, and the lines into pieces: the units of classification.

A piece is a run of lines that belong together: a blank-line separated block, further split where a line
starts something new without a blank line before it (consecutive numbered paragraphs, list items, footnote
bodies, a heading followed by a hard-break line) and where two bold headings are glued on one line
(``**二. 会议安排****A. 会议的开幕…**``). Lines that start nothing new continue the piece (soft-wrapped
text, a footnote's URL on its own line, the bureau lines of a meeting report).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .markers import STARTERS, Head, classify

_GLUED = re.compile(r"(?:#{1,6}[ \t]+)?(?:\*\*[^*\n]+\*\*){2,}[ \t]*$")
_BOLD_PART = re.compile(r"\*\*[^*\n]+\*\*")


@dataclass(frozen=True, slots=True)
class Line:
    """One source line (or one of several headings glued on a line). ``start`` is where the line begins,
    ``text_start``/``end`` bound its non-blank text, ``newline`` is the offset of the line break after it
    (``len(source)`` on the last line), ``hard_break`` whether it ended in a Markdown hard break."""

    number: int
    start: int
    text_start: int
    end: int
    newline: int
    hard_break: bool
    tabbed: bool = False  # holds a tab after its first character: a table row


@dataclass(frozen=True, slots=True)
class Piece:
    """Lines classified together; ``head`` describes the first line."""

    lines: tuple[Line, ...]
    head: Head


def split_lines(source: str) -> list[Line]:
    """Every non-blank line of ``source``.

    >>> [(line.number, line.text_start, line.end, line.hard_break) for line in split_lines("a  \\n\\n  b\\n")]
    [(1, 0, 1, True), (3, 7, 8, False)]
    """
    lines = []
    offset = 0
    for number, raw in enumerate(source.split("\n"), 1):
        newline = offset + len(raw)
        stripped = raw.strip()
        if stripped:
            text_start = offset + len(raw) - len(raw.lstrip())
            text_end = offset + len(raw.rstrip())
            hard = raw.rstrip("\r").endswith("  ")
            tabbed = "\t" in raw.lstrip().rstrip(" \r")
            lines.append(Line(number, offset, text_start, text_end, newline, hard, tabbed))
        offset = newline + 1
    return lines


def split_pieces(source: str) -> list[Piece]:
    """The pieces of ``source`` in reading order."""
    pieces: list[Piece] = []
    current: list[Line] = []
    head: Head | None = None
    previous: Line | None = None
    for line in _unglued(source, split_lines(source)):
        line_head = classify(source, line.text_start, line.end, tabbed=line.tabbed)
        adjacent = previous is not None and previous.number >= line.number - 1
        continues = (adjacent and head is not None and not head.explicit and line_head.kind not in STARTERS
                     and (line_head.kind == "table") == (head.kind == "table"))
        if continues:
            current.append(line)
        else:
            if current and head is not None:
                pieces.append(Piece(tuple(current), head))
            current, head = [line], line_head
        previous = line
    if current and head is not None:
        pieces.append(Piece(tuple(current), head))
    return pieces


def _unglued(source: str, lines: list[Line]) -> list[Line]:
    """Lines with glued bold headings split into one line per heading (same line number)."""
    result = []
    for line in lines:
        if _GLUED.match(source, line.text_start, line.end):
            parts = list(_BOLD_PART.finditer(source, line.text_start, line.end))
            for index, part in enumerate(parts):
                start = line.start if index == 0 else part.start()
                text_start = line.text_start if index == 0 else part.start()
                result.append(Line(line.number, start, text_start, part.end(), line.newline, False))
        else:
            result.append(line)
    return result
