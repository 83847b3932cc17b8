"""The actor–objective network (gcm_graph.network) on hand-made links whose metrics are known by hand."""

from __future__ import annotations

import csv
import io

import networkx as nx
import pytest

from gcm_graph import network
from gcm_graph.vocab import GCM_NS

OBJ = "https://w3id.org/gcm/id/objective/"


def row(practice: str, actor: str, objective: int, *, kind: str = "Country", year: str = "2021",
        report: str = "r1") -> dict[str, str]:
    return {"practice": practice, "actor": actor, "actorType": GCM_NS + kind, "actorEn": actor.upper(),
            "actorZh": actor, "objective": f"{OBJ}{objective}", "objectiveNumber": str(objective),
            "report": report, "year": year}


# a path A – 13 – B – 5 plus an unconnected pair C – 6 (an organization, undated, other report)
ROWS = [row("p1", "a", 13), row("p2", "b", 13, year="2020"), row("p3", "b", 5), row("p4", "b", 5),
        row("p5", "c", 6, kind="UNEntity", year="", report="r2")]


def test_edges_weigh_distinct_practices() -> None:
    graph = network.bipartite_graph(network.links_from_rows(ROWS + [row("p3", "b", 5)]))  # p3 repeated
    assert graph["b"][f"{OBJ}5"]["weight"] == 2
    assert nx.is_bipartite(graph)
    assert {n for n, d in graph.nodes(data=True) if d["bipartite"] == 1} == {f"{OBJ}13", f"{OBJ}5", f"{OBJ}6"}


def test_metrics_on_a_path() -> None:
    graph = network.bipartite_graph(network.links_from_rows(ROWS))
    metrics = network.node_metrics(graph)
    # on the path a–13–b–5, node 13 lies on the shortest paths a–b and a–5, and b on a–5 and 13–5;
    # networkx normalises by the (n-1)(n-2)/2 pairs not involving the node, n = 6 nodes in all
    pairs = (6 - 1) * (6 - 2) / 2
    assert metrics[f"{OBJ}13"].betweenness == pytest.approx(2 / pairs)
    assert metrics["b"].betweenness == pytest.approx(2 / pairs)
    assert metrics["a"].betweenness == 0
    assert (metrics["b"].degree, metrics["b"].practices) == (2, 3)
    assert metrics["c"].community == metrics[f"{OBJ}6"].community
    assert metrics["c"].community != metrics["a"].community


def test_filters() -> None:
    links = network.links_from_rows(ROWS)
    assert {link.practice for link in network.filter_links(links, year=2020)} == {"p2"}
    assert {link.actor for link in network.filter_links(links, kind="organization")} == {"c"}
    assert {link.practice for link in network.filter_links(links, report="r2")} == {"p5"}
    assert {link.practice for link in network.filter_links(links, objective=5)} == {"p3", "p4"}
    assert network.filter_links(links, year=1999) == []
    assert [link.year for link in links if link.practice == "p5"] == [None]


def test_actor_kind_prefers_the_most_specific_known_type() -> None:
    rows = [row("p1", "x", 1, kind="Actor"), row("p1", "x", 1, kind="LocalAuthority")]
    assert [link.actor_kind for link in network.links_from_rows(rows)] == ["local-authority"]
    assert network.actor_kind([]) == "actor"


def test_cytoscape_elements_and_csv_describe_the_same_graph() -> None:
    graph = network.bipartite_graph(network.links_from_rows(ROWS))
    metrics = network.node_metrics(graph)
    elements = network.cytoscape_elements(graph, metrics)
    nodes = [e["data"] for e in elements if e["group"] == "nodes"]
    edges = [e["data"] for e in elements if e["group"] == "edges"]
    assert len(nodes) == graph.number_of_nodes() and len(edges) == graph.number_of_edges()
    assert all(not edge["source"].startswith(OBJ) and edge["target"].startswith(OBJ) for edge in edges)
    table = list(csv.DictReader(io.StringIO(network.metrics_csv(graph, metrics))))
    assert {r["iri"] for r in table[:2]} == {"b", f"{OBJ}13"}  # degree 2, betweenness 0.2: the hubs
    assert {r["iri"]: int(r["degree"]) for r in table} == dict(graph.degree())


def test_empty_input_gives_an_empty_network() -> None:
    graph = network.bipartite_graph([])
    assert network.node_metrics(graph) == {} and network.cytoscape_elements(graph, {}) == []
    assert network.metrics_csv(graph, {}).splitlines() == [
        "iri,kind,label_zh,label_en,degree,practices,betweenness,community"]


@pytest.mark.parametrize("missing", ["practice", "actor", "objective", "objectiveNumber", "report"])
def test_rows_missing_a_field_are_named(missing: str) -> None:
    bad = {key: value for key, value in row("p1", "a", 13).items() if key != missing}
    with pytest.raises(network.NetworkRowError, match=f"row 1: missing field '{missing}'"):
        network.links_from_rows([row("p0", "a", 13), bad])
