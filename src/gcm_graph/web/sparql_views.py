"""GET/POST /sparql: the SPARQL 1.1 Protocol over HTTP, adapting Flask to :mod:`gcm_graph.endpoint`.

Without a query, a browser gets the query page and an RDF client the Service Description (SPARQL 1.1
Service Description §2). Status codes are decided before any byte is sent: the worker computes the result
up to ``max_rows`` + 1 rows; a cut result is a 200 with ``X-GCM-Truncated: true`` and ``X-GCM-Rows``.
A GET answer carries an ETag (the build, the query and the negotiated type), so a repeated GET costs a 304,
and is offered for replay in front of Flask (:mod:`.replay`); results are kept in an LRU
(:mod:`gcm_graph.endpoint.cache`), so a repeated query in another form (POST, another Accept) costs no worker.
A query that needs a worker is charged to its client's budget (:mod:`gcm_graph.endpoint.budget`): 429 and
``Retry-After`` once the client has used its ``query_budget`` seconds for the minute.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

from flask import Blueprint, Response, render_template, request

from ..endpoint.description import service_description
from ..endpoint.errors import ProtocolError
from ..endpoint.guard import check_query
from ..endpoint.negotiation import GRAPH_FORMATS, Formats
from ..endpoint.request import QueryRequest, parse_query_request
from ..endpoint.results import Rendered
from . import state
from .answers import answer, answer_etag, answer_formats, answer_headers, wants_result_page
from .pages.catalog import load_queries
from .rdf_responses import HTML, negotiate, rdf_response
from .replay import REPLAYABLE
from .result_table import TABLE_FORMATS, TABLE_ROWS, ResultTable, result_table

bp = Blueprint("sparql", __name__)
_CHUNK = 64 * 1024


def _chunks(body: bytes) -> Iterator[bytes]:
    for start in range(0, len(body), _CHUNK):
        yield body[start:start + _CHUNK]


def _describe_service() -> Response:
    app = state()
    if negotiate([*GRAPH_FORMATS, HTML]) == HTML:
        return Response(_query_page())
    media = negotiate(list(GRAPH_FORMATS))
    triples = service_description(app.base_url() + "sparql", app.build, app.settings.query_timeout,
                                  app.settings.max_rows)
    response = rdf_response(triples, media, etag=app.build.build_id if app.build else None)
    response.vary.add("Accept")
    return response


def _result_page(parsed: QueryRequest) -> Response | tuple[str, int]:
    """A browser's GET with a query (the no-JavaScript form, a shared link): the query page with the query
    in the editor and its answer as a table, run under the same guard, budget, timeout and caches."""
    settings = state().settings
    table: ResultTable | None = None
    error, status = None, 200
    try:
        check_query(parsed.query, settings.service_allowlist)
        table = result_table(_answer(parsed, TABLE_FORMATS, min(settings.max_rows, TABLE_ROWS)))
    except ProtocolError as failure:
        error, status = str(failure), failure.status
    return _query_page(query_text=parsed.query, table=table, error=error), status


def _query_page(**shown: object) -> str:
    """The query page: YASGUI with the named queries of queries/ (read afresh, so edits show at once)."""
    return render_template("sparql.html", queries=load_queries(state().settings.queries_dir), **shown)


def _answer(parsed: QueryRequest, formats: Formats, max_rows: int) -> Rendered:
    app = state()
    return answer(app.served, app.budget, parsed, formats, max_rows, query_timeout=app.settings.query_timeout,
                  service_url=app.base_url() + "sparql", address=request.remote_addr,
                  user_agent=request.user_agent.string)


@bp.route("/sparql", methods=["GET", "POST"])
@bp.route("/sparql/", methods=["GET", "POST"])
def sparql() -> Response:
    app = state()
    settings = app.settings
    served = app.served  # once: every property of ``app`` looks it up again
    method = "GET" if request.method == "HEAD" else request.method
    body = request.get_data(cache=False) if method == "POST" else b""
    parsed = parse_query_request(method, request.query_string, request.headers.get("Content-Type"), body,
                                 settings.max_request_bytes)
    if parsed is None:
        return _describe_service()
    if method == "GET" and parsed.format is None and wants_result_page(request.headers.get("Accept")):
        return _result_page(parsed)
    formats = answer_formats(check_query(parsed.query, settings.service_allowlist), request.headers.get("Accept"),
                             parsed.format)
    etag = answer_etag(served.build, request.query_string, formats) if method == "GET" else None
    if etag and request.if_none_match.contains(etag):
        return Response(status=304, headers={"ETag": f'"{etag}"', "Vary": "Accept"})
    started = time.perf_counter()
    rendered = _answer(parsed, formats, settings.max_rows)
    headers = answer_headers(rendered, etag, served.build, (time.perf_counter() - started) * 1000)
    if etag:
        request.environ[REPLAYABLE] = served.answers
    return Response(_chunks(rendered.body), headers=headers)
