"""Data flows one way (seeds -> document -> extract -> rdf -> store -> web); these rules keep it so."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "gcm_graph"

# layer -> the project modules it must never import (by dotted prefix under gcm_graph)
FORBIDDEN = {
    "document": ("extract", "rdf", "reference", "store", "build", "web", "backend", "endpoint", "seeds"),
    "extract": ("rdf", "store", "build", "web", "backend", "endpoint"),
    "rdf": ("store", "build", "web", "backend", "endpoint"),
    "reference": ("document", "extract", "store", "build", "web", "backend", "endpoint"),
    "web": ("document", "extract", "rdf", "store", "build", "seeds"),
    "endpoint": ("document", "extract", "rdf", "build", "web", "seeds"),
}
# only these may open an Oxigraph database (the writer, and the read-only query paths)
STORE_OPENERS = {"store.py", "backend.py", "endpoint"}


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = path.relative_to(PACKAGE).parent.parts
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = list(package[: len(package) - node.level + 1])
                target = ".".join([*base, node.module] if node.module else base)
                names = [target] if node.module else [f"{target}.{alias.name}".strip(".") for alias in node.names]
                found.update(names)
            elif node.module and node.module.startswith("gcm_graph"):
                found.add(node.module.removeprefix("gcm_graph").lstrip("."))
        elif isinstance(node, ast.Import):
            found.update(a.name.removeprefix("gcm_graph").lstrip(".") for a in node.names
                         if a.name.startswith("gcm_graph"))
    return {name.strip(".") for name in found}


@pytest.mark.parametrize("path", _modules(), ids=lambda path: str(path.relative_to(PACKAGE)))
def test_imports_point_upstream(path: Path):
    layer = path.relative_to(PACKAGE).parts[0].removesuffix(".py")
    for imported in _imports(path):
        top = imported.split(".")[0]
        assert top not in FORBIDDEN.get(layer, ()), f"{path.relative_to(PACKAGE)} imports {imported}"


@pytest.mark.parametrize("path", _modules(), ids=lambda path: str(path.relative_to(PACKAGE)))
def test_only_the_store_layer_opens_a_database(path: Path):
    if path.relative_to(PACKAGE).parts[0] in STORE_OPENERS:
        return
    source = path.read_text(encoding="utf-8")
    assert "Store(" not in source.replace("pyoxigraph.Store()", "") and "Store.read_only" not in source, (
        f"{path.relative_to(PACKAGE)} opens an Oxigraph store; go through store.py or backend.py")
