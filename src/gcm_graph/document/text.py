"""Assembling one unit's clean text from slices of the source, keeping the map back to the source.

Every character of a unit's text is either copied verbatim from the source (its ``source_map`` entry is
where it was copied from) or a separator the parser inserted where lines were joined (a space between Latin
words, a newline before a list item), mapped to the line break it replaces. Nothing else is ever
inserted, which is what lets the extractor's spans be published as exact source selectors.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import overload

from .blocks import Line
from .model import FootnoteRef, Link, Span

TERMINAL = frozenset("。；：.!?！？;:")
_CLOSERS = frozenset("”’)）」』》】]\"'")
_WIDE_PUNCTUATION = frozenset("“”‘’—…·")


def is_wide(char: str) -> bool:
    """Whether ``char`` is CJK (ideograph, kana, fullwidth form or CJK punctuation): no spaces around it.

    >>> is_wide("疫"), is_wide("。"), is_wide("“"), is_wide("D")
    (True, True, True, False)
    """
    return char >= "\u2e80" or char in _WIDE_PUNCTUATION


class SourceMap(Sequence[int]):
    """Clean-text offsets to source offsets, stored as runs of consecutively copied characters: a unit
    is a handful of verbatim slices, so this is a few numbers per unit instead of one per character.

    >>> mapping = SourceMap(array("i", [0, 3]), array("i", [10, 40]), 5)
    >>> list(mapping), mapping[4], mapping[-1], len(mapping)
    ([10, 11, 12, 40, 41], 41, 41, 5)
    """

    __slots__ = ("_starts", "_sources", "_length")

    def __init__(self, starts: array, sources: array, length: int) -> None:
        self._starts = starts      # clean offset where each run starts
        self._sources = sources    # source offset of the run's first character
        self._length = length

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, index: int) -> int: ...

    @overload
    def __getitem__(self, index: slice) -> list[int]: ...

    def __getitem__(self, index: int | slice) -> int | list[int]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._length))]
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError(f"source map index {index} out of range 0..{self._length - 1}")
        run = bisect_right(self._starts, index) - 1
        return self._sources[run] + index - self._starts[run]

    def __iter__(self) -> Iterator[int]:
        ends = [*self._starts[1:], self._length] if self._starts else []
        for start, end, source in zip(self._starts, ends, self._sources, strict=True):
            yield from range(source, source + end - start)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, SourceMap):
            return (self._length == other._length and self._starts == other._starts
                    and self._sources == other._sources)
        return isinstance(other, Sequence) and list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"SourceMap({list(self)!r})"


@dataclass(frozen=True, slots=True)
class Built:
    """The finished parts of a text unit, in the shape :class:`.model.TextUnit` takes them."""

    text: str
    source_map: SourceMap
    segments: tuple[Span, ...]
    footnote_refs: tuple[FootnoteRef, ...]
    links: tuple[Link, ...]


class TextBuilder:
    """Collects one unit's text and the source lines it is built from: one segment per run of consecutive
    lines, a new one after a blank line or after ``interrupt`` says other text was read in between."""

    __slots__ = ("_parts", "_starts", "_sources", "_run_end", "length", "_tail", "_refs", "_links",
                 "_segments", "_adjacent", "_pending", "_last_newline", "_last_line")

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._starts = array("i")
        self._sources = array("i")
        self._run_end = -1
        self.length = 0
        self._tail = ""
        self._refs: list[FootnoteRef] = []
        self._links: list[Link] = []
        self._segments: list[list[int]] = []
        self._adjacent = False
        self._pending: int | None = None
        self._last_newline = 0
        self._last_line = 0

    def cover(self, line: Line) -> None:
        """Record that ``line`` is read into this unit: it extends the last segment when it is the next
        source line (or the same line, for glued headings) and nothing else was read in between."""
        if self._adjacent and self._segments and line.number <= self._last_line + 1:
            self._segments[-1][1] = max(self._segments[-1][1], line.end)
        else:
            self._segments.append([line.start, line.end])
        self._adjacent = True
        self._last_line = line.number
        self._last_newline = line.newline

    def interrupt(self) -> None:
        self._adjacent = False

    def join(self, hard: bool) -> None:
        """Separate what comes next from what is there: a newline if ``hard`` (at once, so an item can
        start after it), else a space unless either side is CJK (decided when the next text arrives)."""
        if not self.length:
            return
        if hard:
            self._put("\n", self._last_newline)
        else:
            self._pending = self._last_newline

    def take(self, source: str, start: int, end: int) -> None:
        """Append ``source[start:end]`` verbatim."""
        if start >= end:
            return
        if self._pending is not None:
            position, self._pending = self._pending, None
            if not (is_wide(self._tail[-1]) or is_wide(source[start])):
                self._put(" ", position)
        self._parts.append(source[start:end])
        self._run(start)
        self.length += end - start
        self._run_end = end
        self._tail = (self._tail + source[max(start, end - 2):end])[-2:]

    def _put(self, char: str, position: int) -> None:
        self._parts.append(char)
        self._run(position)
        self.length += 1
        self._run_end = position + 1
        self._tail = (self._tail + char)[-2:]

    def _run(self, source_start: int) -> None:
        """Start a new run unless the next character continues the last one in the source too."""
        if source_start != self._run_end:
            self._starts.append(self.length)
            self._sources.append(source_start)

    def ref(self, label: str) -> None:
        self._refs.append(FootnoteRef(label, self.length))

    def link(self, target: str, text: str) -> None:
        self._links.append(Link(target, text, self.length - len(text)))

    @property
    def last_char(self) -> str:
        return self._tail[-1:]

    def is_open(self) -> bool:
        """Whether the text stops mid-sentence (no terminal punctuation), as text cut by a page break does."""
        if not self._tail:
            return False
        last = self._tail[-1]
        if last in _CLOSERS and len(self._tail) == 2:
            last = self._tail[0]
        return last not in TERMINAL

    def ends_with_colon(self) -> bool:
        return self._tail[-1:] in ("：", ":")

    @property
    def refs(self) -> tuple[FootnoteRef, ...]:
        return tuple(self._refs)

    def build(self) -> Built:
        return Built("".join(self._parts), SourceMap(self._starts, self._sources, self.length),
                     tuple(Span(s, e) for s, e in self._segments), tuple(self._refs), tuple(self._links))
