"""Dumps of the whole dataset, written while the store is loaded, with their checksums.

Every graph reaches the build as one N-Triples chunk, and the three dumps are cheap rewrites of it:
N-Quads adds the graph name to each line, TriG wraps the chunk in ``<graph> { … }`` (N-Triples lines are
valid TriG and Turtle statements), and Turtle — which has no named graphs — is the concatenation of all
chunks, i.e. the union of the graphs. Compression is most of the dumps' cost, so each graph is compressed
where it is made (in the build's worker processes, in parallel): the N-Triples once, for both the Turtle
file and the TriG file (whose members are that one between two tiny ones). The parent only appends
members: a gzip file may be a series of members (RFC 1952), which Python's ``gzip``, ``zcat`` and the
``oxigraph`` CLI all read to the end. No dump is ever held in memory, and the N-Quads text is what the store
itself loads.
"""

from __future__ import annotations

import gzip
import hashlib
from dataclasses import asdict, dataclass
from pathlib import Path
from types import TracebackType

#: zlib level of the dump members; 6 is gzip's default and keeps the files as small as before
COMPRESSION = 6


@dataclass(frozen=True)
class Dump:
    file: str
    format: str
    media_type: str
    bytes: int
    sha256: str

    def as_json(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True)
class GraphDump:
    """One named graph ready for the store and the dumps: the N-Quads the store loads, and one gzip member
    per dump file (in ``_FORMATS`` order)."""

    graph: str
    nquads: bytes
    members: tuple[bytes, ...]
    triples: int


_FORMATS = (
    ("gcm-graph.nq.gz", "N-Quads", "application/n-quads"),
    ("gcm-graph.trig.gz", "TriG", "application/trig"),
    ("gcm-graph.ttl.gz", "Turtle", "text/turtle"),
)


def to_nquads(graph_iri: str, ntriples: bytes) -> bytes:
    """Put every N-Triples line into ``graph_iri`` (a line ends in ' .\\n' exactly once: literals escape
    their newlines).

    >>> to_nquads("http://g", b'<http://s> <http://p> "o" .\\n')
    b'<http://s> <http://p> "o" <http://g> .\\n'
    """
    return ntriples.replace(b" .\n", f" <{graph_iri}> .\n".encode())


def graph_dump(graph_iri: str, ntriples: bytes) -> GraphDump:
    """The graph as N-Quads plus its compressed piece of each dump (pure, so a worker process can make it).

    >>> part = graph_dump("http://g", b'<http://s> <http://p> "o" .\\n')
    >>> [gzip.decompress(member) for member in part.members][1]
    b'<http://g> {\\n<http://s> <http://p> "o" .\\n}\\n'
    """
    nquads = to_nquads(graph_iri, ntriples)
    turtle = _member(ntriples)
    trig = _member(f"<{graph_iri}> {{\n".encode()) + turtle + _member(b"}\n")  # the Turtle member, wrapped
    return GraphDump(graph_iri, nquads, (_member(nquads), trig, turtle), ntriples.count(b"\n"))


def _member(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=COMPRESSION, mtime=0)


class DumpWriter:
    """Appends each graph's members to the three dump files, hashing them on the way."""

    def __init__(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        self.directory = directory
        self.files = [(directory / name).open("wb") for name, _, _ in _FORMATS]
        self.digests = [hashlib.sha256() for _ in _FORMATS]

    def add(self, dump: GraphDump) -> None:
        for handle, digest, member in zip(self.files, self.digests, dump.members, strict=True):
            handle.write(member)
            digest.update(member)

    def __enter__(self) -> DumpWriter:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        for handle in self.files:
            handle.close()

    def finish(self) -> list[Dump]:
        """Close the files and describe them (sizes, SHA-256), also as a SHA256SUMS file."""
        self.__exit__(None, None, None)
        dumps = [
            Dump(name, label, media_type, (self.directory / name).stat().st_size, digest.hexdigest())
            for (name, label, media_type), digest in zip(_FORMATS, self.digests, strict=True)
        ]
        (self.directory / "SHA256SUMS").write_text(
            "".join(f"{dump.sha256}  {dump.file}\n" for dump in dumps), encoding="utf-8")
        return dumps
