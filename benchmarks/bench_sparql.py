"""SPARQL serving benchmark: our endpoint vs native ``oxigraph serve-read-only`` on the same data, in the
same run, with rdflib's in-memory engine as the slow reference; prints a table.

Run on demand: ``python benchmarks/bench_sparql.py [--store DIR] [--clients 1,8,32] [--seconds 3]``.
Queries: the simple lookups below plus every ``queries/*.rq``. Each cell runs ``--seconds`` of closed-loop
clients (one keep-alive HTTP connection per client thread, GET, Accept: SPARQL JSON) after a warm-up;
latency p50/p99 in ms and throughput in requests/s. Targets (issue 5): >= 0.7x native throughput on simple
lookups; p99 < 100 ms at 8 clients for every query in queries/. The clients share the machine's cores with
both servers, so absolute numbers are a floor; the ratio is the point.
"""

from __future__ import annotations

import argparse
import http.client
import itertools
import json
import multiprocessing
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from multiprocessing.connection import Connection
from pathlib import Path
from urllib.parse import quote, urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from gcm_graph.endpoint.scanner import service_targets  # noqa: E402
from live import free_port, native_oxigraph, wait_until_up  # noqa: E402

LOOKUPS = {
    "lookup: report by IRI": "SELECT ?p ?o WHERE { <https://w3id.org/gcm/id/report/A-76-642> ?p ?o }",
    "lookup: country by label": "SELECT ?c WHERE { ?c <http://www.w3.org/2004/02/skos/core#prefLabel> "
                                "\"泰国\"@zh }",
}


def load_queries() -> dict[str, str]:
    queries = dict(LOOKUPS)
    for path in sorted((ROOT / "queries").glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        if service_targets(text):  # refused by our endpoint, and federation needs the internet
            print(f"skipped {path.name}: it calls SERVICE", file=sys.stderr)
            continue
        queries[path.stem] = text
    return queries


#: numbers the unique requests across the whole run: a cell must not repeat an earlier cell's requests,
#: which the replay front would then answer from memory
_UNIQUE = itertools.count()


def run_cell(endpoint: str, query: str, clients: int, seconds: float,
             unique: bool = False) -> tuple[float, float, float, int]:
    """``clients`` closed-loop clients for ``seconds``: (p50 ms, p99 ms, requests/s, non-200 answers).

    ``unique`` appends a comment to every request that no other request of the run has, so no result cache
    can answer it."""
    url = urlsplit(endpoint)
    path = f"{url.path}?query={quote(query)}"
    latencies: list[float] = []
    failures = [0]
    lock = threading.Lock()
    start_at = time.perf_counter() + 0.2
    stop_at = start_at + seconds

    def client() -> None:
        connection = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
        mine, bad = [], 0
        while time.perf_counter() < start_at:
            time.sleep(0.001)
        while (begin := time.perf_counter()) < stop_at:
            target = f"{path}%0A%23{next(_UNIQUE)}" if unique else path
            connection.request("GET", target, headers={"Accept": "application/sparql-results+json"})
            response = connection.getresponse()
            response.read()
            mine.append(time.perf_counter() - begin)
            bad += response.status != 200
        connection.close()
        with lock:
            latencies.extend(mine)
            failures[0] += bad

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    ordered = sorted(latencies)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    return statistics.median(ordered) * 1000, p99 * 1000, len(ordered) / seconds, failures[0]


def result_rows(endpoint: str, query: str) -> int:
    """How many rows (SPARQL JSON bindings) ``endpoint`` answers to ``query``."""
    url = urlsplit(endpoint)
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
    connection.request("GET", f"{url.path}?query={quote(query)}", headers={"Accept": "application/sparql-results+json"})
    body = json.loads(connection.getresponse().read())
    connection.close()
    return len(body["results"]["bindings"])


def _rdflib_worker(dump: str, conn: Connection) -> None:
    import gzip

    import rdflib

    dataset = rdflib.Dataset(default_union=True)
    dataset.parse(data=gzip.decompress(Path(dump).read_bytes()).decode(), format="nquads")
    conn.send("ready")
    while True:
        query = conn.recv()
        begin = time.perf_counter()
        list(dataset.query(query))
        conn.send((time.perf_counter() - begin) * 1000)


def rdflib_reference(dump: Path, queries: dict[str, str], budget: float) -> dict[str, float | None]:
    """ms per query (one run, one client) in rdflib's in-memory engine with a union default graph;
    None when it did not finish within ``budget`` seconds (its process is then killed and restarted)."""
    context = multiprocessing.get_context("spawn")
    times: dict[str, float | None] = {}
    process = None
    for name, query in queries.items():
        if process is None:
            conn, child = context.Pipe()
            process = context.Process(target=_rdflib_worker, args=(str(dump), child), daemon=True)
            process.start()
            conn.recv()
        conn.send(query)
        if conn.poll(budget):
            times[name] = conn.recv()
        else:
            times[name] = None
            process.kill()
            process.join()
            process = None
    if process is not None:
        process.kill()
        process.join()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, default=ROOT / "data" / "store")
    parser.add_argument("--clients", default="1,8,32")
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--workers", type=int, default=2, help="our query worker processes (per web process)")
    parser.add_argument("--processes", type=int, default=2, help="our web processes (the server's default)")
    parser.add_argument("--threads", type=int, default=16, help="our threads per web process (the server's default)")
    parser.add_argument("--match", default="", help="only the queries whose name contains this")
    parser.add_argument("--rdflib-budget", type=float, default=20.0, help="seconds per query for rdflib")
    args = parser.parse_args()
    dump = args.store / "dumps" / "gcm-graph.nq.gz"
    if not dump.exists():
        sys.exit(f"{dump} is missing: run `gcm-graph build --store {args.store}` first")
    queries = {name: text for name, text in load_queries().items() if args.match in name}
    port = free_port()
    ours = subprocess.Popen([sys.executable, str(ROOT / "server.py"), "--store", str(args.store), "--port",
                             str(port), "--workers", str(args.workers), "--processes", str(args.processes),
                             "--threads", str(args.threads),
                             "--query-budget", "0"],  # one client sends everything: measure the engine
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with tempfile.TemporaryDirectory() as workdir, native_oxigraph(dump, Path(workdir)) as native:
        try:
            wait_until_up(f"http://127.0.0.1:{port}/healthz")
            ours_url = f"http://127.0.0.1:{port}/sparql"
            targets = {"ours": (ours_url, True), "cached": (ours_url, False), "native": (native, False)}
            for url, _ in targets.values():  # warm-up: worker processes, page caches
                for query in queries.values():
                    run_cell(url, query, 2, 0.3)
            for name, query in queries.items():  # a fast wrong answer is no answer: same rows as native
                if (mine := result_rows(ours_url, query)) != (theirs := result_rows(native, query)):
                    sys.exit(f"{name}: our endpoint answered {mine} rows, native oxigraph {theirs}")
            rows = []
            for name, query in queries.items():
                for clients in (int(c) for c in args.clients.split(",")):
                    cells = {key: run_cell(url, query, clients, args.seconds, unique)
                             for key, (url, unique) in targets.items()}
                    rows.append((name, clients, cells))
        finally:
            ours.terminate()
            ours.wait(20)
    header = (f"{'query':<26} {'cl':>3} | {'ours p50':>8} {'p99':>6} {'req/s':>6} | "
              f"{'cached p50':>10} {'p99':>6} {'req/s':>6} | {'native p50':>10} {'p99':>6} {'req/s':>6} | "
              f"{'ratio':>5} {'cached':>6} | non-200")
    print("ours: every request unique (no cache); cached: the same request repeated (LRU hit); ms, req/s")
    print(header)
    print("-" * len(header))
    for name, clients, cells in rows:
        (o50, o99, orps, oerr), (c50, c99, crps, cerr), (n50, n99, nrps, nerr) = (
            cells["ours"], cells["cached"], cells["native"])
        print(f"{name[:26]:<26} {clients:>3} | {o50:>8.1f} {o99:>6.1f} {orps:>6.0f} | "
              f"{c50:>10.1f} {c99:>6.1f} {crps:>6.0f} | {n50:>10.1f} {n99:>6.1f} {nrps:>6.0f} | "
              f"{orps / nrps:>5.2f} {crps / nrps:>6.2f} | {oerr}/{cerr}/{nerr}")
    sys.stdout.flush()
    reference = rdflib_reference(dump, queries, args.rdflib_budget)
    print(f"\n{'query':<26} | {'rdflib ms':>9} | {'ours 1 client p50 ms':>20} | speed-up")
    for name, clients, cells in rows:
        if clients == 1:
            ms = reference[name]
            shown = f"{ms:>9.1f}" if ms is not None else f">{args.rdflib_budget:>7.0f}s"
            speedup = f"{ms / cells['ours'][0]:.0f}x" if ms is not None else "-"
            print(f"{name[:26]:<26} | {shown} | {cells['ours'][0]:>20.1f} | {speedup}")


if __name__ == "__main__":
    main()
