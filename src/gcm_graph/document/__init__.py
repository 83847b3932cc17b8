"""Pure parsing of a UN report's text into the document model (:mod:`.model`).

``parse_report(text, name=...)`` is the whole public interface; it raises :class:`ParseError` (a
``ValueError``) for text that is not such a report, naming ``name`` and the line.

The modules, upstream first: :mod:`.blocks` (lines and pieces), :mod:`.markers` (what a line starts with),
:mod:`.clean` (debris and citation markers), :mod:`.text` (clean text with its source map),
:mod:`.structure` (pieces in context: the section tree, built as :mod:`.drafts`), :mod:`.tables`,
:mod:`.frontmatter`, :mod:`.freeze` (drafts to model objects), :mod:`.parser` (the entry point).

Choices the model leaves open:

- box bullets are one :class:`.model.TextBlock` each (without the ``- ``), under a ``Section(kind="box")``;
- list items keep their printed label in the paragraph text (``(a) 致开幕词；``); a ``ListItem`` spans the
  item's own text after the label, without its nested items; unlabelled lines (a bureau list) and bullets
  are labelled "1", "2" … by position;
- an annex whose heading is followed by a descriptive heading (``## 附件一`` + ``## 文件一览表``) takes that
  heading as its title;
- a table has no running text, so the ``offset`` of its links is the index of the row they sit in;
- section titles are the heading text without its number (``一. 引言`` → number "一", title "引言").
"""

from __future__ import annotations

from .errors import ParseError
from .parser import parse_report

__all__ = ["ParseError", "parse_report"]
