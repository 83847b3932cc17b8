"""The ``gcm-graph`` command: build, export, query, stats, validate, serve.

Each command only turns options into :class:`Settings` and calls one function; errors become one line on
stderr and exit status 1 (2 for usage errors, as click does).
"""

from __future__ import annotations

import dataclasses
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

import click
import pyoxigraph

from .settings import Settings

_EXPORT_FORMATS = {
    "nq": pyoxigraph.RdfFormat.N_QUADS,
    "trig": pyoxigraph.RdfFormat.TRIG,
    "ttl": pyoxigraph.RdfFormat.TURTLE,
    "nt": pyoxigraph.RdfFormat.N_TRIPLES,
    "jsonld": pyoxigraph.RdfFormat.JSON_LD,
}
_RESULT_FORMATS = {
    "json": pyoxigraph.QueryResultsFormat.JSON,
    "csv": pyoxigraph.QueryResultsFormat.CSV,
    "tsv": pyoxigraph.QueryResultsFormat.TSV,
    "xml": pyoxigraph.QueryResultsFormat.XML,
}
_store_option = click.option(
    "--store", type=click.Path(path_type=Path), default=None,
    help="Store directory (default: data/store in the project, or $GCM_GRAPH_STORE).",
)


def _settings(store: Path | None, **changes: object) -> Settings:
    settings = Settings()
    if store is not None:
        changes["store"] = store
    return dataclasses.replace(settings, **{k: v for k, v in changes.items() if v is not None})


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="gcm-graph")
def main() -> None:
    """Build and serve the GCM knowledge graph."""


@main.command()
@_store_option
@click.option("--seeds", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Seed corpus directory with manifest.toml (default: seeds/).")
@click.option("--jobs", type=click.IntRange(1, 64), default=None, help="Worker processes (default: CPUs).")
def build(store: Path | None, seeds: Path | None, jobs: int | None) -> None:
    """Build the graph from the seed corpus into a new store and swap it in."""
    from tqdm import tqdm

    from .build import build_store
    from .seeds import load_manifest

    settings = _settings(store, seeds=seeds)
    with _errors():
        with tqdm(total=len(load_manifest(settings.seeds)), unit="report", file=sys.stderr, disable=None) as bar:
            info = build_store(settings, progress=lambda _symbol: bar.update(1), jobs=jobs)
    counts = info.counts
    click.echo(
        f"built {settings.store}: {counts.get('reports', 0)} reports, {counts.get('paragraphs', 0)} paragraphs, "
        f"{counts.get('footnotes', 0)} footnotes, {counts.get('mentions', 0)} mentions, "
        f"{counts.get('practices', 0)} practices, {counts.get('triples', 0)} triples in {info.seconds:.2f} s"
    )
    for warning in info.warnings:
        click.echo(f"warning: {warning}", err=True)


@main.command()
@click.option("--format", "fmt", type=click.Choice(sorted(_EXPORT_FORMATS)), default="nq", show_default=True)
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Write here instead of standard output.")
@_store_option
def export(fmt: str, output: Path | None, store: Path | None) -> None:
    """Stream the whole dataset (formats without named graphs get the union of all graphs)."""
    from .store import open_read_only

    rdf_format = _EXPORT_FORMATS[fmt]
    with _errors():
        database = open_read_only(_settings(store).store)
        with _binary_output(output) as sink:
            if rdf_format.supports_datasets:
                database.dump(sink, rdf_format, prefixes=_prefixes(rdf_format))
            else:
                triples = (quad.triple for quad in database.quads_for_pattern(None, None, None, None))
                pyoxigraph.serialize(triples, sink, rdf_format, prefixes=_prefixes(rdf_format))


@main.command()
@click.argument("sparql", required=False)
@click.option("-f", "--file", "query_file", type=click.File("r", encoding="utf-8"), default=None,
              help="Read the query from this file.")
@click.option("--format", "fmt", type=click.Choice([*_RESULT_FORMATS, "ttl"]), default="tsv", show_default=True)
@_store_option
def query(sparql: str | None, query_file: IO[str] | None, fmt: str, store: Path | None) -> None:
    """Run a SPARQL query over the union of all graphs."""
    from .store import open_read_only

    if (sparql is None) == (query_file is None):
        raise click.UsageError("give the query as an argument or with -f FILE, not both")
    text = sparql if sparql is not None else query_file.read()  # type: ignore[union-attr]
    with _errors():
        database = open_read_only(_settings(store).store)
        try:
            result = database.query(text, use_default_graph_as_union=True)
        except SyntaxError as error:
            raise click.ClickException(f"query syntax error: {error}") from None
        with _binary_output(None) as sink:
            if isinstance(result, pyoxigraph.QueryTriples):
                pyoxigraph.serialize(result, sink, pyoxigraph.RdfFormat.TURTLE,
                                     prefixes=_prefixes(pyoxigraph.RdfFormat.TURTLE))
            elif fmt == "ttl":
                raise click.UsageError("--format ttl is for CONSTRUCT and DESCRIBE queries")
            else:
                result.serialize(sink, _RESULT_FORMATS[fmt])


@main.command()
@_store_option
def stats(store: Path | None) -> None:
    """What the current build contains (from its build.json)."""
    settings = _settings(store)
    with _errors():
        if not settings.build_info.is_file():
            raise click.ClickException(f"{settings.store}: no build here; run `gcm-graph build` first")
        info = json.loads(settings.build_info.read_text(encoding="utf-8"))
    click.echo(f"build {info['build_id']} finished {info['finished']} ({info['seconds']} s)")
    for key, value in info["counts"].items():
        click.echo(f"  {key:<12} {value:>9}")
    click.echo("graphs:")
    for graph, size in info["graphs"].items():
        click.echo(f"  {size:>9}  {graph}")


@main.command()
@_store_option
def validate(store: Path | None) -> None:
    """Check the built graph against the SHACL shapes; exit 1 if anything violates them."""
    from .validate import validate_store

    settings = _settings(store)
    with _errors():
        conforms, report, violations = validate_store(settings.oxigraph_dir)
    click.echo(report)
    if not conforms:
        raise click.ClickException(f"{violations} SHACL violation(s) in {settings.store}")
    click.echo("the graph conforms to ontology/shapes.ttl")


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--backend", "backend_url", default=None,
              help="Front this remote SPARQL 1.1 endpoint instead of the embedded store.")
@click.option("--timeout", "query_timeout", type=click.FloatRange(0.1, 3600), default=None,
              help="Wall-clock limit of one SPARQL query in seconds (default 30).")
@click.option("--workers", "query_workers", type=click.IntRange(1, 64), default=None,
              help="Query worker processes per web process (default 2): the concurrency bound.")
@click.option("--query-budget", "query_budget", type=click.FloatRange(0), default=None,
              help="Seconds of query time each client (address + User-Agent) may use per minute, "
                   "then 429 (default 60; 0: no budget).")
@click.option("--threads", type=click.IntRange(1, 256), default=16, show_default=True,
              help="Python threads running the app per web process (granian handles HTTP itself).")
@click.option("--processes", type=click.IntRange(1, 64), default=2, show_default=True,
              help="Web processes sharing the port (granian workers, each with its own query workers "
                   "and its own copy of an in-memory graph).")
@click.option("--memory-triples", "memory_triples", type=click.IntRange(0), default=None,
              help="Query a build of at most this many triples from an in-memory copy in every query process "
                   "(default 1000000, about 0.5 KB per triple per process; 0: always from disk).")
@click.option("--allow-service", "allow_service", multiple=True, metavar="IRI",
              help="A SERVICE endpoint queries may call (repeatable; e.g. https://query.wikidata.org/sparql). "
                   "Every other SERVICE is refused before it runs.")
@_store_option
def serve(host: str, port: int, backend_url: str | None, query_timeout: float | None,
          query_workers: int | None, query_budget: float | None, threads: int, processes: int,
          memory_triples: int | None, allow_service: tuple[str, ...], store: Path | None) -> None:
    """Serve the SPARQL endpoint, linked data and pages (building the store first if there is none)."""
    from .serve import run

    settings = _settings(store, backend_url=backend_url, query_timeout=query_timeout,
                         query_workers=query_workers, query_budget=query_budget,
                         memory_triples=memory_triples, service_allowlist=allow_service or None)
    with _errors():
        run(settings, host, port, threads=threads, processes=processes)


@contextmanager
def _errors() -> Iterator[None]:
    """Turn the errors a user can cause (bad input, missing store) into one line and exit status 1."""
    try:
        yield
    except (ValueError, OSError) as error:
        raise click.ClickException(str(error)) from None


@contextmanager
def _binary_output(path: Path | None) -> Iterator[IO[bytes]]:
    if path is None:
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    with path.open("wb") as handle:
        yield handle


def _prefixes(rdf_format: pyoxigraph.RdfFormat) -> dict[str, str] | None:
    from .vocab import PREFIXES

    return PREFIXES if rdf_format in (pyoxigraph.RdfFormat.TURTLE, pyoxigraph.RdfFormat.TRIG) else None
