"""A SPARQL Protocol answer in plain values: what the Flask view and the lookup lane in front of it share.

Two code paths answer ``/sparql``: the lookup lane (:mod:`.lookup_lane`) takes a machine's GET of a
single-pattern lookup without entering Flask, and the view takes everything else. A client must not be able
to tell them apart (the same request has one ETag, so one answer), so every decision about an answer (the
formats, the cache and budget, the headers) is made here, in functions of plain values that both call.
"""

from __future__ import annotations

import time
from datetime import datetime
from functools import lru_cache

from werkzeug.http import http_date

from ..endpoint.budget import QueryBudget
from ..endpoint.errors import NotAcceptable, QueryTimeout
from ..endpoint.execution import QueryJob
from ..endpoint.negotiation import Formats, best_match, choose_formats
from ..endpoint.results import Rendered
from .rdf_responses import HTML
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


def answer(served: Served, budget: QueryBudget, job: QueryJob, payer: str, timeout: float) -> Rendered:
    """``job`` from the served build's result cache, else run if ``payer`` (see :func:`client_key`) has
    query time left, and charged what it took, a timeout included."""
    rendered = served.results.get(job)
    if rendered is not None:
        return rendered
    budget.check(payer)
    started = time.perf_counter()
    try:
        rendered = served.backend.execute(job, timeout)
    except QueryTimeout:
        budget.charge(payer, time.perf_counter() - started)
        raise
    budget.charge(payer, rendered.seconds)
    served.results.put(job, rendered)
    return rendered


def answer_headers(rendered: Rendered, etag: str | None, last_modified: datetime | None,
                   milliseconds: float) -> list[tuple[str, str]]:
    """The headers of a 200 answer, before CORS and compression (which apply to every response)."""
    headers = [("Content-Type", rendered.media_type), ("Content-Length", str(len(rendered.body))),
               ("X-GCM-Query-Time", f"{milliseconds:.1f}ms")]
    if rendered.rows is not None:
        headers.append(("X-GCM-Rows", str(rendered.rows)))
    if rendered.truncated:
        headers.append(("X-GCM-Truncated", "true"))
    headers.append(("Vary", "Accept"))
    if etag:
        headers.append(("ETag", f'"{etag}"'))
        if last_modified is not None:
            headers.append(("Last-Modified", http_date(last_modified)))
    return headers
