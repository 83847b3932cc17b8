"""Settings, one frozen dataclass, each field documented: the only place defaults live.

The store location has one default, ``data/store`` under the project root (the directory holding
``seeds/``), overridable by ``--store`` on every command or the ``GCM_GRAPH_STORE`` environment variable.
``data/store`` is a symlink to the current build directory (``data/builds/<id>/``), which holds the
Oxigraph database (``oxigraph/``), the dumps (``dumps/``) and ``build.json``; a build writes a new
directory and swaps the link, so a failed build never touches the store being served.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def _default_store() -> Path:
    return Path(os.environ.get("GCM_GRAPH_STORE", PROJECT_ROOT / "data" / "store"))


@dataclass(frozen=True)
class Settings:
    #: the store directory (a symlink to the current build), see the module docstring
    store: Path = field(default_factory=_default_store)
    #: the seed corpus: report texts plus manifest.toml
    seeds: Path = PROJECT_ROOT / "seeds"
    #: the OWL ontology, SHACL shapes and the reference tables
    ontology_dir: Path = PROJECT_ROOT / "ontology"
    #: named SPARQL queries (*.rq) shown in the query page
    queries_dir: Path = PROJECT_ROOT / "queries"
    #: wall-clock limit of one SPARQL query, in seconds; a client's timeout= may only lower it
    query_timeout: float = 30.0
    #: the most rows a SELECT returns (or triples a CONSTRUCT) before the result is cut and flagged
    max_rows: int = 100_000
    #: the largest request body or query string accepted, in bytes (413 beyond)
    max_request_bytes: int = 512 * 1024
    #: worker processes that evaluate SPARQL queries (the concurrency bound)
    query_workers: int = 2
    #: builds with at most this many triples are queried from an in-memory copy (about 0.5 KB per triple
    #: in the web process and in each query worker; 2-5x faster, see ``endpoint/engine.py``); larger ones
    #: from the database on disk; 0: always from disk
    memory_triples: int = 1_000_000
    #: seconds of query time each client (address + User-Agent) may use per minute; beyond it /sparql
    #: answers 429 with Retry-After (the Wikidata Query Service model); 0: no budget
    query_budget: float = 60.0
    #: SERVICE endpoints a query may call (exact IRIs); every other SERVICE is refused before it runs
    service_allowlist: tuple[str, ...] = ()
    #: a remote SPARQL 1.1 endpoint to front instead of the embedded store (None: the embedded store)
    backend_url: str | None = None
    #: the public base URL the server is reached at, for absolute links in VoID and the service
    #: description (None: taken from each request)
    public_url: str | None = None

    @property
    def oxigraph_dir(self) -> Path:
        return self.store / "oxigraph"

    @property
    def dumps_dir(self) -> Path:
        return self.store / "dumps"

    @property
    def build_info(self) -> Path:
        return self.store / "build.json"
