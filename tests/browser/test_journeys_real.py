"""The main journey and the visuals on the real build of the seeds, in chromium; screenshots for review.
Facts checked come from the gold set (A/76/642 ¶29: Thailand, objective 13)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page

from gcm_graph.settings import Settings

Shoot = Callable[..., Path]

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def page_server(built_settings: Settings) -> Iterator[str]:
    """Overrides the sample server: these journeys run on the real build."""
    from live import running_server

    with running_server(built_settings) as url:
        yield url.rstrip("/")


def test_three_clicks_to_thailand_on_objective_13(page: Page, page_server: str, shoot: Shoot) -> None:
    page.goto(page_server + "/")
    shoot(page, "real-01-home")
    page.locator("main #q").fill("泰国")
    page.keyboard.press("Enter")
    page.locator("ul.entities a[href='/page/country/THA']").click()
    page.wait_for_url(re.compile(r"/page/country/THA$"))
    shoot(page, "real-02-thailand")
    group = page.locator("section.group", has=page.locator("h3 a[href='/page/objective/13']"))
    group.locator("a.evidence[href$='A-76-642#para-29']").click()
    page.wait_for_url(re.compile(r"/page/report/A-76-642#para-29$"))
    target = page.locator("#para-29")
    assert target.evaluate("node => node.matches(':target')")
    assert target.locator("a.mention[href='/page/country/THA']").first.inner_text() == "泰国"
    shoot(page, "real-03-reader-para-29", full_page=False)


def test_real_visuals(page: Page, page_server: str, shoot: Shoot) -> None:
    page.goto(page_server + "/network")
    page.wait_for_selector("#cy[data-nodes]")
    assert int(page.get_attribute("#cy", "data-nodes")) > 10
    shoot(page, "real-04-network", full_page=False)
    page.goto(page_server + "/matrix")
    assert page.locator("td.cell.hot").count() > 10
    shoot(page, "real-05-matrix")
    page.goto(page_server + "/timeline")
    shoot(page, "real-06-timeline")
    page.goto(page_server + "/page/objective/13?lang=zh")
    page.wait_for_selector("#network [data-nodes]")
    shoot(page, "real-07-objective-13-zh")
    page.goto(page_server + "/sparql?lang=en")
    page.wait_for_selector(".yasqe .CodeMirror")
    page.locator(".yasqe_queryButton").first.click()
    page.wait_for_selector(".yasr table tbody tr", timeout=20_000)
    shoot(page, "real-08-sparql", full_page=False)


def test_real_network_close_up(page: Page, page_server: str) -> None:
    page.goto(page_server + "/network")
    page.wait_for_selector("#cy[data-nodes]")
    artifact = Path(__file__).parents[1] / "artifacts" / "real-04b-network-canvas.png"
    page.locator("#cy").screenshot(path=str(artifact))
