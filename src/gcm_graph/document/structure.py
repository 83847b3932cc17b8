"""Classifying pieces in context and building the section tree: the heart of the parser.

Reading order is walked once. What a piece is depends on what came before it:

- everything before the summary (摘要), the first chapter/section heading or the first numbered paragraph
  is front matter (session, agenda item, title lines);
- a number is a paragraph when it is the next number of the current numbering (annexes restart it), a
  list item when the paragraph before ends with "：" (or already has items), and a sub-heading when it is
  short and unpunctuated (``1. 难民问题全面响应框架的适用`` where paragraph 8 is due); lettered lines and
  bullets after such a lead are items too, as is each hard-broken line of an unlabelled block (a bureau);
- unnumbered text continues the last paragraph when that paragraph stops mid-sentence (a page break,
  possibly with footnote bodies printed in between), continues the last footnote when it starts like a
  citation tail (lower-case Latin, a URL), is a heading when short, unpunctuated and followed by
  paragraphs (a box when followed by bullets), and is a :class:`.model.TextBlock` otherwise;
- footnote bodies never interrupt anything; lettered notes (``^a``) are scoped to the summary or box (else
  the section) they are printed in, numbered notes to the whole report.

The walk builds mutable drafts (:mod:`.drafts`), frozen into :mod:`.model` objects by :mod:`.freeze`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .blocks import Line, Piece
from .clean import clean_into
from .drafts import FootnoteDraft, ItemDraft, SectionDraft, UnitDraft
from .model import Table
from .numerals import chinese_to_int, to_roman
from .tables import build_table
from .text import TERMINAL, TextBuilder

RANKS = {"annex": 0, "chapter": 1, "section": 2, "subsection": 3, "item": 4}
UNNUMBERED = frozenset({"heading", "box"})
_BODY_STARTERS = frozenset({"summary", "chapter", "section", "annex", "numbered"})
_HEADING_MAX = 60
_TRAILING_MARKERS = re.compile(r"(?:[⁰¹²³⁴⁵⁶⁷⁸⁹\s]|\^[a-z]{1,2}|<sup>[^<>]{0,9}</sup>)+$")
_TAIL_STARTS = ("http", "www.", "<http", "(http", "(<http")


class Assembler:
    """Walks the pieces of one report; ``run`` leaves the drafts in ``front``, ``summary``, ``roots``,
    ``footnotes`` and ``units`` (every text unit in reading order)."""

    def __init__(self, source: str, pieces: Sequence[Piece]) -> None:
        self.source = source
        self.pieces = pieces
        self.front: list[Piece] = []
        self.summary: SectionDraft | None = None
        self.roots: list[SectionDraft | UnitDraft | Table] = []
        self.footnotes: list[FootnoteDraft] = []
        self.units: list[UnitDraft] = []
        self.sections: list[SectionDraft] = []
        self._phase = "front"
        self._stack: list[SectionDraft] = []
        self._unit: UnitDraft | None = None
        self._footnote: FootnoteDraft | None = None
        self._owner: TextBuilder | None = None
        self._numbers: dict[str | None, int] = {}
        self._order = 0
        self._paths: set[str] = set()
        self._suffixes: dict[str, int] = {}
        self._root_counters: dict[str, int] = {}

    def run(self) -> None:
        for index, piece in enumerate(self.pieces):
            self._piece(index, piece)

    def front_texts(self) -> list[str]:
        """The clean text of each front-matter piece (session, agenda item, title lines)."""
        texts = []
        for piece in self.front:
            builder = TextBuilder()
            self._feed(builder, piece.lines, piece.head.content_start)
            texts.append(builder.build().text)
        return texts

    # --- dispatch -------------------------------------------------------------------------------------

    def _piece(self, index: int, piece: Piece) -> None:
        kind = piece.head.kind
        if kind == "footnote":
            self._footnote_body(piece)
            return
        if self._phase == "front":
            if kind not in _BODY_STARTERS:
                self.front.append(piece)
                return
            self._phase = "body"
        if kind == "summary" and self.summary is None and not self.roots and not self._stack:
            self._open_summary(piece)
            return
        if self._phase == "summary" and (kind in _BODY_STARTERS or kind == "heading"):
            self._phase, self._unit = "body", None
        if kind == "annex" or (kind in ("chapter", "section") and self._titles(piece)):
            self._open(kind, piece.head.label, piece)
        elif kind in ("heading", "summary"):
            self._explicit_heading(piece)
        elif kind == "numbered":
            self._numbered(index, piece)
        elif kind == "lettered":
            self._lettered(piece)
        elif kind == "bullet":
            self._bullet(piece)
        elif kind == "table":
            self._order += 1
            self._container().append(build_table(self.source, piece.lines, self._order))
            self._unit = None
        else:
            self._text(index, piece)

    def _numbered(self, index: int, piece: Piece) -> None:
        number = int(piece.head.label)
        scope = self._annex()
        last = self._numbers.get(scope)
        expected = None if last is None else last + 1
        unit = self._unit
        if unit is not None and unit.list_open() and number != expected:
            self._item(unit, piece, "numbered")
        elif number == expected:
            self._paragraph(piece, number, scope)
        elif self._phase == "body" and self._heading_like(piece) and (
                last is not None or self._next_label(index) == piece.head.label):
            self._open("subsection", piece.head.label, piece)
        elif last is None or number > last:
            self._paragraph(piece, number, scope)
        elif unit is not None:
            self._item(unit, piece, "numbered")
        else:
            self._text_block(piece, piece.head.label_start)

    def _lettered(self, piece: Piece) -> None:
        unit = self._unit
        if unit is not None and unit.list_open():
            self._item(unit, piece, "lettered")
        elif self._phase == "body" and self._heading_like(piece):
            self._open("item", piece.head.label, piece)
        elif unit is not None:
            self._item(unit, piece, "lettered")
        else:
            self._text_block(piece, piece.head.label_start)

    def _bullet(self, piece: Piece) -> None:
        if self._unit is not None and self._unit.list_open():
            self._item(self._unit, piece, "bullet")
        else:
            self._text_block(piece, piece.head.content_start)

    def _text(self, index: int, piece: Piece) -> None:
        """Unnumbered text; also a chapter- or section-numbered line that reads as a sentence ("A. F. …"),
        which keeps its "A. " prefix."""
        unit = self._unit
        head = piece.head
        start = head.label_start if head.kind in ("chapter", "section") else head.content_start
        if unit is not None and unit.text.is_open():
            self._continue(unit, piece, start)
        elif self._footnote is not None and self._looks_like_tail(piece):
            self._feed(self._footnote.text, piece.lines, start, join=False)
        elif unit is not None and unit.list_open() and (not unit.items or piece.lines[0].hard_break):
            for line in piece.lines:
                self._item(unit, Piece((line,), piece.head), "line", line.text_start)
        elif self._phase == "body" and self._heading_like(piece) and self._next_kind(index) in (
                "numbered", "lettered", "bullet"):
            self._open("box" if self._next_kind(index) == "bullet" else "heading", None, piece)
        else:
            self._text_block(piece, start)

    def _explicit_heading(self, piece: Piece) -> None:
        top = self._stack[-1] if self._stack else None
        if top is not None and top.kind == "annex" and not top.children and not top.subtitled:
            top.title = TextBuilder()
            self._feed(top.title, piece.lines, piece.head.content_start)
            top.subtitled = True
        else:
            self._open("heading", None, piece)

    # --- building -------------------------------------------------------------------------------------

    def _open_summary(self, piece: Piece) -> None:
        self._order += 1
        title = TextBuilder()
        self._feed(title, piece.lines, piece.head.content_start)
        self.summary = SectionDraft("summary", None, title, 1, "summary", self._order, "summary")
        self.sections.append(self.summary)
        self._phase, self._unit = "summary", None

    def _open(self, kind: str, number: str | None, piece: Piece) -> None:
        rank = RANKS.get(kind, len(RANKS))
        while self._stack and (self._stack[-1].kind in UNNUMBERED or RANKS[self._stack[-1].kind] >= rank):
            self._stack.pop()
        parent = self._stack[-1] if self._stack else None
        counters = parent.counters if parent is not None else self._root_counters
        if kind in UNNUMBERED:
            prefix = "h" if kind == "heading" else "box"
            counters[prefix] = counters.get(prefix, 0) + 1
            segment = f"{prefix}{counters[prefix]}"
        elif kind == "annex" and number is not None:
            number = to_roman(chinese_to_int(number) or 0)
            segment = f"annex-{number}"
        elif kind == "chapter" and number is not None:
            segment = to_roman(chinese_to_int(number) or 0)
        else:
            segment = number or kind
        path = self._unique(f"{parent.path}.{segment}" if parent is not None else segment)
        self._order += 1
        title = TextBuilder()
        self._feed(title, piece.lines, piece.head.content_start)
        section = SectionDraft(kind, number, title, len(self._stack) + 1, path, self._order,
                               self._letter_scope())
        self._container().append(section)
        self._stack.append(section)
        self.sections.append(section)
        self._unit = None

    def _paragraph(self, piece: Piece, number: int, annex: str | None) -> None:
        if self._stack and self._stack[-1].kind == "box":
            self._stack.pop()
        self._numbers[annex] = number
        self._new_unit(piece, piece.head.content_start, number, annex)

    def _text_block(self, piece: Piece, start: int) -> None:
        self._new_unit(piece, start, None, None)

    def _new_unit(self, piece: Piece, start: int, number: int | None, annex: str | None) -> None:
        self._order += 1
        unit = UnitDraft(number, annex, self._order, self._letter_scope())
        self._feed(unit.text, piece.lines, start)
        self._container().append(unit)
        self.units.append(unit)
        self._unit = unit

    def _continue(self, unit: UnitDraft, piece: Piece, start: int) -> None:
        extends_item = bool(unit.items) and unit.items[-1].end == unit.text.length
        self._feed(unit.text, piece.lines, start, join=False)
        if extends_item:
            unit.items[-1].end = unit.text.length

    def _item(self, unit: UnitDraft, piece: Piece, kind: str, label_start: int | None = None) -> None:
        """Append a list item to ``unit``: its printed label stays in the text, the item span starts after
        it. The first kind of label in a list is the top level; another kind nests under the last one."""
        head = piece.head
        if unit.list_kind is None:
            unit.list_kind = kind
        nested = kind != unit.list_kind and unit.top_label is not None
        parent = unit.top_label if nested else None
        position = unit.siblings[parent, int(nested)] = unit.siblings.get((parent, int(nested)), 0) + 1
        label = head.label if kind in ("numbered", "lettered") else str(position)
        if not nested:
            unit.top_label = label
        builder = unit.text
        self._claim(builder)
        builder.join(True)
        first = piece.lines[0]
        builder.cover(first)
        label_start = head.label_start if label_start is None else label_start
        content_start = label_start if kind == "line" else head.content_start
        clean_into(builder, self.source, label_start, content_start)
        start = builder.length
        clean_into(builder, self.source, content_start, first.end)
        self._feed(builder, piece.lines[1:], None, join=first.hard_break)
        unit.items.append(ItemDraft(label, start, builder.length, int(nested), parent))

    def _footnote_body(self, piece: Piece) -> None:
        label = piece.head.label
        footnote = FootnoteDraft(label, piece.head.marker, "" if label.isdigit() else self._letter_scope())
        self._feed(footnote.text, piece.lines, piece.head.content_start)
        self.footnotes.append(footnote)
        self._footnote = footnote

    def _feed(self, builder: TextBuilder, lines: Sequence[Line], start: int | None,
              join: bool | None = None) -> None:
        """Clean ``lines`` into ``builder``: the first from ``start`` (after its label), joined to what is
        there by ``join`` (None: not at all, True: newline, False: space or nothing), the others joined by
        a newline after a hard break and a space-or-nothing otherwise."""
        self._claim(builder)
        previous: Line | None = None
        for line in lines:
            if previous is not None:
                builder.join(previous.hard_break)
            elif join is not None:
                builder.join(join)
            builder.cover(line)
            begin = start if previous is None and start is not None else line.text_start
            clean_into(builder, self.source, begin, line.end)
            previous = line

    def _claim(self, builder: TextBuilder) -> None:
        """Start a new source segment in ``builder`` when something else was read since it last grew."""
        if self._owner is not builder:
            builder.interrupt()
            self._owner = builder

    # --- context --------------------------------------------------------------------------------------

    def _container(self) -> list[SectionDraft | UnitDraft | Table]:
        if self._phase == "summary" and self.summary is not None:
            return self.summary.children
        return self._stack[-1].children if self._stack else self.roots

    def _annex(self) -> str | None:
        return self._stack[0].number if self._stack and self._stack[0].kind == "annex" else None

    def _letter_scope(self) -> str:
        if self._phase == "summary":
            return "summary"
        for section in reversed(self._stack):
            if section.kind == "box":
                return section.path
        return self._stack[-1].path if self._stack else ""

    def _unique(self, path: str) -> str:
        """``path``, or ``path-2``, ``path-3`` … when a malformed report repeats a number."""
        suffix = self._suffixes.get(path, 1)
        candidate = path if suffix == 1 else f"{path}-{suffix}"
        while candidate in self._paths:
            suffix += 1
            candidate = f"{path}-{suffix}"
        self._suffixes[path] = suffix + 1
        self._paths.add(candidate)
        return candidate

    def _next_piece(self, index: int) -> Piece | None:
        """The next piece that is not a footnote body."""
        for position in range(index + 1, len(self.pieces)):
            if self.pieces[position].head.kind != "footnote":
                return self.pieces[position]
        return None

    def _next_kind(self, index: int) -> str | None:
        following = self._next_piece(index)
        return None if following is None else following.head.kind

    def _next_label(self, index: int) -> str | None:
        following = self._next_piece(index)
        return None if following is None else following.head.label

    def _raw(self, piece: Piece) -> str:
        """The first line's text after its label, without bold marks and trailing citation markers."""
        line = piece.lines[0]
        text = self.source[piece.head.content_start:line.end].replace("**", "")
        cut = max(len(text) - 40, 0)  # markers are short: looking at the tail keeps this linear
        return (text[:cut] + _TRAILING_MARKERS.sub("", text[cut:])).strip()

    def _titles(self, piece: Piece) -> bool:
        """Whether a chapter/section/annex-numbered piece is a heading, not a sentence starting "A. …"."""
        raw = self._raw(piece)
        return len(piece.lines) == 1 and bool(raw) and raw[-1] not in "。；;"

    def _heading_like(self, piece: Piece) -> bool:
        """Short, one line, no terminal punctuation, not a parenthesised note like ``(议程项目 2)``."""
        raw = self._raw(piece)
        return (len(piece.lines) == 1 and 0 < len(raw) <= _HEADING_MAX and raw[-1] not in TERMINAL
                and not (raw[0] in "(（" and raw[-1] in ")）"))

    def _looks_like_tail(self, piece: Piece) -> bool:
        """Whether unnumbered text reads as the rest of a footnote broken by a page break."""
        raw = self._raw(piece)
        return bool(raw) and (("a" <= raw[0] <= "z") or raw.startswith(_TAIL_STARTS))
