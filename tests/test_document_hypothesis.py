"""Hostile input: the parser either returns a report whose offsets are all sound or raises ParseError
naming the input and the line; it never crashes (document/parser.py)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from document_fixtures import seed_text, text_units
from gcm_graph.document import ParseError, parse_report
from gcm_graph.document.model import Paragraph, Report, Section, TextBlock

# Line shapes the parser reacts to, mixed with arbitrary text so the rules meet each other in odd orders.
SHAPES = ["1. 第一段。", "2. 第二段", "12. 段落¹ 文", "3.", "一. 引言", "十. ", "A. 节", "附件二",
          "## 附件一",
          "摘要", "**决定**", "**二. 会议****A. 开幕**", "### **三. 题**", "¹ 注释", "¹⁰", "^a 注", "^b",
          "<sup>1</sup> 注", "(a) 项；", "- (b) 项", "  - 项目", "(议程项目 3(b))", "主席： 某人  ",
          "文号\t标题\t", "<b>组</b>\t\t", '<a href="http://u">t</a>\tx', "[E/1](#)", "<https://a.b/c>",
          "www.a.org/x。", "**错误!超链接引用无效。**", "of tail (<http://x.y>).", "第七十六届会议",
          "议程项目 14 和 117", "秘书长的报告", "疫", "情造成", "Don", "  ", "\t", "\r", "：", "。", ""]
SEED_LINES = [line for symbol in ("A/76/642", "ESCAP/GCM/2021/3") for line in seed_text(symbol).split("\n")]
lines = st.one_of(st.sampled_from(SHAPES), st.text(max_size=30), st.sampled_from(SEED_LINES))
documents = st.one_of(st.text(max_size=300), st.lists(lines, max_size=40).map("\n".join),
                      st.lists(lines, max_size=40).map("\n\n".join))


def assert_sound(report: Report, source: str) -> None:
    for unit in text_units(report):
        assert len(unit.source_map) == len(unit.text)
        for char, offset in zip(unit.text, unit.source_map, strict=True):
            assert 0 <= offset < len(source)
            assert source[offset] == char or (char.isspace() and source[offset].isspace())
            if not char.isspace():
                assert any(span.start <= offset < span.end for span in unit.segments)
        assert all(0 <= span.start < span.end <= len(source) for span in unit.segments)
        assert all(0 <= ref.offset <= len(unit.text) for ref in unit.footnote_refs)
        if isinstance(unit, Paragraph | TextBlock):
            assert all(0 <= item.start <= item.end <= len(unit.text) for item in unit.items)
    orders = [node.order for node in report.walk()]
    assert len(set(orders)) == len(orders) and orders == sorted(orders)
    paths = [node.path for node in report.walk() if isinstance(node, Section)]
    assert len(set(paths)) == len(paths)
    assert report.paragraphs()


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_any_text_parses_soundly_or_raises_parse_error(text: str) -> None:
    try:
        report = parse_report(text, name="fuzz.txt")
    except ParseError as error:
        assert str(error).startswith("fuzz.txt:") and error.line >= 1
    else:
        assert_sound(report, text)


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t\n", "\u3000\n"])
def test_empty_or_blank_text_is_rejected_at_line_1(text: str) -> None:
    with pytest.raises(ParseError, match=r"^blank\.txt:1: empty"):
        parse_report(text, name="blank.txt")


def test_text_without_numbered_paragraphs_names_the_last_line() -> None:
    with pytest.raises(ParseError, match=r"^notes\.txt:5: no numbered paragraph"):
        parse_report("一. 引言\n\n只有文字。\n\n没有编号\n", name="notes.txt")


def test_binary_looking_text_is_rejected() -> None:
    noise = bytes(range(256)).decode("latin-1") * 4
    with pytest.raises(ParseError, match=r"^blob:\d+: no numbered paragraph"):
        parse_report(noise, name="blob")


def test_gbk_bytes_decoded_as_latin1_never_crash() -> None:
    mojibake = seed_text("A/72/643").encode("gb18030").decode("latin-1")
    try:
        report = parse_report(mojibake, name="mojibake.txt")
    except ParseError as error:
        assert error.name == "mojibake.txt"
    else:
        assert_sound(report, mojibake)


def test_error_is_a_value_error() -> None:
    assert issubclass(ParseError, ValueError)


@pytest.mark.parametrize("text", [
    "1. 段" + "¹" * 60 + "x",           # a run of markers before a non-marker: once exponential backtracking
    "1. " + "[" * 5000,                  # an unclosed Markdown link, many times over
    "1. " + "<http://a" * 2000,          # unclosed angle-bracket URLs
    "1. 列表：\n" + "(a) 项；\n" * 2000,  # a very long list
])
def test_pathological_lines_parse(text: str) -> None:
    report = parse_report(text, name="odd.txt")
    assert [p.number for p in report.paragraphs()] == [1]
    assert_sound(report, text)


def test_a_lone_short_numbered_line_is_a_paragraph() -> None:
    assert [p.text for p in parse_report("1. 会议开幕").paragraphs()] == ["会议开幕"]
