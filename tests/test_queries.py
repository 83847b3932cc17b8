"""The named queries in queries/*.rq: headers, syntax, and (on the real build) that each one answers."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph
import pytest

from gcm_graph.settings import Settings
from gcm_graph.web.pages.catalog import NamedQuery, QueryFileError, load_queries, parse_query

QUERIES = load_queries(Settings().queries_dir)
LOCAL = [query for query in QUERIES if not query.federated]


def test_at_least_fifteen_competency_questions_for_three_user_groups() -> None:
    assert len(QUERIES) >= 15
    assert len({query.title for query in QUERIES}) == len(QUERIES)
    assert {query.group for query in QUERIES} == {"policy teams", "researchers", "UN system"}


def test_federated_queries_are_marked_and_only_they_call_out() -> None:
    federated = [query for query in QUERIES if query.federated]
    assert [query.name for query in federated] == ["countries-in-wikidata"]
    for query in QUERIES:
        assert ("SERVICE" in query.text.upper()) == query.federated, query.name


@pytest.mark.parametrize("query", QUERIES, ids=lambda query: query.name)
def test_query_parses(query: NamedQuery) -> None:
    if query.federated:
        pytest.skip("federated: needs internet")
    result = pyoxigraph.Store().query(query.text, use_default_graph_as_union=True)
    assert isinstance(result, pyoxigraph.QuerySolutions)


@pytest.mark.parametrize("text, message", [
    ("SELECT * {}\n", r"bad\.rq:1: missing '# title: …'"),
    ("# title: x\nSELECT * {}\n", r"bad\.rq:1: missing '# description: …'"),
    ("# title:\n# description: y\n", r"missing '# title"),
    ("SELECT * {}\n# title: too late\n# description: y\n", r"missing '# title"),
])
def test_a_query_without_its_header_is_refused_with_its_file(text: str, message: str) -> None:
    with pytest.raises(QueryFileError, match=message):
        parse_query("queries/bad.rq", text)


def test_missing_directory_has_no_queries(tmp_path: Path) -> None:
    assert load_queries(tmp_path / "absent") == []



@pytest.mark.slow
@pytest.mark.parametrize("query", LOCAL, ids=lambda query: query.name)
def test_every_local_query_returns_rows_on_the_real_build(built_settings: Settings,
                                                         query: NamedQuery) -> None:
    from gcm_graph.backend import open_backend

    backend = open_backend(built_settings)
    try:
        rows = backend.select(query.text)
    finally:
        backend.close()
    assert rows, f"{query.name} returned no rows on the real seeds"
