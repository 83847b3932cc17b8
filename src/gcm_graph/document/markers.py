"""What the start of a line announces: a footnote body, a heading, a numbered paragraph, a list item.

Only the lexical shape is decided here (``一. `` is a chapter-style number, ``12. `` a number, ``(a)`` a
letter); whether a number opens a paragraph, a sub-heading or a list item depends on the numbering around
it and is decided in :mod:`.structure`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .numerals import chinese_to_int

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_TO_ASCII = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")

_MARKDOWN_HEADING = re.compile(r"#{1,6}[ \t]+")
_WHOLE_BOLD = re.compile(r"\*\*((?:[^*]|\*(?!\*))+)\*\*[ \t]*$")
_FOOTNOTE = re.compile(
    r"(?:(?P<sup>[⁰¹²³⁴⁵⁶⁷⁸⁹]+)|\^(?P<caret>[a-z]{1,2})(?![A-Za-z])"
    r"|<sup>[ \t]*(?P<html>[0-9A-Za-z]{1,3})[ \t]*</sup>)[ \t]*"
)
_BULLET = re.compile(r"[-•·][ \t]+")
_CHAPTER = re.compile(r"([一二三四五六七八九十]{1,4})[ \t]*[.．、][ \t]*(?=\S)")
_ANNEX = re.compile(r"附件[ \t]*([一二三四五六七八九十]{1,4})[ \t]*$")
_SECTION = re.compile(r"([A-Z])[.．][ \t]+(?=\S)")
_NUMBERED = re.compile(r"(\d{1,4})[.．](?!\d)[ \t]*(?=\S)")
_LETTERED = re.compile(r"[(（]([a-z]{1,2})[)）][ \t]*(?=\S)")
_SUMMARY = re.compile(r"摘[ \t]*要[ \t]*$")

#: kinds that begin a new piece even without a blank line before them
STARTERS = frozenset({"footnote", "summary", "annex", "chapter", "section", "numbered", "lettered", "bullet",
                      "heading"})


@dataclass(frozen=True, slots=True)
class Head:
    """How a line begins. ``label_start`` is where a printed label ("(a)", "3.") starts, ``content_start``
    where the text after it starts; both are offsets into the source."""

    kind: str   # footnote summary annex chapter section numbered lettered bullet table heading text
    label: str
    label_start: int
    content_start: int
    marker: str = ""        # a footnote marker as printed
    explicit: bool = False  # marked up as a heading: Markdown "#" or a wholly bold line


def footnote_label(marker: str) -> str:
    """The normalised label of a printed footnote marker.

    >>> [footnote_label(m) for m in ("¹⁰", "^a", "<sup>1</sup>")]
    ['10', 'a', '1']
    """
    return marker.translate(_TO_ASCII).removeprefix("^").removeprefix("<sup>").removesuffix("</sup>").strip()


def classify(source: str, start: int, end: int, *, tabbed: bool = False) -> Head:
    """Classify the line ``source[start:end]`` (``start`` at its first non-blank character); ``tabbed``
    says the line holds tab-separated cells."""
    pos, explicit = start, False
    if match := _MARKDOWN_HEADING.match(source, pos, end):
        pos, explicit = match.end(), True
    if match := _WHOLE_BOLD.match(source, pos, end):
        explicit = True
        pos, end = match.start(1), match.end(1)
    elif not explicit and (match := _FOOTNOTE.match(source, pos, end)):
        label = match.group("sup") or match.group("caret") or match.group("html")
        printed = source[pos:match.end()].rstrip()
        return Head("footnote", footnote_label(label), pos, match.end(), marker=printed)
    bullet = None if explicit else _BULLET.match(source, pos, end)
    if bullet:
        pos = bullet.end()
    for kind, pattern in (("chapter", _CHAPTER), ("annex", _ANNEX), ("section", _SECTION),
                          ("numbered", _NUMBERED), ("lettered", _LETTERED)):
        match = pattern.match(source, pos, end)
        if match and (kind not in ("chapter", "annex") or chinese_to_int(match.group(1))):
            label = str(int(match.group(1))) if kind == "numbered" else match.group(1)
            return Head(kind, label, pos, match.end(), explicit=explicit)
    if _SUMMARY.match(source, pos, end):
        return Head("summary", "", pos, pos, explicit=explicit)
    if tabbed and not explicit:
        return Head("table", "", pos, pos)
    if bullet:
        return Head("bullet", "", pos, pos)
    return Head("heading" if explicit else "text", "", pos, pos, explicit=explicit)
