"""The per-client budget of query seconds per minute: 429 + Retry-After once used up, per address +
User-Agent, refilled over the minute; cached answers are free; a timed-out query is charged what it ran.
Time is an injected clock, never a sleep (the timeout case waits for the real query_timeout only)."""

from __future__ import annotations

import importlib.util
from dataclasses import replace
from pathlib import Path
from urllib.parse import quote

import pytest
from click.testing import CliRunner

from gcm_graph.endpoint.budget import QueryBudget
from gcm_graph.endpoint.errors import BudgetExceeded
from gcm_graph.settings import Settings
from gcm_graph.web import create_app

ROOT = Path(__file__).resolve().parents[1]
CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { " + " ".join(f"?s{i} ?p{i} ?o{i} ." for i in range(8)) + " }"


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_client_over_its_budget_waits_exactly_until_it_is_back_under():
    clock = Clock()
    budget = QueryBudget(60.0, clock=clock)
    budget.charge("heavy", 45.0)
    budget.check("heavy")  # 45 of 60 used: still served
    budget.charge("heavy", 45.0)  # 90 used: 30 s over, refilled at 1 s per s
    with pytest.raises(BudgetExceeded) as refused:
        budget.check("heavy")
    assert refused.value.status == 429 and refused.value.retry_after == 30
    assert "query_budget" in str(refused.value)
    budget.check("light")
    clock.now += 29.5
    with pytest.raises(BudgetExceeded) as still:
        budget.check("heavy")
    assert still.value.retry_after == 1
    clock.now += 0.5
    budget.check("heavy")


def test_used_time_drains_at_the_budget_per_minute_and_never_below_zero():
    clock = Clock()
    budget = QueryBudget(6.0, clock=clock)  # 0.1 s back per second
    budget.charge("a", 6.5)
    clock.now += 3600  # an hour idle does not bank credit
    budget.charge("a", 6.5)
    with pytest.raises(BudgetExceeded) as refused:
        budget.check("a")
    assert refused.value.retry_after == 5


def test_no_budget_means_no_limit():
    budget = QueryBudget(0.0, clock=Clock())
    budget.charge("a", 10**9)
    budget.check("a")


@pytest.fixture()
def app_and_clock(mini_settings: Settings):
    app = create_app(mini_settings)
    clock = Clock()
    app.extensions["gcm"].budget = QueryBudget(1e-6, clock=clock)  # the first query uses it all
    yield app, clock
    app.extensions["gcm"].backend.close()


def ask(client, query: str, agent: str = "test-agent"):
    return client.get("/sparql?query=" + quote(query), headers={"Accept": "text/csv", "User-Agent": agent})


def test_the_endpoint_answers_429_with_retry_after_per_address_and_user_agent(app_and_clock):
    app, clock = app_and_clock
    client = app.test_client()
    first = "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"
    assert ask(client, first).status_code == 200
    refused = ask(client, "ASK { ?s ?p ?o }")
    assert refused.status_code == 429
    assert "query_budget" in refused.get_data(as_text=True)
    retry_after = int(refused.headers["Retry-After"])
    assert retry_after >= 1
    assert "Retry-After" in refused.headers["Access-Control-Expose-Headers"]
    assert ask(client, "ASK { ?s ?p ?o }", agent="another-agent").status_code == 200
    assert ask(client, first).status_code == 200  # a cached answer needs no worker and costs nothing
    clock.now += retry_after  # the exact second is checked on the budget itself, above
    assert ask(client, "ASK { ?s ?p ?o } # later").status_code == 200


def test_a_timed_out_query_is_charged_the_time_it_ran(mini_settings: Settings):
    app = create_app(replace(mini_settings, query_timeout=1.0, query_workers=1, query_budget=0.5))
    try:
        client = app.test_client()
        assert ask(client, CARTESIAN).status_code == 503
        assert ask(client, "ASK {}").status_code == 429
    finally:
        app.extensions["gcm"].backend.close()


def test_query_budget_reaches_the_settings_from_both_entry_points(monkeypatch):
    import gcm_graph.serve
    from gcm_graph.cli import main

    seen: list[Settings] = []
    monkeypatch.setattr(gcm_graph.serve, "run", lambda settings, *args, **kwargs: seen.append(settings))
    result = CliRunner().invoke(main, ["serve", "--query-budget", "12.5"])
    assert result.exit_code == 0, result.output
    spec = importlib.util.spec_from_file_location("server_entry", ROOT / "server.py")
    server = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(server)
    server.serve(["--query-budget", "0"], standalone_mode=False)
    assert [s.query_budget for s in seen] == [12.5, 0.0]
    assert Settings().query_budget == 60.0
