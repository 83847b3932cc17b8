"""Dumps of the whole dataset, written while the store is loaded, with their checksums.

Every graph reaches the build as one N-Triples chunk, and the three dumps are cheap rewrites of it:
N-Quads adds the graph name to each line, TriG wraps the chunk in ``<graph> { … }`` (N-Triples lines are
valid TriG and Turtle statements), and Turtle — which has no named graphs — is the concatenation of all
chunks, i.e. the union of the graphs. Each file is gzip-compressed as it is written, so no dump is ever
held in memory, and the N-Quads text is what the store itself loads.
"""

from __future__ import annotations

import gzip
import hashlib
from dataclasses import asdict, dataclass
from pathlib import Path
from types import TracebackType


@dataclass(frozen=True)
class Dump:
    file: str
    format: str
    media_type: str
    bytes: int
    sha256: str

    def as_json(self) -> dict[str, object]:
        return asdict(self)


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


class DumpWriter:
    """Writes the three dumps graph by graph; ``add`` returns the N-Quads to load into the store."""

    def __init__(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        self.directory = directory
        self.files = [gzip.GzipFile(directory / name, "wb", compresslevel=6, mtime=0) for name, _, _ in _FORMATS]

    def add(self, graph_iri: str, ntriples: bytes) -> bytes:
        nquads, trig, turtle = self.files
        quads = to_nquads(graph_iri, ntriples)
        nquads.write(quads)
        trig.write(f"<{graph_iri}> {{\n".encode() + ntriples + b"}\n")
        turtle.write(ntriples)
        return quads

    def __enter__(self) -> DumpWriter:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        for handle in self.files:
            handle.close()

    def finish(self) -> list[Dump]:
        """Close the files and describe them (sizes, SHA-256), also as a SHA256SUMS file."""
        self.__exit__(None, None, None)
        dumps = [
            Dump(name, label, media_type, (self.directory / name).stat().st_size, _sha256(self.directory / name))
            for name, label, media_type in _FORMATS
        ]
        (self.directory / "SHA256SUMS").write_text(
            "".join(f"{dump.sha256}  {dump.file}\n" for dump in dumps), encoding="utf-8")
        return dumps


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
