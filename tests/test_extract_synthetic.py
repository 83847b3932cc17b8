"""Held-out check: the extractor on paragraphs written in the reports' style but not taken from them
(tests/gold/synthetic/, see tests/gold/README.md), so rules tuned on the seeds are seen to carry over."""

from __future__ import annotations

from evaluation import all_scores, read_gold, table


def test_every_synthetic_gold_row_names_an_annotated_paragraph() -> None:
    paragraphs = {(row["report"], row["para"]) for row in read_gold("paragraphs.tsv", "synthetic")}
    assert len(paragraphs) == 10
    for name in ("mentions.tsv", "practices.tsv", "statistics.tsv"):
        assert {(row["report"], row["para"]) for row in read_gold(name, "synthetic")} <= paragraphs


def test_extraction_on_unseen_paragraphs_meets_the_floors() -> None:
    scores = {score.name: score for score in all_scores("synthetic")}
    print("\nsynthetic\n" + table(list(scores.values())))
    assert scores["country mentions"].recall == 1.0 and scores["country mentions"].precision == 1.0
    assert scores["practices (matched)"].recall >= 0.9
    assert scores["practice actors"].recall >= 0.9
    assert scores["practice years"].recall >= 0.9
    assert scores["practice objectives"].precision >= 0.9 and scores["practice objectives"].recall >= 0.85
    assert scores["statistics"].precision >= 0.9 and scores["statistics"].recall >= 0.9
