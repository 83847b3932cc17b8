"""The actor–objective network: who works on which GCM objective, as a bipartite graph with metrics.

Pure: it takes the rows of one SPARQL query (``queries/actor-objective-network.rq``, one row per
practice × actor × objective) and returns a networkx graph, node metrics, and their JSON (Cytoscape.js
elements) and CSV forms. Filtering happens here, on the already-fetched links, so the network page costs
one query however the user slices it.

>>> rows = [
...     {"practice": "p1", "actor": "a/THA", "actorType": "https://w3id.org/gcm/ontology#Country",
...      "actorZh": "泰国", "actorEn": "Thailand", "objective": "o/13", "objectiveNumber": "13",
...      "objectiveZh": "目标13", "objectiveEn": "Objective 13", "report": "r1", "year": "2021"},
... ]
>>> graph = bipartite_graph(links_from_rows(rows))
>>> sorted(graph.nodes), graph["a/THA"]["o/13"]["weight"]
(['a/THA', 'o/13'], 1)
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import networkx as nx
from networkx.algorithms.community import greedy_modularity_communities

from .vocab import GCM_NS

#: rdf:type of an actor → the coarse kind the network filters on; the first matching kind wins
ACTOR_KINDS: dict[str, str] = {
    GCM_NS + "Country": "country",
    GCM_NS + "LocalAuthority": "local-authority",
    GCM_NS + "Person": "person",
    GCM_NS + "UNEntity": "organization",
    GCM_NS + "IntergovernmentalOrganization": "organization",
    GCM_NS + "NonGovernmentalOrganization": "organization",
    GCM_NS + "PrivateSectorBody": "organization",
    GCM_NS + "Organization": "organization",
}
KIND_ORDER = ("country", "organization", "local-authority", "person", "actor")


class NetworkRowError(ValueError):
    """A query row lacks a field the network needs (names the row index and the field)."""


@dataclass(frozen=True)
class Link:
    """One practice connecting one actor to one objective."""

    practice: str
    actor: str
    actor_kind: str
    actor_zh: str
    actor_en: str
    objective: str
    objective_number: int
    objective_zh: str
    objective_en: str
    report: str
    year: int | None


@dataclass(frozen=True)
class NodeMetrics:
    degree: int
    practices: int
    betweenness: float
    community: int


def actor_kind(type_iris: Iterable[str]) -> str:
    """The coarse kind of an actor from all its rdf:types ('actor' when none is known).

    >>> actor_kind([GCM_NS + "UNEntity", GCM_NS + "Actor"])
    'organization'
    """
    kinds = {ACTOR_KINDS[iri] for iri in type_iris if iri in ACTOR_KINDS}
    return next((kind for kind in KIND_ORDER if kind in kinds), "actor")


def links_from_rows(rows: Iterable[Mapping[str, str]]) -> list[Link]:
    """Rows of the network query → links; one actor with several types gives one link per practice."""
    types: dict[str, set[str]] = {}
    kept: dict[tuple[str, str, str], Mapping[str, str]] = {}
    for index, row in enumerate(rows):
        for name in ("practice", "actor", "objective", "objectiveNumber", "report"):
            if name not in row:
                raise NetworkRowError(f"network row {index}: missing field {name!r}")
        types.setdefault(row["actor"], set()).add(row.get("actorType", ""))
        kept.setdefault((row["practice"], row["actor"], row["objective"]), row)
    links = []
    for (practice, actor, objective), row in kept.items():
        year = row.get("year", "")
        links.append(Link(
            practice=practice, actor=actor, actor_kind=actor_kind(types[actor]),
            actor_zh=row.get("actorZh") or row.get("actorEn") or actor,
            actor_en=row.get("actorEn") or row.get("actorZh") or actor,
            objective=objective, objective_number=int(row["objectiveNumber"]),
            objective_zh=row.get("objectiveZh") or row["objectiveNumber"],
            objective_en=row.get("objectiveEn") or row["objectiveNumber"],
            report=row["report"], year=int(year[:4]) if year[:4].isdigit() else None,
        ))
    return links


def filter_links(
    links: Iterable[Link], *, report: str | None = None, year: int | None = None,
    kind: str | None = None, objective: int | None = None,
) -> list[Link]:
    """The links that match every given filter (None means any)."""
    return [
        link for link in links
        if (report is None or link.report == report)
        and (year is None or link.year == year)
        and (kind is None or link.actor_kind == kind)
        and (objective is None or link.objective_number == objective)
    ]


def bipartite_graph(links: Iterable[Link]) -> nx.Graph:
    """Actors (bipartite=0) and objectives (bipartite=1); edge weight = distinct practices linking them."""
    graph = nx.Graph()
    practices: dict[tuple[str, str], set[str]] = {}
    for link in links:
        graph.add_node(link.actor, bipartite=0, kind=link.actor_kind, zh=link.actor_zh, en=link.actor_en)
        graph.add_node(link.objective, bipartite=1, kind="objective", number=link.objective_number,
                       zh=link.objective_zh, en=link.objective_en)
        practices.setdefault((link.actor, link.objective), set()).add(link.practice)
    for (actor, objective), evidence in practices.items():
        graph.add_edge(actor, objective, weight=len(evidence))
    return graph


def node_metrics(graph: nx.Graph) -> dict[str, NodeMetrics]:
    """Degree (distinct neighbours), practices (weighted degree), betweenness, community number.

    Communities come from greedy modularity, which is deterministic, so the same graph gets the same
    colours on every page load; they are numbered largest first.
    """
    if graph.number_of_nodes() == 0:
        return {}
    betweenness = nx.betweenness_centrality(graph, normalized=True)
    community_of: dict[str, int] = {}
    if graph.number_of_edges():
        groups = greedy_modularity_communities(graph, weight="weight")
        for number, members in enumerate(sorted(groups, key=lambda group: (-len(group), min(group)))):
            community_of.update(dict.fromkeys(members, number))
    return {
        node: NodeMetrics(
            degree=graph.degree(node),
            practices=int(graph.degree(node, weight="weight")),
            betweenness=round(betweenness[node], 6),
            community=community_of.get(node, 0),
        )
        for node in graph.nodes
    }


def cytoscape_elements(graph: nx.Graph, metrics: Mapping[str, NodeMetrics]) -> list[dict[str, object]]:
    """Nodes and edges in Cytoscape.js's element JSON; node data carries both labels and the metrics."""
    nodes = [
        {"group": "nodes", "data": {
            "id": node, "kind": data["kind"], "zh": data["zh"], "en": data["en"],
            "degree": metrics[node].degree, "practices": metrics[node].practices,
            "betweenness": metrics[node].betweenness, "community": metrics[node].community,
        }}
        for node, data in sorted(graph.nodes(data=True))
    ]
    edges = [
        {"group": "edges", "data": {"id": f"{source} {target}", "source": source, "target": target,
                                    "weight": data["weight"]}}
        for source, target, data in sorted(_oriented_edges(graph))
    ]
    return nodes + edges


def metrics_table(graph: nx.Graph, metrics: Mapping[str, NodeMetrics]) -> list[dict[str, object]]:
    """One row per node, most connected first: the table alternative and the CSV body."""
    rows = [
        {"iri": node, "kind": data["kind"], "label_zh": data["zh"], "label_en": data["en"],
         "degree": metrics[node].degree, "practices": metrics[node].practices,
         "betweenness": metrics[node].betweenness, "community": metrics[node].community}
        for node, data in graph.nodes(data=True)
    ]
    return sorted(rows, key=lambda row: (-int(row["degree"]), -float(row["betweenness"]), str(row["iri"])))


def metrics_csv(graph: nx.Graph, metrics: Mapping[str, NodeMetrics]) -> str:
    """The metrics table as CSV (RFC 4180, header row)."""
    buffer = io.StringIO()
    fields = ["iri", "kind", "label_zh", "label_en", "degree", "practices", "betweenness", "community"]
    writer = csv.DictWriter(buffer, fieldnames=fields, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(metrics_table(graph, metrics))
    return buffer.getvalue()


def _oriented_edges(graph: nx.Graph) -> Iterable[tuple[str, str, dict[str, object]]]:
    """Edges as (actor, objective, data), whichever order networkx stored them in."""
    for first, second, data in graph.edges(data=True):
        yield (first, second, data) if graph.nodes[first]["bipartite"] == 0 else (second, first, data)
