"""Pure parsing of a UN report's text into the document model (:mod:`.model`).

``parse_report(text, name=...)`` is the whole public interface; it raises :class:`ParseError` (a
``ValueError``) for text that is not such a report, naming ``name`` and the line.
"""

from __future__ import annotations

from .errors import ParseError
from .parser import parse_report

__all__ = ["ParseError", "parse_report"]
