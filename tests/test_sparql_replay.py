"""The replay front (web/replay.py): a repeated /sparql GET is answered as first sent, without Flask, and
never when anything that decides the answer differs."""

from __future__ import annotations

import gzip
import json
import logging
import os
import shutil
from dataclasses import replace
from pathlib import Path
from urllib.parse import quote

import pytest

from gcm_graph.settings import Settings
from gcm_graph.store import swap
from gcm_graph.web import create_app

QUERY = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"
URL = "/sparql?query=" + quote(QUERY)
#: a conditional GET, which the query lane leaves to the Flask view (which dates and streams its answer); it
#: is stored all the same, and replayed to the next GET without the condition
VIA_VIEW = {"If-Modified-Since": "Sat, 01 Jan 2000 00:00:00 GMT"}


@pytest.fixture()
def app(mini_settings: Settings):
    app = create_app(mini_settings)
    yield app
    app.extensions["gcm"].builds.close()


def _fetch(client, url: str = URL, method: str = "GET", **headers) -> tuple[int, dict[str, str], bytes]:
    response = client.open(url, method=method, headers=headers)
    return response.status_code, dict(response.headers), response.get_data()


def _replays(caplog: pytest.LogCaptureFixture) -> int:
    return sum(" replayed" in r.getMessage() for r in caplog.records if r.name == "gcm_graph.access")


def test_a_repeated_get_is_replayed_with_the_same_status_headers_and_body(app, caplog):
    client = app.test_client()
    with caplog.at_level(logging.INFO, logger="gcm_graph.access"):
        first = _fetch(client, Accept="text/csv")
        assert _replays(caplog) == 0
        again = _fetch(client, Accept="text/csv")
        assert _replays(caplog) == 1
    assert first[0] == again[0] == 200 and first[2] == again[2] and first[2].startswith(b"g,n")
    for header in ("Content-Type", "ETag", "Last-Modified", "Vary", "Access-Control-Allow-Origin", "X-GCM-Rows"):
        assert first[1][header] == again[1][header], header
    assert again[1]["Content-Length"] == str(len(again[2]))


def test_anything_that_decides_the_answer_is_part_of_the_key(app, caplog):
    client = app.test_client()
    _fetch(client, Accept="text/csv")
    with caplog.at_level(logging.INFO, logger="gcm_graph.access"):
        as_json = _fetch(client, Accept="application/sparql-results+json")
        zipped = _fetch(client, Accept="text/csv", **{"Accept-Encoding": "gzip"})
        other_host = _fetch(client, Accept="text/csv", Host="elsewhere.example")
        posted = client.post("/sparql", data={"query": QUERY}, headers={"Accept": "text/csv"})
        assert _replays(caplog) == 0
    assert json.loads(as_json[2])["results"]["bindings"]
    assert posted.status_code == 200
    assert zipped[0] == 200 and other_host[0] == 200
    if zipped[1].get("Content-Encoding") == "gzip":
        assert gzip.decompress(zipped[2]).startswith(b"g,n")


def test_a_replay_is_not_dated_with_the_first_answer_s_date(app):
    client = app.test_client()
    first = _fetch(client, Accept="text/csv", **VIA_VIEW)
    again = _fetch(client, Accept="text/csv")
    assert "Date" in first[1]  # the view dates its answer (werkzeug's conditional handling)
    assert "Date" not in again[1]  # the HTTP server in front dates the replay when it is sent


def test_a_replay_answers_if_none_match_with_304(app):
    client = app.test_client()
    status, headers, _ = _fetch(client, Accept="text/csv")
    _fetch(client, Accept="text/csv")  # stored
    status, headers304, body = _fetch(client, Accept="text/csv", **{"If-None-Match": headers["ETag"]})
    assert status == 304 and body == b"" and headers304["ETag"] == headers["ETag"]
    status, _, body = _fetch(client, Accept="text/csv", **{"If-None-Match": '"not-it"'})
    assert status == 200 and body.startswith(b"g,n")


@pytest.mark.parametrize("url", ["/sparql?query=SELEC%20nothing", "/sparql?query=" + quote("DELETE WHERE {?s ?p ?o}")])
def test_refusals_are_never_replayed(app, caplog, url):
    client = app.test_client()
    with caplog.at_level(logging.INFO, logger="gcm_graph.access"):
        statuses = [_fetch(client, url)[0] for _ in range(3)]
    assert statuses[0] in (400, 403) and len(set(statuses)) == 1
    assert _replays(caplog) == 0


def test_an_unread_answer_is_not_stored(app, caplog):
    client = app.test_client()
    client.get(URL, headers={"Accept": "text/csv", **VIA_VIEW}, buffered=False).close()  # the client went away
    with caplog.at_level(logging.INFO, logger="gcm_graph.access"):
        _fetch(client, Accept="text/csv")
    assert _replays(caplog) == 0


def test_a_new_build_is_never_answered_from_the_old_one(mini_settings: Settings, tmp_path: Path, caplog):
    builds = tmp_path / "store.builds"
    first, second = builds / "one", builds / "two"
    shutil.copytree(os.path.realpath(mini_settings.store), first)
    shutil.copytree(first, second)
    info = json.loads((second / "build.json").read_text())
    (second / "build.json").write_text(json.dumps({**info, "build_id": "second-build"}))
    settings = replace(mini_settings, store=tmp_path / "store")
    swap(settings.store, first)
    app = create_app(settings)
    follower = app.extensions["gcm"].builds
    follower.interval = 0.0
    try:
        client = app.test_client()
        old = _fetch(client, Accept="text/csv")
        swap(settings.store, second)
        with caplog.at_level(logging.INFO, logger="gcm_graph.access"):
            new = _fetch(client, Accept="text/csv")
        assert _replays(caplog) == 0
        assert old[1]["ETag"] != new[1]["ETag"]
    finally:
        follower.close()
