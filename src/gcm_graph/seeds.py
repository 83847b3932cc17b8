"""Reading the seed corpus: ``manifest.toml`` plus one text file per report (the I/O edge of the build).

Adding a report to the corpus means adding its file and one ``[[report]]`` table. Everything that can be
wrong with the input is reported here, before anything is built, as a :class:`SeedError` that names the
file (and line, where the manifest is at fault), so a bad corpus never reaches, let alone replaces, a store.
"""

from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass
from pathlib import Path

MANIFEST = "manifest.toml"
_REQUIRED = ("file", "symbol", "title_zh", "title_en", "year", "language")
_OPTIONAL_STR = ("body", "type", "date", "meeting_place", "meeting_start", "meeting_end", "note")


class SeedError(ValueError):
    """The corpus cannot be read: the message names the file and, where it helps, the line."""


@dataclass(frozen=True)
class ReportMeta:
    """One manifest table: what the UN's records say about a report."""

    file: str
    symbol: str
    title_zh: str
    title_en: str
    year: int
    language: str
    session: int | None = None
    agenda_items: tuple[str, ...] = ()
    body: str | None = None
    type: str | None = None
    date: str | None = None
    meeting_place: str | None = None
    meeting_start: str | None = None
    meeting_end: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class SeedReport:
    meta: ReportMeta
    path: Path
    text: str
    sha256: str


def load_manifest(seeds_dir: Path) -> list[ReportMeta]:
    path = seeds_dir / MANIFEST
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SeedError(f"{path}: manifest not found") from None
    except UnicodeDecodeError as error:
        raise SeedError(f"{path}: not UTF-8 ({error.reason} at byte {error.start})") from None
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as error:
        raise SeedError(f"{path}: malformed TOML: {error}") from None
    tables = data.get("report")
    if not isinstance(tables, list) or not tables:
        raise SeedError(f"{path}: no [[report]] table")
    lines = _table_lines(raw)
    metas = [_meta(table, f"{path}:{lines[index] if index < len(lines) else '?'}")
             for index, table in enumerate(tables)]
    _check_unique(metas, path, lines)
    return metas


@dataclass(frozen=True)
class SeedSource:
    """A report file that has been checked (it exists, is UTF-8 text, not empty) but is not held in memory."""

    meta: ReportMeta
    path: Path
    sha256: str


def load_corpus(seeds_dir: Path) -> list[SeedReport]:
    """Every report of the manifest with its decoded text."""
    return [read_report(seeds_dir / meta.file, meta) for meta in load_manifest(seeds_dir)]


def check_corpus(seeds_dir: Path) -> list[SeedSource]:
    """Check every file of the manifest before anything is built, keeping only their checksums, so that a
    corpus of any size is checked in constant memory and a bad file stops the build before it starts."""
    return [
        SeedSource(meta, seed.path, seed.sha256)
        for meta in load_manifest(seeds_dir)
        for seed in (read_report(seeds_dir / meta.file, meta),)
    ]


def read_report(path: Path, meta: ReportMeta) -> SeedReport:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise SeedError(f"{path}: file named in {MANIFEST} (report {meta.symbol}) does not exist") from None
    if not data.strip():
        raise SeedError(f"{path}: empty file (report {meta.symbol})")
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise SeedError(f"{path}:{line}: binary content (NUL byte); expected UTF-8 text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        hint = " (looks like GBK/GB18030: convert it to UTF-8)" if _decodes_as_gbk(data) else ""
        raise SeedError(f"{path}:{line}: not UTF-8 ({error.reason} at byte {error.start}){hint}") from None
    text = text.removeprefix("\ufeff")
    return SeedReport(meta=meta, path=path, text=text, sha256=hashlib.sha256(data).hexdigest())


def _decodes_as_gbk(data: bytes) -> bool:
    try:
        data.decode("gb18030")
    except UnicodeDecodeError:
        return False
    return True


def _table_lines(raw: str) -> list[int]:
    return [number for number, line in enumerate(raw.splitlines(), 1) if line.strip() == "[[report]]"]


def _meta(table: object, where: str) -> ReportMeta:
    if not isinstance(table, dict):
        raise SeedError(f"{where}: [[report]] must be a table")
    missing = [key for key in _REQUIRED if key not in table]
    if missing:
        raise SeedError(f"{where}: [[report]] lacks {', '.join(missing)}")
    unknown = set(table) - set(_REQUIRED) - set(_OPTIONAL_STR) - {"session", "agenda_items"}
    if unknown:
        raise SeedError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    for key in ("file", "symbol", "title_zh", "title_en", "language", *_OPTIONAL_STR):
        if key in table and not (isinstance(table[key], str) and table[key].strip()):
            raise SeedError(f"{where}: {key} must be a non-empty string")
    for key in ("year", "session"):
        if key in table and not (isinstance(table[key], int) and not isinstance(table[key], bool)):
            raise SeedError(f"{where}: {key} must be an integer")
    agenda = table.get("agenda_items", [])
    if not (isinstance(agenda, list) and all(isinstance(item, str) for item in agenda)):
        raise SeedError(f"{where}: agenda_items must be a list of strings")
    if "/" in table["file"] or table["file"].startswith("."):
        raise SeedError(f"{where}: file must be a plain file name inside the seeds directory")
    return ReportMeta(
        file=table["file"], symbol=table["symbol"].strip(), title_zh=table["title_zh"],
        title_en=table["title_en"], year=table["year"], language=table["language"],
        session=table.get("session"), agenda_items=tuple(agenda),
        **{key: table.get(key) for key in _OPTIONAL_STR},
    )


def _check_unique(metas: list[ReportMeta], path: Path, lines: list[int]) -> None:
    seen: dict[str, int] = {}
    for index, meta in enumerate(metas):
        for key, value in (("symbol", meta.symbol), ("file", meta.file)):
            marker = f"{key}:{value}"
            if marker in seen:
                first = lines[seen[marker]] if seen[marker] < len(lines) else "?"
                here = lines[index] if index < len(lines) else "?"
                raise SeedError(f"{path}:{here}: {key} {value!r} already used by the report at line {first}")
            seen[marker] = index
