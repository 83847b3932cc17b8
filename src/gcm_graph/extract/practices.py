"""Practices: concrete actions of named actors, found clause by clause.

A clause starts a practice when it opens with a *chain* of actor mentions (countries, organizations,
local authorities joined by 、 和 与 及) followed by an action verb ("斐济设立了…",
"老挝人民民主共和国、缅甸、
泰国和越南核可了…"). Other openings the reports use for the same thing:
- an agent after 由 ("由加拿大、厄瓜多尔和…共同主持的…运动");
- a relative clause naming who launched or led something ("…联合王国和瑞士发起的…行动呼吁");
- a place then its government ("在斯里兰卡，政府和雇主推出…": Sri Lanka);
- an anaphor for the last actor of that kind ("该市还在 2019 年…": the city named before);
- a nominal report of a measure ("印度尼西亚政府的一项政策…").
Not practices: unnamed actors (一些国家 is not in the lexicon, so no chain starts), a chain whose first verb
is one of saying (指出, 强调 …), and countries that are only the place or the beneficiary (they never open
the clause). A country written right before its city (意大利米兰市) locates the city and is not an actor.

Years: the one the sentence states before the verb (2019年，… / 在 2019 年…), or the year 同年 (次年: the
next one) carries over
from the previous sentences; ranges (2019-2024年, 2020 和 2021 年) and years in titles state no year.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from .context import UnitText
from .mentions import title_spans
from .model import Mention, ObjectiveAssignment, Practice
from .objectives import choose
from .recommendations import OPENING as RECOMMENDATION
from .years import stated_years

ACTOR_KINDS = ("country", "organization", "local", "person")
SENTENCE = re.compile(r"[^。；;！!？?]+[。；;！!？?]?")
CLAUSE = re.compile(r"[^，,：:]+[，,：:]?")
#: what joins the actors of a chain ("老挝人民民主共和国、缅甸、泰国和越南")
JOINER = r"(?:\s|、|和|与|及|以及|,|，)"
SEPARATOR = re.compile(rf"^{JOINER}*$")
#: "挪威统计局、欧盟统计局和难民署": an organ of the state after a country, then the next actor of the chain
ORGAN_SEPARATOR = re.compile(rf"^(?:政府|[\u4e00-\u9fff]{{1,6}}?[部局署厅]){JOINER}+$")
#: "联合国各机构、太平洋岛屿论坛秘书处…": the parts of an organization, then the next actor of the chain
PARTS_SEPARATOR = re.compile(rf"^(?:各?(?:机构|实体)|系统|国家工作队){JOINER}+$")
TRAILING_ALIAS = re.compile(r"\s*[(（][^()（）]{1,20}[)）]")
FILLERS = re.compile(
    r"^\s*(?:例如|包括|此外|另外|同时|为此|因此|而且|而|并且|并|还|但是|但|同样|其中|以及|最后|首先|其次|此后"
    r"|随后)?[，,]?\s*(?:\d[\d\s]*个\s*)?"  # "86 个移民组织办事处…": offices of a named body
)
ACTION_VERBS = tuple((
    "设立 成立 建立 启动 发起 推出 出台 制定 制订 通过 核准 核可 批准 签署 实施 推行 "
    "执行 禁止 加强 延长 扩大 提供 授予 颁发 免除 统一 改进 改善 支持 支助 协助 资助 "
    "组织 举办 开展 任命 发布 编写 编制 设计 合作 参加 宣布 采取 落实 启用 领导 主持 "
    "汇编 召集 释放 登记 利用 放松 取消 允许 建议 拨付 开发 纳入 重点关注 提倡 监测 帮助 "
    "应用 创建 筹集 修订 推动 运作 引入 试点 培训 部署 投资 捐助 探索 致力于 进行 申请 "
    "达成 签订 缔结 扩展 推广 "
).split())
SAYING_VERBS = tuple((
    "指出 认为 表示 强调 呼吁 重申 注意到 认识到 报告 介绍 分享 欢迎 感谢 提请 敦促 鼓励 "
    "促请 希望 承认 承诺 申明 作了发言 发言 主张 警告 提出 吁请 要求 决定 请 "
).split())
VERB = re.compile("|".join(sorted({*ACTION_VERBS, *SAYING_VERBS}, key=len, reverse=True)))
#: verbs whose relative clause still reports the actor's deed ("…瑞士发起的行动呼吁": they launched it)
RELATIVE_VERBS = ("发起", "主持", "组织", "举办", "推出", "领导", "牵头", "资助")
RELATIVE = re.compile(r"\s*(?:共同)?(?:" + "|".join(RELATIVE_VERBS) + ")的")
NOMINAL = re.compile(
    r"^(?:政府)?(?:(?:关于[^，。；]{1,20})?的|\s*\d{4}\s*[-–—至]\s*\d{4}\s*年)[^，。；的]{0,6}?"
    r"(?:政策|方案|倡议|举措|计划|战略|准则|框架|机制)"
)
GOVERNMENT = re.compile(r"\s*(?:政府|地方当局|当局|该国政府|地方政府)")
PLACE_CLAUSE = re.compile(r"^\s*在\s*")
MODAL = re.compile(r"\s*(?:还|也)?(?:可以|可能|可据此|可|应当|应|必须|需要|打算|将于|将在|拟)")
EVENT_VERBS = ("组织", "举办")
#: the subject's clause is only its manner or means (no verb, no 了 of its own), the next clause opens with
#: the verb
NEXT_CLAUSE_VERB = re.compile(r"\s*(?:并|还|也|随后|同时)?\s*(?:" + VERB.pattern + ")")
#: "各个国家、联合国各机构、太平洋岛屿论坛秘书处…支持…": unnamed actors before named ones in one chain
GENERIC_LEAD = re.compile(r"(?:各个?国家|各国(?:政府)?|一些国家|许多国家|会员国|成员国)(?:\s|、|和|与|及|以及)+")
#: "分享了印度的例子，包括…": an example of a named actor's practice, shared by a speaker
SHARED = re.compile(r"(?:分享|介绍|列举|举)了\s*(?:关于\s*)?")
EXAMPLE = re.compile(r"\s*的\s*(?:例子|实例|经验|做法|良好做法|举措)")
#: "泰国一名…与会者、…专员 Aliya Yunusova 女士": a person from the country (a panellist), not the country
#: (only before a preposition: "泰国为一名受害者提供了…" is Thailand acting for a person)
PERSON = re.compile(r"^[^为向对给在]*?(?:一名|一位|女士|先生|与会者|专员|局长|主任|博士|教授)")
#: "由…组成的网络" (made up of), "东盟成员国…" (the body's members): the chain is not the actor
MEMBERSHIP = re.compile(r"\s*(?:(?:共同)?(?:组成|构成)|各?(?:成员国|会员国|成员))")
#: "…可能无意中会重复…, 应制定…", "联合国系统可据此…提供支持": what may or should be done
MODAL_BEFORE_VERB = re.compile(r"可以|可能|可据此|应当|应该|必须|打算|将于|将在")
#: "在国际移民组织的支持下" / "在欧洲联盟的资助下，…": the supporters of the deed act in it too
SUPPORT = re.compile(
    r"在\s*(?P<chain>[^，。；在]{1,40}?)\s*的\s*(?:大力)?(?:支持|支助|资助|协助|帮助|合作|指导)下[，,]?\s*"
)
MASK = "\u25a1"
#: common nouns holding a verb of the list (区域经济组织, 执行委员会): blanked so the verb is not found there
NOUN_COMPOUND = re.compile(
    r"(?:经济|国际|政府间|非政府|政府|社会|区域|移民|民间|成员|工人|雇主|伙伴|基层|社区)组织|执行(?:委员会|主任|秘书|局)"
)
NOUN_BLANK = "\u3000"
_SHORT_SETTING = 16
ANAPHORS = {"该市": "local", "该国": "country"}
#: "该网络…" (the network): the last body named with that head noun, here or in an earlier unit
BODY_ANAPHOR = re.compile(r"该(网络|组织|基金|委员会|中心|联盟|小组|机构)")
BODY_NOUNS = ("网络", "组织", "基金", "委员会", "中心", "联盟", "小组", "机构")


@dataclass(frozen=True)
class _Opening:
    """Who opens a clause, from where the practice's evidence starts, and by which rule."""

    actors: tuple[str, ...]
    start: int
    chain_end: int
    rule: str
    confidence: float


def find_practices(unit: UnitText, mentions: Sequence[Mention],
                   earlier_bodies: Mapping[str, str] | None = None) -> list[Practice]:
    """The practices of one unit, in order. ``earlier_bodies`` maps a head noun (网络, 组织 …) to the last
    body so named before this unit (see :func:`named_bodies`), for "该网络…" at the start of a paragraph."""
    actors = sorted((m for m in mentions if m.kind in ACTOR_KINDS), key=lambda m: m.start)
    text = masked(unit.text, actors)
    practices: list[Practice] = []
    last_year: int | None = None
    last_actor: dict[str, str] = {}
    bodies = dict(earlier_bodies or {})
    for sentence in SENTENCE.finditer(unit.text):
        s_start, s_end = sentence.span()
        years = stated_years(unit.text, s_start, s_end)
        carried = _carried_year(sentence.group(), last_year)
        calls = RECOMMENDATION.match(text, s_start) is not None  # a call on others, not a deed
        openings = [] if calls else _openings(text, s_start, s_end, actors, last_actor, bodies)
        for index, opening in enumerate(openings):
            end = openings[index + 1].start if index + 1 < len(openings) else s_end
            end = _trim_end(unit.text, opening.start, end)
            verb = VERB.search(text, opening.chain_end, end)
            year = _year_before(years, verb.start() if verb else opening.chain_end, opening.start, s_start)
            practice = _practice(unit, opening, end, year or carried, sentence.group())
            if practice is not None:
                practices.append(practice)
        if years:
            last_year = years[-1][1]
        elif carried:
            last_year = carried
    return practices


def _practice(unit: UnitText, opening: _Opening, end: int, year: int | None,
              sentence: str) -> Practice | None:
    evidence = unit.text[opening.start:end]
    choices = choose(evidence, sentence, unit.text, unit.headings)
    if not choices:
        return None
    assignments = tuple(
        ObjectiveAssignment(unit.iri, opening.start, end, choice.confidence, choice.rule,
                            objective=choice.objective)
        for choice in choices
    )
    confidence = round(min(opening.confidence, max(choice.confidence for choice in choices) + 0.1), 2)
    return Practice(unit.iri, opening.start, end, confidence, opening.rule, actors=opening.actors, year=year,
                    objectives=assignments, description=evidence.strip())


def _openings(text: str, s_start: int, s_end: int, actors: Sequence[Mention],
              last_actor: dict[str, str], bodies: dict[str, str]) -> list[_Opening]:
    openings: list[_Opening] = []
    place: list[Mention] = []
    supporters: tuple[str, ...] = ()
    for clause in CLAUSE.finditer(text, s_start, s_end):
        c_start = clause.start() + FILLERS.match(clause.group()).end()
        c_end = clause.end()
        support = SUPPORT.match(text, c_start, c_end)
        if support is not None:  # "在欧洲联盟的资助下，国际移民组织…提供了…": the supporters join the actors
            supporters += _chain(text, support.start("chain"), support.end("chain"), actors)[0]
            c_start = support.end()
            if c_start >= c_end:
                continue
        opening = (_agent_or_subject(text, c_start, c_end, s_end, actors)
                   or _located(text, c_start, c_end, place)
                   or _shared_example(text, c_start, c_end, actors)
                   or _anaphor(text, c_start, c_end, last_actor, actors, bodies))
        if opening is not None:
            if supporters:
                opening = replace(opening, actors=tuple(dict.fromkeys((*opening.actors, *supporters))))
                supporters = ()
            openings.append(opening)
            last_actor.update((_kind_of(entity, actors), entity) for entity in opening.actors)
        place = [m for m in actors if c_start <= m.start and m.end <= c_end] if PLACE_CLAUSE.match(
            text[c_start:c_end]) and not VERB.search(text, c_start, c_end) else []
        openings.extend(_relatives(text, c_start, c_end, actors, openings))
    return sorted(openings, key=lambda opening: opening.start)


def _agent_or_subject(text: str, c_start: int, c_end: int, s_end: int,
                      actors: Sequence[Mention]) -> _Opening | None:
    """A chain opening the clause, then an action verb (in this clause or, when the clause is only the
    subject and its setting, in the rest of the sentence)."""
    by_agent = text.startswith("由", c_start)
    first = c_start + 1 if by_agent else c_start
    lead = GENERIC_LEAD.match(text, first)
    if lead and any(mention.start == lead.end() for mention in actors):
        first = lead.end()
    chain, chain_end = _chain(text, first, c_end, actors)
    if not chain:
        return None
    rest = text[chain_end:c_end]
    if MEMBERSHIP.match(rest):
        return None
    if NOMINAL.match(rest):
        return _Opening(chain, c_start, chain_end, "practice-nominal", 0.5)
    if MODAL.match(text, chain_end):
        return None  # 可 / 应 / 将于 …: what may or will be done is not a practice
    verb_from = chain_end
    support = SUPPORT.match(text, chain_end)  # "摩洛哥在国际移民组织的支持下启动了…": 支持 is not the verb
    if support is not None and support.end() <= c_end:
        chain = tuple(dict.fromkeys((*chain, *_chain(text, support.start("chain"), support.end("chain"), actors)[0])))
        verb_from = support.end()
    verb = VERB.search(text, verb_from, c_end)
    setting = rest.strip("，, ")
    setting_only = verb is None and "了" not in rest  # no predicate of its own ("…运动累积了…签名")
    if setting_only and len(setting) <= _SHORT_SETTING and MASK not in setting:
        verb = VERB.search(text, verb_from, s_end)  # "GPFI 在…范围内，改进了…"
    if setting_only and verb is None and not rest.startswith("的"):
        verb = NEXT_CLAUSE_VERB.match(text, c_end)  # "世界银行借鉴…的经验，启动了…"
    if verb is None or verb.group() in SAYING_VERBS or by_agent and _organizes(text, chain_end, c_end):
        return None
    between = text[verb_from:verb.start()]
    if PERSON.match(between) or MODAL_BEFORE_VERB.search(between):
        return None
    if _attributive(text, verb):
        return None
    if by_agent:
        return _Opening(chain, c_start, chain_end, "practice-agent", 0.75)
    return _Opening(chain, c_start, chain_end, "practice-subject-verb", 0.8)


def _organizes(text: str, start: int, end: int) -> bool:
    """"由泰国政府通过…部组织，": the agent of an event (see events.py), its verb the clause's last word
    ("由…主持的运动召集了…国际组织" is a relative clause and a deed)."""
    clause = text[start:end].rstrip("，,；;。 ")
    return clause.endswith(EVENT_VERBS) and "的" not in clause


def _attributive(text: str, verb: re.Match[str]) -> bool:
    """"…委员会采取的移徙关注点", "…大会通过的决议，纳入了…", "由…合作的方案": the verb only describes a
    noun (…的), whose own predicate follows; only launching, leading or funding something stays a deed."""
    return text.startswith("的", verb.end()) and verb.group() not in RELATIVE_VERBS


def masked(text: str, mentions: Sequence[Mention]) -> str:
    """The text with actor names and document titles blotted out, so that no verb is found inside a
    name (开发 in 联合国开发计划署) or a title, and common nouns holding a verb blanked (区域经济组织);
    offsets are unchanged.

    >>> masked("开发署开发了《开发指南》", [Mention("u", 0, 3, 1.0, "r")])
    '□□□开发了□□□□□□'
    """
    chars = list(text)
    for noun in NOUN_COMPOUND.finditer(text):
        chars[noun.start():noun.end()] = NOUN_BLANK * (noun.end() - noun.start())
    spans = [(mention.start, mention.end) for mention in mentions] + title_spans(text)
    for start, end in spans:
        chars[start:end] = MASK * (end - start)
    return "".join(chars)


def _shared_example(text: str, c_start: int, c_end: int, actors: Sequence[Mention]) -> _Opening | None:
    """"分享了印度的例子，包括…": the example is the named actor's practice."""
    shared = SHARED.search(text, c_start, c_end)
    if shared is None:
        return None
    chain, chain_end = _chain(text, shared.end(), c_end, actors)
    if not chain or not EXAMPLE.match(text, chain_end):
        return None
    return _Opening(chain, shared.end(), chain_end, "practice-shared-example", 0.6)


def _located(text: str, c_start: int, c_end: int, place: list[Mention]) -> _Opening | None:
    """"在斯里兰卡，政府…推出…": the place's government (or the city's authority) acts."""
    if not place or not GOVERNMENT.match(text, c_start):
        return None
    verb = VERB.search(text, c_start, c_end)
    if verb is None or verb.group() in SAYING_VERBS:
        return None
    return _Opening((place[-1].entity,), c_start, c_start, "practice-located-government", 0.7)


def _anaphor(text: str, c_start: int, c_end: int, last_actor: dict[str, str], actors: Sequence[Mention],
             earlier_bodies: Mapping[str, str]) -> _Opening | None:
    """"该市…" / "该国…" (the last city / country acting here), "该网络…" (the last body so named, before
    this clause or in an earlier unit)."""
    body = BODY_ANAPHOR.match(text, c_start)
    bodies = named_bodies([m for m in actors if m.end <= c_start], earlier_bodies) if body is not None else {}
    if body is not None and body.group(1) in bodies:
        word, entity = body.group(), bodies[body.group(1)]
    else:
        word = next((word for word in ANAPHORS if text.startswith(word, c_start)), "")
        entity = last_actor.get(ANAPHORS[word], "") if word else ""
    if not entity:
        return None
    verb = VERB.search(text, c_start + len(word), c_end)
    if verb is None or verb.group() in SAYING_VERBS:
        return None
    return _Opening((entity,), c_start, c_start + len(word), "practice-anaphor", 0.65)


def named_bodies(mentions: Sequence[Mention], earlier: Mapping[str, str]) -> dict[str, str]:
    """``earlier`` updated with the organizations in ``mentions``, by head noun (联合国移民问题网络 → 网络).

    >>> m = Mention("u", 0, 9, 1.0, "r", text="联合国移民问题网络", entity="o/UNNM", kind="organization")
    >>> named_bodies([m], {"组织": "o/IOM"})
    {'组织': 'o/IOM', '网络': 'o/UNNM'}
    """
    bodies = dict(earlier)
    for mention in mentions:
        if mention.kind == "organization":
            bodies.update((noun, mention.entity) for noun in BODY_NOUNS if mention.text.endswith(noun))
    return bodies


def _relatives(text: str, c_start: int, c_end: int, actors: Sequence[Mention],
               found: list[_Opening]) -> list[_Opening]:
    """"…联合王国和瑞士发起的行动呼吁": a chain anywhere in the clause followed by 发起的 / 主持的 …"""
    covered = max((opening.chain_end for opening in found if c_start <= opening.start < c_end),
                  default=c_start)
    openings = []
    for first in actors:
        if first.start < covered or first.start >= c_end:
            continue
        chain, chain_end = _chain(text, first.start, c_end, actors)
        covered = chain_end
        if chain and RELATIVE.match(text, chain_end):
            openings.append(_Opening(chain, first.start, chain_end, "practice-relative-clause", 0.65))
    return openings


def _chain(text: str, start: int, end: int, actors: Sequence[Mention]) -> tuple[tuple[str, ...], int]:
    """Actor mentions from ``start`` joined only by separators, and the offset where the chain ends
    (after a bracketed short name: 南部非洲发展共同体(南共体))."""
    chain: list[Mention] = []
    position = start
    for mention in actors:
        if mention.start < position:
            continue
        gap = text[position:mention.start]
        joined = SEPARATOR.match(gap) or chain and (ORGAN_SEPARATOR if chain[-1].kind == "country"
                                                    else PARTS_SEPARATOR).match(gap)
        if mention.end > end or (mention.start != start if not chain else not joined):
            break
        if chain and mention.start == position and chain[-1].kind == "country" and mention.kind == "local":
            chain[-1] = mention  # 意大利米兰市: the country locates the city
        else:
            chain.append(mention)
        position = mention.end
    if chain:
        alias = TRAILING_ALIAS.match(text, position, end)
        position = alias.end() if alias else position
    return tuple(dict.fromkeys(mention.entity for mention in chain)), position


def _year_before(years: list[tuple[int, int]], limit: int, start: int, s_start: int) -> int | None:
    """The last year stated in the sentence before the verb of the practice (lead-in or subject part)."""
    before = [year for position, year in years if s_start <= position < limit]
    if not before:
        return None
    inside = [year for position, year in years if start <= position < limit]
    return inside[-1] if inside else before[-1]


def _carried_year(sentence: str, last_year: int | None) -> int | None:
    """同年 "the same year" / 次年, 翌年 "the next year", relative to the last year stated before."""
    if last_year is None:
        return None
    if "同年" in sentence:
        return last_year
    return last_year + 1 if "次年" in sentence or "翌年" in sentence else None


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in "，,；;。 \n":
        end -= 1
    return end


def _kind_of(entity: str, mentions: Sequence[Mention]) -> str:
    return next((mention.kind for mention in mentions if mention.entity == entity), "")
