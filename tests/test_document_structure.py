"""The section tree of the real seeds: paragraph numbering, page-break stitching, headings, lists, boxes,
summaries, annexes and front matter (document/structure.py, blocks.py, markers.py, frontmatter.py)."""

from __future__ import annotations

import pytest

from document_fixtures import SYMBOLS, paragraph, parsed, section, sections, seed_text
from gcm_graph.document import parse_report
from gcm_graph.document.model import Paragraph, Section, Table, TextBlock

EXPECTED_NUMBERS = {
    ("A/76/642", None): range(1, 112),
    ("ESCAP/GCM/2021/3", None): range(1, 14),
    ("ESCAP/GCM/2021/3", "II"): range(1, 86),
    ("A/72/643", None): range(1, 89),
    ("A/71/978", None): range(1, 98),
}


@pytest.mark.parametrize("symbol", SYMBOLS)
def test_every_paragraph_number_once_in_order(symbol: str) -> None:
    paragraphs = parsed(symbol).paragraphs()
    for (seed, annex), numbers in EXPECTED_NUMBERS.items():
        if seed == symbol:
            assert [p.number for p in paragraphs if p.annex == annex] == list(numbers)
    assert {p.annex for p in paragraphs} <= {None, "II"}


@pytest.mark.parametrize("symbol", SYMBOLS)
def test_reading_order_is_a_strictly_increasing_counter(symbol: str) -> None:
    orders = [node.order for node in parsed(symbol).walk()]
    assert orders == sorted(orders) and len(set(orders)) == len(orders)


@pytest.mark.parametrize("symbol", SYMBOLS)
def test_section_paths_are_unique(symbol: str) -> None:
    paths = [s.path for s in sections(parsed(symbol))]
    assert len(paths) == len(set(paths))


def test_page_break_inside_a_word_is_stitched_without_the_footnote() -> None:
    para = paragraph("A/76/642", 25)
    assert "都有增加。疫情造成的变化可能带来新的危险" in para.text
    assert "世界银行集团" not in para.text
    assert len(para.segments) == 2
    footnote_9 = next(f for f in parsed("A/76/642").footnotes if f.label == "9")
    assert footnote_9.text.startswith("世界银行集团，《复苏")
    assert footnote_9.cited_by_order == paragraph("A/76/642", 22).order
    assert [ref.label for ref in para.footnote_refs] == ["10", "11"]
    source = seed_text("A/76/642")
    assert source[para.segments[0].end - 1] == "疫" and source[para.segments[1].start] == "情"


@pytest.mark.parametrize(("symbol", "number", "annex", "joined"), [
    ("A/76/642", 21, None, "旨在弥合数据和知识差距"),
    ("A/76/642", 30, None, "许多国家在确保基于权利的拘留替代办法"),
    ("A/76/642", 53, None, "并提高卫生保健服务的可及性。"),
    ("A/76/642", 58, None, "旨在促进平衡、基于证据的移民叙事"),
    ("A/76/642", 63, None, "非正常移民获得正常身份。"),
    ("A/76/642", 76, None, "一个全球从业者团体编制了指导文件"),
    ("A/76/642", 83, None, "应对 COVID-19 对孟加拉国移民的影响"),
    ("A/76/642", 88, None, "关于在COVID-19 的准备"),
    ("A/72/643", 8, None, "作为全球契约的一个组成部分"),
    ("A/72/643", 20, None, "其余的 15% 以汇款形式寄回原籍社区"),
    ("A/72/643", 25, None, "最近的估计表明，全世界"),
    ("A/72/643", 46, None, "会使无根据地怀疑外国人合法化"),
    ("A/72/643", 84, None, "密切支持，并赞扬被指定领导"),
    ("A/71/978", 14, None, "打击人口贩运机构间协调小组，包括难民署"),
    ("A/71/978", 29, None, "面临风险或有特殊需求的迁移者"),
    ("A/71/978", 50, None, "移民提供离开前或到达后情况介绍"),
    ("A/71/978", 56, None, "测量招聘成本和汇款费用的办法"),
    ("A/71/978", 69, None, "“萨瑟兰报告”的负责移民问题"),
    ("A/71/978", 76, None, "知识和咨询服务，并且有能力"),
    ("A/71/978", 97, None, "。自2018年2月起"),
    ("ESCAP/GCM/2021/3", 7, "II", "属于最边缘化的群体"),
    ("ESCAP/GCM/2021/3", 15, "II", "将确保处于弱势地位的移民者"),
    ("ESCAP/GCM/2021/3", 45, "II", "制定了相应的部际执行框架"),
    ("ESCAP/GCM/2021/3", 82, "II", "污名化和暴力影响的风险增加"),
    ("ESCAP/GCM/2021/3", 2, None, "副总理 Don Pramudwinai 先生"),
])
def test_page_breaks_are_stitched(symbol: str, number: int, annex: str | None, joined: str) -> None:
    para = paragraph(symbol, number, annex)
    assert joined in para.text
    assert len(para.segments) == 2


@pytest.mark.parametrize("symbol", SYMBOLS)
def test_no_footnote_body_inside_running_text(symbol: str) -> None:
    report = parsed(symbol)
    bodies = [f.text[:20] for f in report.footnotes if len(f.text) >= 20]
    for node in report.walk():
        if isinstance(node, Paragraph | TextBlock):
            assert not [body for body in bodies if body in node.text], (node.order, node.text[:40])


def test_consecutive_paragraphs_without_blank_lines_are_split() -> None:
    for number in range(30, 40):
        assert paragraph("ESCAP/GCM/2021/3", number, "II").text.count("\n") == 0
    assert "移民领袖" not in paragraph("ESCAP/GCM/2021/3", 30, "II").text
    assert paragraph("A/71/978", 2).text.startswith("《宣言》重申")
    assert "会员国还认识到" not in paragraph("A/71/978", 2).text


def test_chapter_and_section_headings_are_sections_not_paragraphs() -> None:
    chapters = [s for s in sections(parsed("A/76/642")) if s.kind == "chapter"]
    assert [(s.number, s.path, s.level) for s in chapters] == [
        ("一", "I", 1), ("二", "II", 1), ("三", "III", 1), ("四", "IV", 1), ("五", "V", 1)]
    assert chapters[0].title is not None and chapters[0].title.text == "引言"
    section_a = section("A/76/642", "II.A")
    assert (section_a.kind, section_a.number, section_a.level) == ("section", "A", 2)
    assert section_a.title is not None and section_a.title.text == "国家和利益攸关方参与《契约》情况"
    assert paragraph("A/76/642", 12) in section_a.children


def test_numbered_subheading_where_the_next_paragraph_is_due() -> None:
    section_a = section("A/71/978", "II.A")
    subsection = section("A/71/978", "II.A.1")
    assert subsection in section_a.children
    assert (subsection.kind, subsection.number, subsection.level) == ("subsection", "1", 3)
    assert subsection.title is not None and subsection.title.text == "难民问题全面响应框架的适用"
    assert paragraph("A/71/978", 8) in subsection.children
    assert section("A/71/978", "II.A.2").title.text == "推动其他相关承诺"  # type: ignore[union-attr]
    assert paragraph("A/71/978", 29) in section("A/71/978", "II.A.2").children


def test_lettered_headings_nest_under_the_subsection() -> None:
    item_a = section("A/71/978", "II.A.1.a")
    assert (item_a.kind, item_a.number, item_a.title.text) == ("item", "a", "基本要素")  # type: ignore[union-attr]
    assert [p.number for p in item_a.children if isinstance(p, Paragraph)] == [9, 10]
    assert [s.path for s in section("A/71/978", "II.A.1").children if isinstance(s, Section)] == [
        "II.A.1.a", "II.A.1.b", "II.A.1.c", "II.A.1.d"]


def test_unnumbered_headings_nest_under_the_numbered_one() -> None:
    titles = {s.path: s.title.text for s in sections(parsed("A/71/978")) if s.kind == "heading" and s.title}
    assert titles == {
        "III.A.h1": "保护和援助移民", "III.A.h2": "国家政府和利益攸关方能力建设",
        "III.A.h3": "加强数据和证据收集", "III.A.h4": "政策制定",
        "IV.h1": "被迫流离失所背景下联合国与国际金融机构的参与",
        "IV.h2": "正常和非正常移民背景下联合国与国际金融机构的参与",
        "IV.h3": "联合国和私营部门在财政支助以外的活动", "IV.h4": "加强参与的方式",
    }
    heading = section("A/71/978", "III.A.h1")
    assert [p.number for p in heading.children if isinstance(p, Paragraph)] == [43, 44, 45]
    assert section("A/71/978", "III.A.h1") in section("A/71/978", "III.A").children


def test_markdown_bold_and_glued_headings() -> None:
    symbol = "ESCAP/GCM/2021/3"
    assert section(symbol, "II").title.text == "会议安排"  # type: ignore[union-attr]
    assert section(symbol, "II.A").title.text == "会议的开幕、会期和安排"  # type: ignore[union-attr]
    assert section(symbol, "II.B").title.text == "出席情况"  # type: ignore[union-attr]
    assert section(symbol, "III").title.text == "主席摘要"  # type: ignore[union-attr]
    assert section(symbol, "I").title.text == "提请经社会注意的事项"  # type: ignore[union-attr]
    decision = section(symbol, "I.h1")
    assert decision.title is not None and decision.title.text == "决定"
    assert isinstance(decision.children[0], TextBlock)
    assert decision.children[0].text.startswith("会议决定根据大会第 73/195 号")


def test_agenda_item_notes_stay_in_their_heading_section() -> None:
    symbol = "ESCAP/GCM/2021/3"
    chapter = section(symbol, "annex-II.II")
    assert isinstance(chapter.children[0], TextBlock) and chapter.children[0].text == "(议程项目 2)"
    panel = section(symbol, "annex-II.III.h2")
    assert panel.title is not None and panel.title.text.startswith("通过以权利为本的边境治理")
    assert isinstance(panel.children[0], TextBlock) and panel.children[0].text == "(议程项目 3(b))"
    assert [p.number for p in panel.children if isinstance(p, Paragraph)] == list(range(40, 50))


def test_annexes_restart_numbering_and_hold_the_table() -> None:
    symbol = "ESCAP/GCM/2021/3"
    annex_one, annex_two = section(symbol, "annex-I"), section(symbol, "annex-II")
    assert (annex_one.kind, annex_one.number, annex_two.number) == ("annex", "I", "II")
    assert annex_one.title is not None and annex_one.title.text == "文件一览表"
    assert annex_two.title is not None and annex_two.title.text.endswith("会议记录主席摘要")
    table = annex_one.children[0]
    assert isinstance(table, Table)
    assert table.header == ("文号", "标题", "议程项目")
    assert [row[0] for row in table.rows][:3] == ["ESCAP/GCM/2021/1", "ESCAP/GCM/2021/2", "ESCAP/GCM/2021/3"]
    groups = dict(zip([row[0] for row in table.rows], table.groups, strict=True))
    assert groups["ESCAP/GCM/2021/L.2"] == "限制分发文件"
    assert table.groups[-1] == "在线信息"
    assert all("<" not in cell for row in table.rows for cell in row)
    assert {link.target for link in table.links} == {
        "http://www.unescap.org/sites/default/d8files/event-documents/Guide%20to%20Participation_Hybrid"
        "%20Meeting_rev.pdf",
        "http://www.unescap.org/intergovernmental-meetings/asia-pacific-regional-review-implementation-"
        "global-compact-safe-orderly"}
    chapter = section(symbol, "annex-II.I")
    assert chapter.title is not None and chapter.title.text == "导言"
    assert paragraph(symbol, 1, "II") in chapter.children and paragraph(symbol, 1) not in chapter.children


def test_agenda_list_items_nest() -> None:
    para = paragraph("ESCAP/GCM/2021/3", 11)
    tops = [item for item in para.items if item.depth == 0]
    assert [item.label for item in tops] == ["1", "2", "3", "4"]
    assert [item.label for item in para.items if item.parent_label == "1"] == ["a", "b", "c"]
    assert [item.label for item in para.items if item.parent_label == "3"] == ["a", "b", "c", "d"]
    texts = {(item.parent_label, item.label): para.text[item.start:item.end] for item in para.items}
    assert texts[(None, "1")] == "会议开幕："
    assert texts[("1", "b")] == "选举主席团成员；"
    assert texts[("3", "d")].startswith("加强循证政策制定") and texts[(None, "4")] == "审议和通过会议成果。"
    assert para.text.startswith("会议通过了下列议程：\n1. 会议开幕：\n(a) 致开幕词；\n(b)")


def test_side_events_and_bureau_are_items_of_their_paragraph() -> None:
    events = paragraph("ESCAP/GCM/2021/3", 12)
    assert [item.label for item in events.items] == list("abcdefgh")
    assert events.text[events.items[-1].start:].startswith("2021年3月12日，会外活动：“在东南亚国家联盟")
    bureau = paragraph("ESCAP/GCM/2021/3", 10)
    lines = [bureau.text[item.start:item.end] for item in bureau.items]
    assert lines[0].startswith("主席： Sarah Lou Y. Arriola") and lines[1].startswith("副主席：")
    assert len(lines) == 4


def test_list_items_after_footnotes_belong_to_the_lead_paragraph() -> None:
    para = paragraph("A/72/643", 4)
    assert [item.label for item in para.items] == ["a", "b", "c", "d"]
    assert para.text[para.items[0].start:].startswith("摆在我们面前的基本挑战")
    assert not any(f.text[:10] in para.text for f in parsed("A/72/643").footnotes)
    assert [item.label for item in paragraph("A/72/643", 67).items] == ["a", "b", "c"]
    assert [item.label for item in paragraph("A/72/643", 83).items] == ["a", "b"]
    assert [item.label for item in paragraph("A/71/978", 34).items] == ["a", "b"]
    assert [item.label for item in paragraph("A/71/978", 35).items] == ["a", "b", "c"]


def test_summary_is_unnumbered_text_before_the_first_chapter() -> None:
    summary = parsed("A/76/642").summary
    assert summary is not None and summary.kind == "summary" and summary.path == "summary"
    assert summary.title is not None and summary.title.text == "摘要"
    block = summary.children[0]
    assert len(summary.children) == 1 and isinstance(block, TextBlock)
    assert block.text.startswith("本报告根据大会 2018 年 12 月 19 日第 73/195 号决议提交")
    assert [ref.label for ref in block.footnote_refs] == ["a"]
    other = parsed("A/72/643").summary
    assert other is not None and [type(child) for child in other.children] == [TextBlock] * 3


def test_box_is_a_section_of_bullet_blocks_with_its_own_notes() -> None:
    box = section("A/76/642", "I.box1")
    assert box.kind == "box" and box.title is not None
    assert box.title.text == "移民流动和移民概况：全球数据和趋势"
    assert box in section("A/76/642", "I").children
    assert len(box.children) == 9 and all(isinstance(child, TextBlock) for child in box.children)
    assert box.children[0].text == "最近几十年，在出生国或国籍国以外生活的人数大幅增长，2020 年达到 2.81 亿。"  # type: ignore[union-attr]
    notes = [f for f in parsed("A/76/642").footnotes if f.scope == "I.box1"]
    assert [f.label for f in notes] == list("abcde")
    assert paragraph("A/76/642", 12) not in box.children


@pytest.mark.parametrize(("symbol", "session", "agenda", "title"), [
    ("A/76/642", 76, ("15",), "安全、有序和正常移民全球契约"),
    ("A/72/643", 72, ("14", "117"), "让移居对人人有益"),
    ("A/71/978", 71, ("13", "117"), "落实和审查《纽约宣言》的承诺"),
    ("ESCAP/GCM/2021/3", None, (), "《安全、有序和正常移民全球契约》执行情况亚太区域审查报告"),
])
def test_front_matter_is_stated_metadata_not_paragraphs(symbol: str, session: int | None,
                                                        agenda: tuple[str, ...], title: str) -> None:
    report = parsed(symbol)
    stated = report.stated
    assert (stated.session, stated.agenda_items, stated.title) == (session, agenda, title)
    first = min(p.segments[0].start for p in report.paragraphs())
    assert report.front_matter and all(span.end <= first for span in report.front_matter)


def test_meeting_place_and_date() -> None:
    assert parsed("ESCAP/GCM/2021/3").stated.place_and_date == "2021年3月10日至12日，曼谷"


@pytest.mark.parametrize("symbol", SYMBOLS)
def test_windows_line_endings_parse_the_same(symbol: str) -> None:
    crlf = parse_report(seed_text(symbol).replace("\n", "\r\n"))
    assert [(p.number, p.annex, p.text) for p in crlf.paragraphs()] == [
        (p.number, p.annex, p.text) for p in parsed(symbol).paragraphs()]
    assert [f.text for f in crlf.footnotes] == [f.text for f in parsed(symbol).footnotes]


def test_a_sentence_starting_like_a_section_number_is_text() -> None:
    report = parse_report("一. 引言\n\n1. 第一段。\n\nA. F. Constant 认为如此。\n\n2. 第二段。\n")
    blocks = [node for node in report.walk() if isinstance(node, TextBlock)]
    assert [block.text for block in blocks] == ["A. F. Constant 认为如此。"]
    assert [p.number for p in report.paragraphs()] == [1, 2]
