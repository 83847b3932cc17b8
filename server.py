"""Serve gcm-graph: ``python server.py [--host H] [--port P] [--store DIR] [--backend URL] [--timeout S] …``.

A thin entry point for deployments that run a file rather than the installed CLI: it is ``gcm-graph serve``
itself (same options, same defaults; ``python server.py --help`` lists them).
"""

from __future__ import annotations

from gcm_graph.cli import serve

if __name__ == "__main__":
    serve(prog_name="server.py")
