"""Every page route through Flask's test client, on the hand-written sample graph (tests/sample_graph.py).

Expected values come from the sample's own facts (who did what in which paragraph), never from the page
code under test.
"""

from __future__ import annotations

import csv
import io
import re
from urllib.parse import quote

import pytest
from bs4 import BeautifulSoup
from flask.testing import FlaskClient

from gcm_graph.settings import Settings
from gcm_graph.web import create_app
from sample_graph import COUNTRIES, OBJECTIVES, PARA_29

THA = "https://w3id.org/gcm/id/country/THA"
HTML_PAGES = [
    "/", "/search?q=泰国", "/objectives", "/actors", "/page/objective/13", "/page/country/THA",
    "/page/org/iom", "/page/report/A-76-642", "/page/report/ESCAP-GCM-2021-3",
    "/page/event/asia-pacific-regional-review-2021", "/network", "/matrix", "/timeline",
    f"/practices?actor={quote(THA)}&objective=13", "/sparql",
]


@pytest.fixture(scope="module")
def client(sample_settings: Settings) -> FlaskClient:
    return create_app(sample_settings).test_client()


def page(client: FlaskClient, url: str, **headers: str) -> BeautifulSoup:
    response = client.get(url, headers={"Accept": "text/html", **headers})
    assert response.status_code == 200, (url, response.status_code)
    assert response.mimetype == "text/html"
    return BeautifulSoup(response.get_data(as_text=True), "html.parser")


@pytest.mark.parametrize("url", HTML_PAGES)
def test_every_page_is_valid_self_contained_html(client: FlaskClient, url: str) -> None:
    soup = page(client, url)
    assert soup.find("main") is not None and soup.find("h1") is not None
    assert soup.html is not None and soup.html.get("lang") in ("en", "zh-Hans")
    for tag in soup.find_all(["script", "link", "img"]):
        source = tag.get("src") or tag.get("href") or ""
        assert not source.startswith(("http:", "https:", "//")), f"{url} loads {source}"
    for tag in soup.find_all(True):
        assert not any(name.startswith("on") for name in tag.attrs), f"{url}: inline handler on <{tag.name}>"
    assert all(not script.string for script in soup.find_all("script")), f"{url}: inline script"
    assert len(soup.find_all("h1")) == 1, f"{url}: one h1"
    for control in soup.select("input:not([type=hidden]), select, textarea"):
        labelled = (control.find_parent("label") is not None or control.get("aria-label")
                    or (control.get("id") and soup.find("label", attrs={"for": control["id"]})))
        assert labelled, f"{url}: unlabelled <{control.name} name={control.get('name')}>"


def test_home_counts_the_sample(client: FlaskClient) -> None:
    soup = page(client, "/")
    stats = {dt.get_text(strip=True): dd.get_text(strip=True)
             for dt, dd in zip(soup.select(".stats dt"), soup.select(".stats dd"), strict=True)}
    assert stats["Reports"] == "2"
    assert stats["Paragraphs"] == "3"
    assert stats["Practices"] == "5"
    assert stats["Objectives"] == str(len(OBJECTIVES))
    assert stats["Actors"] == str(len(COUNTRIES) + 1)  # three countries and IOM are mentioned
    assert soup.find("form", role="search").find("input", attrs={"name": "q"}) is not None


def test_search_in_chinese_and_english_finds_thailand_and_its_paragraphs(client: FlaskClient) -> None:
    for query in ("泰国", "thailand", "THA"):
        soup = page(client, "/search?q=" + quote(query))
        links = [a["href"] for a in soup.select("ul.entities a")]
        assert "/page/country/THA" in links, query
    paragraphs = [a["href"] for a in page(client, "/search?q=泰国").select("ul.paragraphs a")]
    assert "/page/report/A-76-642#para-29" in paragraphs and "/page/report/A-76-642#para-62" in paragraphs


def test_search_finds_objectives_by_number(client: FlaskClient) -> None:
    for query in ("13", "目标13", "objective 13"):
        links = [a["href"] for a in page(client, "/search?q=" + quote(query)).select("ul.entities a")]
        assert links[0] == "/page/objective/13", query


@pytest.mark.parametrize("hostile", ['"', "\\", '"} ; DROP ALL', "}}} UNION { ?s ?p ?o", "\n\t", "'" * 300,
                                     "%"])
def test_search_survives_hostile_text(client: FlaskClient, hostile: str) -> None:
    soup = page(client, "/search?q=" + quote(hostile))
    assert soup.select("ul.entities a") == []


def test_objective_page_groups_practices_by_actor_and_year(client: FlaskClient) -> None:
    soup = page(client, "/page/objective/13")
    assert OBJECTIVES[13][0] in soup.h1.get_text()
    assert OBJECTIVES[13][1] in soup.select_one(".subtitle").get_text()
    groups = {group.h3.a["href"]: group for group in soup.select("#practices section.group")}
    assert set(groups) == {"/page/country/THA", "/page/country/BEL", "/page/country/MEX"}
    thailand = groups["/page/country/THA"]
    assert [h.get_text() for h in thailand.select("h4.year")] == ["2021"]
    assert thailand.select_one("a.evidence")["href"] == "/page/report/A-76-642#para-29"
    assert [h.get_text() for h in groups["/page/country/MEX"].select("h4.year")] == ["2020"]
    assert "/page/report/A-76-642#para-29" in [a["href"] for a in soup.select("#paragraphs a")]
    assert soup.select_one("#network [data-network]")["data-network"] == "/network.json?objective=13"


def test_objective_page_lists_co_occurring_objectives(client: FlaskClient) -> None:
    # paragraph 29 is about objectives 13 and 5 (paragraph level); no unit joins 13 with 6
    related = page(client, "/page/objective/13").select("#related li")
    assert [li.a["href"] for li in related] == ["/page/objective/5"]
    assert related[0].select_one(".count").get_text() == "1"
    assert [a["href"] for a in page(client, "/page/objective/6").select("#related a")] == []
    response = client.get("/page/objective/99")
    assert response.status_code == 404 and "Not found" in response.get_data(as_text=True)


def test_actor_page_has_practices_mentions_events_codes(client: FlaskClient) -> None:
    soup = page(client, "/page/country/THA")
    assert "泰国" in soup.h1.get_text() and "Thailand" in soup.h1.get_text()
    objectives = [group.h3.a["href"] for group in soup.select("section.group")]
    assert sorted(objectives) == ["/page/objective/13", "/page/objective/5"]
    assert [mark.get_text() for mark in soup.select("ul.paragraphs mark")] == ["泰国"] * 3
    mention_links = {a["href"] for a in soup.select("ul.paragraphs a")}
    assert mention_links == {"/page/report/A-76-642#para-29", "/page/report/A-76-642#para-62",
                             "/page/report/ESCAP-GCM-2021-3#para-3"}
    events = [a["href"] for a in soup.select("ul.events a")]
    assert events == ["/page/event/asia-pacific-regional-review-2021"]
    codes = dict(zip([dt.get_text() for dt in soup.select("dl.codes dt")],
                     [dd.get_text() for dd in soup.select("dl.codes dd")], strict=True))
    assert (codes["ISO 3166-1 alpha-3"], codes["UN M49"], codes["ISO 3166-1 alpha-2"]) == ("THA", "764", "TH")
    links = [a["href"] for a in soup.select("ul.links a")]
    assert "http://publications.europa.eu/resource/authority/country/THA" in links
    assert any("wikidata.org" in link and "P298" in link and "THA" in link for link in links)


def test_unknown_actor_is_404(client: FlaskClient) -> None:
    assert client.get("/page/country/XXX").status_code == 404
    assert client.get("/page/country/%3Cscript%3E").status_code == 404


def test_reader_highlights_mentions_and_shows_practices_and_footnotes(client: FlaskClient) -> None:
    soup = page(client, "/page/report/A-76-642")
    paragraph = soup.find(id="para-29")
    assert paragraph is not None
    popover = paragraph.select_one("sup.fn .fn-pop").extract()
    assert "iom.int" in popover.get_text()
    assert paragraph.select_one("p.para").get_text().endswith(PARA_29[-10:] + "12")  # text, then marker 12
    mentions = {a.get_text(): a["href"] for a in paragraph.select("a.mention")}
    assert mentions == {"泰国": "/page/country/THA", "比利时": "/page/country/BEL",
                        "墨西哥": "/page/country/MEX"}
    assert paragraph.select_one("a.mention[href='/page/country/THA']")["title"] == "Thailand"
    assert paragraph.select_one("#para-29-fn-12").get_text(" ", strip=True).startswith("12")
    practices = paragraph.select("ul.unit-practices li")
    assert len(practices) == 3
    assert {li.select_one("a.obj")["href"] for li in practices} == {"/page/objective/13"}
    assert [a["href"] for a in soup.select(".toc a")] == ["#section-II"]
    assert soup.find(id="section-II") is not None


def test_text_unit_iris_redirect_to_the_reader_anchor(client: FlaskClient) -> None:
    response = client.get("/page/report/A-76-642/para/29")
    assert response.status_code == 303
    assert response.headers["Location"].endswith("/page/report/A-76-642#para-29")
    response = client.get("/page/report/ESCAP-GCM-2021-3/annex/II/para/1")
    assert response.headers["Location"].endswith("/page/report/ESCAP-GCM-2021-3#annex-II-para-1")
    response = client.get("/page/report/A-76-642/section/II")
    assert response.headers["Location"].endswith("/page/report/A-76-642#section-II")
    assert page(client, "/page/report/A-76-642").find(id="section-II") is not None


def test_generic_resource_page_lists_triples_both_ways(client: FlaskClient) -> None:
    soup = page(client, "/page/event/asia-pacific-regional-review-2021")
    predicates = [th.get_text() for th in soup.select("table.triples th")]
    assert "gcm:attendee" in predicates and "dcterms:title" in predicates
    assert "/page/country/THA" in [a["href"] for a in soup.select("table.triples a")]
    assert client.get("/page/event/nothing-like-this").status_code == 404
    assert client.get('/page/x"y').status_code == 404


def test_network_json_and_csv_agree_and_filters_change_them(client: FlaskClient) -> None:
    elements = client.get("/network.json").get_json()["elements"]
    nodes = {e["data"]["id"]: e["data"] for e in elements if e["group"] == "nodes"}
    edges = [e["data"] for e in elements if e["group"] == "edges"]
    # sample: THA–13, THA–5, BEL–13, MEX–13, IOM–6
    assert len(nodes) == 4 + 3 and len(edges) == 5
    assert nodes[THA]["degree"] == 2 and nodes["https://w3id.org/gcm/id/objective/13"]["degree"] == 3
    rows = list(csv.DictReader(io.StringIO(client.get("/network.csv").get_data(as_text=True))))
    assert {row["iri"] for row in rows} == set(nodes)
    filtered = client.get("/network.json?kind=organization").get_json()["elements"]
    assert {e["data"]["id"] for e in filtered if e["group"] == "nodes"} == {
        "https://w3id.org/gcm/id/org/iom", "https://w3id.org/gcm/id/objective/6"}
    by_year = client.get("/network.json?year=2020").get_json()["elements"]
    assert len([e for e in by_year if e["group"] == "edges"]) == 2  # MEX–13 and THA–5
    assert client.get("/network.json?year=abc").status_code == 400
    assert client.get("/network.json?kind=alien").status_code == 400


def test_matrix_cells_open_their_practices(client: FlaskClient) -> None:
    soup = page(client, "/matrix")
    rows = {tr.th.a["href"]: tr for tr in soup.select("table.matrix tbody tr")}
    assert set(rows) == {"/page/country/THA", "/page/country/BEL", "/page/country/MEX"}
    cells = rows["/page/country/THA"].select("td.cell")
    assert [cell.get_text(strip=True) for cell in cells][4] == "1" and cells[12].get_text(strip=True) == "1"
    target = cells[12].a["href"]
    practices = page(client, target)
    assert [a["href"] for a in practices.select("a.evidence")] == ["/page/report/A-76-642#para-29"]
    table = list(csv.reader(io.StringIO(client.get("/matrix.csv").get_data(as_text=True))))
    assert table[0][:3] == ["iri", "label_zh", "label_en"] and len(table) == 1 + 3


def test_timeline_counts_practices_per_year(client: FlaskClient) -> None:
    rows = list(csv.DictReader(io.StringIO(client.get("/timeline.csv").get_data(as_text=True))))
    totals: dict[str, int] = {}
    for row in rows:
        totals[row["year"]] = totals.get(row["year"], 0) + int(row["practices"])
    assert totals == {"2020": 2, "2021": 3}
    soup = page(client, "/timeline")
    assert [th.get_text() for th in soup.select("table.timeline tbody th")] == ["2020", "2021"]
    assert "SELECT" in soup.select_one("details.query pre").get_text()


def test_practices_rejects_a_non_iri_actor(client: FlaskClient) -> None:
    assert client.get("/practices?actor=%3Cx%3E").status_code == 400
    assert client.get("/practices?objective=24").status_code == 400


def test_language_switch_is_remembered_in_a_cookie(client: FlaskClient) -> None:
    soup = page(client, "/objectives?lang=zh")
    assert soup.html["lang"] == "zh-Hans" and soup.h1.get_text() == "目标"
    cookie = client.get_cookie("lang")
    assert cookie is not None and cookie.value == "zh"
    soup = page(client, "/page/country/THA")
    assert soup.html["lang"] == "zh-Hans"
    label = soup.select_one("section.group h3 a[href='/page/objective/13'] span")
    assert (label["lang"], label.get_text(), label["title"]) == ("zh", *OBJECTIVES[13])
    page(client, "/?lang=en")
    assert page(client, "/objectives").h1.get_text() == "Objectives"


def test_sparql_page_lists_every_named_query(client: FlaskClient, sample_settings: Settings) -> None:
    soup = page(client, "/sparql")
    names = [li["data-name"] for li in soup.select("#named-queries > li")]
    assert names == sorted(path.stem for path in sample_settings.queries_dir.glob("*.rq"))
    assert soup.select_one("#yasgui")["data-endpoint"] == "/sparql"
    assert soup.find("script", src=re.compile(r"vendor/yasgui/yasgui\.min\.js$")) is not None


def test_objective_page_since_a_year(client: FlaskClient) -> None:
    soup = page(client, "/page/objective/13?since=2021")
    assert {group.h3.a["href"] for group in soup.select("#practices section.group")} == {
        "/page/country/THA", "/page/country/BEL"}  # Mexico's practice is from 2020
    assert soup.select_one("select[name=since] option[selected]")["value"] == "2021"
    unfiltered = page(client, "/page/objective/13?since=1066")  # not a year with practices: no filter
    assert len(unfiltered.select("#practices section.group")) == 3


@pytest.mark.parametrize("path, final", [
    ("country/THA", "/page/country/THA"),
    ("objective/13", "/page/objective/13"),
    ("report/A-76-642", "/page/report/A-76-642"),
    ("report/A-76-642/para/29", "/page/report/A-76-642#para-29"),
    ("event/asia-pacific-regional-review-2021", "/page/event/asia-pacific-regional-review-2021"),
])
def test_browsers_dereferencing_an_iri_land_on_its_page(client: FlaskClient, path: str, final: str) -> None:
    location = f"/id/{path}"
    for _ in range(3):
        response = client.get(location, headers={"Accept": "text/html"})
        if response.status_code != 303:
            break
        location = response.headers["Location"].removeprefix("http://localhost")
    assert response.status_code == 200
    assert location == final
