"""The pages on the real build of the four seeds; expectations come from the gold set (tests/gold/),
written by hand from the reports, not from the code under test."""

from __future__ import annotations

import csv
from pathlib import Path
from urllib.parse import quote

import pytest
from bs4 import BeautifulSoup
from flask.testing import FlaskClient

from gcm_graph.settings import Settings
from gcm_graph.web import create_app

GOLD = Path(__file__).parent / "gold" / "practices.tsv"



pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def client(built_settings: Settings) -> FlaskClient:
    return create_app(built_settings).test_client()


def soup_of(client: FlaskClient, url: str) -> BeautifulSoup:
    response = client.get(url, headers={"Accept": "text/html"})
    assert response.status_code == 200, url
    return BeautifulSoup(response.get_data(as_text=True), "html.parser")


def test_home_counts_four_reports_and_23_objectives(client: FlaskClient) -> None:
    home = soup_of(client, "/")
    stats = {dt.get_text(strip=True): dd.get_text(strip=True)
             for dt, dd in zip(home.select(".stats dt"), home.select(".stats dd"), strict=True)}
    assert stats["Reports"] == "4" and stats["Objectives"] == "23"
    assert int(stats["Practices"]) > 0 and int(stats["Paragraphs"]) > 100


@pytest.mark.parametrize("number", range(1, 24))
def test_every_objective_page_renders(client: FlaskClient, number: int) -> None:
    assert soup_of(client, f"/page/objective/{number}").h1.get_text(strip=True)


def test_the_three_click_journey_on_the_seeds(client: FlaskClient) -> None:
    """泰国 → Thailand → its objective 13 practice → A/76/642 ¶29 with 泰国 highlighted.

    Gold: A/76/642 ¶29, THA, objective 13."""
    found = soup_of(client, "/search?q=" + quote("泰国"))
    assert "/page/country/THA" in [a["href"] for a in found.select("ul.entities a")]
    thailand = soup_of(client, "/page/country/THA")
    group = next(g for g in thailand.select("section.group") if g.h3.a["href"] == "/page/objective/13")
    evidence = [a["href"] for a in group.select("a.evidence")]
    assert "/page/report/A-76-642#para-29" in evidence
    reader = soup_of(client, "/page/report/A-76-642")
    paragraph = reader.find(id="para-29")
    assert "泰国" in [a.get_text() for a in paragraph.select("a.mention[href='/page/country/THA']")]
    assert "/page/objective/13" in [a["href"] for a in paragraph.select("ul.unit-practices a.obj")]


def test_gold_practices_of_thailand_appear_on_its_page(client: FlaskClient) -> None:
    with GOLD.open(encoding="utf-8") as handle:
        gold = [row for row in csv.DictReader(handle, delimiter="\t") if "THA" in row["actors"].split(",")]
    page = soup_of(client, "/page/country/THA")
    shown = {a["href"] for a in page.select("a.evidence")}
    expected = {f"/page/report/{row['report'].replace('/', '-')}#para-{row['para']}" for row in gold
                if row["para"].isdigit()}
    assert len(expected & shown) >= len(expected) * 0.6, sorted(expected - shown)


@pytest.mark.parametrize("symbol", ["A-76-642", "ESCAP-GCM-2021-3", "A-72-643"])
def test_reports_render_with_contents_and_anchors(client: FlaskClient, symbol: str) -> None:
    page = soup_of(client, f"/page/report/{symbol}")
    assert page.select(".toc a") and len(page.select("div.unit[id]")) > 20
    anchors = [a["href"][1:] for a in page.select(".toc a")]
    assert all(page.find(id=anchor) is not None for anchor in anchors)


def test_visuals_on_the_seeds(client: FlaskClient) -> None:
    elements = client.get("/network.json").get_json()["elements"]
    assert sum(e["group"] == "nodes" for e in elements) > 10
    assert len(soup_of(client, "/matrix").select("table.matrix tbody tr")) > 5
    assert soup_of(client, "/timeline").select("table.timeline tbody tr")


def test_no_internal_link_is_broken(client: FlaskClient) -> None:
    """Follow every /page/ link from the home, the indexes and the visuals (breadth first, 300 pages)."""
    seen: set[str] = set()
    queue = ["/", "/objectives", "/actors", "/network", "/matrix", "/timeline"]
    broken: list[tuple[str, int]] = []
    while queue and len(seen) < 300:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url, headers={"Accept": "text/html"})
        if response.status_code not in (200, 303):
            broken.append((url, response.status_code))
            continue
        if response.status_code == 303 or response.mimetype != "text/html":
            continue
        for link in BeautifulSoup(response.get_data(as_text=True), "html.parser").select("a[href^='/page/']"):
            target = link["href"].split("#", 1)[0]
            if target not in seen:
                queue.append(target)
    assert broken == [] and len(seen) > 100


def test_every_footnote_marker_stands_where_the_report_printed_it(client: FlaskClient):
    """The reader places each unit's own markers: a note cited from several units (box 1's note d) must not
    show up at another unit's offset."""
    from document_fixtures import parsed
    from gcm_graph import iris
    from gcm_graph.units import iter_units

    report = iris.report("A/76/642")
    soup = soup_of(client, "/page/report/A-76-642")
    checked = set()
    for unit in iter_units(parsed("A/76/642"), report):
        refs = unit.unit.footnote_refs if unit.kind not in ("item", "footnote") else ()
        element = soup.find(id=unit.iri[len(report) + 1:].replace("/", "-").replace(".", "-"))
        if not refs or element is None:
            continue
        para = element.find("p", class_="para")
        shown, before = [], 0
        for node in para.find("a", class_="num").next_siblings:
            if getattr(node, "name", None) == "sup":
                shown.append((node.a.get_text(), before))
            else:
                before += len(node.get_text() if hasattr(node, "get_text") else str(node))
        assert shown == [(ref.label, ref.offset) for ref in refs], unit.iri
        checked.add(unit.iri)
    assert len(checked) >= 20 and {f"{report}/section/I.box1/text/{n}" for n in (5, 8)} <= checked
