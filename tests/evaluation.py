"""Scoring the extractor against the hand-annotated gold set in ``tests/gold/`` (see its README).

Kept apart from the test so the numbers can also be printed on their own:
``python -m tests.evaluation`` (from the project root). Two groups: "seeds", paragraphs of the four seed
reports, and "synthetic", held-out paragraphs written in the reports' style (``gold/synthetic/``, text
included), which measure how the rules carry over to text they were not written on.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path

from gcm_graph import iris
from gcm_graph.document import parse_report
from gcm_graph.extract import ReportFacts, UnitText, extract_report, extract_units
from gcm_graph.extract.context import report_units
from gcm_graph.seeds import ReportMeta, load_corpus
from gcm_graph.settings import Settings

GOLD = Path(__file__).parent / "gold"
GROUPS = {"seeds": GOLD, "synthetic": GOLD / "synthetic"}
SYNTHETIC_IRI = "https://w3id.org/gcm/id/report/synthetic"
Key = tuple[str, str]  # (report symbol, paragraph label)


@dataclass(frozen=True)
class Score:
    name: str
    gold: int
    predicted: int
    correct: int

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def read_gold(name: str, group: str = "seeds") -> list[dict[str, str]]:
    with (GROUPS[group] / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def key_of(iri: str) -> str:
    """The gold key of an entity IRI: ISO3 for countries, the table key for organizations, slug for places."""
    return iri.rsplit("/", 1)[1]


@cache
def extracted() -> dict[str, tuple[ReportFacts, dict[str, Key]]]:
    """Facts per report symbol, with the paragraph label of every unit IRI."""
    corpus = load_corpus(Settings().seeds)
    symbols = [seed.meta.symbol for seed in corpus]
    results = {}
    for seed in corpus:
        report_iri = iris.report(seed.meta.symbol)
        report = parse_report(seed.text)
        facts = extract_report(report, seed.meta, report_iri, corpus_symbols=symbols)
        labels = {unit.iri: (seed.meta.symbol, unit.label) for unit in report_units(report, report_iri)
                  if unit.kind == "paragraph"}
        results[seed.meta.symbol] = (facts, labels)
    return results


@cache
def synthetic_extracted() -> dict[str, tuple[ReportFacts, dict[str, Key]]]:
    """Facts of the synthetic paragraphs, each a unit under its own headings (``|``-separated)."""
    units = [UnitText(f"{SYNTHETIC_IRI}/para/{row['para']}", "paragraph", row["text"],
                      tuple(row["headings"].split("|")), row["para"])
             for row in read_gold("paragraphs.tsv", "synthetic")]
    meta = ReportMeta("synthetic.txt", "synthetic", "synthetic", "synthetic", 2022, "zh")
    facts = extract_units(units, meta, SYNTHETIC_IRI)
    return {"synthetic": (facts, {unit.iri: ("synthetic", unit.label) for unit in units})}


def results(group: str) -> dict[str, tuple[ReportFacts, dict[str, Key]]]:
    return extracted() if group == "seeds" else synthetic_extracted()


def _by_paragraph(items: Iterable, labels_of: dict[str, dict[str, Key]]) -> dict[Key, list]:
    grouped: dict[Key, list] = defaultdict(list)
    for item in items:
        for labels in labels_of.values():
            if item.unit_iri in labels:
                grouped[labels[item.unit_iri]].append(item)
    return grouped


def mention_scores(group: str = "seeds") -> list[Score]:
    scope = {(row["report"], row["para"]) for row in read_gold("paragraphs.tsv", group)}
    gold = {(row["report"], row["para"], row["type"], row["entity"].lower())
            for row in read_gold("mentions.tsv", group)}
    predicted = set()
    for facts, labels in results(group).values():
        for mention in facts.mentions:
            key = labels.get(mention.unit_iri)
            kind = {"country": "country", "organization": "org"}.get(mention.kind)
            if key in scope and kind:
                predicted.add((*key, kind, key_of(mention.entity).lower()))
    return [
        Score(f"{kind} mentions", sum(g[2] == kind for g in gold), sum(p[2] == kind for p in predicted),
              len({g for g in gold if g[2] == kind} & predicted))
        for kind in ("country", "org")
    ]


def practice_scores(group: str = "seeds") -> list[Score]:
    gold_rows = read_gold("practices.tsv", group)
    gold_by_key: dict[Key, list[dict[str, str]]] = defaultdict(list)
    for row in gold_rows:
        gold_by_key[(row["report"], row["para"])].append(row)
    predicted_by_key: dict[Key, list] = defaultdict(list)
    for facts, labels in results(group).values():
        for practice in facts.practices:
            if practice.unit_iri in labels:
                predicted_by_key[labels[practice.unit_iri]].append(practice)
    actors_gold = actors_found = actors_predicted = years_total = years_right = 0
    objectives_gold = objectives_predicted = objectives_right = 0
    matched_count = 0
    for key, rows in gold_by_key.items():
        candidates = list(predicted_by_key.get(key, []))
        for row in rows:
            gold_actors = {actor.lower() for actor in row["actors"].split(",")}
            gold_objectives = {int(number) for number in row["objectives"].split(",")}
            gold_year = int(row["year"]) if row["year"] else None
            actors_gold += len(gold_actors)
            best = max(candidates, default=None, key=lambda p: (
                len(gold_actors & {key_of(a).lower() for a in p.actors}), p.year == gold_year,
                len(gold_objectives & {o.objective for o in p.objectives})))
            if best is None or not gold_actors & {key_of(a).lower() for a in best.actors}:
                continue
            candidates.remove(best)
            matched_count += 1
            actors_found += len(gold_actors & {key_of(a).lower() for a in best.actors})
            actors_predicted += len(best.actors)
            years_total += 1
            years_right += best.year == gold_year
            predicted_objectives = {o.objective for o in best.objectives}
            objectives_gold += len(gold_objectives)
            objectives_predicted += len(predicted_objectives)
            objectives_right += len(gold_objectives & predicted_objectives)
    predicted_total = sum(len(predicted_by_key.get(key, [])) for key in gold_by_key)
    return [
        Score("practices (matched)", len(gold_rows), predicted_total, matched_count),
        Score("practice actors", actors_gold, actors_predicted, actors_found),
        Score("practice years", years_total, years_total, years_right),
        Score("practice objectives", objectives_gold, objectives_predicted, objectives_right),
    ]


def statistic_scores(group: str = "seeds") -> list[Score]:
    gold = {(row["report"], row["para"], Decimal(row["value"]), row["unit"])
            for row in read_gold("statistics.tsv", group)}
    scope = {(g[0], g[1]) for g in gold}
    predicted = set()
    for facts, labels in results(group).values():
        for statistic in facts.statistics:
            key = labels.get(statistic.unit_iri)
            if key in scope:
                predicted.add((*key, statistic.value, statistic.unit))
    return [Score("statistics", len(gold), len(predicted), len(gold & predicted))]


def all_scores(group: str = "seeds") -> list[Score]:
    return [*mention_scores(group), *practice_scores(group), *statistic_scores(group)]


def table(scores: list[Score]) -> str:
    lines = [f"{'measure':<22} {'gold':>5} {'pred':>5} {'hit':>5} {'P':>6} {'R':>6} {'F1':>6}"]
    lines += [f"{s.name:<22} {s.gold:>5} {s.predicted:>5} {s.correct:>5} "
              f"{s.precision:>6.3f} {s.recall:>6.3f} {s.f1:>6.3f}" for s in scores]
    return "\n".join(lines)


if __name__ == "__main__":
    for name in GROUPS:
        print(f"{name}\n{table(all_scores(name))}\n")
