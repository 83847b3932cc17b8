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
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote, urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from live import free_port, native_oxigraph, wait_until_up  # noqa: E402

LOOKUPS = {
    "lookup: report by IRI": "SELECT ?p ?o WHERE { <https://w3id.org/gcm/id/report/A-76-642> ?p ?o }",
    "lookup: country by label": "SELECT ?c WHERE { ?c <http://www.w3.org/2004/02/skos/core#prefLabel> "
                                "\"泰国\"@zh }",
}


def load_queries() -> dict[str, str]:
    queries = dict(LOOKUPS)
    for path in sorted((ROOT / "queries").glob("*.rq")):
        queries[path.stem] = path.read_text(encoding="utf-8")
    return queries


def run_cell(endpoint: str, query: str, clients: int, seconds: float) -> tuple[float, float, float, int]:
    """``clients`` closed-loop clients for ``seconds``: (p50 ms, p99 ms, requests/s, non-200 answers)."""
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
            connection.request("GET", path, headers={"Accept": "application/sparql-results+json"})
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


def rdflib_reference(dump: Path, queries: dict[str, str], repeat: int = 5) -> dict[str, float]:
    """Median ms per query in rdflib's in-memory engine (union default graph), one client."""
    import gzip

    import rdflib

    dataset = rdflib.Dataset(default_union=True)
    dataset.parse(data=gzip.decompress(dump.read_bytes()).decode(), format="nquads")
    times = {}
    for name, query in queries.items():
        samples = []
        for _ in range(repeat):
            begin = time.perf_counter()
            list(dataset.query(query))
            samples.append(time.perf_counter() - begin)
        times[name] = statistics.median(samples) * 1000
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, default=ROOT / "data" / "store")
    parser.add_argument("--clients", default="1,8,32")
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--workers", type=int, default=2, help="our query worker processes")
    args = parser.parse_args()
    dump = args.store / "dumps" / "gcm-graph.nq.gz"
    if not dump.exists():
        sys.exit(f"{dump} is missing: run `gcm-graph build --store {args.store}` first")
    queries = load_queries()
    port = free_port()
    ours = subprocess.Popen([sys.executable, str(ROOT / "server.py"), "--store", str(args.store), "--port",
                             str(port), "--workers", str(args.workers)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with tempfile.TemporaryDirectory() as workdir, native_oxigraph(dump, Path(workdir)) as native:
        try:
            wait_until_up(f"http://127.0.0.1:{port}/healthz")
            endpoints = {"ours": f"http://127.0.0.1:{port}/sparql", "native": native}
            for endpoint in endpoints.values():  # warm-up: worker processes, caches
                for query in queries.values():
                    run_cell(endpoint, query, 2, 0.3)
            rows = []
            for name, query in queries.items():
                for clients in (int(c) for c in args.clients.split(",")):
                    cells = {key: run_cell(url, query, clients, args.seconds) for key, url in endpoints.items()}
                    rows.append((name, clients, cells))
        finally:
            ours.terminate()
            ours.wait(20)
    reference = rdflib_reference(dump, queries)
    header = (f"{'query':<28} {'cl':>3} | {'ours p50':>8} {'p99':>7} {'req/s':>7} | {'native p50':>10} "
              f"{'p99':>7} {'req/s':>7} | {'ratio':>5} | {'rdflib 1cl':>10} | errors")
    print(header)
    print("-" * len(header))
    for name, clients, cells in rows:
        (o50, o99, orps, oerr), (n50, n99, nrps, nerr) = cells["ours"], cells["native"]
        print(f"{name[:28]:<28} {clients:>3} | {o50:>8.1f} {o99:>7.1f} {orps:>7.0f} | {n50:>10.1f} {n99:>7.1f} "
              f"{nrps:>7.0f} | {orps / nrps:>5.2f} | {reference[name]:>10.1f} | {oerr}/{nerr}")


if __name__ == "__main__":
    main()
