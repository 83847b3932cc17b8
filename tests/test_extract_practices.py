"""Practices: who did what, when, for which objective — on hand-made paragraphs and the real seeds."""

from __future__ import annotations

from evaluation import extracted, key_of
from gcm_graph.extract import UnitText, extract_units
from gcm_graph.extract.model import Practice
from gcm_graph.seeds import ReportMeta

META = ReportMeta("x.txt", "A/0/0", "标题", "Title", 2021, "zh")


def practices(text: str, headings: tuple[str, ...] = ()) -> list[Practice]:
    unit = UnitText("https://w3id.org/gcm/id/report/A-0-0/para/1", "paragraph", text, headings, "1")
    return list(extract_units([unit], META, "https://w3id.org/gcm/id/report/A-0-0").practices)


def summary(practice: Practice) -> tuple[tuple[str, ...], int | None, tuple[int, ...]]:
    return (tuple(key_of(a) for a in practice.actors), practice.year,
            tuple(o.objective for o in practice.objectives))


def test_fiji_2019_relocation_trust_fund_is_objective_2() -> None:
    found = practices("各国正在积极应对这些挑战。2019年，斐济设立了信托基金，"
                      "支持受气候变化影响社区按计划搬迁。")
    assert [summary(p) for p in found] == [(("FJI",), 2019, (2,))]
    assert found[0].description.startswith("斐济设立了信托基金")


def test_unnamed_actors_are_not_practices() -> None:
    assert practices("一些国家关闭了移民拘留设施。许多国家宣布汇款为基本服务，放松了汇款管制。"
                     "各国还报告了努力。") == []


def test_one_action_of_several_actors_is_one_practice_and_same_year_carries_over() -> None:
    found = practices("白俄罗斯和摩尔多瓦共和国 2019 年签署社会保障协议。同年，老挝人民民主共和国、缅甸、"
                      "泰国和越南核可了执行关于移民工人社会保障异地转移的部长级宣言的路线图。")
    assert [summary(p) for p in found] == [
        (("BLR", "MDA"), 2019, (22,)), (("LAO", "MMR", "THA", "VNM"), 2019, (22,))]


def test_same_year_written_out_carries_the_year() -> None:
    found = practices("2019 年，哥伦比亚通过一项立法，禁止仇外叙事。同样在 2019 年，乍得建立了一个记者网络。")
    assert [(summary(p)[0], p.year) for p in found] == [(("COL",), 2019), (("TCD",), 2019)]


def test_a_place_or_beneficiary_is_not_an_actor() -> None:
    found = practices("泰国为来自柬埔寨、老挝人民民主共和国和缅甸的约 100 万名移民工人延长了签证。"
                      "一些欧洲国家支持援非倡议，鼓励在法国和德国的非洲侨民在原籍国创办企业。")
    assert [summary(p)[0] for p in found] == [("THA",)]


def test_a_company_named_after_a_country_acts_as_the_company() -> None:
    found = practices("韩国电信公司与移民组织合作，为隔离区的居民提供社会服务。")
    assert [summary(p)[0] for p in found] == [("KT", "IOM")]


def test_ranges_and_years_after_the_verb_are_not_the_year() -> None:
    found = practices("厄瓜多尔通过了 2020-2021 年促进委内瑞拉国民融入社会的全面计划。"
                      "比利时在 2021 年成立了负责拘留替代办法的部门。泰国通过了关于 2019 年移民拘留的框架。")
    assert [(summary(p)[0], p.year) for p in found] == [(("ECU",), None), (("BEL",), 2021), (("THA",), None)]


def test_statements_are_not_practices() -> None:
    assert practices("国际劳工组织(劳工组织)已经指出，私人就业机构不应向工人收取招聘费用。") == []


def test_explicit_objective_beats_keywords() -> None:
    found = practices("日本政府释放了被移民拘留的人，这符合目标 13。")
    assert summary(found[0])[2] == (13,)
    assert found[0].objectives[0].rule == "objective-explicit-sentence"


def test_section_heading_decides_when_keywords_are_silent() -> None:
    found = practices("阿根廷成立了专门机构。", ("E. 解决走私和人口贩运问题，促进诉诸司法",))
    assert summary(found[0])[2] == (10,)
    assert found[0].objectives[0].rule == "objective-section"


def test_every_practice_on_the_seeds_has_actor_objective_evidence_and_confidence() -> None:
    for facts, _ in extracted().values():
        for practice in facts.practices:
            assert practice.actors and practice.objectives
            assert 0 < practice.confidence <= 1
            assert 0 <= practice.start < practice.end
            assert all(1 <= o.objective <= 23 for o in practice.objectives)


def test_milan_and_its_later_service_centre_on_the_real_report() -> None:
    facts, labels = extracted()["A/76/642"]
    para_54 = [summary(p) for p in facts.practices if labels.get(p.unit_iri) == ("A/76/642", "54")]
    assert (("milan",), 2019, (15,)) in para_54
    assert any(actors == ("EGY",) and year is None for actors, year, _ in para_54)


def test_the_network_named_earlier_in_the_section_acts_in_later_paragraphs() -> None:
    facts, labels = extracted()["A/76/642"]
    para_84 = [summary(p) for p in facts.practices if labels.get(p.unit_iri) == ("A/76/642", "84")]
    assert (("UNNM",), 2019, (23,)) in para_84
    assert not any(p.rule == "practice-anaphor" and labels.get(p.unit_iri) == ("A/76/642", "87")
                   for p in facts.practices)  # 该中心 there is the hub, not a centre named sections earlier


def test_the_next_year_counts_from_the_last_year_stated() -> None:
    found = practices("2019 年，哥伦比亚通过一项立法，禁止仇外叙事。次年，乍得建立了一个记者网络。")
    assert [(summary(p)[0], p.year) for p in found] == [(("COL",), 2019), (("TCD",), 2020)]


def test_the_supporter_of_a_deed_is_one_of_its_actors() -> None:
    # "在…的支持下": the supporting body used to be left out
    assert [summary(p)[0] for p in practices("2020年，摩洛哥在国际移民组织的支持下启动了全国移民统计调查。")] == [
        ("MAR", "IOM")]
    found = practices("在欧洲联盟的资助下，国际移民组织和联合国开发计划署为返回者提供了重返社会援助。")
    assert [summary(p)[0] for p in found] == [("IOM", "UNDP", "EU")]
    found = practices("加纳在联合国儿童基金会的协助下推出了出生登记运动。")
    assert [summary(p)[0] for p in found] == [("GHA", "UNICEF")]


def test_reaching_or_concluding_an_agreement_is_a_deed() -> None:
    found = practices("大韩民国和越南就社会保险缴款的转移达成协议。", ("K. 社会保障",))
    assert [summary(p)[0] for p in found] == [("KOR", "VNM")]
    assert [summary(p)[0] for p in practices("2018 年，白俄罗斯与哈萨克斯坦缔结了养恤金协定。")] == [("BLR", "KAZ")]
