"""Objective assignment: the curated keyword lexicon and the section mapping are reviewable data that
must stay valid, and the evidence order (explicit > section/keyword > paragraph) must hold."""

from __future__ import annotations

import csv

from evaluation import extracted
from gcm_graph import iris
from gcm_graph.document import parse_report
from gcm_graph.extract.context import report_units
from gcm_graph.extract.objectives import KEYWORDS, choose, explicit_objectives, unit_objectives
from gcm_graph.extract.section_objectives import SECTION_OBJECTIVES, section_objectives
from gcm_graph.seeds import load_corpus
from gcm_graph.settings import Settings


def test_every_keyword_row_names_a_real_objective_and_gives_its_reason() -> None:
    with KEYWORDS.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert rows and all(1 <= int(row["objective"]) <= 23 and row["keyword"] and row["reason"] for row in rows)
    assert {int(row["objective"]) for row in rows} == set(range(1, 24))
    pairs = [(row["objective"], row["keyword"]) for row in rows]
    assert len(pairs) == len(set(pairs))


def test_every_section_key_matches_a_heading_of_the_seeds() -> None:
    headings: set[str] = set()
    for seed in load_corpus(Settings().seeds):
        for unit in report_units(parse_report(seed.text), iris.report(seed.meta.symbol)):
            headings.update(unit.headings)
    unmatched = [key for key, _, _ in SECTION_OBJECTIVES if not any(key in heading for heading in headings)]
    assert unmatched == []
    assert all(1 <= number <= 23 for _, numbers, _ in SECTION_OBJECTIVES for number in numbers)


def test_the_innermost_mapped_heading_wins() -> None:
    assert section_objectives(("三. 展望", "B. 促进安全和正常移民")) == (5, 4, 21)
    assert section_objectives(("K. 收集和利用准确分类数据作为循证政策的依据",)) == (1,)


def test_explicit_numbers_beat_section_and_keywords() -> None:
    sentence = "泰国释放了被拘留的人，符合目标 13 和 21。"
    choices = choose("泰国释放了被拘留的人", sentence, "", ("C. 防止在移民期间丧生",))
    assert [(c.objective, c.rule) for c in choices] == [(13, "objective-explicit-sentence"),
                                                         (21, "objective-explicit-sentence")]


def test_keyword_outside_the_section_still_wins_over_the_section_default() -> None:
    choices = choose("巴拿马为贩运受害者颁发了临时保护证", "", "", ("F. 推进移民拘留的非拘留替代办法",))
    assert [(c.objective, c.rule) for c in choices] == [(10, "objective-keyword")]


def test_heading_lists_narrow_the_keywords() -> None:
    heading = ("通过以权利为本的边境治理和边境管理措施保护移民(讨论目标 4、8、9、10、11、13 和 21)",)
    choices = choose("泰国关于拘留替代办法的共同准则和教育方案", "", "", heading)
    assert [c.objective for c in choices] == [13]


def test_explicit_objectives_ignore_sdgs() -> None:
    assert explicit_objectives("可持续发展目标 10 和具体目标 10.7；目标 8") == [8]


def test_paragraph_objectives_on_the_seeds_carry_rule_and_confidence() -> None:
    facts, _ = extracted()["A/76/642"]
    assert facts.unit_objectives
    assert all(1 <= a.objective <= 23 and 0 < a.confidence <= 1 and a.rule for a in facts.unit_objectives)
    para_76 = iris.paragraph(iris.report("A/76/642"), 76)
    assert any(a.unit_iri == para_76 and a.objective == 8 and a.rule == "objective-explicit-paragraph"
               for a in facts.unit_objectives)
    assert unit_objectives("没有任何线索的句子。", ()) == []


def test_the_un_systems_support_to_states_is_international_cooperation() -> None:
    headings = ("联合国系统支持契约的体制安排",)
    choices = choose("该网络为各国提供了支持", "该网络为各国提供了支持。", "该网络为各国提供了支持。", headings)
    assert [(c.objective, c.rule) for c in choices] == [(23, "objective-section")]
    # a keyword of another objective still wins in that section
    assert [c.objective for c in choose("该网络发布了关于移民拘留替代办法的简报", "", "", headings)] == [13]


INCLUSION = ("三. 展望", "B. 促进包容性社会")  # a section standing for objectives 15, 16 and 17


def objectives_of(evidence: str, headings: tuple[str, ...]) -> list[int]:
    return [choice.objective for choice in choose(evidence, evidence, evidence, headings)]


def test_a_clause_hitting_two_objectives_of_its_section_equally_serves_both() -> None:
    # issue 4: such a clause used to keep only the first objective
    assert objectives_of("摩洛哥通过了一项计划，为移民提供卫生保健并促进其社会融合", INCLUSION) == [15, 16]
    assert objectives_of("约旦为难民儿童开设学校，扩大入学并推动融入当地社区", INCLUSION) == [15, 16]
    assert objectives_of("智利发起宣传运动，打击仇外心理，促进移民社会包容", INCLUSION) == [17, 16]  # as named


def test_a_second_objective_needs_as_many_hits_and_the_sections_frame() -> None:
    # 15 twice, 16 once: the main objective alone
    assert objectives_of("加纳扩大了移民的医疗和卫生保健，并推动融入", INCLUSION) == [15]
    # 5 is outside the section's frame: only 15
    assert objectives_of("埃及为持有居留许可的移民提供卫生保健", INCLUSION) == [15]


def test_a_deed_in_an_unmapped_section_takes_the_objective_its_headings_name() -> None:
    # issue 4: no keyword in the clause or paragraph and a heading no table maps used to drop the practice
    headings = ("二. 进展", "C. 寻找失踪移民和查明遇难者身份")
    assert [(c.objective, c.rule) for c in choose("秘鲁设立了一个新的委员会", "", "", headings)] == [
        (8, "objective-keyword-heading")]
    assert objectives_of("该网络启动了新的平台", ("D. 打击偷运移民",)) == [9]
    assert objectives_of("越南发布了一项法令", ("E. 汇款的成本",)) == [20]
    assert objectives_of("马里发布了一项法令", ("E. 其他事项",)) == []
