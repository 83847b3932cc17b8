"""``build.json``, read once at start-up: the build's identity (for ETags) and its statistics (for VoID)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from ..dumps import Dump


class BuildInfoError(ValueError):
    pass


@dataclass(frozen=True)
class BuildInfo:
    build_id: str
    finished: datetime
    counts: dict[str, int] = field(default_factory=dict)
    graphs: dict[str, int] = field(default_factory=dict)
    classes: dict[str, int] = field(default_factory=dict)
    dumps: tuple[Dump, ...] = ()

    @property
    def triples(self) -> int:
        return self.counts.get("triples", sum(self.graphs.values()))


def load_build_info(path: Path) -> BuildInfo | None:
    """The build description at ``path``; None when there is none (a remote backend, a bare store)."""
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        finished = datetime.fromisoformat(data["finished"])
        return BuildInfo(
            build_id=str(data["build_id"]),
            finished=finished if finished.tzinfo else finished.replace(tzinfo=UTC),
            counts={k: int(v) for k, v in data.get("counts", {}).items()},
            graphs={k: int(v) for k, v in data.get("graphs", {}).items()},
            classes={k: int(v) for k, v in data.get("classes", {}).items()},
            dumps=tuple(Dump(**{k: d[k] for k in Dump.__dataclass_fields__}) for d in data.get("dumps", [])),
        )
    except (KeyError, TypeError, ValueError) as error:
        raise BuildInfoError(f"{path}: not a valid build.json ({error!r})") from error
