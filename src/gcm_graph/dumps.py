"""Dumps of the whole dataset, written at build time next to the store, with their checksums.

N-Quads and TriG keep the named graphs (one per report); Turtle, which has no graphs, holds their union.
Each file is gzip-compressed while it is written (the store is streamed, never held in memory).
"""

from __future__ import annotations

import gzip
import hashlib
from dataclasses import asdict, dataclass
from pathlib import Path

import pyoxigraph

from .vocab import PREFIXES


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
    ("gcm-graph.nq.gz", "N-Quads", pyoxigraph.RdfFormat.N_QUADS),
    ("gcm-graph.trig.gz", "TriG", pyoxigraph.RdfFormat.TRIG),
    ("gcm-graph.ttl.gz", "Turtle", pyoxigraph.RdfFormat.TURTLE),
)


def write_dumps(store: pyoxigraph.Store, directory: Path) -> list[Dump]:
    directory.mkdir(parents=True, exist_ok=True)
    dumps = []
    for file_name, label, rdf_format in _FORMATS:
        path = directory / file_name
        with gzip.GzipFile(path, "wb", mtime=0) as output:
            if rdf_format.supports_datasets:
                store.dump(output, rdf_format, prefixes=PREFIXES)
            else:
                triples = (quad.triple for quad in store.quads_for_pattern(None, None, None, None))
                pyoxigraph.serialize(triples, output, rdf_format, prefixes=PREFIXES)
        dumps.append(Dump(file_name, label, rdf_format.media_type, path.stat().st_size, _sha256(path)))
    (directory / "SHA256SUMS").write_text("".join(f"{d.sha256}  {d.file}\n" for d in dumps), encoding="utf-8")
    return dumps


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
