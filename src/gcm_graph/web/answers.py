"""A SPARQL Protocol answer in plain values: what the Flask view and the query lane in front of it share.

Two code paths answer ``/sparql``: the query lane (:mod:`.query_lane`) takes a machine's GET of a query
without entering Flask, and the view takes everything else. A client must not be able
to tell them apart (the same request has one ETag, so one answer), so every decision about an answer (the
formats, the cache and budget, the headers) is made here, in functions of plain values that both call.
"""

from __future__ import annotations

import time
from datetime import datetime
from functools import lru_cache

from werkzeug.http import http_date

from ..endpoint.budget import QueryBudget
from ..endpoint.build_info import BuildInfo
from ..endpoint.errors import NotAcceptable, QueryTimeout
from ..endpoint.execution import QueryJob
from ..endpoint.negotiation import Formats, best_match, choose_formats
from ..endpoint.request import QueryRequest
from ..endpoint.results import Rendered
from .rdf_responses import HTML, etag_for
from .reloading import Served
from .result_table import RESULT_TYPES


def service_base(public_url: str | None, scheme: str, host: str, script_name: str) -> str:
    """The public root URL ending in '/': ``public_url`` if configured, else what the request was sent to."""
    if public_url:
        return public_url.rstrip("/") + "/"
    return f"{scheme}://{host}{script_name}/"


def client_key(address: str | None, user_agent: str | None) -> str:
    """Whom a query's time is charged to: address and User-Agent (clients behind one NAT stay apart)."""
    return f"{address} {user_agent or ''}"


@lru_cache(maxsize=256)
def wants_result_page(accept: str | None) -> bool:
    """A browser (text/html preferred to every result type) gets the query page with the answer as a
    table rather than SPARQL results. Memoised: clients send few distinct Accept headers."""
    return best_match(accept, [*RESULT_TYPES, HTML]) == HTML


def answer_formats(form: str | None, accept: str | None, format_name: str | None) -> Formats:
    """Negotiate the result formats for a query of ``form`` (see :func:`~gcm_graph.endpoint.guard.check_query`):
    406 before any work when no acceptable type can carry its kind of result."""
    formats = choose_formats(accept, format_name)
    if form is not None and formats.for_form(form) is None:
        raise NotAcceptable(f"Accept: no acceptable media type can carry a {form} result")
    return formats


def answer(served: Served, budget: QueryBudget, parsed: QueryRequest, formats: Formats, max_rows: int, *,
           query_timeout: float, service_url: str, address: str | None, user_agent: str | None,
           cache: bool = True) -> Rendered:
    """``parsed`` answered in ``formats``, cut at ``max_rows``: from the served build's result cache, else run
    within the query timeout (which the client's ``timeout=`` may only lower) if its client (see
    :func:`client_key`) has query time left, and charged what it took, a timeout included. Relative IRIs in the
    query resolve against ``service_url``. ``cache=False``: neither read nor fill the result cache (for
    answers that cost less than an entry, see :mod:`.query_lane`)."""
    job = QueryJob(parsed.query, formats, max_rows, parsed.default_graphs, parsed.named_graphs,
                   base_iri=service_url, client=address or "")
    rendered = served.results.get(job) if cache else None
    if rendered is not None:
        return rendered
    payer = client_key(address, user_agent)
    budget.check(payer)
    started = time.perf_counter()
    try:
        rendered = served.backend.execute(job, min(parsed.timeout or query_timeout, query_timeout))
    except QueryTimeout:
        budget.charge(payer, time.perf_counter() - started)
        raise
    budget.charge(payer, rendered.seconds)
    if cache:
        served.results.put(job, rendered)
    return rendered


def answer_etag(build: BuildInfo | None, query_string: bytes, formats: Formats) -> str | None:
    """A GET answer's ETag: the build, the raw query string and the negotiated types (None without a build,
    as in front of a remote backend, whose data may change under it)."""
    return etag_for(build.build_id, query_string, formats) if build is not None else None


def answer_headers(rendered: Rendered, etag: str | None, build: BuildInfo | None,
                   milliseconds: float) -> list[tuple[str, str]]:
    """The headers of a 200 answer, before CORS and compression (which apply to every response); an answer
    with an ETag is dated by its build."""
    headers = [("Content-Type", rendered.media_type), ("Content-Length", str(len(rendered.body))),
               ("X-GCM-Query-Time", f"{milliseconds:.1f}ms")]
    if rendered.rows is not None:
        headers.append(("X-GCM-Rows", str(rendered.rows)))
    if rendered.truncated:
        headers.append(("X-GCM-Truncated", "true"))
    headers.append(("Vary", "Accept"))
    if etag:
        headers.append(("ETag", f'"{etag}"'))
        if build is not None:
            headers.append(("Last-Modified", _http_date(build.finished)))
    return headers


@lru_cache(maxsize=8)
def _http_date(moment: datetime) -> str:
    """Memoised: every answer of a build carries the same date."""
    return http_date(moment)
