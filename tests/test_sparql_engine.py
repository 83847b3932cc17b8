"""The query engine (endpoint/engine.py): which builds are held in memory, and that memory answers exactly what
the database on disk answers, in the web process and in a worker restarted after a timeout."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from pathlib import Path

import pyoxigraph
import pytest

from gcm_graph.backend import LocalBackend, open_backend
from gcm_graph.endpoint.build_info import load_build_info
from gcm_graph.endpoint.engine import NQUADS_DUMP, EngineSource, engine_source, open_engine
from gcm_graph.endpoint.errors import QueryTimeout
from gcm_graph.endpoint.execution import QueryJob
from gcm_graph.endpoint.negotiation import choose_formats
from gcm_graph.settings import Settings
from gcm_graph.web.pages.catalog import load_queries

LOCAL_QUERIES = [query for query in load_queries(Settings().queries_dir) if not query.federated]
CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def _source(settings: Settings) -> EngineSource:
    build = load_build_info(settings.build_info)
    return engine_source(settings.oxigraph_dir, settings.dumps_dir, build.triples if build else None,
                         settings.memory_triples)


def test_a_build_within_the_limit_is_held_in_memory(built_settings: Settings):
    assert _source(built_settings).nquads == built_settings.dumps_dir / NQUADS_DUMP
    assert isinstance(open_backend(built_settings), LocalBackend)


@pytest.mark.parametrize("why", ["over the limit", "limit 0", "no build.json", "no dump"])
def test_otherwise_the_database_on_disk_is_read(built_settings: Settings, tmp_path: Path, why: str):
    triples = load_build_info(built_settings.build_info).triples
    dumps_dir = tmp_path if why == "no dump" else built_settings.dumps_dir
    source = engine_source(built_settings.oxigraph_dir, dumps_dir, None if why == "no build.json" else triples,
                           {"over the limit": triples - 1, "limit 0": 0}.get(why, triples))
    assert source == EngineSource(built_settings.oxigraph_dir)


def _solutions(store: pyoxigraph.Store, query: str) -> Counter[tuple[str, ...]]:
    result = store.query(query, use_default_graph_as_union=True)
    return Counter(tuple(str(term) for term in row) for row in result)


@pytest.fixture(scope="module")
def engines(built_settings: Settings) -> tuple[pyoxigraph.Store, pyoxigraph.Store]:
    memory = open_engine(_source(built_settings))
    disk = open_engine(EngineSource(built_settings.oxigraph_dir))
    assert len(memory) == len(disk) > 50_000
    return memory, disk


@pytest.mark.parametrize("query", LOCAL_QUERIES, ids=lambda query: query.name)
def test_memory_answers_every_named_query_as_the_disk_does(engines, query):
    memory, disk = engines
    expected = _solutions(disk, query.text)
    assert expected, f"{query.name} answers nothing: the comparison would prove nothing"
    assert _solutions(memory, query.text) == expected


def test_memory_keeps_graphs_apart(engines):
    memory, disk = engines
    query = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
    assert _solutions(memory, query) == _solutions(disk, query)
    assert len(_solutions(memory, query)) >= 6


def test_a_worker_killed_at_the_timeout_comes_back_with_the_graph_in_memory(built_settings: Settings):
    backend = open_backend(replace(built_settings, query_workers=1))
    assert isinstance(backend, LocalBackend) and backend.source.nquads is not None
    formats = choose_formats("text/csv", None)
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    try:
        with pytest.raises(QueryTimeout):
            backend.execute(QueryJob(CARTESIAN, formats, 10), 1.0)
        rendered = backend.execute(QueryJob(count, formats, 10), 30.0)
    finally:
        backend.close()
    disk = open_engine(EngineSource(built_settings.oxigraph_dir)).query(count, use_default_graph_as_union=True)
    assert rendered.body == f"n\r\n{next(disk)['n'].value}\r\n".encode()
