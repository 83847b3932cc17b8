"""Who is *not* the actor: panellists from a country, members of a body, modal statements, attributive
verbs, agents of events, and a state organ inside a chain of actors. Hand-made sentences worded unlike the
seeds, so each test checks the rule rather than one sentence."""

from __future__ import annotations

from test_extract_practices import practices, summary


def test_a_person_from_a_country_is_not_the_country_acting() -> None:
    found = practices("小组成员有：越南一名少数民族青年与会者、蒙古劳工部移民局局长 Bat 先生和"
                      "国际拘留问题联盟执行主任 Jane 女士。")
    assert found == []
    # the country itself acting is still a practice
    assert [summary(p)[0] for p in practices("越南设立了移民工人社会保障基金。")] == [("VNM",)]
    assert [summary(p)[0] for p in practices("越南为一名被贩运的移民工人提供了庇护所。")] == [("VNM",)]


def test_the_members_of_a_body_are_not_the_body_acting() -> None:
    assert practices("由开发署、难民署和儿基会组成的工作组，负责执行本方案。") == []
    assert practices("非洲联盟成员国、移民组织和难民署为该会议提供支持。") == []


def test_what_an_actor_may_or_should_do_is_not_a_practice() -> None:
    assert practices("区域经济组织和联合国各区域委员会可能会重复对方的活动，应制定协调一致的计划。") == []
    assert practices("联合国系统可据此为各国建立移民数据中心提供支持。") == []
    # the verb of the list inside a common noun (区域经济组织) is not the clause's verb
    assert practices("联合国各区域委员会和区域经济组织可能会重复对方在国际合作方面的活动，应制定协调一致的计划。") == []


def test_a_verb_that_only_describes_a_noun_is_not_a_deed() -> None:
    found = practices("移民组织支持了关于移民拘留的对话，以及儿童权利委员会、禁止酷刑委员会采取的移民拘留关注点。")
    assert [summary(p)[0] for p in found] == [("IOM",)]
    assert practices("世界卫生大会通过的关于移民健康的决议，纳入了为移民工人提供医疗服务的建议。") == []
    assert practices("由移民组织和开发署合作的联合方案，为移民工人提供了医疗服务。") == []
    # launching or leading something is still the actor's deed
    launched = practices("移民组织和开发署发起的联合方案为移民工人提供了医疗服务。")
    assert [summary(p)[0] for p in launched] == [("IOM", "UNDP")]


def test_the_agent_of_an_event_is_left_to_the_events() -> None:
    assert practices("2021 年 3 月 12 日，会外活动：“移民儿童的教育”，由菲律宾政府通过社会福利部组织。") == []


def test_a_state_organ_after_a_country_continues_the_chain() -> None:
    found = practices("由加拿大统计局、欧盟统计局和移民组织领导的移民统计专家组正致力于制定移民数据标准。")
    assert [summary(p)[0] for p in found] == [("CAN", "Eurostat", "IOM")]


def test_a_request_of_an_assembly_is_not_its_deed() -> None:
    assert practices("大会在该决议中请秘书长利用联合国移民问题网络，每两年报告加强国际合作的情况。") == []


def test_the_un_global_compact_is_the_business_initiative_not_the_un() -> None:
    found = practices("联合国全球契约为企业提供了促进难民和移民融入社会的框架。")
    assert [summary(p)[0] for p in found] == [("UNGC",)]


def test_a_subject_whose_clause_is_only_its_means_acts_in_the_next_clause() -> None:
    found = practices("为应对危机，开发署借鉴其他区域小额信贷的经验，启动了支持收容社区难民的融资机制。")
    assert [summary(p)[0] for p in found] == [("UNDP",)]
    # a clause with its own predicate (了) does not lend its subject to the next clause
    assert practices("难民署的运动累积了 150 万个签名，支持保障难民教育。") == []


def test_people_at_risk_or_with_specific_needs_is_objective_7() -> None:
    found = practices("2018 年 5 月，移民组织发布了行动计划，为面临风险或有特殊需求的移民提供指导。")
    assert [summary(p) for p in found] == [(("IOM",), 2018, (7,))]


def test_named_actors_after_unnamed_ones_in_one_chain_act() -> None:
    found = practices("各国政府、联合国各机构和太平洋岛屿论坛秘书处建立了应对气候变化导致流离失所的区域机制。")
    assert [summary(p)[0] for p in found] == [("UN", "PIF")]
    assert practices("一些国家建立了应对气候变化导致流离失所的区域机制。") == []


def test_a_shared_example_of_a_named_country_is_its_practice() -> None:
    found = practices("与会者分享了越南的例子，包括为回国移民工人提供技能认证和职业培训。")
    assert [summary(p)[0] for p in found] == [("VNM",)]
    assert practices("与会者分享了本国的例子，包括为回国移民工人提供技能认证。") == []


def test_a_body_with_its_multi_year_strategy_is_a_nominal_practice_without_a_year() -> None:
    found = practices("此外，非洲联盟 2018-2030 年移民政策框架，把气候变化导致的流离失所纳入区域灾害应对。")
    assert [summary(p)[:2] for p in found] == [(("AU",), None)]
