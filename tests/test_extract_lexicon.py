"""Longest-match linking on the real reference lexicon: the name traps of issue 4."""

from __future__ import annotations

import pytest

from gcm_graph import iris
from gcm_graph.extract.lexicon import Entry, Lexicon, default_lexicon
from gcm_graph.extract.mentions import find_mentions


def entities(text: str) -> list[str]:
    return [m.entity.rsplit("/", 1)[1] for m in find_mentions("u", text, default_lexicon())
            if m.kind in ("country", "organization")]


@pytest.mark.parametrize(("text", "expected"), [
    ("印度尼西亚和印度", ["IDN", "IND"]),
    ("南苏丹和苏丹", ["SSD", "SDN"]),
    ("尼日尔、尼日利亚", ["NER", "NGA"]),
    ("几内亚、几内亚比绍、赤道几内亚和巴布亚新几内亚", ["GIN", "GNB", "GNQ", "PNG"]),
    ("刚果民主共和国与刚果", ["COD", "COG"]),
    ("多米尼克、多米尼加共和国", ["DMA", "DOM"]),
    ("中国与中国香港", ["CHN", "HKG"]),
    ("约旦哈希姆王国", ["JOR"]),
    ("韩国电信公司与移民组织合作", ["KT", "IOM"]),
    ("发展中国家和其中国际移民", []),
])
def test_longest_match_traps(text: str, expected: list[str]) -> None:
    assert entities(text) == expected


def test_country_inside_a_body_name_is_the_body_not_the_country() -> None:
    # not in the lexicon as a body: the country must still not be taken for a mention
    assert entities("缅甸某某移民协会表示支持") == []
    assert entities("泰国劳工部助理常务秘书") == ["THA"]  # an organ of the state is the state


def test_names_inside_a_document_title_are_the_title() -> None:
    assert entities("在 2019 年《东南亚国家联盟(东盟)移民背景下的儿童权利宣言》中，东盟各国同意") == ["ASEAN"]


def test_latin_acronyms_need_word_boundaries() -> None:
    lexicon = Lexicon.build([Entry("IOM", iris.organization("IOM"), "organization")])
    assert [m.start for m in lexicon.scan("BIOMASS IOM IOMX (IOM)")] == [8, 18]


def test_first_entry_wins_for_a_surface_and_blockers_yield_nothing() -> None:
    entries = [Entry("中国", "c/CHN", "country"), Entry("中国", "c/other", "country")]
    lexicon = Lexicon.build(entries, ["发展中国家"])
    assert [m.entry.iri for m in lexicon.scan("发展中国家与中国")] == ["c/CHN"]


def test_group_names_also_mention_the_body_they_belong_to() -> None:
    mentions = find_mentions("u", "联合国各机构和利益攸关方", default_lexicon())
    assert [(m.text, m.kind) for m in mentions][:2] == [("联合国各机构", "group"), ("联合国", "organization")]


def test_cities_and_their_country() -> None:
    found = {(m.text, m.kind) for m in find_mentions("u", "意大利米兰市通过了战略计划", default_lexicon())}
    assert found == {("意大利", "country"), ("米兰市", "local")}


def test_a_bodys_own_conference_is_not_the_general_assembly() -> None:
    assert "UNGA" not in entities("国际劳工组织(劳工组织)大会通过的指导原则")
    assert "UNGA" in entities("大会于 2017 年 4 月通过了决议")


@pytest.mark.parametrize("text", ["", " ", "\x00\ufeff", "𠀀" * 1000, "IOM" * 500, "《" * 50 + "中国"])
def test_hostile_texts_do_not_break_the_scan(text: str) -> None:
    for mention in find_mentions("u", text, default_lexicon()):
        assert text[mention.start:mention.end] == mention.text


@pytest.mark.parametrize(("text", "expected"), [
    # issue 4: the programme's name used to yield a mention of the UN as well
    ("开发署区域方案联合国打击人口贩运合作行动重点关注大湄公河区域", ["UNDP"]),
    ("联合国移民发展联合倡议为地方政府提供了支持", []),
    ("泰国参加了联合国青年技能伙伴关系，", ["THA"]),
    ("联合国支持各国的行动", ["UN"]),  # the UN as subject
    ("联合国和各国的行动计划", ["UN"]),  # a name never runs past 和
])
def test_the_uns_name_opening_a_programmes_name_is_the_programme(text: str, expected: list[str]) -> None:
    assert entities(text) == expected
