"""What every page view needs: the backend, label choice, and first-row-wins de-duplication of rows
that OPTIONAL label patterns may multiply."""

from __future__ import annotations

from collections.abc import Iterable

from ...backend import Row
from .. import state
from .sparql_text import query


def select(body: str) -> list[Row]:
    """Run one of the pages' own SELECTs (prefixes added) on the app's backend."""
    return state().backend.select(query(body))


def first_per(rows: Iterable[Row], *keys: str) -> list[Row]:
    """Keep the first row for each combination of ``keys``, in order.

    >>> first_per([{"a": "1", "l": "x"}, {"a": "1", "l": "y"}, {"a": "2"}], "a")
    [{'a': '1', 'l': 'x'}, {'a': '2'}]
    """
    seen: set[tuple[str, ...]] = set()
    kept = []
    for row in rows:
        key = tuple(row.get(name, "") for name in keys)
        if key not in seen:
            seen.add(key)
            kept.append(row)
    return kept


def objective_number(objective_iri: str) -> int:
    """The number at the end of an objective IRI.

    >>> objective_number("https://w3id.org/gcm/id/objective/13")
    13
    """
    return int(objective_iri.rstrip("/").rsplit("/", 1)[1])
