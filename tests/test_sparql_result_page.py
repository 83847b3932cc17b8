"""A browser's GET of /sparql with a query (the no-JavaScript form, a shared link) gets the query page with
the answer as a table; every machine client still gets SPARQL results."""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import quote

import pytest
from bs4 import BeautifulSoup

from gcm_graph.settings import Settings
from gcm_graph.web import create_app

BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
SELECT = "SELECT ?d WHERE { ?d a <http://xmlns.com/foaf/0.1/Document> } ORDER BY ?d"


@pytest.fixture(scope="module")
def client(mini_settings: Settings):
    app = create_app(replace(mini_settings, max_rows=2))
    yield app.test_client()
    app.extensions["gcm"].builds.close()


def _page(client, query: str, accept: str = BROWSER, extra: str = ""):
    response = client.get("/sparql?query=" + quote(query) + extra, headers={"Accept": accept})
    return response, BeautifulSoup(response.get_data(as_text=True), "html.parser")


def test_a_browser_gets_the_answer_as_a_table_under_its_query(client):
    response, page = _page(client, SELECT + " LIMIT 1")
    assert response.status_code == 200 and response.mimetype == "text/html"
    assert page.select_one("textarea[name=query]").text == SELECT + " LIMIT 1"
    assert page.select_one("#yasgui")["data-query"] == SELECT + " LIMIT 1"
    assert [th.text for th in page.select("table.results th")] == ["?d"]
    (cell,) = page.select("table.results td a")
    assert cell.text == "http://kasei.us/2009/09/sparql/data/data1.rdf" and cell["href"] == cell.text


def test_a_cut_answer_says_so(client):
    _, page = _page(client, SELECT)
    assert len(page.select("table.results tbody tr")) == 2
    assert "only the first 2 rows" in page.select_one(".query-result").text


def test_our_own_iris_link_to_their_pages_and_literals_show_their_language(client):
    _, page = _page(client, 'SELECT ?s ?o { ?s ?p ?o FILTER(STRSTARTS(STR(?s), "https://w3id.org/gcm/id/") '
                            '&& LANG(?o) != "") }')
    links = [a["href"] for a in page.select("table.results td a")]
    assert links and all(href.startswith("/page/") for href in links)
    assert all(note.text.startswith("@") for note in page.select("table.results .term-note"))


@pytest.mark.parametrize("query, shown", [("ASK { ?s ?p ?o }", "true"), ("ASK { ?s <http://x/none> ?o }", "false")])
def test_ask_shows_its_answer(client, query: str, shown: str):
    _, page = _page(client, query)
    assert page.select_one(".ask-answer").text == shown


def test_construct_shows_triples(client):
    _, page = _page(client, "CONSTRUCT WHERE { ?s a <http://xmlns.com/foaf/0.1/Document> } ")
    assert [th.text for th in page.select("table.results th")] == ["?subject", "?predicate", "?object"]
    assert len(page.select("table.results tbody tr")) == 2


@pytest.mark.parametrize("query, status", [("SELECT * {", 400), ("DROP ALL", 403),
                                           ("SELECT * { SERVICE <http://127.0.0.1/> { ?s ?p ?o } }", 403)])
def test_refusals_are_shown_on_the_page_with_their_status(client, query: str, status: int):
    response, page = _page(client, query)
    assert response.status_code == status and response.mimetype == "text/html"
    assert page.select_one(".query-error").text and not page.select("table.results")


def test_the_query_is_escaped(client):
    hostile = 'SELECT * { ?s ?p "\\"><script>alert(1)</script>" }'
    response, page = _page(client, hostile)
    assert b"<script>alert(1)" not in response.data
    assert page.select_one("textarea[name=query]").text == hostile


@pytest.mark.parametrize("accept, extra, media", [
    ("*/*", "", "application/sparql-results+json"),
    ("application/sparql-results+xml", "", "application/sparql-results+xml"),
    (BROWSER, "&format=csv", "text/csv"),
    ("application/xml", "", "application/sparql-results+xml"),
])
def test_machines_still_get_results(client, accept: str, extra: str, media: str):
    response = client.get("/sparql?query=" + quote(SELECT) + extra, headers={"Accept": accept})
    assert response.status_code == 200 and response.mimetype == media
