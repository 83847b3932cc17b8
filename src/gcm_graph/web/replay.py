"""Replay stored /sparql GET answers in front of Flask: the fast lane for repeated queries.

A simple lookup costs oxigraph about 0.3 ms, while routing it through Flask (request context, URL map,
hooks, response object) costs about as much again. Most SPARQL traffic repeats itself (the query page's
examples, dashboards polling, the pages' own visualisations), so a successful GET answer whose view marked
it replayable is stored as sent, headers and (possibly gzipped) body, and the next identical request gets it
back without entering Flask at all.

Identical means: same build, same path and query string, same ``Accept``, same gzip acceptance and same
``Host`` (relative IRIs in a query resolve against the service URL). Answers belong to the build that made
them (each served build has its own store, see :mod:`.reloading`), so a new build starts empty. A replay
answers ``If-None-Match`` with 304 like the view would, is logged like any other request, and costs the
client's query budget nothing, as a cached answer always did.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from werkzeug.http import parse_etags

from .http_hygiene import accepts_gzip, log_access
from .reloading import BuildFollower

#: the environ key through which a view offers its answer for replay
REPLAYABLE = "gcm.replayable"
#: where the SPARQL endpoint answers (the Flask routes, and the lanes in front of it)
SPARQL_PATHS = ("/sparql", "/sparql/")

StartResponse = Callable[..., Any]
WSGIApp = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]


@dataclass(frozen=True)
class StoredAnswer:
    status: str
    headers: tuple[tuple[str, str], ...]
    body: bytes
    etag: str | None
    #: for the access log
    rows: str | None
    truncated: bool


def request_key(environ: dict[str, Any]) -> tuple[str, ...] | None:
    """The parts of a request that decide a /sparql GET answer; None when the request is not replayable."""
    if environ.get("REQUEST_METHOD") != "GET" or environ.get("PATH_INFO") not in SPARQL_PATHS:
        return None
    query_string = environ.get("QUERY_STRING", "")
    if not query_string:
        return None
    gzip_ok = accepts_gzip(environ.get("HTTP_ACCEPT_ENCODING"))
    return (environ["PATH_INFO"], query_string, environ.get("HTTP_ACCEPT", ""), "gzip" if gzip_ok else "",
            environ.get("HTTP_HOST", ""), environ.get("SCRIPT_NAME", ""))


class ReplayFront:
    """WSGI middleware around the Flask app (see the module doc)."""

    def __init__(self, app: WSGIApp, builds: BuildFollower) -> None:
        self.app = app
        self.builds = builds

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        key = request_key(environ)
        if key is None:
            return self.app(environ, start_response)
        started = time.perf_counter()
        stored = self.builds.latest().answers.get(key)
        if stored is not None:
            return self._replay(stored, environ, start_response, started)
        return self._record(key, environ, start_response)

    def _replay(self, stored: StoredAnswer, environ: dict[str, Any], start_response: StartResponse,
                started: float) -> list[bytes]:
        if stored.etag and "HTTP_IF_NONE_MATCH" in environ and \
                parse_etags(environ["HTTP_IF_NONE_MATCH"]).contains(stored.etag):
            status, headers, body = "304 Not Modified", _not_modified(stored.headers), b""
        else:
            status, headers, body = stored.status, list(stored.headers), stored.body
        start_response(status, headers)
        target = f"{environ['PATH_INFO']}?{environ['QUERY_STRING']}"
        log_access(environ.get("REMOTE_ADDR"), "GET", target, int(status[:3]), (time.perf_counter() - started) * 1000,
                   stored.rows, stored.truncated, replayed=True)
        return [body]

    def _record(self, key: tuple[str, ...], environ: dict[str, Any], start_response: StartResponse
                ) -> Iterable[bytes]:
        """Run the app now (servers such as granian read the status as soon as the app returns, so
        ``start_response`` must not wait for the first iteration) and keep a copy of what it sends."""
        sent: dict[str, Any] = {}

        def capture(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
            sent["status"], sent["headers"] = status, headers
            return start_response(status, headers, exc_info) if exc_info else start_response(status, headers)

        body = self.app(environ, capture)
        if isinstance(body, list):  # answered whole (the query lane does): keep it now
            self._keep(key, environ, sent, body)
            return body
        return self._copy(key, environ, sent, body)

    def _copy(self, key: tuple[str, ...], environ: dict[str, Any], sent: dict[str, Any], body: Iterable[bytes]
              ) -> Iterator[bytes]:
        chunks: list[bytes] = []
        try:
            for chunk in body:
                chunks.append(chunk)
                yield chunk
        finally:
            close = getattr(body, "close", None)
            if close is not None:
                close()
        self._keep(key, environ, sent, chunks)

    @staticmethod
    def _keep(key: tuple[str, ...], environ: dict[str, Any], sent: dict[str, Any], chunks: list[bytes]) -> None:
        """Store an answer its view offered for replay: whole, so a streamed one only once the client has
        read it to the end."""
        answers = environ.get(REPLAYABLE)
        if answers is None or not sent.get("status", "").startswith("200"):
            return
        whole = b"".join(chunks)
        headers = (*((name, value) for name, value in sent["headers"] if name.lower() not in _NOT_STORED),
                   ("Content-Length", str(len(whole))))
        named = {name.lower(): value for name, value in headers}
        answers.put(key, StoredAnswer(sent["status"], headers, whole, named.get("etag", "").strip('"') or None,
                                      named.get("x-gcm-rows"), "x-gcm-truncated" in named))


#: set afresh for every response: the length (of the whole body now), the framing, and the Date, which the
#: server in front adds when the app sends none (granian and waitress both do)
_NOT_STORED = {"content-length", "transfer-encoding", "date"}
_KEPT_ON_304 = {"etag", "vary", "last-modified", "access-control-allow-origin", "access-control-expose-headers"}


def _not_modified(headers: tuple[tuple[str, str], ...]) -> list[tuple[str, str]]:
    return [(name, value) for name, value in headers if name.lower() in _KEPT_ON_304]
