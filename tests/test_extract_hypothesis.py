"""Hostile and random input: extraction never fails and every fact points at real characters of its unit."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gcm_graph.extract import UnitText, extract_units
from gcm_graph.seeds import ReportMeta

META = ReportMeta("x.txt", "A/0/0", "t", "t", 2021, "zh", meeting_start="2021-03-10")
PIECES = st.sampled_from((
    "斐济 印度 尼西亚 南 苏丹 中国 香港 联合国 各机构 设立了 通过 由 同年 2019年 "
    "2019-2024年 目标 8 、 和 ， 。 ； "
    "《 》 “ ” 亿 万 美元 % 名 2.81 敦促各国 会外活动： 主席： 女士 ( ) E/2021/58 该市 米兰 出席了会议： IOM"
).split() + ["5 490", "Sarah Lou", "第 73/195 号决议", "\n", " ", "\u3000"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(PIECES, max_size=40).map("".join), min_size=1, max_size=3))
def test_random_paragraphs_give_facts_anchored_in_their_text(texts: list[str]) -> None:
    units = [UnitText(f"u/para/{n}", "paragraph", text, ("B. 促进安全和正常移民",), str(n))
             for n, text in enumerate(texts, 1)]
    facts = extract_units(units, META, "u")
    text_of = {unit.iri: unit.text for unit in units}
    for mention in facts.mentions:
        assert text_of[mention.unit_iri][mention.start:mention.end] == mention.text
    for fact in (*facts.practices, *facts.statistics, *facts.recommendations):
        assert 0 <= fact.start < fact.end <= len(text_of[fact.unit_iri])
        assert 0 < fact.confidence <= 1
    for practice in facts.practices:
        assert practice.actors and practice.objectives


@given(st.text(max_size=300))
@settings(max_examples=150, deadline=None)
def test_arbitrary_unicode_never_raises(text: str) -> None:
    units = [UnitText("u/para/1", "paragraph", text), UnitText("u/footnote/1", "footnote", text)]
    extract_units(units, META, "u")
