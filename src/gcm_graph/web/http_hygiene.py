"""Cross-cutting HTTP behaviour for every response: CORS, conditional requests, gzip, the access log,
and protocol errors rendered as plain text with their status.

CORS is open (``*``, no credentials): the data is public and read-only, and a YASGUI page or a browser
app on another origin must be able to query the endpoint. ``Last-Modified`` is the build's end time.
"""

from __future__ import annotations

import gzip
import logging
import time
import zlib
from collections.abc import Iterable, Iterator

from flask import Flask, Response, g, request

from ..endpoint.errors import ProtocolError

log = logging.getLogger("gcm_graph.access")

_COMPRESSIBLE = ("text/", "application/sparql-results", "application/json", "application/ld+json",
                 "application/n-triples", "application/n-quads", "application/trig", "application/rdf+xml",
                 "application/xml", "image/svg+xml", "application/javascript")
_EXPOSED = "ETag, Last-Modified, Link, X-GCM-Truncated, X-GCM-Rows, X-GCM-Query-Time, Retry-After"
_MIN_GZIP = 1024


def error_response(error: ProtocolError) -> Response:
    response = Response(str(error) + "\n", status=error.status, mimetype="text/plain")
    if error.retry_after is not None:
        response.headers["Retry-After"] = str(error.retry_after)
    return response


def _gzip_stream(chunks: Iterable[bytes]) -> Iterator[bytes]:
    compressor = zlib.compressobj(6, zlib.DEFLATED, 31)
    for chunk in chunks:
        if data := compressor.compress(chunk):
            yield data
    yield compressor.flush()


def _compress(response: Response) -> None:
    if (response.direct_passthrough or response.status_code != 200 or "Content-Encoding" in response.headers
            or not response.mimetype.startswith(_COMPRESSIBLE)
            or "gzip" not in request.accept_encodings):
        return
    if response.is_streamed:
        response.response = _gzip_stream(response.response)
        response.headers.pop("Content-Length", None)
    else:
        data = response.get_data()
        if len(data) < _MIN_GZIP:
            return
        response.set_data(gzip.compress(data, 6))
    response.headers["Content-Encoding"] = "gzip"
    response.vary.add("Accept-Encoding")


def install(app: Flask) -> None:
    app.register_error_handler(ProtocolError, error_response)

    @app.before_request
    def _start_clock() -> None:
        g.started = time.perf_counter()

    @app.after_request
    def _hygiene(response: Response) -> Response:
        response.headers["Access-Control-Allow-Origin"] = "*"
        response.headers["Access-Control-Expose-Headers"] = _EXPOSED
        if request.method == "OPTIONS":
            response.headers["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
            response.headers["Access-Control-Allow-Headers"] = "Accept, Content-Type"
            response.headers["Access-Control-Max-Age"] = "86400"
        if response.headers.get("ETag") and request.method in ("GET", "HEAD"):
            response.make_conditional(request)
        _compress(response)
        elapsed = (time.perf_counter() - g.get("started", time.perf_counter())) * 1000
        log_access(request.remote_addr, request.method, request.full_path if request.query_string else request.path,
                   response.status_code, elapsed, response.headers.get("X-GCM-Rows"),
                   bool(response.headers.get("X-GCM-Truncated")))
        return response


def log_access(address: str | None, method: str, target: str, status: int, milliseconds: float, rows: str | None,
               truncated: bool = False, replayed: bool = False) -> None:
    """One access-log line per request, with its time (and, for queries, its rows)."""
    log.info('%s "%s %s" %d %.1f ms rows=%s%s%s', address, method, target, status, milliseconds, rows or "-",
             " truncated" if truncated else "", " replayed" if replayed else "")
