"""The pages in front of a remote SPARQL endpoint (native ``oxigraph serve-read-only`` loaded from the real
build's dump) show the same things as in front of the embedded store: pages use only backend.select."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from bs4 import BeautifulSoup
from flask.testing import FlaskClient

from gcm_graph.settings import Settings
from gcm_graph.web import create_app
from live import native_oxigraph

pytestmark = pytest.mark.slow

PAGES = ["/", "/objectives", "/actors", "/page/objective/13", "/page/country/THA", "/page/report/A-76-642",
         "/network", "/matrix", "/timeline", "/search?q=%E6%B3%B0%E5%9B%BD"]


@pytest.fixture(scope="module")
def clients(built_settings: Settings,
            tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[FlaskClient, FlaskClient]]:
    dump = built_settings.dumps_dir / "gcm-graph.nq.gz"
    with native_oxigraph(dump, tmp_path_factory.mktemp("remote")) as url:
        local = create_app(built_settings)
        remote = create_app(replace(built_settings, backend_url=url))
        yield local.test_client(), remote.test_client()
        local.extensions["gcm"].backend.close()


def links_and_text(client: FlaskClient, url: str) -> tuple[set[str], str]:
    response = client.get(url, headers={"Accept": "text/html"})
    assert response.status_code == 200, url
    soup = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    main = soup.find("main")
    # a space between elements: adjacent cells must not merge into one word that depends on the row order
    return {a["href"] for a in main.select("a[href]")}, " ".join(main.get_text(" ").split())


@pytest.mark.parametrize("url", PAGES)
def test_remote_pages_match_local_pages(clients: tuple[FlaskClient, FlaskClient], url: str) -> None:
    local, remote = (links_and_text(client, url) for client in clients)
    assert local[0] and remote[0] == local[0]
    assert sorted(remote[1].split()) == sorted(local[1].split())  # the same words, whatever the row order
