"""Debris removal and the source map (document/clean.py, text.py): clean text holds no conversion debris,
and every clean character maps back to the source character it was copied from."""

from __future__ import annotations

import pytest

from document_fixtures import SYMBOLS, paragraph, parsed, seed_text, text_units
from gcm_graph.document.clean import clean_into
from gcm_graph.document.markers import SUPERSCRIPT_DIGITS
from gcm_graph.document.text import TextBuilder

DEBRIS = ("**", "##", "<b>", "</b>", "<a ", "</a>", "](#)", "<sup>", "错误!超链接引用无效", "^")


def cleaned(line: str) -> tuple[str, list[tuple[str, int]], list[tuple[str, str, int]]]:
    builder = TextBuilder()
    clean_into(builder, line, 0, len(line))
    built = builder.build()
    return (built.text, [(r.label, r.offset) for r in built.footnote_refs],
            [(link.target, link.text, link.offset) for link in built.links])


@pytest.mark.parametrize("symbol", SYMBOLS)
def test_no_debris_in_any_clean_text(symbol: str) -> None:
    for unit in text_units(parsed(symbol)):
        found = [piece for piece in DEBRIS if piece in unit.text]
        found += [char for char in SUPERSCRIPT_DIGITS if char in unit.text]
        assert not found, (found, unit.text[:60])
        assert not unit.text.startswith(("- ", "#", " ")) and not unit.text.endswith((" ", "\n"))


@pytest.mark.parametrize("symbol", SYMBOLS)
def test_every_clean_character_maps_to_its_source_character(symbol: str) -> None:
    source = seed_text(symbol)
    for unit in text_units(parsed(symbol)):
        assert len(unit.source_map) == len(unit.text)
        for char, offset in zip(unit.text, unit.source_map, strict=True):
            assert source[offset] == char or (char.isspace() and source[offset].isspace()), (char, offset)


@pytest.mark.parametrize("symbol", SYMBOLS)
def test_segments_hold_the_unit_in_order(symbol: str) -> None:
    source = seed_text(symbol)
    for unit in text_units(parsed(symbol)):
        spans = list(unit.segments)
        assert spans and all(a.end <= b.start for a, b in zip(spans, spans[1:], strict=False))
        for char, offset in zip(unit.text, unit.source_map, strict=True):
            if not char.isspace():
                assert any(span.start <= offset < span.end for span in spans)
        pairs = zip(unit.text, unit.source_map, strict=True)
        positions = [offset for char, offset in pairs if not char.isspace()]
        assert positions == sorted(positions)
        assert all(source[span.start:span.end].strip() for span in spans)


@pytest.mark.parametrize("symbol", SYMBOLS)
def test_source_span_of_a_clean_substring_slices_the_same_characters(symbol: str) -> None:
    source = seed_text(symbol)
    checked = 0
    for para in parsed(symbol).paragraphs():
        for start in range(0, max(len(para.text) - 8, 0), 37):
            end = start + 8
            span = para.source_span(start, end)
            if span.end - span.start == end - start:  # no debris, marker or break inside
                assert span.slice(source) == para.text[start:end]
                checked += 1
    assert checked > 300


def test_source_span_across_a_page_break_covers_both_sides() -> None:
    para = paragraph("A/76/642", 25)
    start = para.text.index("疫情造成")
    span = para.source_span(start, start + 4)
    sliced = span.slice(seed_text("A/76/642"))
    assert sliced.startswith("疫") and sliced.endswith("情造成") and "世界银行集团" in sliced


def test_markdown_link_to_hash_keeps_its_text_as_target() -> None:
    assert cleaned("见 [E/2021/58](#)。") == ("见 E/2021/58。", [], [("E/2021/58", "E/2021/58", 2)])
    assert cleaned("[t](http://u.org/x)") == ("t", [], [("http://u.org/x", "t", 0)])


def test_html_anchor_and_bold_tags() -> None:
    text, _, links = cleaned('<b>组</b>\t<a href="http://u.org/a%20b">www.u.org</a> 末')
    assert text == "组\twww.u.org 末"
    assert links == [("http://u.org/a%20b", "www.u.org", 2)]


def test_angle_and_bare_urls_stay_as_text_and_become_links() -> None:
    text, _, links = cleaned("查阅 <https://a.org/hub>。见 www.b.org/x.html。")
    assert text == "查阅 https://a.org/hub。见 www.b.org/x.html。"
    assert [target for target, _, _ in links] == ["https://a.org/hub", "http://www.b.org/x.html"]
    assert cleaned("awww.example")[2] == []


def test_citation_markers_of_every_form() -> None:
    assert cleaned("挑战。¹ 各国")[:2] == ("挑战。各国", [("1", 3)])
    assert cleaned("讨论。^a 由")[:2] == ("讨论。由", [("a", 3)])
    assert cleaned("网络<sup>1</sup> 联合")[:2] == ("网络联合", [("1", 2)])
    assert cleaned("人口增加了1.24亿。³ 2020年，")[:2] == ("人口增加了1.24亿。2020年，", [("3", 11)])
    assert cleaned("Working Paper¹⁹ next")[:2] == ("Working Paper next", [("19", 13)])


def test_word_hyperlink_error_is_removed() -> None:
    assert cleaned("**错误!超链接引用无效。**世界卫生组织")[0] == "世界卫生组织"


def test_lines_join_without_space_between_cjk_and_with_one_between_latin() -> None:
    assert "。疫情造成" in paragraph("A/76/642", 25).text
    assert "Don Pramudwinai" in paragraph("ESCAP/GCM/2021/3", 2).text
    assert "联合国经济、社会及有关领域主要大型会议和首脑会议成果" in "".join(
        seed_text("A/76/642")[s.start:s.end] for s in parsed("A/76/642").front_matter).replace("\n", "")
