"""Footnote bodies and citations on the real seeds: every marker form, continuation lines, orphan tails
after a page break, scoping of lettered notes, and the link from a note to its first citing unit."""

from __future__ import annotations

import pytest

from document_fixtures import SYMBOLS, paragraph, parsed, section, text_units
from gcm_graph.document import parse_report
from gcm_graph.document.model import Footnote

NUMBERED = {"A/76/642": 21, "ESCAP/GCM/2021/3": 1, "A/72/643": 35, "A/71/978": 28}


def footnote(symbol: str, label: str, scope: str = "") -> Footnote:
    matches = [f for f in parsed(symbol).footnotes if f.label == label and f.scope == scope]
    assert len(matches) == 1
    return matches[0]


@pytest.mark.parametrize("symbol", SYMBOLS)
def test_numbered_notes_are_report_wide_and_each_cited(symbol: str) -> None:
    numbered = [f for f in parsed(symbol).footnotes if f.label.isdigit()]
    assert [f.label for f in numbered] == [str(n) for n in range(1, NUMBERED[symbol] + 1)]
    assert all(f.scope == "" for f in numbered)
    assert all(f.cited_by_order is not None for f in numbered)


def test_marker_forms_are_normalised() -> None:
    assert footnote("A/76/642", "10").marker == "¹⁰"
    assert footnote("A/76/642", "a", "summary").marker == "^a"
    assert footnote("ESCAP/GCM/2021/3", "1").marker == "<sup>1</sup>"
    assert footnote("ESCAP/GCM/2021/3", "1").text.startswith("下列联合国实体为")


def test_lettered_notes_restart_per_block() -> None:
    summary_a, box_a = footnote("A/76/642", "a", "summary"), footnote("A/76/642", "a", "I.box1")
    assert summary_a.text.startswith("本报告提及的所有做法均可在联合国网络中心查阅")
    assert box_a.text.startswith("《2020 年国际移民概要》")
    summary = parsed("A/76/642").summary
    assert summary is not None and summary_a.cited_by_order == summary.children[0].order
    box = section("A/76/642", "I.box1")
    assert box_a.cited_by_order == box.children[0].order
    assert footnote("A/76/642", "e", "I.box1").cited_by_order == box.children[-1].order


def test_citations_are_removed_and_recorded_where_they_stood() -> None:
    para = paragraph("A/72/643", 3)
    assert [ref.label for ref in para.footnote_refs] == ["2", "3", "3"]
    for ref in para.footnote_refs:
        assert para.text[ref.offset - 1] == "。"
    assert para.text[para.footnote_refs[-1].offset:].startswith("很有可能的是")
    cited = paragraph("A/76/642", 12)
    assert cited.text[cited.footnote_refs[0].offset:].startswith("各国的执行办法各不相同")
    escap = paragraph("ESCAP/GCM/2021/3", 2)
    assert [ref.label for ref in escap.footnote_refs] == ["1"]
    assert escap.text[:escap.footnote_refs[0].offset].endswith("区域网络")
    assert footnote("ESCAP/GCM/2021/3", "1").cited_by_order == escap.order


def test_cited_by_order_is_the_first_citing_unit() -> None:
    assert footnote("A/72/643", "10").cited_by_order == paragraph("A/72/643", 21).order
    assert [r.label for r in paragraph("A/72/643", 27).footnote_refs] == ["10", "13"]


def test_footnote_continues_on_the_next_line() -> None:
    note_18 = footnote("A/76/642", "18")
    assert note_18.text.endswith("IOM-Vaccine-Inclusion-Mapping-10Sep2021-Global.pdf")
    assert any(link.target.startswith("http://www.iom.int/sites/") for link in note_18.links)
    note_9 = footnote("A/71/978", "9")
    assert "www.acnur.org/cartagena30/en/brazil-declaration-and-plan-of-action/" in note_9.text
    assert "http://www.refworld.org/docid/57a8a4854.html" in {link.target for link in note_9.links}


def test_orphan_footnote_tail_after_a_page_break() -> None:
    note_27 = footnote("A/72/643", "27")
    assert "of migrants in vulnerable situations within large and/or mixed movements" in note_27.text
    assert len(note_27.segments) == 2
    assert "migrants" not in paragraph("A/72/643", 55).text
    assert section("A/72/643", "V.A").children[0] == paragraph("A/72/643", 56)


def test_links_in_footnotes() -> None:
    note_2 = footnote("A/76/642", "2")
    assert note_2.text == "例如，见 E/2021/58。"
    assert [(link.target, link.text, link.offset) for link in note_2.links] == [("E/2021/58", "E/2021/58", 5)]
    note_1 = footnote("A/76/642", "1")
    assert note_1.text == "国家报告可查阅 https://migrationnetwork.un.org/regional-reviews。"
    assert [link.target for link in note_1.links] == ["https://migrationnetwork.un.org/regional-reviews"]
    note_17 = footnote("A/76/642", "17")
    assert note_17.text.startswith("世界卫生组织，“对难民和移民的 COVID-19 免疫接种")


def test_markdown_link_in_running_text() -> None:
    para = paragraph("ESCAP/GCM/2021/3", 9)
    assert para.text.endswith("公布：\nwww.unescap.org/intergovernmental-meetings/asia-pacific-regional-"
                              "review-implementation-global-compact-safe-orderly。")
    assert [link.target for link in para.links] == [
        "http://www.unescap.org/intergovernmental-meetings/asia-pacific-regional-review-implementation-"
        "global-compact-safe-orderly"]
    assert para.text[para.links[0].offset:].startswith(para.links[0].text)


@pytest.mark.parametrize("symbol", SYMBOLS)
def test_ref_and_link_offsets_lie_in_the_text(symbol: str) -> None:
    for unit in text_units(parsed(symbol)):
        assert all(0 <= ref.offset <= len(unit.text) for ref in unit.footnote_refs)
        assert all(unit.text[link.offset:link.offset + len(link.text)] == link.text for link in unit.links)


def test_footnote_body_at_the_start_of_a_block_is_not_a_paragraph() -> None:
    report = parse_report("一. 引言\n\n1. 正文。² 后文\n² 注释正文\n<http://example.org/x>\n\n2. 第二段。\n")
    assert [p.number for p in report.paragraphs()] == [1, 2]
    (note,) = report.footnotes
    assert note.text == "注释正文http://example.org/x" and note.cited_by_order == report.paragraphs()[0].order
