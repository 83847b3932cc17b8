"""Which GCM objectives a thematic section of a report is about: reviewable data, keyed by heading text.

A/76/642 reviews progress in thematic sections (二.B–K), looks ahead in 三.A–C and recommends in 五.A–D;
each heading maps onto the objectives whose ground it covers. The first objective listed is the section's
main one, used when nothing in a sentence points more precisely. A key matches any heading containing it,
so the same theme keeps its objectives in every report that uses the heading.
"""

from __future__ import annotations

#: (text the heading contains, objectives, main first; why)
SECTION_OBJECTIVES: tuple[tuple[str, tuple[int, ...], str], ...] = (
    ("克服不利驱动因素", (2,), "minimising adverse drivers is objective 2"),
    ("环境驱动因素", (2,), "environmental drivers and resilience: objective 2, actions h–l"),
    ("合乎道义的招聘", (6, 18), "fair recruitment and decent work: objective 6; skills recognition 18"),
    ("走私和人口贩运", (10, 9), "trafficking (objective 10) and smuggling (objective 9)"),
    ("非拘留替代办法", (13,), "alternatives to immigration detention: objective 13"),
    ("领事协助", (14,), "consular protection and assistance: objective 14"),
    ("利用移民的贡献", (19,), "diaspora contributions: objective 19"),
    ("汇款", (20,), "faster, cheaper remittances and financial inclusion: objective 20"),
    ("社会保障", (22,), "portability of social security: objective 22"),
    ("准确分类数据", (1,), "accurate and disaggregated data: objective 1"),
    ("加强数据和证据收集", (1,), "data and evidence: objective 1"),
    ("促进包容性社会", (15, 16, 17), "basic services (15), inclusion (16) and discrimination (17)"),
    ("促进安全和正常移民", (5, 4, 21), "regular pathways (5), legal identity (4), return (21)"),
    ("防止在移民期间丧生", (8,), "saving lives and missing migrants: objective 8"),
    ("保护和援助移民", (7,), "protection and assistance of migrants in vulnerable situations: objective 7"),
    ("支持契约的体制安排", (23,), "the UN system's support to states (network, capacity-building mechanism, "
     "trust fund): international cooperation, objective 23"),
)


def section_objectives(headings: tuple[str, ...]) -> tuple[int, ...]:
    """The objectives of the innermost mapped heading, main objective first; () when none is mapped.

    >>> section_objectives(("二. 执行进展", "F. 推进移民拘留的非拘留替代办法"))
    (13,)
    >>> section_objectives(("一. 引言",))
    ()
    """
    for heading in reversed(headings):
        for key, objectives, _ in SECTION_OBJECTIVES:
            if key in heading:
                return objectives
    return ()
