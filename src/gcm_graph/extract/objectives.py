"""Objective assignment by evidence, strongest first, each choice recording its rule and confidence.

1. an explicit "目标 N" in the sentence (0.95) or elsewhere in the paragraph (0.9);
2. the curated keyword lexicon (``ontology/vocab/objective-keywords.tsv``) over the evidence text, narrowed
   to the objectives the section stands for when the two agree (0.85), else alone (0.7); a clause whose
   keywords hit two or more of the section's objectives equally often serves each of them (a plan for the
   health care and the social inclusion of migrants, under "promoting inclusive societies": 15 and 16);
3. the objectives the heading lists explicitly ("讨论目标 4、8 …", ESCAP annex II) restrict the keywords;
4. the section's main objective from :mod:`.section_objectives` when no keyword fires (0.6);
5. else the keyword objective of the whole paragraph (0.4);
6. else the keyword objective of the headings (0.35), so a named actor's deed in a section this module has
   never seen ("防止移民失踪…") still gets the objective its section is about.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from .. import iris
from ..reference.tables import read_table
from ..settings import PROJECT_ROOT
from .lexicon import Entry, Lexicon
from .references import OBJECTIVES, objective_references
from .section_objectives import section_objectives

KEYWORDS = PROJECT_ROOT / "ontology" / "vocab" / "objective-keywords.tsv"


@dataclass(frozen=True)
class Choice:
    objective: int
    rule: str
    confidence: float


@cache
def keyword_lexicon(path: Path = KEYWORDS) -> Lexicon:
    entries = [
        Entry(row.required("keyword"), iris.objective(int(row.required("objective"))), "objective")
        for row in read_table(path, ("objective", "keyword", "reason"))
    ]
    return Lexicon.build(entries)


def explicit_objectives(text: str) -> list[int]:
    """GCM objectives a text names by number, in order, once each.

    >>> explicit_objectives("讨论目标 2、5、6、12 和 18")
    [2, 5, 6, 12, 18]
    """
    numbers = [int(m.entity.rsplit("/", 1)[1]) for m in objective_references("", text)]
    return list(dict.fromkeys(numbers))


def keyword_scores(text: str, lexicon: Lexicon | None = None) -> Counter[int]:
    """How many keyword hits each objective has in ``text`` (longest match, no overlaps).

    >>> keyword_scores("在斯里兰卡，政府和雇主推出技能护照，允许回国国民展示技能").most_common(1)
    [(18, 2)]
    """
    if lexicon is not None:
        return Counter(int(match.entry.iri.rsplit("/", 1)[1]) for match in lexicon.scan(text))
    return Counter(dict(_default_scores(text)))


@lru_cache(maxsize=4096)
def _default_scores(text: str) -> tuple[tuple[int, int], ...]:
    """Scores with the curated lexicon, cached: a paragraph is scored once for itself and again for each
    practice whose evidence falls back to it."""
    return tuple(keyword_scores(text, keyword_lexicon()).items())


def choose(evidence: str, sentence: str, paragraph: str, headings: Sequence[str]) -> list[Choice]:
    """The objectives of a practice or recommendation whose evidence is ``evidence``."""
    in_sentence = explicit_objectives(sentence)
    if in_sentence:
        return [Choice(number, "objective-explicit-sentence", 0.95) for number in in_sentence]
    in_paragraph = explicit_objectives(paragraph) if OBJECTIVES.search(paragraph) else []
    if in_paragraph:
        return [Choice(number, "objective-explicit-paragraph", 0.9) for number in in_paragraph]
    listed = [number for heading in headings for number in explicit_objectives(heading)]
    mapped = section_objectives(tuple(headings))
    frame = listed or list(mapped)
    scores = keyword_scores(evidence)
    if scores:
        agreeing = [number for number, _ in scores.most_common() if number in frame]
        if agreeing:
            top = scores[agreeing[0]]
            return [Choice(number, "objective-keyword-in-section", 0.85)
                    for number in agreeing if scores[number] == top]
        return [Choice(_best(scores), "objective-keyword", 0.7)]
    if mapped:
        return [Choice(mapped[0], "objective-section", 0.6)]
    around = keyword_scores(paragraph)
    if around:
        return [Choice(_best(around), "objective-keyword-paragraph", 0.4)]
    above = keyword_scores(" ".join(headings))
    return [Choice(_best(above), "objective-keyword-heading", 0.35)] if above else []


def unit_objectives(text: str, headings: Sequence[str]) -> list[Choice]:
    """Paragraph-level objectives: explicit numbers, the section's main objective, and a keyword
    objective that the paragraph returns to (at least two hits)."""
    choices = [Choice(number, "objective-explicit-paragraph", 0.95) for number in explicit_objectives(text)]
    mapped = section_objectives(tuple(headings))
    if mapped:
        choices.append(Choice(mapped[0], "objective-section", 0.7))
    scores = keyword_scores(text)
    if scores:
        best = _best(scores)
        if scores[best] >= 2:
            choices.append(Choice(best, "objective-keyword", 0.5))
    unique: dict[int, Choice] = {}
    for choice in choices:
        unique.setdefault(choice.objective, choice)
    return list(unique.values())


def _best(scores: Counter[int]) -> int:
    """The objective with most hits; ties go to the one named first (Counter keeps insertion order and
    ``most_common`` sorts stably)."""
    return scores.most_common(1)[0][0]
