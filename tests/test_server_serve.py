"""Starting the production server: ``server.py`` and ``gcm-graph serve`` print the URL and answer, and a
missing store is built first."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.request
from dataclasses import replace
from pathlib import Path

import pytest

from gcm_graph.serve import ensure_built
from gcm_graph.settings import Settings
from live import free_port, wait_until_up

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
@pytest.mark.parametrize("command", [[str(ROOT / "server.py")], ["-m", "gcm_graph", "serve"]],
                         ids=["server.py", "gcm-graph serve"])
def test_serve_prints_its_url_and_answers_queries(mini_settings: Settings, command: list[str]):
    port = free_port()
    arguments = ["--store", str(mini_settings.store), "--port", str(port), "--timeout", "5"]
    process = subprocess.Popen([sys.executable, *command, *arguments], stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, text=True)
    try:
        first_line = process.stdout.readline()
        assert f"http://127.0.0.1:{port}/" in first_line
        wait_until_up(f"http://127.0.0.1:{port}/healthz")
        request = urllib.request.Request(f"http://127.0.0.1:{port}/sparql", data=b"ASK { ?s ?p ?o }",
                                         headers={"Content-Type": "application/sparql-query",
                                                  "Accept": "text/csv"})
        with urllib.request.urlopen(request, timeout=30) as response:
            assert response.read().strip() == b"true"
    finally:
        process.terminate()
        process.wait(20)
        process.stdout.close()


def test_a_remote_backend_needs_no_local_store(tmp_path: Path):
    ensure_built(replace(Settings(), store=tmp_path / "none", backend_url="http://127.0.0.1:1/sparql"))
    assert not (tmp_path / "none").exists()


@pytest.mark.slow
def test_a_missing_store_is_built_before_serving(tmp_path: Path):
    settings = replace(Settings(), store=tmp_path / "store")
    ensure_built(settings)
    assert settings.oxigraph_dir.is_dir() and settings.build_info.is_file()


def _children(pid: int) -> set[int]:
    children = Path(f"/proc/{pid}/task/{pid}/children")
    return {int(p) for p in children.read_text().split()} if children.exists() else set()


@pytest.mark.slow
def test_several_web_processes_share_the_port_and_stop_with_the_parent(mini_settings: Settings):
    port = free_port()
    process = subprocess.Popen([sys.executable, str(ROOT / "server.py"), "--store", str(mini_settings.store),
                                "--port", str(port), "--processes", "2"], stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    try:
        wait_until_up(f"http://127.0.0.1:{port}/healthz")
        ask = f"http://127.0.0.1:{port}/sparql?query=ASK%7B%7D&format=csv"
        for _ in range(20):
            with urllib.request.urlopen(ask) as response:
                assert response.read().strip() == b"true"
        web_children = _children(process.pid)
        assert web_children  # the forked web process (and the query workers)
    finally:
        process.terminate()
        process.wait(20)
    deadline = time.monotonic() + 20
    while any(Path(f"/proc/{pid}").exists() and "Z" not in _state(pid) for pid in web_children):
        assert time.monotonic() < deadline, "a child of the server outlived it"
        time.sleep(0.1)


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except OSError:
        return "Z"


def test_serve_options_reach_the_settings(monkeypatch, tmp_path: Path):
    from click.testing import CliRunner

    import gcm_graph.serve
    from gcm_graph.cli import main

    seen = {}
    monkeypatch.setattr(gcm_graph.serve, "run", lambda settings, host, port, **kw: seen.update(settings=settings, **kw))
    result = CliRunner().invoke(main, ["serve", "--store", str(tmp_path), "--memory-triples", "0", "--workers", "3"])
    assert result.exit_code == 0, result.output
    assert (seen["settings"].memory_triples, seen["settings"].query_workers, seen["processes"]) == (0, 3, 2)
