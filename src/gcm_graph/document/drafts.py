"""The parser's mutable working objects, frozen into :mod:`.model` objects once a report is read.

A paragraph keeps growing after it is created (a page break continues it, list items join it), so the walk
in :mod:`.structure` works on these drafts and :mod:`.freeze` turns them into the frozen model.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .model import Table
from .text import TextBuilder


@dataclass(eq=False)
class SectionDraft:
    kind: str
    number: str | None
    title: TextBuilder
    level: int
    path: str
    order: int
    scope: str
    children: list[SectionDraft | UnitDraft | Table] = field(default_factory=list)
    counters: dict[str, int] = field(default_factory=dict)
    subtitled: bool = False


@dataclass(eq=False)
class ItemDraft:
    label: str
    start: int
    end: int
    depth: int
    parent_label: str | None


@dataclass(eq=False)
class UnitDraft:
    """A paragraph (``number`` set) or an unnumbered text block."""

    number: int | None
    annex: str | None
    order: int
    scope: str
    text: TextBuilder = field(default_factory=TextBuilder)
    items: list[ItemDraft] = field(default_factory=list)
    list_kind: str | None = None
    top_label: str | None = None   # label of the last top-level item
    siblings: dict[tuple[str | None, int], int] = field(default_factory=dict)  # (parent, depth) -> count

    def list_open(self) -> bool:
        return bool(self.items) or self.text.ends_with_colon()


@dataclass(eq=False)
class FootnoteDraft:
    label: str
    marker: str
    scope: str
    text: TextBuilder = field(default_factory=TextBuilder)
