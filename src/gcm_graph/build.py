"""The build: seeds -> document model -> facts -> quads -> a new store, swapped in when complete.

Reports are independent, so reading, parsing, extraction, serialisation and the dumps' compression run in
worker processes, one report per task; the parent streams each report's N-Quads into one bulk load
(pyoxigraph allows one writer per store) and its compressed members into the dumps as it arrives, so memory
does not grow with the corpus. Every input file is checked before the new store is created, and any error
later removes the half-written build. The parent records where its time went (``BuildInfo.stages``), so
the benchmark can tell the engine's share from ours.
"""

from __future__ import annotations

import gc
import json
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime

import pyoxigraph

from . import __version__, iris
from .document import ParseError, parse_report
from .document.model import Report
from .dumps import DumpWriter, GraphDump, graph_dump
from .extract import extract_report
from .rdf.document import report_lines
from .rdf.facts import fact_lines
from .rdf.provenance import activity_digest, activity_quads
from .reference import ontology_quads, reference_quads
from .seeds import ReportMeta, SeedError, SeedSource, check_corpus, read_report
from .settings import Settings
from .store import bulk_load_stream, new_build, open_for_writing

Progress = Callable[[str], None]
#: how much lower than the parent (and its bulk-load thread) the worker processes run
WORKER_NICENESS = 10


@dataclass(frozen=True)
class ReportOutput:
    """What a worker sends back for one report: its graph ready to load and dump, what it counted, and the
    CPU seconds it took."""

    symbol: str
    dump: GraphDump
    counts: dict[str, int]
    warnings: tuple[str, ...]
    cpu_seconds: float


@dataclass
class BuildInfo:
    """The build record, written as build.json beside the store (the server reads it for VoID and ETags)."""

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
    stages: dict[str, float] = field(default_factory=dict)


class Stopwatch:
    """Seconds per stage of the build, summed over the times the stage is entered."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    @contextmanager
    def __call__(self, stage: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.add(stage, time.perf_counter() - start)

    def add(self, stage: str, seconds: float) -> None:
        self.seconds[stage] = self.seconds.get(stage, 0.0) + seconds


def process_report(source: SeedSource, activity_iri: str, corpus_symbols: tuple[str, ...] = ()) -> ReportOutput:
    """Read, parse, extract, serialise and compress one report (runs in a worker process). ``corpus_symbols``
    lets a citation of another report of the corpus link to that report rather than to a bare document IRI."""
    cpu = time.process_time()
    seed = read_report(source.path, source.meta)
    if seed.sha256 != source.sha256:
        raise SeedError(f"{source.path}: changed while the build was running")
    try:
        report = parse_report(seed.text, name=str(seed.path))
    except ParseError as error:
        raise SeedError(str(error)) from None
    report_iri = iris.report(seed.meta.symbol)
    facts = extract_report(report, seed.meta, report_iri, corpus_symbols=corpus_symbols)
    # a fact may restate a structural triple (a table row citing a document): keep each line once
    lines = dict.fromkeys([*report_lines(report, seed.meta, seed.sha256, activity_iri),
                           *fact_lines(facts, report_iri)])
    counts = {
        "paragraphs": len(report.paragraphs()),
        "footnotes": len(report.footnotes),
        "mentions": len(facts.mentions),
        "practices": len(facts.practices),
    }
    dump = graph_dump(report_iri, "".join(lines).encode())
    return ReportOutput(seed.meta.symbol, dump, counts, cross_check(report, seed.meta, str(seed.path)),
                        time.process_time() - cpu)


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
    start_clock = time.perf_counter()
    started = _now()
    corpus = check_corpus(settings.seeds)
    activity = iris.build_activity(activity_digest(__version__, ((s.meta.file, s.sha256) for s in corpus)))
    build_id = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f") + f"-{os.getpid()}"
    info = BuildInfo(build_id, started, "", __version__, 0.0)
    info.sources = [{"file": s.meta.file, "symbol": s.meta.symbol, "sha256": s.sha256} for s in corpus]
    info.counts = {"reports": 0}
    clock = Stopwatch()
    with new_build(settings.store, build_id) as directory:
        store = open_for_writing(directory)
        with DumpWriter(directory / "dumps") as dumps:
            outputs = _process_all(corpus, activity, jobs, clock)
            graphs = _graphs(outputs, corpus, activity, started, info, progress, clock)
            with clock("parent stream"):
                clock.add("bulk load", bulk_load_stream(store, _dumped(graphs, dumps, clock)))
            info.dumps = [dump.as_json() for dump in dumps.finish()]
        with clock("parent finish"):
            store.optimize()
            info.counts["triples"] = len(store)
            info.classes = _class_sizes(store)
        info.finished = _now()
        info.seconds = round(time.perf_counter() - start_clock, 3)
        info.stages = _stages(clock.seconds)
        (directory / "build.json").write_text(json.dumps(asdict(info), ensure_ascii=False, indent=2))
        del store
        gc.collect()  # release the RocksDB lock before readers are pointed at the new build
    return info


def _graphs(
    outputs: Iterable[ReportOutput], corpus: list[SeedSource], activity: str, started: str,
    info: BuildInfo, progress: Progress | None, clock: Stopwatch,
) -> Iterator[GraphDump]:
    """Every named graph: the reports as they arrive, then reference, ontology and provenance (made here, in
    the parent); tallies counts into ``info`` on the way."""
    for output in outputs:
        info.counts["reports"] += 1
        for key, value in output.counts.items():
            info.counts[key] = info.counts.get(key, 0) + value
        info.warnings.extend(output.warnings)
        info.graphs[output.dump.graph] = output.dump.triples
        clock.add("workers cpu", output.cpu_seconds)
        if progress is not None:
            progress(output.symbol)
        yield output.dump
    sources = [(s.meta.file, s.meta.symbol, s.sha256) for s in corpus]
    for graph, quads in (
        (iris.graph("reference"), reference_quads()),
        ("https://w3id.org/gcm/ontology", ontology_quads()),
        (iris.graph("build"), activity_quads(activity, __version__, started, _now(), sources)),
    ):
        with clock("parent graphs"):
            dump = graph_dump(graph, _ntriples(quad.triple for quad in quads))
        info.graphs[graph] = dump.triples
        yield dump


def _dumped(graphs: Iterable[GraphDump], dumps: DumpWriter, clock: Stopwatch) -> Iterator[bytes]:
    """Each graph's N-Quads for the store, once its members are in the dumps."""
    for graph in graphs:
        with clock("parent dumps"):
            dumps.add(graph)
        yield graph.nquads


def _stages(seconds: dict[str, float]) -> dict[str, float]:
    """The stopwatch's sums, plus the time the parent waited for the load thread: what the stream took
    beyond waiting for workers, the dumps and the parent's own graphs (a full queue, then the last writes)."""
    inside = ("parent wait workers", "parent dumps", "parent graphs")
    blocked = seconds.get("parent stream", 0.0) - sum(seconds.get(stage, 0.0) for stage in inside)
    return {stage: round(value, 3) for stage, value in {**seconds, "parent wait load": blocked}.items()}


def _process_all(corpus: list[SeedSource], activity: str, jobs: int | None, clock: Stopwatch,
                 ) -> Iterator[ReportOutput]:
    """Each report's output as soon as it is ready, in corpus order, so only a few are held at once."""
    workers = max(1, min(jobs or os.cpu_count() or 1, len(corpus)))
    symbols = tuple(source.meta.symbol for source in corpus)
    if workers == 1:
        for source in corpus:
            with clock("parent wait workers"):
                output = process_report(source, activity, symbols)
            yield output
        return
    with ProcessPoolExecutor(max_workers=workers, initializer=_yield_to_the_load) as pool:
        pending: deque[Future[ReportOutput]] = deque()
        try:
            for source in corpus:
                pending.append(pool.submit(process_report, source, activity, symbols))
                if len(pending) > 2 * workers:  # a bounded window: results never pile up unread
                    yield _result(pending.popleft(), clock)
            while pending:
                yield _result(pending.popleft(), clock)
        except BaseException:
            pool.shutdown(wait=True, cancel_futures=True)
            raise


def _yield_to_the_load() -> None:
    """Lower a worker's priority. The bulk load is one thread that cannot be split, and it is the longest
    path of the build: workers that take the CPU it is waiting for only make the build end later (paired
    10x builds on two cores shared with other work: 5-25% sooner). Idle CPU still goes to the workers."""
    if hasattr(os, "nice"):
        os.nice(WORKER_NICENESS)


def _result(future: Future[ReportOutput], clock: Stopwatch) -> ReportOutput:
    with clock("parent wait workers"):
        return future.result()


def _ntriples(triples: Iterable[pyoxigraph.Triple]) -> bytes:
    return pyoxigraph.serialize(triples, format=pyoxigraph.RdfFormat.N_TRIPLES)


def _class_sizes(store: pyoxigraph.Store) -> dict[str, int]:
    query = "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?g { ?s a ?c } } GROUP BY ?c ORDER BY DESC(?n)"
    return {row["c"].value: int(row["n"].value) for row in store.query(query)}


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
