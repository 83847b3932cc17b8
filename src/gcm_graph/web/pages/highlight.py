"""Cut a unit's text into plain runs, linked entity mentions and footnote markers, for the reader.

Offsets are code points into ``gcm:text`` (Python ``str`` indices), end exclusive, as the mentions and
footnotes carry them. Overlapping mentions keep the earliest, then the longest, so the output always
reproduces the text exactly once.

>>> text = "泰国和墨西哥通过了立法。"
>>> spans = [Span(0, 2, "THA"), Span(3, 6, "MEX"), Span(0, 1, "X")]
>>> [(p.kind, p.text) for p in segments(text, spans, {12: "3"})]
[('mention', '泰国'), ('text', '和'), ('mention', '墨西哥'), ('text', '通过了立法。'), ('footnote', '3')]
>>> "".join(p.text for p in segments(text, [Span(3, 6, "MEX")], {}))
'泰国和墨西哥通过了立法。'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    target: str
    title: str = ""


@dataclass(frozen=True)
class Piece:
    kind: str  # "text", "mention" or "footnote"
    text: str
    target: str = ""
    title: str = ""


def segments(text: str, spans: Iterable[Span], footnotes: Mapping[int, str]) -> list[Piece]:
    """Text pieces in reading order; ``footnotes`` maps a citation offset to the footnote label."""
    chosen: list[Span] = []
    cursor = 0
    for span in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        if span.start >= cursor and 0 <= span.start < span.end <= len(text):
            chosen.append(span)
            cursor = span.end
    cuts = sorted({0, len(text), *(s.start for s in chosen), *(s.end for s in chosen),
                   *(o for o in footnotes if 0 <= o <= len(text))})
    by_start = {span.start: span for span in chosen}
    pieces: list[Piece] = []
    position = 0
    for cut in cuts[1:] + [None]:
        if position in footnotes:
            pieces.append(Piece("footnote", footnotes[position]))
        if cut is None:
            break
        span = by_start.get(position)
        if span is not None:
            pieces.append(Piece("mention", text[span.start:span.end], span.target, span.title))
            position = span.end
        elif cut > position:
            pieces.append(Piece("text", text[position:cut]))
            position = cut
    return pieces


def in_context(text: str, start: int, end: int, width: int = 60) -> tuple[str, str, str]:
    """(before, match, after) around one span, ``width`` characters each side, with ellipses where cut;
    a span outside the text gives the text's start as ``before`` and no match.

    >>> in_context("一二三泰国四五六", 3, 5, width=2)
    ('…二三', '泰国', '四五…')
    >>> in_context("短", 5, 9)
    ('短', '', '')
    """
    if not 0 <= start < end <= len(text):
        return text[: 2 * width], "", ""
    before = text[max(0, start - width):start]
    after = text[end:end + width]
    return (("…" if start > width else "") + before, text[start:end],
            after + ("…" if end + width < len(text) else ""))
