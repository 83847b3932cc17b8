"""Mentions: every span of a unit that names a reference entity, a local authority or a person.

The lexicon does the longest match; this module decides which matches are mentions:
- words inside a document title in 《…》 belong to the title (《东南亚国家联盟(东盟)…宣言》 is a declaration,
  not a mention of ASEAN);
- a country that begins the name of a non-governmental body is part of that name (缅甸移民教师协会 is an
  association, not Myanmar), unless a place follows it directly (印度印多尔…大学: India, then Indore);
- a collective such as 联合国各机构 is a group, and also names the UN it belongs to (a nested mention);
- a short name that is also a common noun phrase is not the body after a modifier that makes it
  generic: 社区移民组织 are community migrant organizations, not IOM (移民组织);
- 联合国 running on into a programme's name (联合国打击人口贩运合作行动, a UN-system programme the tables do
  not list) is that programme, not the UN;
- persons are the Latin names the reports print before 先生 / 女士 / 博士;
- a guiding principle is named only where the text speaks of principles (原则): 人权 and 国际合作 are
  everyday words elsewhere; English region names ("World", "Asia") in cited titles are not regions.

>>> from .lexicon import Entry, Lexicon
>>> lexicon = Lexicon.build([Entry("缅甸", "c/MMR", "country"), Entry("东盟", "o/ASEAN", "organization")])
>>> [m.entity for m in find_mentions("u", "缅甸移民教师协会与缅甸；《东盟宣言》", lexicon)]
['c/MMR']
"""

from __future__ import annotations

import re

from .. import iris
from .lexicon import Lexicon, Match
from .model import Mention

TITLE = re.compile(r"《[^《》]*》")
PERSON = re.compile(
    r"(?<![A-Za-z])([A-Z][A-Za-z.'\-]*(?:[ \u00a0]+[A-Z][A-Za-z.'\-]*){1,5})[ \u00a0]*(女士|先生|博士)"
)

#: endings of the names of non-governmental bodies: a country right before such a name is part of it
BODY_SUFFIXES = ("协会", "基金会", "公司", "工会", "联合会", "新月会", "红十字会", "大学", "学院", "研究所")
PRINCIPLE_WORD = "原则"
#: short names of a UN organ that, written right after another body's name, are that body's own organ
ORGAN_WORDS = ("大会",)
#: characters that end a proper name in running text (conjunctions, particles, punctuation)
_NAME_STOPS = set("的和与及、，。；：,;:()（）“”《》 \n在为对向从将于由并同等以了是")
_LONGEST_BODY_NAME = 16
#: modifiers that turn a short name such as 移民组织 into the common noun ("community migrant organizations")
GENERIC_MODIFIERS = ("社区", "地方", "基层", "草根", "侨民", "民间", "当地", "妇女", "青年", "非政府")
_SHORT_NAME = 4
#: "联合国打击人口贩运合作行动": the UN's name opening a programme's, which ends in one of these heads
UN_NAME = "联合国"
PROGRAMME_HEADS = ("行动", "方案", "计划", "倡议", "项目", "举措", "伙伴关系", "运动", "平台")
#: verbs after 联合国 that make it the subject of a sentence, not the start of a name ("联合国支持…行动")
UN_VERBS = ("支持", "推动", "开展", "发起", "启动", "制定", "实施", "提供", "加强", "协助", "采取", "领导", "牵头",
            "通过", "呼吁", "鼓励", "继续", "正在", "已经", "将", "也", "还")
_LONGEST_PROGRAMME_NAME = 14


def title_spans(text: str) -> list[tuple[int, int]]:
    return [match.span() for match in TITLE.finditer(text)]


def inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(left <= start and end <= right for left, right in spans)


def find_mentions(unit_iri: str, text: str, lexicon: Lexicon) -> list[Mention]:
    """The mentions of one unit's text, in order of position."""
    titles = title_spans(text)
    speaks_of_principles = PRINCIPLE_WORD in text
    matches = [
        match for match in lexicon.scan(text)
        if not inside(titles, match.start, match.end)
        and (match.entry.kind != "principle" or speaks_of_principles)
        and not (match.entry.kind == "region" and match.entry.text.isascii())
    ]
    starts = {match.start for match in matches}
    ends = {match.end for match in matches if match.entry.kind == "organization"}
    mentions: list[Mention] = []
    for match in matches:
        entry = match.entry
        if entry.kind == "country" and match.end not in starts and _begins_body_name(text, match.end):
            continue
        if entry.kind == "organization" and (_generic(text, match.start, match.end)
                                             or entry.text == UN_NAME and _begins_programme_name(text, match.end)):
            continue
        after_body = match.start in ends or text[match.start - 1:match.start] in (")", "）")
        if entry.text in ORGAN_WORDS and after_body:
            continue  # 国际劳工组织(劳工组织)大会: that body's own conference, not the General Assembly
        mentions.append(_mention(unit_iri, text, match.start, match.end, entry.iri, entry.kind, "lexicon"))
        if entry.kind == "group":
            mentions.extend(_nested(unit_iri, text, match, lexicon))
    mentions.extend(find_persons(unit_iri, text))
    return sorted(mentions, key=lambda mention: (mention.start, -mention.end))


def find_persons(unit_iri: str, text: str) -> list[Mention]:
    return [
        Mention(unit_iri, match.start(1), match.end(1), 0.85, "mention-person-title",
                text=match.group(1), entity=iris.person(" ".join(match.group(1).split())), kind="person")
        for match in PERSON.finditer(text)
    ]


def _generic(text: str, start: int, end: int) -> bool:
    """Is this short organization name a common noun here (社区移民组织)?

    >>> _generic("由地方政府和社区移民组织进行", 8, 12), _generic("由难民署和移民组织共同领导", 5, 9)
    (True, False)
    """
    return end - start <= _SHORT_NAME and text[:start].endswith(GENERIC_MODIFIERS)


def _name_run(text: str, end: int, longest: int) -> str:
    """The text from ``end`` up to the first character that cannot be inside a name (at most ``longest``)."""
    run = []
    for char in text[end:end + longest]:
        if char in _NAME_STOPS:
            break
        run.append(char)
    return "".join(run)


def _begins_body_name(text: str, end: int) -> bool:
    """Does the name run on from ``end`` to a non-governmental body's ending (协会, 公司 …)?"""
    name = _name_run(text, end, _LONGEST_BODY_NAME)
    return any(suffix in name for suffix in BODY_SUFFIXES)


def _begins_programme_name(text: str, end: int) -> bool:
    """Does the UN's name run on from ``end`` into a programme's name?

    >>> _begins_programme_name("联合国打击人口贩运合作行动重点关注", 3), _begins_programme_name("联合国支持各国行动", 3)
    (True, False)
    """
    name = _name_run(text, end, _LONGEST_PROGRAMME_NAME)
    if name.startswith(UN_VERBS):
        return False
    return any(0 < name.find(head) for head in PROGRAMME_HEADS)


def _nested(unit_iri: str, text: str, match: Match, lexicon: Lexicon) -> list[Mention]:
    """Entities named inside a group's name (联合国 in 联合国各机构)."""
    return [
        _mention(unit_iri, text, match.start + inner.start, match.start + inner.end, inner.entry.iri,
                 inner.entry.kind, "lexicon-nested")
        for inner in lexicon.scan(text[match.start:match.end - 1])
        if inner.entry.kind != "group"
    ]


def _mention(unit_iri: str, text: str, start: int, end: int, iri: str, kind: str, rule: str) -> Mention:
    surface = text[start:end]
    confidence = 0.85 if surface.isascii() else 0.95 if len(surface) > 2 else 0.9
    return Mention(unit_iri, start, end, confidence, f"mention-{rule}", text=surface, entity=iri, kind=kind)
