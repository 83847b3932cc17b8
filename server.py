"""Serve gcm-graph: ``python server.py [--host H] [--port P] [--store DIR] [--backend URL] [--timeout S]``.

A thin entry point for deployments without the CLI installed; ``gcm-graph serve`` does the same.
"""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path

from gcm_graph.serve import run
from gcm_graph.settings import Settings


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--store", type=Path, help="store directory (default: data/store)")
    parser.add_argument("--backend", dest="backend_url", help="front this remote SPARQL 1.1 endpoint instead")
    parser.add_argument("--timeout", dest="query_timeout", type=float, help="query wall-clock limit, seconds")
    parser.add_argument("--workers", dest="query_workers", type=int, help="query worker processes")
    parser.add_argument("--query-budget", dest="query_budget", type=float,
                        help="query seconds per client per minute, then 429 (0: no budget)")
    parser.add_argument("--threads", type=int, default=16, help="HTTP threads per web process")
    parser.add_argument("--processes", type=int, default=1, help="web processes sharing the port")
    parser.add_argument("--allow-service", dest="service_allowlist", action="append", metavar="IRI",
                        help="a SERVICE endpoint queries may call (repeatable)")
    args = parser.parse_args(argv)
    if args.service_allowlist:
        args.service_allowlist = tuple(args.service_allowlist)
    changes = {k: v for k, v in vars(args).items()
               if k in {f.name for f in dataclasses.fields(Settings)} and v is not None}
    run(dataclasses.replace(Settings(), **changes), args.host, args.port, args.threads, args.processes)


if __name__ == "__main__":
    main()
