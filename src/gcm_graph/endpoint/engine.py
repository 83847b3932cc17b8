"""The engine a process evaluates SPARQL with: the build's graph loaded into memory, or its database on disk.

Oxigraph reads every term of a result from RocksDB, and on this graph that read path is most of a query's
cost: the same queries, serialised, took 2-5 times as long on the read-only database as on an in-memory
copy (actor-objective-network 10.3 -> 4.1 ms, practices-to-review 8.0 -> 1.6 ms, a subject lookup 139 -> 50 µs).
So a process that answers queries (the web process for lookups and pages, each query worker) loads the
build's N-Quads dump into an in-memory store when the build is small enough, which costs about 0.5 KB of
memory per triple in each such process and 0.2 s at start-up for the seeds; a larger build is read from
disk. The choice is made once per build, in the web process (:func:`engine_source`), and the workers
receive it, so a worker restarted after a timeout opens exactly what its siblings hold.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from pathlib import Path

from pyoxigraph import RdfFormat, Store

#: the dump the in-memory engine is loaded from (written by every build, see ``dumps.py``)
NQUADS_DUMP = "gcm-graph.nq.gz"


@dataclass(frozen=True)
class EngineSource:
    """Where a query process gets its graph: picklable, so it can be sent to a worker process."""

    oxigraph_dir: Path
    #: the build's gzip N-Quads dump to load into memory; None: read the database on disk
    nquads: Path | None = None


def engine_source(oxigraph_dir: Path, dumps_dir: Path, triples: int | None, memory_triples: int) -> EngineSource:
    """Memory when the build says it has at most ``memory_triples`` triples and its dump is there; else disk
    (also for a store without a build description, whose size is unknown)."""
    dump = dumps_dir / NQUADS_DUMP
    if triples is not None and triples <= memory_triples and dump.is_file():
        return EngineSource(oxigraph_dir, dump)
    return EngineSource(oxigraph_dir)


def open_engine(source: EngineSource) -> Store:
    if source.nquads is None:
        return Store.read_only(str(source.oxigraph_dir))
    store = Store()
    with gzip.open(source.nquads) as stream:
        store.bulk_load(stream, format=RdfFormat.N_QUADS)
    return store
