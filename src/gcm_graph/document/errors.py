"""The one error the parser raises, so callers can tell "not a report" from a bug."""

from __future__ import annotations


class ParseError(ValueError):
    """The text is not a report of the kind the parser reads; the message names the input and the line."""

    def __init__(self, name: str, line: int, reason: str) -> None:
        super().__init__(f"{name}:{line}: {reason}")
        self.name = name
        self.line = line
        self.reason = reason
