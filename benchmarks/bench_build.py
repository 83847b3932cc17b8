"""Build benchmark: the four seeds, then synthetic corpora of 10x and 100x the seeds; prints a table.

Run on demand: ``python benchmarks/bench_build.py [--sizes 1,10,100] [--jobs 2]``. Each size runs in its own
process, so the peak memory column is that build's alone (parent and worker processes). The synthetic
corpus repeats each seed under new symbols, so it is made of the seeds' own paragraphs. Targets (issue 2,
issue 4): the seeds built in under 2 s; parse + extract + load at >= 2 MB/s of source text per core;
loading at >= 200,000 triples/s; memory flat in corpus size.

Below the table: where each build's time went (the build's own stage clock: workers' CPU seconds; the
parent's seconds waiting for workers and writing dumps; its load thread's seconds inside pyoxigraph's bulk
loads; the parent's seconds waiting for that thread, and finishing (compacting, counting) the store), and the
engine ceiling measured in the same run: pyoxigraph's bulk load of short synthetic triples into a fresh
on-disk store, once in one call and once as many as the largest build holds, loaded as the build loads them;
and the MB/s/core those rates allow at this graph's triples per MB of text even if parsing, extraction and
the dumps cost nothing.
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pyoxigraph

from gcm_graph.store import bulk_load_stream

ROOT = Path(__file__).resolve().parents[1]
#: the build's stage clock (BuildInfo.stages), in the order the table shows them
STAGES = ("workers cpu", "parent wait workers", "parent dumps", "bulk load", "parent wait load", "parent finish")


def make_corpus(target: Path, copies: int) -> int:
    """Write ``copies`` of every seed under distinct symbols; returns the bytes of source text."""
    manifest = tomllib.loads((ROOT / "seeds" / "manifest.toml").read_text(encoding="utf-8"))
    target.mkdir(parents=True)
    tables, total = [], 0
    for copy in range(copies):
        for table in manifest["report"]:
            name = f"c{copy:04d}_{table['file']}"
            data = (ROOT / "seeds" / table["file"]).read_bytes()
            (target / name).write_bytes(data)
            total += len(data)
            entry = {**table, "file": name, "symbol": table["symbol"] if copies == 1 else f"{table['symbol']}/C{copy}"}
            tables.append("[[report]]\n" + "".join(f"{key} = {json.dumps(value, ensure_ascii=False)}\n"
                                                    for key, value in entry.items()))
    (target / "manifest.toml").write_text("\n".join(tables), encoding="utf-8")
    return total


def run_one(copies: int, jobs: int) -> dict[str, float]:
    from gcm_graph.build import build_store
    from gcm_graph.settings import Settings

    with tempfile.TemporaryDirectory() as tmp:
        source_bytes = make_corpus(Path(tmp) / "seeds", copies)
        settings = replace(Settings(), seeds=Path(tmp) / "seeds", store=Path(tmp) / "store")
        start = time.perf_counter()
        cpu = _cpu_seconds()
        info = build_store(settings, jobs=jobs)
        seconds = time.perf_counter() - start
        cpu = _cpu_seconds() - cpu
        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # the build's peak, before the reload below
        children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        load_seconds, loaded = _reload(settings.dumps_dir / "gcm-graph.nq.gz", Path(tmp) / "reload")
    return {
        "copies": copies, "reports": info.counts["reports"], "mb": source_bytes / 1e6, "seconds": seconds,
        "triples": info.counts["triples"], "mb_per_s_per_core": source_bytes / 1e6 / seconds / jobs,
        "load_triples_per_s": loaded / load_seconds, "peak_parent_mb": own / 1024, "peak_worker_mb": children / 1024,
        "cpu_seconds": cpu, "stages": info.stages,
    }


def _cpu_seconds() -> float:
    """CPU seconds of this process and its finished children (the build's workers end with the build)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def engine_ceiling(triples: int) -> dict[str, float]:
    """What the engine does when the text costs nothing to make, on ``triples`` short synthetic quads: one
    bulk load into a fresh on-disk store (at most 500,000 of them), and all of them loaded the way the build
    loads (``bulk_load_stream``'s batches, then ``optimize``), which at scale includes RocksDB's compactions."""
    single = min(triples, 500_000)
    with tempfile.TemporaryDirectory() as tmp:
        store = pyoxigraph.Store(str(Path(tmp) / "single"))
        data = b"".join(_synthetic(single))
        start = time.perf_counter()
        store.bulk_load(data, format=pyoxigraph.RdfFormat.N_QUADS)
        single_seconds = time.perf_counter() - start
        del store, data
        store = pyoxigraph.Store(str(Path(tmp) / "streamed"))
        start, cpu = time.perf_counter(), _cpu_seconds()
        bulk_load_stream(store, _synthetic(triples))
        store.optimize()
        streamed_seconds, cpu = time.perf_counter() - start, _cpu_seconds() - cpu
        assert len(store) == triples
        del store
    return {"single": single, "single_per_s": single / single_seconds, "triples": triples,
            "streamed_per_s": triples / streamed_seconds, "streamed_seconds": streamed_seconds,
            "streamed_cpu": cpu}


def _synthetic(triples: int, per_chunk: int = 10_000) -> Iterator[bytes]:
    for first in range(0, triples, per_chunk):
        yield "".join(f"<http://e.org/s{n}> <http://e.org/p{n % 16}> \"{n}\" <http://e.org/g{n % 4}> .\n"
                      for n in range(first, min(first + per_chunk, triples))).encode()


def _reload(dump: Path, directory: Path) -> tuple[float, int]:
    """Loading speed on its own: bulk-load the build's N-Quads dump (decompressed to disk) into a fresh store."""
    directory.mkdir()
    plain = directory / "dump.nq"
    with gzip.open(dump, "rb") as source, plain.open("wb") as target:
        shutil.copyfileobj(source, target, 1 << 20)
    store = pyoxigraph.Store(str(directory / "store"))
    start = time.perf_counter()
    store.bulk_load(path=str(plain), format=pyoxigraph.RdfFormat.N_QUADS)
    seconds = time.perf_counter() - start
    count = len(store)
    del store
    shutil.rmtree(directory, ignore_errors=True)
    return seconds, count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,10,100")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--ceiling-triples", type=int, help="default: as many as the largest build has")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--ceiling", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one is not None:
        print(json.dumps(run_one(args.one, args.jobs)))
        return
    if args.ceiling:
        print(json.dumps(engine_ceiling(args.ceiling_triples)))
        return
    rows = []
    for size in (int(value) for value in args.sizes.split(",")):
        output = subprocess.run([sys.executable, __file__, "--one", str(size), "--jobs", str(args.jobs)],
                                check=True, capture_output=True, text=True).stdout
        rows.append(json.loads(output.strip().splitlines()[-1]))
    header = ("corpus", "reports", "MB text", "build s", "triples", "MB/s/core", "load triples/s",
              "peak parent MB", "peak worker MB")
    print(" | ".join(header))
    print(" | ".join("---" for _ in header))
    for row in rows:
        print(f"{row['copies']}x seeds | {row['reports']} | {row['mb']:.2f} | {row['seconds']:.2f} | "
              f"{row['triples']:,} | {row['mb_per_s_per_core']:.2f} | {row['load_triples_per_s']:,.0f} | "
              f"{row['peak_parent_mb']:.0f} | {row['peak_worker_mb']:.0f}")
    print(f"\njobs={args.jobs}; targets: seeds < 2 s, >= 2 MB/s/core, >= 200,000 triples/s, flat memory\n")
    print("corpus | CPU s (all processes) | " + " | ".join(STAGES))
    print(" | ".join("---" for _ in range(len(STAGES) + 2)))
    for row in rows:
        print(f"{row['copies']}x seeds | {row['cpu_seconds']:.2f} | "
              + " | ".join(f"{row['stages'].get(stage, 0.0):.2f}" for stage in STAGES))
    largest = rows[-1]
    triples = args.ceiling_triples or largest["triples"]
    ceiling = json.loads(subprocess.run([sys.executable, __file__, "--ceiling", "--ceiling-triples", str(triples)],
                                        check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1])
    per_mb = largest["triples"] / largest["mb"]
    print(f"\nengine ceiling: one bulk load of {ceiling['single']:,} short synthetic triples into a fresh store:"
          f" {ceiling['single_per_s']:,.0f} triples/s. {triples:,} of them loaded as the build loads (batches, then"
          f" compaction): {ceiling['streamed_per_s']:,.0f} triples/s ({ceiling['streamed_seconds']:.1f} s,"
          f" {ceiling['streamed_cpu']:.1f} CPU s). At {per_mb:,.0f} triples per MB of text the build can then reach"
          f" at most {ceiling['streamed_per_s'] / per_mb / args.jobs:.2f} MB/s/core with jobs={args.jobs}"
          f" ({ceiling['single_per_s'] / per_mb / args.jobs:.2f} at the single-load rate), even if parsing,"
          " extraction and dumps were free.")


if __name__ == "__main__":
    main()
