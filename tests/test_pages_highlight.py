"""The reader's text cutting (web/pages/highlight.py) on hostile spans: overlaps, out of range, empty."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from gcm_graph.web.pages.highlight import Span, segments

TEXT = "2020年，墨西哥统一了禁止儿童移民拘留的立法。泰国通过了监测评价框架。"


@given(st.text(min_size=0, max_size=60),
       st.lists(st.tuples(st.integers(-5, 70), st.integers(-5, 70)), max_size=8),
       st.dictionaries(st.integers(-5, 70), st.sampled_from(["1", "2", "a"]), max_size=3))
def test_the_text_comes_back_exactly_once(text: str, bounds: list[tuple[int, int]],
                                          notes: dict[int, str]) -> None:
    pieces = segments(text, [Span(start, end, "x") for start, end in bounds], notes)
    assert "".join(piece.text for piece in pieces if piece.kind != "footnote") == text
    mentions = [piece for piece in pieces if piece.kind == "mention"]
    assert all(piece.text for piece in mentions)


def test_overlapping_mentions_keep_the_earliest_then_the_longest() -> None:
    start = TEXT.index("墨西哥")
    spans = [Span(start + 1, start + 3, "inner"), Span(start, start + 3, "MEX"),
             Span(start, start + 2, "short")]
    kept = [(p.text, p.target) for p in segments(TEXT, spans, {}) if p.kind == "mention"]
    assert kept == [("墨西哥", "MEX")]


def test_footnote_markers_sit_at_their_offsets_and_outside_ones_are_dropped() -> None:
    end = TEXT.index("。") + 1
    pieces = segments(TEXT, [], {end: "3", len(TEXT): "4", len(TEXT) + 5: "9", -1: "0"})
    kinds = [(p.kind, p.text) for p in pieces]
    assert kinds == [("text", TEXT[:end]), ("footnote", "3"), ("text", TEXT[end:]), ("footnote", "4")]
