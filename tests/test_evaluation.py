"""Issue 4, point 7: precision, recall and F1 against the hand-annotated gold set (tests/gold/README.md).

The table is printed (``pytest -s``) and written to tests/artifacts/evaluation.txt; the floors are the
issue's acceptance criteria.
"""

from __future__ import annotations

from pathlib import Path

from evaluation import Score, all_scores, read_gold, table

ARTIFACT = Path(__file__).parent / "artifacts" / "evaluation.txt"


def test_gold_set_covers_every_seed_report() -> None:
    reports = {row["report"] for row in read_gold("paragraphs.tsv")}
    assert reports == {"A/76/642", "ESCAP/GCM/2021/3", "A/72/643", "A/71/978"}
    with_practices = {row["report"] for row in read_gold("practices.tsv")}
    assert with_practices >= {"A/76/642", "ESCAP/GCM/2021/3", "A/71/978"}
    assert {row["report"] for row in read_gold("statistics.tsv")} == reports


def test_extraction_meets_the_floors() -> None:
    scores = {score.name: score for score in all_scores()}
    text = table(list(scores.values()))
    print("\n" + text)
    ARTIFACT.parent.mkdir(exist_ok=True)
    ARTIFACT.write_text(text + "\n", encoding="utf-8")
    country, org = scores["country mentions"], scores["org mentions"]
    actors, years = scores["practice actors"], scores["practice years"]
    objectives = scores["practice objectives"]
    floors: list[tuple[str, float, float]] = [
        ("country precision", country.precision, 0.98), ("country recall", country.recall, 0.98),
        ("org precision", org.precision, 0.95), ("org recall", org.recall, 0.95),
        ("practice actor recall", actors.recall, 0.90), ("practice year accuracy", years.recall, 0.95),
        ("practice objective recall", objectives.recall, 0.85),
        ("practice objective precision", objectives.precision, 0.80),
    ]
    failing = [f"{name} {value:.3f} < {floor}" for name, value, floor in floors if value < floor]
    assert not failing, "\n".join([*failing, text])


def test_scores_count_what_they_claim() -> None:
    perfect, empty = Score("x", 4, 4, 4), Score("y", 0, 0, 0)
    assert (perfect.precision, perfect.recall, perfect.f1) == (1.0, 1.0, 1.0)
    assert (empty.precision, empty.recall) == (1.0, 1.0)
    assert Score("z", 4, 2, 1).f1 == 2 * 0.5 * 0.25 / 0.75
