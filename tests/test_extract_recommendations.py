"""Recommendations: calls on named addressees, with objectives, in A/76/642 section 五 and A/72/643."""

from __future__ import annotations

from evaluation import extracted, key_of
from gcm_graph.extract import UnitText, extract_units
from gcm_graph.seeds import ReportMeta


def test_urging_states_in_a_mapped_section() -> None:
    unit = UnitText("u/para/104", "paragraph", "敦促各国为获救者制定明确、安全、可预测的登岸机制。",
                    ("五. 结论和建议", "C. 防止在移民期间丧生和发生其他悲剧"), "104")
    found = extract_units([unit], ReportMeta("x", "A/0/0", "t", "t", 2021, "zh"), "u").recommendations
    summary = [([key_of(a) for a in r.addressees], [o.objective for o in r.objectives], r.rule)
               for r in found]
    assert summary == [(["states"], [8], "recommendation-urge")]
    assert extract_units([unit], ReportMeta("x", "A/0/0", "t", "t", 2021, "zh"), "u").practices == ()


def test_the_conclusions_of_a_76_642_are_recommendations() -> None:
    facts, labels = extracted()["A/76/642"]
    paragraphs = {labels[r.unit_iri][1] for r in facts.recommendations}
    assert {str(n) for n in range(98, 112)} <= paragraphs
    last = next(r for r in facts.recommendations if labels[r.unit_iri][1] == "111")
    assert [key_of(a) for a in last.addressees] == ["states", "un-system", "stakeholders"]


def test_reports_without_calls_have_no_recommendations() -> None:
    assert extracted()["ESCAP/GCM/2021/3"][0].recommendations == ()


def test_a_call_after_a_setting_or_by_the_report_itself() -> None:
    meta = ReportMeta("x", "A/0/0", "t", "t", 2021, "zh")
    text = ("在区域一级，我呼吁会员国制定关于移民工人社会保障的区域协定。本报告敦促各国保障移民获得基本服务。"
            "一些国家支持侨民倡议，鼓励在法国的侨民创办企业。")
    unit = UnitText("u/para/1", "paragraph", text, (), "1")
    found = extract_units([unit], meta, "u").recommendations
    assert [(r.description[:2], [key_of(a) for a in r.addressees]) for r in found] == [
        ("呼吁", ["states"]), ("敦促", ["states"])]
