"""Bodies whose names contain a country or 联合国: the body is mentioned, not the country or the UN.
Sentences are hand-made, so the test checks the reference rows and the longest match, not one seed line."""

from __future__ import annotations

from evaluation import key_of
from gcm_graph.extract import UnitText, extract_units
from gcm_graph.seeds import ReportMeta

META = ReportMeta("x.txt", "A/0/0", "标题", "Title", 2021, "zh")


def entities(text: str) -> list[str]:
    unit = UnitText("https://w3id.org/gcm/id/report/A-0-0/para/1", "paragraph", text, (), "1")
    facts = extract_units([unit], META, "https://w3id.org/gcm/id/report/A-0-0")
    return [key_of(m.entity) for m in facts.mentions if m.kind in ("country", "organization")]


def test_the_un_global_compact_is_not_the_united_nations() -> None:
    assert entities("联合国全球契约与联合国合作。") == ["UNGC", "UN"]


def test_a_parliamentary_caucus_named_after_its_country_is_the_caucus() -> None:
    assert entities("孟加拉国移民与发展问题议员核心小组和孟加拉国政府举办了讨论。") == ["PCMD-Bangladesh", "BGD"]


def test_the_high_commissioner_and_the_office_are_told_apart() -> None:
    assert entities("联合国人权事务高级专员提交了报告，联合国人权事务高级专员办事处予以支持。") == [
        "UN-HCHR", "OHCHR"]


def test_a_short_name_made_generic_by_a_modifier_is_not_the_body() -> None:
    assert entities("信息应由地方政府和社区移民组织传播，并与移民组织合作。") == ["IOM"]
    assert entities("侨民移民组织和难民署举办了讲习班。") == ["UNHCR"]
