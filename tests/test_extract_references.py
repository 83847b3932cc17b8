"""Explicit references: objectives by number, SDGs, document symbols, resolutions, footnote publications."""

from __future__ import annotations

import pytest

from gcm_graph import iris
from gcm_graph.extract.references import find_documents, find_publications, find_references


def refs(text: str, corpus: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    return [(m.text, m.entity) for m in find_references("u", text, corpus)]


def test_objective_lists_link_every_number() -> None:
    assert [e for _, e in refs("确保移民自愿、正常、安全和有序(讨论目标 2、5、6、12 和 18)")] == [
        iris.objective(n) for n in (2, 5, 6, 12, 18)]


def test_objective_number_out_of_range_is_not_an_objective() -> None:
    assert refs("目标 24 与目标 0") == []


@pytest.mark.parametrize(("text", "code"), [
    ("可持续发展目标 10", "10"), ("具体目标 10.7", "10.7"), ("指标 10.7.1", "10.7.1"),
    ("特别是具体目标 10.c。", "10.c"),
])
def test_sdg_references_are_not_objectives(text: str, code: str) -> None:
    assert refs(text) == [(text.strip("特别是。"), iris.sdg(code))]


def test_goal_of_an_indicator_is_an_sdg_goal() -> None:
    found = refs("分别跟踪可持续发展目标 10 的指标 10.7.1 和目标 10 的指标 10.c.1 的进展情况")
    assert iris.objective(10) not in {e for _, e in found}
    assert {iris.sdg("10"), iris.sdg("10.7.1"), iris.sdg("10.c.1")} == {e for _, e in found}


@pytest.mark.parametrize("symbol", ["E/2021/58", "A/HRC/36/42", "ESCAP/GCM/2021/CRP.1", "A/72/124-E/2018/3",
                                    "E/CN.3/2021/11", "A/HRC/34/CRP.1"])
def test_document_symbols(symbol: str) -> None:
    found = find_documents("u", f"见 {symbol}。")
    assert [(d.symbol, d.iri) for _, d in found] == [(symbol, iris.document(symbol))]


def test_spaced_conference_room_paper_symbol_is_normalised() -> None:
    found = find_documents("u", "会议室文件 (ESCAP/GCM/2021/CRP. 1)")
    assert [d.symbol for _, d in found] == ["ESCAP/GCM/2021/CRP.1"]


def test_resolutions_become_symbols_and_corpus_reports_resolve_to_report_iris() -> None:
    text = "根据大会第 73/195 号和第 73/326 号决议以及人权理事会第 35/17 号决议；见 A/71/978。"
    found = find_documents("u", text, ("A/71/978",))
    assert [d.symbol for _, d in found] == ["A/71/978", "A/RES/73/195", "A/RES/73/326", "A/HRC/RES/35/17"]
    assert found[0][1].iri == iris.report("A/71/978")


def test_footnote_publications_keep_their_urls() -> None:
    found = find_publications("fn", "世界卫生组织，《COVID-19 时期的难民和移民》(2021 年，日内瓦)；"
                                    "国际移民组织，“在疫苗接种运动中纳入移民的情况”。<http://www.iom.int/x.pdf>")
    assert [p.urls for p in found] == [(), ("http://www.iom.int/x.pdf",)]
    assert found[0].iri == iris.publication(found[0].citation)


@pytest.mark.parametrize("text", ["", "目标", "目标 、、和", "A/", "第 /  号决议", "10." * 200, "E/" * 300])
def test_hostile_texts(text: str) -> None:
    for mention in find_references("u", text):
        assert text[mention.start:mention.end] == mention.text
