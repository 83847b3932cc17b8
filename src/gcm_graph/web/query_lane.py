"""Answer a machine's GET of a query without entering Flask: the fast lane for what SPARQL clients send most.

Most requests to ``/sparql`` are a program's GET of a query, each one different (a single-pattern lookup
from a linked-data client above all, see :mod:`gcm_graph.endpoint.lookup`), so neither the result cache nor
the replay front helps, and Flask's request context, URL map, hooks and response object cost about 0.6 ms
around an answer that oxigraph gives in 0.1 ms (a lookup) to a few ms (measured with
``benchmarks/bench_sparql.py``: a light query at one client took 2.7 ms through Flask, 1.8 ms here). The
lane answers exactly the requests it can answer the way the view would, from the same functions
(:mod:`.answers`) and after the same guard (:func:`~gcm_graph.endpoint.guard.check_query`): same formats,
cache, budget, headers, CORS, gzip and access log. Every other request goes to Flask untouched: POST and
HEAD, a conditional or ranged GET, a browser (it gets the query page), dataset parameters or ``lang``, a
query the guard refuses or whose form it cannot tell, a remote backend, and any request the lane cannot
parse (Flask then refuses it with the usual message).
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from http import HTTPStatus
from typing import TYPE_CHECKING, Any

from werkzeug.wsgi import get_host

from ..endpoint.errors import ProtocolError
from ..endpoint.guard import check_query
from ..endpoint.lookup import lookup_form
from ..endpoint.negotiation import Formats
from ..endpoint.request import QueryRequest, parse_query_request
from .answers import answer, answer_etag, answer_formats, answer_headers, service_base, wants_result_page
from .http_hygiene import CORS_HEADERS, accepts_gzip, error_parts, gzip_stream, log_access, worth_compressing
from .reloading import Served
from .replay import REPLAYABLE, SPARQL_PATHS, StartResponse, WSGIApp

if TYPE_CHECKING:
    from . import AppState

Headers = list[tuple[str, str]]

#: the conditional request headers (RFC 9110 §13.1), which Flask's view answers
_CONDITIONAL = frozenset({"HTTP_IF_MATCH", "HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE",
                          "HTTP_IF_UNMODIFIED_SINCE", "HTTP_IF_RANGE"})


class QueryLane:
    """WSGI middleware around the Flask app, inside the replay front (which then replays its answers too).

    A lookup's answer is kept in neither the result cache nor the replay front: answering it again costs
    less than storing it, and a crawler's stream of unique lookups would evict the expensive answers those
    caches are for (measured: unique lookups 0.66-0.75x native oxigraph's throughput at 8-32 clients with
    both kept, 0.75-0.82x without; repeated ones 0.76-0.85x instead of 0.88-1.44x)."""

    def __init__(self, app: WSGIApp, state: AppState) -> None:
        self.app = app
        self.state = state

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        started = time.perf_counter()
        taken = self._take(environ)
        if taken is None:
            return self.app(environ, start_response)
        served = self.state.builds.enter()
        try:
            status, headers, body = self._respond(environ, *taken, served)
        finally:
            self.state.builds.leave(served)
        start_response(f"{status} {HTTPStatus(status).phrase}", headers)
        named = dict(headers)
        log_access(environ.get("REMOTE_ADDR"), "GET", f"{environ['PATH_INFO']}?{environ['QUERY_STRING']}", status,
                   (time.perf_counter() - started) * 1000, named.get("X-GCM-Rows"), "X-GCM-Truncated" in named)
        return [body]

    def _take(self, environ: dict[str, Any]) -> tuple[QueryRequest, Formats, bool] | None:
        """The request, its formats and whether it is a lookup, if the lane answers it; else None (Flask does)."""
        settings = self.state.settings
        query_string = environ.get("QUERY_STRING", "")
        if (environ.get("REQUEST_METHOD") != "GET" or environ.get("PATH_INFO") not in SPARQL_PATHS
                or settings.backend_url or "lang=" in query_string or "HTTP_RANGE" in environ
                or not _CONDITIONAL.isdisjoint(environ)):
            return None
        try:
            parsed = parse_query_request("GET", query_string.encode("latin-1"), None, b"",
                                         settings.max_request_bytes)
            accept = environ.get("HTTP_ACCEPT")
            if (parsed is None or parsed.default_graphs or parsed.named_graphs
                    or (parsed.format is None and wants_result_page(accept))):
                return None
            # a lookup's whitelist leaves no room for an update or SERVICE: only other queries need the scan
            lookup = lookup_form(parsed.query)
            form = lookup or check_query(parsed.query, settings.service_allowlist)
            if form is None:
                return None
            return parsed, answer_formats(form, accept, parsed.format), lookup is not None
        except (ProtocolError, UnicodeEncodeError):
            return None

    def _respond(self, environ: dict[str, Any], parsed: QueryRequest, formats: Formats, lookup: bool,
                 served: Served) -> tuple[int, Headers, bytes]:
        settings = self.state.settings
        base = service_base(settings.public_url, environ["wsgi.url_scheme"], get_host(environ),
                            environ.get("SCRIPT_NAME", ""))
        started = time.perf_counter()
        try:
            rendered = answer(served, self.state.budget, parsed, formats, settings.max_rows,
                              query_timeout=settings.query_timeout, service_url=base + "sparql",
                              address=environ.get("REMOTE_ADDR"), user_agent=environ.get("HTTP_USER_AGENT"),
                              cache=not lookup)
        except ProtocolError as error:
            status, headers, body = error_parts(error)
            return status, [*headers, *CORS_HEADERS], body
        etag = answer_etag(served.build, environ["QUERY_STRING"].encode("latin-1"), formats)
        headers = answer_headers(rendered, etag, served.build, (time.perf_counter() - started) * 1000)
        body = rendered.body
        if accepts_gzip(environ.get("HTTP_ACCEPT_ENCODING")) and worth_compressing(rendered.media_type, len(body)):
            body = b"".join(gzip_stream([body]))
            headers = [(name, str(len(body)) if name == "Content-Length" else
                        "Accept, Accept-Encoding" if name == "Vary" else value) for name, value in headers]
            headers.append(("Content-Encoding", "gzip"))
        if etag and not lookup:
            environ[REPLAYABLE] = served.answers
        return 200, [*headers, *CORS_HEADERS], body
