"""A running app follows `gcm-graph build`: the next request after the store link moves is answered from
the new build (new data, new ETag) without a restart; a failed build changes nothing; a request that
started on the old build finishes on it. The link is checked at most once per second, on an injected clock."""

from __future__ import annotations

import csv
import json
import re
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from flask import Flask

from gcm_graph import iris
from gcm_graph.settings import Settings
from gcm_graph.web import create_app
from gcm_graph.web.reloading import BuildFollower

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
FIRST = "000_6f2e4691c049779a.txt"
NEW_TITLE = "Retitled between two builds"


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def gcm_build(settings: Settings) -> subprocess.CompletedProcess[str]:
    """The real command, in its own process (as an operator runs it next to the server)."""
    return subprocess.run([sys.executable, "-m", "gcm_graph", "build", "--store", str(settings.store),
                           "--seeds", str(settings.seeds), "--jobs", "1"], capture_output=True, text=True,
                          timeout=300)


def edit_manifest(seeds: Path, old: str, new: str) -> None:
    manifest = seeds / "manifest.toml"
    text = manifest.read_text(encoding="utf-8")
    assert old in text
    manifest.write_text(text.replace(old, new, 1), encoding="utf-8")


def first_title_en(seeds: Path) -> str:
    match = re.search(r'title_en = "([^"]+)"', (seeds / "manifest.toml").read_text(encoding="utf-8"))
    assert match
    return match.group(1)


@pytest.fixture()
def settings(tmp_path: Path) -> Settings:
    shutil.copytree(SEEDS, tmp_path / "seeds")
    settings = replace(Settings(), store=tmp_path / "store", seeds=tmp_path / "seeds", query_workers=1)
    assert gcm_build(settings).returncode == 0
    return settings


@pytest.fixture()
def app_and_clock(settings: Settings):
    app = create_app(settings)
    state = app.extensions["gcm"]
    state.builds.close()
    clock = Clock()
    state.builds = BuildFollower(settings, clock=clock)
    yield app, clock
    state.builds.close()


def _title_query() -> str:
    report = iris.report("A/76/642")
    return f'SELECT ?t {{ <{report}> <http://purl.org/dc/terms/title> ?t FILTER(LANG(?t) = "en") }}'


def ask_title(app: Flask) -> tuple[str, str]:
    """The report's English title as the endpoint answers it (via the query workers), and the ETag."""
    response = app.test_client().get("/sparql", query_string={"query": _title_query()},
                                     headers={"Accept": "text/csv"})
    assert response.status_code == 200
    rows = list(csv.reader(response.get_data(as_text=True).splitlines()))
    assert len(rows) == 2
    return rows[1][0], response.headers["ETag"]


def served_build_id(settings: Settings) -> str:
    return json.loads((settings.store / "build.json").read_text(encoding="utf-8"))["build_id"]


def test_the_next_request_after_a_build_sees_the_new_build(settings, app_and_clock):
    app, clock = app_and_clock
    old_title = first_title_en(settings.seeds)
    old_build = served_build_id(settings)
    assert ask_title(app)[0] == old_title
    _, old_etag = ask_title(app)
    edit_manifest(settings.seeds, f'title_en = "{old_title}"', f'title_en = "{NEW_TITLE}"')
    result = gcm_build(settings)
    assert result.returncode == 0, result.stderr
    new_build = served_build_id(settings)
    assert new_build != old_build

    clock.now = 0.5  # within the second: the link is not looked at yet
    assert ask_title(app) == (old_title, old_etag)

    clock.now = 1.0
    title, etag = ask_title(app)
    assert title == NEW_TITLE
    assert etag != old_etag
    client = app.test_client()
    assert client.get("/healthz").get_json()["build"] == new_build
    conditional = client.get("/sparql", query_string={"query": _title_query()},
                             headers={"Accept": "text/csv", "If-None-Match": old_etag})
    assert conditional.status_code == 200
    document = client.get(f"/data/{iris.report('A/76/642').removeprefix(iris.ID_BASE)}.nt")
    assert NEW_TITLE in document.get_data(as_text=True)
    dumps = client.get("/dumps/").get_json()
    assert dumps["build"] == new_build
    with client.get(f"/dumps/{dumps['dumps'][0]['file']}") as dump:
        assert dump.status_code == 200
        assert dump.headers["ETag"].strip('"') == dumps["dumps"][0]["sha256"]


def test_a_failed_build_changes_nothing(settings, app_and_clock):
    app, clock = app_and_clock
    before = ask_title(app)
    served = app.extensions["gcm"].builds.current
    edit_manifest(settings.seeds, f'file = "{FIRST}"', 'file = "no-such-report.txt"')
    result = gcm_build(settings)
    assert result.returncode != 0
    clock.now = 5.0
    assert ask_title(app) == before
    assert app.extensions["gcm"].builds.current is served


def test_a_request_on_the_old_build_finishes_on_it(settings, app_and_clock):
    app, clock = app_and_clock
    builds = app.extensions["gcm"].builds
    old_title = first_title_en(settings.seeds)
    assert ask_title(app)[0] == old_title  # starts the old build's query workers
    in_flight = builds.enter()
    assert in_flight.backend._pool is not None
    edit_manifest(settings.seeds, f'title_en = "{old_title}"', f'title_en = "{NEW_TITLE}"')
    assert gcm_build(settings).returncode == 0
    clock.now = 1.0
    assert ask_title(app)[0] == NEW_TITLE
    assert in_flight.retired and builds.current is not in_flight
    assert in_flight.backend.select(_title_query()) == [{"t": old_title}]
    builds.leave(in_flight)
    assert in_flight.backend._pool is None  # its query workers are gone once its last request left
