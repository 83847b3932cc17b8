"""Typed literal constructors, so every emitter writes the same datatypes for the same kind of value.

>>> integer(25).value, integer(25).datatype.value
('25', 'http://www.w3.org/2001/XMLSchema#integer')
>>> year(2019).datatype.value
'http://www.w3.org/2001/XMLSchema#gYear'
"""

from __future__ import annotations

from pyoxigraph import Literal, NamedNode

from ..vocab import XSD


def text(value: str, language: str) -> Literal:
    return Literal(value, language=language)


def string(value: str) -> Literal:
    return Literal(value)


def integer(value: int) -> Literal:
    return Literal(str(int(value)), datatype=XSD.integer)


def decimal(value: float) -> Literal:
    """xsd:decimal without exponent or float noise: 281000000, 0.95, 1.7."""
    formatted = f"{value:.6f}".rstrip("0").rstrip(".") if isinstance(value, float) else str(value)
    return Literal(formatted or "0", datatype=XSD.decimal)


def year(value: int) -> Literal:
    return Literal(f"{int(value):04d}", datatype=XSD.gYear)


def date(value: str) -> Literal:
    return Literal(value, datatype=XSD.date)


def datetime(value: str) -> Literal:
    return Literal(value, datatype=XSD.dateTime)


def iri(value: str) -> NamedNode:
    return NamedNode(value)
