"""The named queries in ``queries/*.rq``: the SPARQL page's tabs and the queries behind the visuals.

Each file starts with comment lines ``# title: …`` and ``# description: …`` (optionally
``# federated: true`` when it calls an outside endpoint, ``# group: …`` for the user group it serves).

>>> q = parse_query("x.rq", "# title: Practices\\n# description: All of them\\nSELECT * {}\\n")
>>> q.name, q.title, q.description, q.federated
('x', 'Practices', 'All of them', False)
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

#: the named queries the visualisations run (and show), by file name without .rq
NETWORK_QUERY = "actor-objective-network"
MATRIX_QUERY = "country-objective-matrix"
TIMELINE_QUERY = "practices-per-year"


class QueryFileError(ValueError):
    """A .rq file lacks its header (names the file and the line)."""


@dataclass(frozen=True)
class NamedQuery:
    name: str
    title: str
    description: str
    text: str
    federated: bool = False
    group: str = ""


def parse_query(filename: str, text: str) -> NamedQuery:
    fields: dict[str, str] = {}
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped.startswith("#"):
            break
        key, colon, value = stripped.lstrip("#").partition(":")
        if colon and key.strip() in ("title", "description", "federated", "group"):
            fields[key.strip()] = value.strip()
    for required in ("title", "description"):
        if not fields.get(required):
            raise QueryFileError(f"{filename}:1: missing '# {required}: …' header line")
    return NamedQuery(name=Path(filename).stem, title=fields["title"], description=fields["description"],
                      text=text, federated=fields.get("federated", "").lower() == "true",
                      group=fields.get("group", ""))


def load_queries(directory: Path) -> list[NamedQuery]:
    """Every .rq file of ``directory``, by file name; a missing directory gives no queries."""
    if not directory.is_dir():
        return []
    paths = sorted(directory.glob("*.rq"))
    return [parse_query(str(path), path.read_text(encoding="utf-8")) for path in paths]


def load_query(directory: Path, name: str) -> NamedQuery:
    path = directory / f"{name}.rq"
    return parse_query(str(path), path.read_text(encoding="utf-8"))
