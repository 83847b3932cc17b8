"""The build: seeds -> document model -> facts -> quads -> a new store, swapped in when complete.

Reports are independent, so parsing, extraction and serialisation run in worker processes, one report per
task; the parent only bulk-loads the N-Quads each worker returns (pyoxigraph allows one writer per store).
Every input error is found before the new store is created: the corpus is read and checked first.
"""

from __future__ import annotations

import gc
import json
import os
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime

import pyoxigraph

from . import __version__, iris
from .document import ParseError, parse_report
from .document.model import Report
from .dumps import write_dumps
from .extract import extract_report
from .rdf.document import report_quads
from .rdf.facts import fact_quads
from .rdf.provenance import activity_digest, activity_quads
from .reference import ontology_quads, reference_quads
from .seeds import ReportMeta, SeedError, SeedSource, check_corpus, read_report
from .settings import Settings
from .store import new_build, open_for_writing

Progress = Callable[[str], None]


@dataclass(frozen=True)
class ReportOutput:
    """What a worker sends back for one report: its quads as N-Quads bytes and what it counted."""

    symbol: str
    nquads: bytes
    counts: dict[str, int]
    warnings: tuple[str, ...]


@dataclass
class BuildInfo:
    build_id: str
    started: str
    finished: str
    extractor_version: str
    seconds: float
    counts: dict[str, int] = field(default_factory=dict)
    graphs: dict[str, int] = field(default_factory=dict)
    classes: dict[str, int] = field(default_factory=dict)
    dumps: list[dict[str, object]] = field(default_factory=list)
    sources: list[dict[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def process_report(source: SeedSource, activity_iri: str) -> ReportOutput:
    """Read, parse, extract and serialise one report (runs in a worker process)."""
    seed = read_report(source.path, source.meta)
    if seed.sha256 != source.sha256:
        raise SeedError(f"{source.path}: changed while the build was running")
    try:
        report = parse_report(seed.text, name=str(seed.path))
    except ParseError as error:
        raise SeedError(str(error)) from None
    report_iri = iris.report(seed.meta.symbol)
    facts = extract_report(report, seed.meta, report_iri)
    quads = [*report_quads(report, seed.meta, seed.sha256, activity_iri), *fact_quads(facts, report_iri)]
    counts = {
        "paragraphs": len(report.paragraphs()),
        "footnotes": len(report.footnotes),
        "mentions": len(facts.mentions),
        "practices": len(facts.practices),
        "triples": len(quads),
    }
    nquads = pyoxigraph.serialize(quads, format=pyoxigraph.RdfFormat.N_QUADS)
    return ReportOutput(seed.meta.symbol, nquads, counts, cross_check(report, seed.meta, str(seed.path)))


def cross_check(report: Report, meta: ReportMeta, name: str) -> tuple[str, ...]:
    """Where the report's own front matter disagrees with the manifest, say so (the manifest wins)."""
    stated = report.stated
    warnings = []
    if stated.session is not None and meta.session is not None and stated.session != meta.session:
        warnings.append(f"{name}: text states session {stated.session}, manifest says {meta.session}")
    if stated.agenda_items and meta.agenda_items and tuple(stated.agenda_items) != tuple(meta.agenda_items):
        warnings.append(
            f"{name}: text states agenda items {', '.join(stated.agenda_items)}, "
            f"manifest says {', '.join(meta.agenda_items)}"
        )
    return tuple(warnings)


def build_store(settings: Settings, progress: Progress | None = None, jobs: int | None = None) -> BuildInfo:
    """Build the graph from ``settings.seeds`` into a new store and swap it in; returns what was built."""
    say = progress or (lambda message: None)
    clock = time.perf_counter()
    started = _now()
    corpus = check_corpus(settings.seeds)
    activity = iris.build_activity(
        activity_digest(__version__, ((seed.meta.file, seed.sha256) for seed in corpus))
    )
    build_id = datetime.now(UTC).strftime("%Y%m%dT%H%M%S") + f"-{os.getpid()}"
    info = BuildInfo(build_id, started, "", __version__, 0.0)
    info.sources = [{"file": s.meta.file, "symbol": s.meta.symbol, "sha256": s.sha256} for s in corpus]
    counts: dict[str, int] = {"reports": 0}
    warnings: list[str] = []
    with new_build(settings.store, build_id) as directory:
        store = open_for_writing(directory)
        for output in _process_all(corpus, activity, jobs):
            store.bulk_load(input=output.nquads, format=pyoxigraph.RdfFormat.N_QUADS)
            counts["reports"] += 1
            for key, value in output.counts.items():
                counts[key] = counts.get(key, 0) + value
            warnings.extend(output.warnings)
            say(output.symbol)
        store.bulk_extend(reference_quads())
        store.bulk_extend(ontology_quads())
        store.bulk_extend(activity_quads(
            activity, __version__, started, _now(),
            ((s.meta.file, s.meta.symbol, s.sha256) for s in corpus),
        ))
        store.optimize()
        info.dumps = [dump.as_json() for dump in write_dumps(store, directory / "dumps")]
        info.counts = {**counts, "triples": len(store)}
        info.graphs = _graph_sizes(store)
        info.classes = _class_sizes(store)
        info.warnings = warnings
        info.finished = _now()
        info.seconds = round(time.perf_counter() - clock, 3)
        (directory / "build.json").write_text(json.dumps(asdict(info), ensure_ascii=False, indent=2))
        del store
        gc.collect()  # release the RocksDB lock before readers are pointed at the new build
    return info


def _process_all(corpus: list[SeedSource], activity: str, jobs: int | None) -> Iterator[ReportOutput]:
    """Each report's output as soon as it is ready, in corpus order, so only a few are held at once."""
    workers = max(1, min(jobs or os.cpu_count() or 1, len(corpus)))
    if workers == 1:
        yield from (process_report(source, activity) for source in corpus)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(process_report, corpus, [activity] * len(corpus), chunksize=1)


def _graph_sizes(store: pyoxigraph.Store) -> dict[str, int]:
    query = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"
    return {row["g"].value: int(row["n"].value) for row in store.query(query)}


def _class_sizes(store: pyoxigraph.Store) -> dict[str, int]:
    query = (
        "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?g { ?s a ?c } } GROUP BY ?c ORDER BY DESC(?n)"
    )
    return {row["c"].value: int(row["n"].value) for row in store.query(query)}


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")

