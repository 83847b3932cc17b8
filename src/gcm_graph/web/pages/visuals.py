"""The visualisations: actor–objective network, country × objective matrix, timeline; each with a table
or CSV alternative and the SPARQL query behind it (read from queries/, so the SPARQL page has it too)."""

from __future__ import annotations

import csv
import io
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import networkx as nx
from flask import Response, abort, jsonify, render_template, request

from ... import network
from .. import state
from . import bp
from .catalog import MATRIX_QUERY, NETWORK_QUERY, TIMELINE_QUERY, NamedQuery, load_query
from .common import first_per, select
from .objective import group_practices, practices_query
from .sparql_text import iri


def named(name: str) -> NamedQuery:
    return load_query(state().settings.queries_dir, name)


def _int_arg(name: str, low: int, high: int) -> int | None:
    value = request.args.get(name, "")
    if not value:
        return None
    if not value.isdigit() or not low <= int(value) <= high:
        abort(400, f"parameter {name!r} must be an integer from {low} to {high}")
    return int(value)


@dataclass(frozen=True)
class NetworkFilters:
    report: str | None
    year: int | None
    kind: str | None
    objective: int | None


def network_filters() -> NetworkFilters:
    kind = request.args.get("kind") or None
    if kind is not None and kind not in network.KIND_ORDER:
        abort(400, f"parameter 'kind' must be one of {', '.join(network.KIND_ORDER)}")
    return NetworkFilters(report=request.args.get("report") or None, year=_int_arg("year", 1900, 2100),
                          kind=kind, objective=_int_arg("objective", 1, 23))


def network_view() -> tuple[list[network.Link], nx.Graph, dict[str, network.NodeMetrics]]:
    """All links (for the filter choices), the filtered graph and its metrics: one query."""
    links = network.links_from_rows(state().backend.select(named(NETWORK_QUERY).text))
    chosen = network_filters()
    graph = network.bipartite_graph(network.filter_links(
        links, report=chosen.report, year=chosen.year, kind=chosen.kind, objective=chosen.objective))
    return links, graph, network.node_metrics(graph)


@bp.route("/network")
def network_page() -> str:
    links, graph, metrics = network_view()
    reports = sorted({link.report for link in links})
    years = sorted({link.year for link in links if link.year is not None})
    return render_template("network.html", query=named(NETWORK_QUERY), filters=network_filters(),
                           reports=reports, years=years, table=network.metrics_table(graph, metrics)[:200],
                           args=request.args.to_dict())


@bp.route("/network.json")
def network_json() -> Response:
    _, graph, metrics = network_view()
    return jsonify({"elements": network.cytoscape_elements(graph, metrics)})


@bp.route("/network.csv")
def network_csv() -> Response:
    _, graph, metrics = network_view()
    return _csv(network.metrics_csv(graph, metrics), "gcm-network-metrics.csv")


def _csv(body: str, filename: str) -> Response:
    return Response(body, mimetype="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


@dataclass
class MatrixRow:
    """One country: practices per objective number (1..23)."""

    iri: str
    zh: str
    en: str
    cells: Counter[int] = field(default_factory=Counter)

    @property
    def total(self) -> int:
        return sum(self.cells.values())


def matrix_data() -> tuple[list[MatrixRow], int]:
    """Countries (most practices first) with a count per objective, and the largest count."""
    countries: dict[str, MatrixRow] = {}
    for row in state().backend.select(named(MATRIX_QUERY).text):
        country = countries.setdefault(
            row["country"], MatrixRow(row["country"], row.get("countryZh", ""), row.get("countryEn", "")))
        country.cells[int(row["objectiveNumber"])] += int(row["practices"])
    ordered = sorted(countries.values(), key=lambda country: (-country.total, country.en))
    peak = max((count for country in ordered for count in country.cells.values()), default=0)
    return ordered, peak


@bp.route("/matrix")
def matrix_page() -> str:
    countries, peak = matrix_data()
    return render_template("matrix.html", countries=countries, peak=peak, query=named(MATRIX_QUERY),
                           objectives=range(1, 24))


@bp.route("/matrix.csv")
def matrix_csv() -> Response:
    countries, _ = matrix_data()
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["iri", "label_zh", "label_en", *(f"objective_{n}" for n in range(1, 24))])
    for country in countries:
        writer.writerow([country.iri, country.zh, country.en, *(country.cells[n] for n in range(1, 24))])
    return _csv(buffer.getvalue(), "gcm-country-objective-matrix.csv")


@dataclass(frozen=True)
class YearRow:
    year: str  # "" when the reports state no year
    reports: list[tuple[str, int]]  # (report symbol, practices)

    @property
    def total(self) -> int:
        return sum(count for _, count in self.reports)


def timeline_data() -> list[YearRow]:
    """Years in order with practice counts per report; the undated bucket last."""
    years: dict[str, Counter[str]] = defaultdict(Counter)
    for row in state().backend.select(named(TIMELINE_QUERY).text):
        years[row.get("year", "")[:4]][row.get("identifier", "")] += int(row["practices"])
    return [YearRow(year, sorted(counts.items()))
            for year, counts in sorted(years.items(), key=lambda item: item[0] or "9999")]


@bp.route("/timeline")
def timeline_page() -> str:
    years = timeline_data()
    peak = max((year.total for year in years), default=0)
    return render_template("timeline.html", years=years, peak=peak, query=named(TIMELINE_QUERY))


@bp.route("/timeline.csv")
def timeline_csv() -> Response:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["year", "report", "practices"])
    for year in timeline_data():
        for report, count in year.reports:
            writer.writerow([year.year, report, count])
    return _csv(buffer.getvalue(), "gcm-practices-per-year.csv")


@bp.route("/practices")
def practices_page() -> str:
    """The practices of one actor under one objective: what a matrix cell opens."""
    conditions = []
    actor = request.args.get("actor", "")
    objective = _int_arg("objective", 1, 23)
    if actor:
        try:
            conditions.append(f"FILTER(?actor = {iri(actor)})")
        except ValueError:
            abort(400, "parameter 'actor' must be an IRI")
    if objective is not None:
        conditions.append(f'FILTER(STRENDS(STR(?objective), "/objective/{objective}"))')
    rows = select(practices_query("\n  ".join(conditions)))
    return render_template("practices.html", by_actor=group_practices(rows, "actor"),
                           count=len(first_per(rows, "practice")), actor=actor, objective=objective)
