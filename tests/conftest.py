"""Shared fixtures: the real seeds built once per test session (Datasette-style session fixtures)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from gcm_graph.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def built_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """Settings whose store holds a build of the real seeds (built once, shared read-only by all tests)."""
    from gcm_graph.build import build_store

    settings = replace(Settings(), store=tmp_path_factory.mktemp("built") / "store")
    build_store(settings, jobs=2)
    return settings


@pytest.fixture(scope="session")
def mini_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """Settings for a small store in the build layout (W3C protocol data + a few gcm resources)."""
    from mini_build import write_build

    return write_build(tmp_path_factory.mktemp("mini"))


@pytest.fixture(scope="session")
def live_server(mini_settings: Settings) -> Iterator[str]:
    """The app under waitress on a free loopback port, in a thread; yields its base URL (ending in '/')."""
    from live import running_server

    with running_server(mini_settings) as url:
        yield url


@pytest.fixture(scope="session")
def sample_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """Settings for the hand-written page sample (tests/sample_graph.py): two reports, practices, a meeting."""
    from sample_graph import write_sample_store

    return replace(Settings(), store=write_sample_store(tmp_path_factory.mktemp("sample") / "store"))
