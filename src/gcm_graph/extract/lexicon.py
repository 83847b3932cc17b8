"""Longest-match lookup of every reference surface form in one left-to-right pass over a text.

Chinese has no spaces, so a name is found by position, and the longest name that starts at a position wins:
印度尼西亚 (not 印度), 南苏丹 (not 苏丹), 刚果民主共和国 (not 刚果), 中国香港 (not 中国).
A character trie walks
each position only as far as some surface continues, which keeps the pass linear in practice and avoids a
compiled dependency. Latin surfaces (IOM, KT) must stand alone: "IOM" inside "BIOMASS" is no match.

Some strings contain a name but are not one (发展中国家 "developing countries" contains 中国); they are
entered as *blockers* that win the longest match and yield nothing.

>>> lexicon = Lexicon.build([Entry("印度", "c/IND", "country"), Entry("印度尼西亚", "c/IDN", "country"),
...                          Entry("IOM", "o/IOM", "org")])
>>> [(m.start, m.end, m.entry.iri) for m in lexicon.scan("印度尼西亚和印度；BIOMASS 与 IOM")]
[(0, 5, 'c/IDN'), (6, 8, 'c/IND'), (19, 22, 'o/IOM')]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .. import iris
from ..reference import load_surfaces
from ..reference.tables import read_table, split_list
from ..settings import PROJECT_ROOT
from .model import Named

LOCAL_AUTHORITIES = PROJECT_ROOT / "ontology" / "vocab" / "local-authorities.tsv"

#: strings that contain an entity name without naming it; each entry says why it is here
BLOCKERS: tuple[tuple[str, str], ...] = (
    ("发展中国家", "developing countries: contains 中国"),
    ("发展中国", "developing countries (truncated at a line end): contains 中国"),
    ("其中国", "'among them, the state/international…': contains 中国"),
    ("中国际", "…中 followed by 国际 (其中国际移民): contains 中国"),
    ("欧美国家", "European and American countries: contains 美国"),
    ("印度洋", "the Indian Ocean, a region, not India"),
    ("可持续发展目标", "the SDGs: contains the guiding principle 可持续发展"),
    ("可持续发展议程", "the 2030 Agenda: contains the guiding principle 可持续发展"),
    ("可持续发展问题", "'on sustainable development' in forum names: contains the principle 可持续发展"),
    ("加纳入", "…加 followed by 纳入 (增加纳入 'include more'): contains 加纳 (Ghana)"),
)

@dataclass(frozen=True)
class Entry:
    """One surface form of an entity; ``iri`` is empty for a blocker."""

    text: str
    iri: str
    kind: str


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    entry: Entry


_END = ""  # trie key marking "a surface ends here" (no surface contains the empty string)


def _is_latin(char: str) -> bool:
    return char.isascii() and char.isalnum()


class Lexicon:
    """An immutable character trie over surface forms. Build once per process; scanning is pure."""

    def __init__(self, root: dict[str, object], size: int) -> None:
        self._root = root
        self.size = size
        # where a surface can start: one C-level search skips the positions no surface begins at
        first = "".join(re.escape(char) for char in sorted(root))
        self._starts = re.compile(f"[{first}]") if root else None

    @classmethod
    def build(cls, entries: Iterable[Entry], blockers: Iterable[str] = ()) -> Lexicon:
        """A lexicon of ``entries`` plus ``blockers``; when one surface has several entities, the first
        entry wins (reference tables list the preferred reading first)."""
        root: dict[str, object] = {}
        size = 0
        all_entries = [*entries, *(Entry(text, "", "blocker") for text in blockers)]
        for entry in all_entries:
            text = entry.text.strip()
            if not text:
                continue
            node = root
            for char in text:
                node = node.setdefault(char, {})  # type: ignore[assignment]
            if _END not in node:
                node[_END] = Entry(text, entry.iri, entry.kind)
                size += 1
        return cls(root, size)

    def scan(self, text: str) -> Iterator[Match]:
        """Non-overlapping longest matches, left to right; blockers consume their span silently."""
        if self._starts is None:
            return
        position = 0
        while (candidate := self._starts.search(text, position)) is not None:
            position = candidate.start()
            best = self._longest_at(text, position)
            if best is None:
                position += 1
                continue
            if best.iri:
                yield Match(position, position + len(best.text), best)
            position += len(best.text)

    def _longest_at(self, text: str, start: int) -> Entry | None:
        node = self._root
        best: Entry | None = None
        index = start
        while index < len(text):
            child = node.get(text[index])
            if child is None:
                break
            node = child  # type: ignore[assignment]
            index += 1
            found = node.get(_END)
            if found is not None and self._stands_alone(text, start, index, found):
                best = found  # type: ignore[assignment]
        return best

    @staticmethod
    def _stands_alone(text: str, start: int, end: int, entry: object) -> bool:
        """Latin surfaces need a non-alphanumeric neighbour on each Latin side ("IOM" not in "BIOMASS")."""
        surface = entry.text  # type: ignore[attr-defined]
        if _is_latin(surface[0]) and start > 0 and _is_latin(text[start - 1]):
            return False
        return not (_is_latin(surface[-1]) and end < len(text) and _is_latin(text[end]))


@cache
def local_authorities(path: Path = LOCAL_AUTHORITIES) -> tuple[tuple[Named, tuple[str, ...]], ...]:
    """Cities and other local authorities the reports name (``local-authorities.tsv``): each with its
    Chinese aliases. The reference graph does not hold them, so the fact graph describes those mentioned."""
    return tuple(
        (Named(iris.local_authority(row.required("name_en")), "local", row.required("name_zh"),
               row["name_en"], iris.country(row.required("country"))), split_list(row["alt_zh"]))
        for row in read_table(path, ("name_en", "name_zh", "country", "alt_zh"))
    )


def local_authority_entries() -> list[Entry]:
    return [Entry(text, named.iri, "local") for named, aliases in local_authorities()
            for text in (named.label_zh, *aliases)]


def reference_entries() -> list[Entry]:
    """Every surface of the reference tables (countries, organizations, objectives, SDGs, groups …)."""
    return [Entry(surface.text, surface.iri, surface.kind) for surface in load_surfaces()]


@cache
def default_lexicon() -> Lexicon:
    """The lexicon of the reference tables and local authorities, built once per process."""
    return Lexicon.build([*reference_entries(), *local_authority_entries()], (text for text, _ in BLOCKERS))
