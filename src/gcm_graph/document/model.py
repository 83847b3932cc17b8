"""The document model: what a parsed report is, independent of RDF and of any one file.

Offsets are Python ``str`` indexes (Unicode code points) into the *decoded* source text, end exclusive:
the same convention as the W3C Web Annotation TextPositionSelector, so they can be published as is.

Every text unit carries two views of itself:
- ``text``: the clean, stitched text (page breaks joined, footnote bodies and markers removed, Markdown and
  HTML debris stripped), which is what ``gcm:text`` publishes and what the extractor reads;
- ``source_map``: for each character of ``text``, its offset in the source file, so that any span the
  extractor finds in ``text`` maps back to the exact characters of the file; and ``segments``, the
  ranges of source lines the unit was assembled from (more than one when a page break interrupts it).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Span:
    """A half-open range [start, end) of character offsets into the decoded source file."""

    start: int
    end: int

    def slice(self, source: str) -> str:
        return source[self.start:self.end]


@dataclass(frozen=True)
class FootnoteRef:
    """A footnote marker cited inside a text unit: which footnote, and where in the unit's clean text."""

    label: str          # normalised: "1", "10", "a"
    offset: int         # position in the citing unit's clean text where the marker stood


@dataclass(frozen=True)
class Link:
    """A hyperlink found in the debris ([E/2021/58](#), <a href=...>, <https://...>); kept as a reference."""

    target: str         # the URL, or the link text when the target is empty or '#'
    text: str
    offset: int         # position in the unit's clean text


@dataclass(frozen=True)
class TextUnit:
    """Shared shape of everything that has text: paragraphs, unnumbered blocks, footnotes, list items."""

    text: str
    source_map: Sequence[int]                # len(source_map) == len(text)
    segments: tuple[Span, ...]
    footnote_refs: tuple[FootnoteRef, ...] = ()
    links: tuple[Link, ...] = ()

    def source_span(self, start: int, end: int) -> Span:
        """The source-file span covering clean-text characters [start, end)."""
        if not 0 <= start < end <= len(self.text):
            raise ValueError(f"span {start}-{end} outside text of length {len(self.text)}")
        return Span(self.source_map[start], self.source_map[end - 1] + 1)


@dataclass(frozen=True)
class ListItem:
    """A numbered or lettered item inside a paragraph; its text is ``paragraph.text[start:end]``."""

    label: str          # as printed, normalised: "1", "a", "b"; bullets get "1", "2" … by position
    start: int
    end: int
    depth: int = 0      # 0 for top-level items, 1 for items nested in an item (agenda 1 (a))
    parent_label: str | None = None


@dataclass(frozen=True)
class Paragraph(TextUnit):
    """A numbered paragraph. Its number is as printed; ``annex`` names the annex ("II") whose numbering
    restarts, else None. ``order`` is the position of the unit in the report's reading order."""

    number: int = 0
    annex: str | None = None
    order: int = 0
    items: tuple[ListItem, ...] = ()


@dataclass(frozen=True)
class TextBlock(TextUnit):
    """Unnumbered running text: summary paragraphs, box lines, decisions, unnumbered notes."""

    order: int = 0
    items: tuple[ListItem, ...] = ()


@dataclass(frozen=True)
class Footnote(TextUnit):
    """A footnote body. ``scope`` is the section path of the block its letters restart in ("summary",
    a box's path), or "" for the report-wide numbered notes. ``cited_by_order`` is the ``order`` of the
    first unit that cites it (None when no marker for it was found)."""

    label: str = ""
    marker: str = ""    # as printed: "¹⁰", "^a", "<sup>1</sup>"
    scope: str = ""
    cited_by_order: int | None = None


@dataclass(frozen=True)
class Table:
    """A table (ESCAP/GCM/2021/3 annex I): header cells and rows of cells, with group captions
    (<b>普通分发文件</b>) carried on the rows that follow them."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    groups: tuple[str | None, ...]           # the caption each row sits under, same length as rows
    links: tuple[Link, ...]
    segments: tuple[Span, ...]
    order: int = 0


@dataclass(frozen=True)
class Section:
    """A heading and what follows it until the next heading of the same or a higher level.

    ``kind`` is one of: "chapter" (一./二.), "section" (A./B.), "subsection" (1./2. headings),
    "item" ((a)/(b) headings), "heading" (unnumbered), "box" (boxed text), "summary" (摘要), "annex" (附件二).
    ``path`` is the numbering path that names the section in its IRI ("II.A.1", "annex-II.I", "II.h1").
    """

    kind: str
    number: str | None
    title: TextUnit | None
    level: int
    path: str
    children: tuple[Section | Paragraph | TextBlock | Table, ...] = ()
    order: int = 0

    def walk(self) -> Iterator[Section | Paragraph | TextBlock | Table]:
        for child in self.children:
            yield child
            if isinstance(child, Section):
                yield from child.walk()


@dataclass(frozen=True)
class StatedMetadata:
    """What the report's own front matter says about itself, to cross-check against the manifest."""

    session: int | None = None
    agenda_items: tuple[str, ...] = ()
    title: str | None = None
    place_and_date: str | None = None


@dataclass(frozen=True)
class Report:
    """A parsed report: its front matter, summary, body sections and footnotes."""

    source: str                              # the decoded source text that all offsets index
    stated: StatedMetadata
    summary: Section | None
    body: tuple[Section | Paragraph | TextBlock | Table, ...]
    footnotes: tuple[Footnote, ...]
    front_matter: tuple[Span, ...] = field(default=())

    def walk(self) -> Iterator[Section | Paragraph | TextBlock | Table]:
        """Every node in reading order (summary first)."""
        roots: list[Section | Paragraph | TextBlock | Table] = []
        if self.summary is not None:
            roots.append(self.summary)
        roots.extend(self.body)
        for node in roots:
            yield node
            if isinstance(node, Section):
                yield from node.walk()

    def paragraphs(self) -> list[Paragraph]:
        return [node for node in self.walk() if isinstance(node, Paragraph)]
