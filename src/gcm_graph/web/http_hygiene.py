"""Cross-cutting HTTP behaviour for every response: CORS, conditional requests, gzip, the access log,
and protocol errors rendered as plain text with their status.

CORS is open (``*``, no credentials): the data is public and read-only, and a YASGUI page or a browser
app on another origin must be able to query the endpoint. ``Last-Modified`` is the build's end time.
"""

from __future__ import annotations

import logging
import time
import zlib
from collections.abc import Iterable, Iterator
from functools import lru_cache

from flask import Flask, Response, g, request
from werkzeug.http import parse_accept_header

from ..endpoint.errors import ProtocolError

log = logging.getLogger("gcm_graph.access")

_COMPRESSIBLE = ("text/", "application/sparql-results", "application/json", "application/ld+json",
                 "application/n-triples", "application/n-quads", "application/trig", "application/rdf+xml",
                 "application/xml", "image/svg+xml", "application/javascript")
_EXPOSED = "ETag, Last-Modified, Link, X-GCM-Truncated, X-GCM-Rows, X-GCM-Query-Time, Retry-After"
#: sent with every response (the query lane in front of Flask sends them too)
CORS_HEADERS = (("Access-Control-Allow-Origin", "*"), ("Access-Control-Expose-Headers", _EXPOSED))
_MIN_GZIP = 1024


def error_parts(error: ProtocolError) -> tuple[int, list[tuple[str, str]], bytes]:
    """A refusal as status, headers and a plain-text body naming the parameter at fault."""
    headers = [("Content-Type", "text/plain; charset=utf-8")]
    if error.retry_after is not None:
        headers.append(("Retry-After", str(error.retry_after)))
    return error.status, headers, (str(error) + "\n").encode()


def error_response(error: ProtocolError) -> Response:
    status, headers, body = error_parts(error)
    return Response(body, status=status, headers=headers)


@lru_cache(maxsize=256)
def accepts_gzip(accept_encoding: str | None) -> bool:
    """Whether the client takes gzip (``gzip;q=0`` refuses it; ``*`` accepts it). Memoised: clients send
    few distinct headers."""
    return bool(accept_encoding) and parse_accept_header(accept_encoding).quality("gzip") > 0


def worth_compressing(media_type: str, length: int | None) -> bool:
    """Text-like bodies of unknown length (streamed) or of at least 1 KiB: smaller ones gain nothing."""
    return media_type.startswith(_COMPRESSIBLE) and (length is None or length >= _MIN_GZIP)


def gzip_stream(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """One gzip member over ``chunks`` (no timestamp in its header, so equal bodies compress equally)."""
    compressor = zlib.compressobj(6, zlib.DEFLATED, 31)
    for chunk in chunks:
        if data := compressor.compress(chunk):
            yield data
    yield compressor.flush()


def _compress(response: Response) -> None:
    if (response.direct_passthrough or response.status_code != 200 or "Content-Encoding" in response.headers
            or not accepts_gzip(request.headers.get("Accept-Encoding"))):
        return
    length = response.content_length if response.is_streamed else len(response.get_data())
    if not worth_compressing(response.mimetype or "", length):
        return
    if response.is_streamed:
        response.response = gzip_stream(response.response)
        response.headers.pop("Content-Length", None)
    else:
        response.set_data(b"".join(gzip_stream([response.get_data()])))
    response.headers["Content-Encoding"] = "gzip"
    response.vary.add("Accept-Encoding")


def install(app: Flask) -> None:
    app.register_error_handler(ProtocolError, error_response)

    @app.before_request
    def _start_clock() -> None:
        g.started = time.perf_counter()

    @app.after_request
    def _hygiene(response: Response) -> Response:
        response.headers.update(CORS_HEADERS)
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
