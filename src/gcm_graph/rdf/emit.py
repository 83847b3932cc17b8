"""The two forms an emitter's statements take: pyoxigraph Quads (for tests, validation and anything that
wants terms) or N-Triples lines (for the build, which only serialises them).

The emitters in ``rdf/`` call ``emit(subject_iri, predicate, object_term)`` and yield what it returns, so one
emitter feeds both forms. The line form exists for speed: a Quad costs about 5 µs to build and must then be
serialised, while a line is an f-string of terms the emitters make anyway. It is the same text: object terms
are pyoxigraph NamedNodes and Literals (every IRI and language tag is still checked where it is made) written
in their own N-Triples form, which is what pyoxigraph's serialiser writes, and each subject IRI is checked
by NamedNode once. tests/test_rdf_emit.py holds the lines byte-identical to ``pyoxigraph.serialize``.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Iterator
from typing import Protocol, TypeVar

from pyoxigraph import NamedNode, Quad

T_co = TypeVar("T_co", covariant=True)
H = TypeVar("H", bound=Hashable)


class Emit(Protocol[T_co]):
    def __call__(self, subject: str, predicate: NamedNode, obj: object, /) -> T_co: ...


class QuadEmitter:
    """Quads in the named graph ``graph_iri``; a subject IRI is parsed once however many quads it starts."""

    def __init__(self, graph_iri: str) -> None:
        self.graph = NamedNode(graph_iri)
        self.subjects: dict[str, NamedNode] = {}

    def __call__(self, subject: str, predicate: NamedNode, obj: object, /) -> Quad:
        node = self.subjects.get(subject)
        if node is None:
            node = self.subjects[subject] = NamedNode(subject)
        return Quad(node, predicate, obj, self.graph)  # type: ignore[arg-type]


class LineEmitter:
    """N-Triples lines (the graph is the caller's to add, as dumps.to_nquads does)."""

    def __init__(self) -> None:
        self.subjects: dict[str, str] = {}

    def __call__(self, subject: str, predicate: NamedNode, obj: object, /) -> str:
        head = self.subjects.get(subject)
        if head is None:
            head = self.subjects[subject] = f"{NamedNode(subject)} "
        return f"{head}{predicate} {obj} .\n"


def unique(items: Iterable[H]) -> Iterator[H]:
    """Each item once, in the order of first appearance."""
    seen: set[H] = set()
    for item in items:
        if item not in seen:
            seen.add(item)
            yield item
