"""Browser fixtures: Debian's chromium driven by Playwright (never `playwright install`), against the
real server (waitress, in a thread) on a free loopback port; screenshots go to tests/artifacts/."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from gcm_graph.settings import Settings

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session")
def page_server(sample_settings: Settings) -> Iterator[str]:
    from live import running_server

    with running_server(sample_settings) as url:
        yield url.rstrip("/")


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.skip("needs Debian's chromium at /usr/bin/chromium (apt-get install -y chromium)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS,
                                              headless=True)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser, page_server: str) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    outside: list[str] = []
    context.on("request", lambda request: None if request.url.startswith(page_server)
               or request.url.startswith("data:") else outside.append(request.url))
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    yield tab
    context.close()
    assert outside == [], f"pages requested outside URLs: {outside}"
    assert errors == [], f"JavaScript errors: {errors}"


@pytest.fixture
def shoot() -> Callable[..., Path]:
    """shoot(page, name, full_page=True): a screenshot saved as tests/artifacts/<name>.png."""

    def save(page: Page, name: str, full_page: bool = True) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=full_page)
        return path

    return save
