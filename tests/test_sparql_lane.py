"""The query lane (web/query_lane.py): a machine's GET of a query is answered without Flask, with the status,
headers and body the Flask view gives the same request; every other request reaches the view untouched."""

from __future__ import annotations

import gzip
import json
import logging
from collections.abc import Iterable
from typing import Any
from urllib.parse import quote

import pytest
from werkzeug.test import EnvironBuilder, run_wsgi_app

from gcm_graph.settings import Settings
from gcm_graph.web import create_app
from gcm_graph.web.answers import client_key
from gcm_graph.web.query_lane import QueryLane

REPORT = "https://w3id.org/gcm/id/report/A-76-642"
LOOKUP = f"SELECT ?p ?o WHERE {{ <{REPORT}> ?p ?o }}"
ASK = 'ASK { ?c <http://purl.org/dc/terms/title> "秘书长的报告"@zh }'
PREFIXED = "PREFIX dct: <http://purl.org/dc/terms/>\nSELECT ?r WHERE { ?r dct:title ?t } LIMIT 5 # trailing"
#: headers that legitimately differ between two answers to the same request
_PER_ANSWER = {"X-GCM-Query-Time", "Date", "Content-Length", "Transfer-Encoding"}
_AGENT = "lane-test/1"


class _Counting:
    """The Flask side of the lane, counting the requests that reach it."""

    def __init__(self, app: Any) -> None:
        self.app, self.calls = app, 0

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        self.calls += 1
        return self.app(environ, start_response)


@pytest.fixture()
def app(mini_settings: Settings):
    app = create_app(mini_settings)
    yield app
    app.extensions["gcm"].builds.close()


def _lane(app) -> QueryLane:
    lane = app.wsgi_app.app
    assert isinstance(lane, QueryLane)
    return lane


def _environ(query: str | None = LOOKUP, method: str = "GET", extra: str = "", **headers: str) -> dict[str, Any]:
    query_string = (f"query={quote(query)}" if query is not None else "") + extra
    headers.setdefault("User-Agent", _AGENT)
    return EnvironBuilder(path="/sparql", method=method, query_string=query_string, headers=headers,
                          environ_base={"REMOTE_ADDR": "192.0.2.7"}).get_environ()


def _run(wsgi: Any, environ: dict[str, Any]) -> tuple[int, dict[str, str], bytes]:
    body, status, headers = run_wsgi_app(wsgi, dict(environ))
    data = b"".join(body)
    if hasattr(body, "close"):
        body.close()
    named = dict(headers)
    if named.get("Content-Encoding") == "gzip":
        data = gzip.decompress(data)
    return int(status[:3]), named, data


def _through_lane_and_view(app, environ: dict[str, Any]) -> tuple[tuple, tuple, int]:
    """The lane's answer, the Flask view's answer, and how many times the lane passed the request on."""
    lane = _lane(app)
    counting = _Counting(lane.app)
    lane.app = counting
    try:
        by_lane = _run(lane, environ)
    finally:
        lane.app = counting.app
    return by_lane, _run(lane.app, environ), counting.calls


@pytest.mark.parametrize(("query", "headers", "extra"), [
    (LOOKUP, {"Accept": "application/sparql-results+json"}, ""),
    (LOOKUP, {"Accept": "application/sparql-results+xml"}, ""),
    (LOOKUP, {"Accept": "text/csv", "Accept-Encoding": "gzip"}, ""),
    (LOOKUP, {"Accept": "text/tab-separated-values", "Accept-Encoding": "gzip;q=0, br"}, ""),
    (LOOKUP, {"Accept": "application/json", "Accept-Encoding": "*"}, ""),
    (LOOKUP, {"Accept": "*/*"}, ""),
    (LOOKUP, {}, ""),
    (LOOKUP, {"Accept": "text/html"}, "&format=csv"),
    (LOOKUP, {"Accept": "application/sparql-results+json"}, "&timeout=5"),
    (ASK, {"Accept": "application/sparql-results+xml"}, ""),
    (PREFIXED, {"Accept": "application/sparql-results+json", "Accept-Encoding": "gzip"}, ""),
    ("SELECT ?o WHERE { undeclared:x ?p ?o }", {"Accept": "text/csv"}, ""),  # the engine's 400
    # queries that are not lookups run in the query workers, reached from the lane all the same
    ("SELECT * { ?s ?p ?o . ?o ?q ?r }", {"Accept": "application/sparql-results+json"}, ""),
    ("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }", {"Accept": "text/csv", "Accept-Encoding": "gzip"}, ""),
    (f"CONSTRUCT {{ <{REPORT}> ?p ?o }} WHERE {{ <{REPORT}> ?p ?o }}", {"Accept": "text/turtle"}, ""),
    (f"DESCRIBE <{REPORT}>", {"Accept": "application/n-triples", "Accept-Encoding": "gzip"}, ""),
    ("SELECT * { ?s ?p ?o } ORDER BY ?s LIMIT 3", {"Accept": "application/sparql-results+xml"}, "&timeout=5"),
    ("SELECT * WHERE { ?s ?p }", {"Accept": "text/csv"}, ""),  # the engine's 400, from a worker
])
def test_the_lane_answers_a_query_as_the_view_does(app, query, headers, extra):
    by_lane, by_view, passed_on = _through_lane_and_view(app, _environ(query, extra=extra, **headers))
    assert passed_on == 0, "the lane handed a query to Flask"
    assert by_lane[0] == by_view[0]
    assert by_lane[2] == by_view[2]
    assert {k: v for k, v in by_lane[1].items() if k not in _PER_ANSWER} == \
           {k: v for k, v in by_view[1].items() if k not in _PER_ANSWER}
    assert by_lane[1]["Access-Control-Allow-Origin"] == "*"


def test_real_answers_come_through_the_lane(app):
    (status, headers, body), _, passed_on = _through_lane_and_view(
        app, _environ(Accept="application/sparql-results+json", **{"Accept-Encoding": "gzip"}))
    rows = json.loads(body)["results"]["bindings"]
    assert passed_on == 0 and status == 200 and headers["X-GCM-Rows"] == str(len(rows)) and rows
    assert {"p": {"type": "uri", "value": "http://purl.org/dc/terms/title"},
            "o": {"type": "literal", "value": "秘书长的报告", "xml:lang": "zh"}} in rows
    (status, _, body), _, _ = _through_lane_and_view(app, _environ(ASK, Accept="application/sparql-results+json"))
    assert status == 200 and json.loads(body)["boolean"] is True


def test_gzip_refused_with_q0_is_not_sent(app):
    (_, headers, _), _, _ = _through_lane_and_view(
        app, _environ("SELECT * { ?s ?p ?o }", Accept="text/csv", **{"Accept-Encoding": "gzip;q=0"}))
    assert "Content-Encoding" not in headers
    (_, headers, _), _, _ = _through_lane_and_view(
        app, _environ("SELECT * { ?s ?p ?o }", Accept="text/csv", **{"Accept-Encoding": "gzip"}))
    assert headers["Content-Encoding"] == "gzip" and headers["Vary"] == "Accept, Accept-Encoding"


@pytest.mark.parametrize(("query", "method", "extra", "headers"), [
    (LOOKUP, "POST", "", {}),
    (LOOKUP, "HEAD", "", {}),
    (LOOKUP, "GET", "", {"If-None-Match": '"x"'}),
    (LOOKUP, "GET", "", {"If-Modified-Since": "Sat, 01 Jan 2000 00:00:00 GMT"}),
    (LOOKUP, "GET", "", {"Range": "bytes=0-10"}),
    (LOOKUP, "GET", "", {"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}),
    (LOOKUP, "GET", "&lang=en", {}),
    (LOOKUP, "GET", "&default-graph-uri=" + quote(REPORT), {}),
    (LOOKUP, "GET", "&query=ASK%7B%7D", {}),  # two queries: the view refuses it
    (LOOKUP, "GET", "&x=%FF", {}),  # not UTF-8: the view refuses it
    ("SELECT * { SERVICE <http://127.0.0.1/> { ?s ?p ?o } }", "GET", "", {}),  # the guard refuses: Flask says so
    ("ASK " + "{ " * 600 + "}" * 600, "GET", "", {}),
    ("DELETE WHERE { ?s ?p ?o }", "GET", "", {}),
    (None, "GET", "", {"Accept": "text/turtle"}),  # the service description
    (LOOKUP, "GET", "", {"Accept": "image/png"}),  # 406
    (LOOKUP, "GET", "", {"Accept": "text/turtle"}),  # 406: no graph format carries a SELECT
    ("SELEC * { ?s ?p ?o }", "GET", "", {}),  # no query form the scan can tell
])
def test_everything_else_reaches_the_view_untouched(app, query, method, extra, headers):
    lane = _lane(app)
    counting = _Counting(lane.app)
    lane.app = counting
    try:
        status, _, _ = _run(lane, _environ(query, method=method, extra=extra, **headers))
    finally:
        lane.app = counting.app
    assert counting.calls == 1
    assert status != 500


def test_a_client_out_of_budget_is_refused_by_the_lane_as_by_the_view(app):
    app.extensions["gcm"].budget.charge(client_key("192.0.2.7", _AGENT), 10_000)
    by_lane, by_view, passed_on = _through_lane_and_view(app, _environ("SELECT * { ?s <http://x/nothing> ?o }"))
    assert passed_on == 0 and by_lane[0] == by_view[0] == 429
    assert by_lane[1]["Retry-After"] == by_view[1]["Retry-After"] and by_lane[2] == by_view[2]


@pytest.mark.parametrize(("query", "kept"), [(LOOKUP, False), ("SELECT * { ?s ?p ?o . ?o ?q ?r }", True)])
def test_lane_answers_are_logged_and_only_non_lookups_are_kept(app, caplog, query, kept):
    """A lookup costs less to answer again than to keep, and unique ones would evict the costly answers the
    caches are for: its answer is neither replayed nor put in the result cache; other queries' answers are."""
    client = app.test_client()
    url = "/sparql?query=" + quote(query) + "&format=json"
    with caplog.at_level(logging.INFO, logger="gcm_graph.access"):
        first = client.get(url)
        again = client.get(url)
    lines = [r.getMessage() for r in caplog.records if r.name == "gcm_graph.access"]
    assert len(lines) == 2 and " 200 " in lines[0] and "rows=" in lines[0]
    assert lines[1].endswith("replayed") == kept
    assert first.get_data() == again.get_data() and first.headers["ETag"] == again.headers["ETag"]
    served = app.extensions["gcm"].builds.current
    assert (len(served.results._entries), len(served.answers._entries)) == ((1, 1) if kept else (0, 0))
