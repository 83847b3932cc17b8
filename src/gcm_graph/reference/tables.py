"""Reading the reference tables (``ontology/vocab/*.tsv``): header checks and file:line errors.

The tables are the reviewed source of the reference graph, so a malformed row must stop the build with a
message a maintainer can act on (file, line, column), not produce a half-labelled entity.

>>> split_list("移民组织|IOM||")
('移民组织', 'IOM')
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path


class ReferenceTableError(ValueError):
    """A reference table is missing, has the wrong columns, or has a bad value; the message says where."""


@dataclass(frozen=True)
class Row:
    """One data row of a table, with where it came from so later checks can still name the line."""

    path: Path
    line: int
    values: dict[str, str]

    def __getitem__(self, column: str) -> str:
        return self.values[column]

    def where(self, column: str) -> str:
        return f"{self.path}:{self.line}: column {column!r}"

    def required(self, column: str) -> str:
        value = self.values[column]
        if not value:
            raise ReferenceTableError(f"{self.where(column)}: empty value")
        return value

    def choice(self, column: str, allowed: tuple[str, ...]) -> str:
        value = self.values[column]
        if value not in allowed:
            raise ReferenceTableError(f"{self.where(column)}: {value!r} is not one of {', '.join(allowed)}")
        return value


def split_list(cell: str) -> tuple[str, ...]:
    """A '|'-separated cell (aliases), blanks dropped."""
    return tuple(part.strip() for part in cell.split("|") if part.strip())


def read_table(path: Path, columns: tuple[str, ...]) -> Iterator[Row]:
    """The rows of a tab-separated table whose header must start with ``columns`` (extra columns allowed)."""
    try:
        handle = path.open(encoding="utf-8", newline="")
    except OSError as error:
        raise ReferenceTableError(f"{path}: cannot read reference table ({error.strerror})") from None
    with handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader, None)
        if header is None or tuple(header[: len(columns)]) != columns:
            raise ReferenceTableError(
                f"{path}:1: header must start with {' '.join(columns)!r}, found {' '.join(header or [])!r}"
            )
        for values in reader:
            line = reader.line_num
            if not any(value.strip() for value in values):
                continue
            if len(values) != len(header):
                raise ReferenceTableError(
                    f"{path}:{line}: expected {len(header)} tab-separated fields, found {len(values)}"
                )
            yield Row(path, line, {name: value.strip() for name, value in zip(header, values, strict=True)})
