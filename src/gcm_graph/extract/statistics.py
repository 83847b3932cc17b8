"""Statistics: numbers with a unit the text makes explicit, normalised to plain values.

The reports write numbers the Chinese way: thousands grouped by spaces (350 000, 5 490), magnitudes by
万 (10^4) and 亿 (10^8), so "2.81 亿" is 281000000 and "5 490 亿美元" is 549000000000 USD. A number becomes a
statistic only with a unit: 美元 (USD), % (percent), 名/人 or a people noun (person), 个/份/项 + a noun
(count), 小时 (hour); a bare "万"/"亿" in a sentence about people (人数, 人口, 移民 …) counts
persons, and so does one followed by the people it counts ("2 490 万从事强迫劳动的人"); "50 多万" is 500000
(a floor). "每 66 名儿童中就有 1 名" is one ratio (1/66, unit "ratio"), not two counts. Ranges
("8300万至1.32亿") and counts of countries or donors are not statistics of the report's subject.

>>> found = find_statistics("u", "2020 年，汇款总计 5 490 亿美元，仅比 2019 年下降 1.7%。")
>>> [(str(s.value), s.unit, s.year) for s in found]
[('549000000000', 'USD', 2020), ('1.7', 'percent', 2020)]
>>> found = find_statistics("u", "在出生国以外生活的人数大幅增长，2020 年达到 2.81 亿。")
>>> [(str(s.value), s.unit) for s in found]
[('281000000', 'person')]
"""

from __future__ import annotations

import re
from decimal import Decimal

from .model import Statistic
from .years import YEAR, stated_years

NUMBER = r"(\d{1,3}(?:[ \u00a0\u2009]\d{3})+|\d+(?:\.\d+)?)"
QUANTITY = re.compile(
    NUMBER + r"\s*(?:多|余)?\s*(万|亿)?\s*(?:多|余)?\s*"
    r"(美元|%|％|名|人|小时|个|份|项|种|(?=移民|难民|儿童|妇女|工人|返回者|人口))"
)
BARE_MAGNITUDE = re.compile(NUMBER + r"\s*(?:多|余)?\s*(万|亿)(?!美元|\s*[至到\-–])")
#: "2 490 万从事强迫劳动的人": the people a bare magnitude counts, named after it in the same clause
#: or right after it with at most their origin between ("900 多万印度尼西亚移民工人", "300 万叙利亚难民")
PEOPLE_AFTER = re.compile(
    r"[^，。；,;]{0,16}?的[^，。；,;的]{0,4}?(?:人|移民|难民|儿童|妇女|工人|劳工)(?!权)"
    r"|[^，。；,;的用于为给向对在将是]{0,6}?(?:移民|难民|儿童|妇女|工人|劳工|侨民)"
)
#: "每 66 名 18 岁以下儿童中就有 1 名", "每 5 人中有 1 人": one in so many
RATIO = re.compile(
    r"每\s*" + NUMBER + r"\s*(?:名|个|人|位)?[^，。；,;]{0,20}?中?\s*(?:就|便)?有\s*" + NUMBER + r"\s*(?:名|个|人|位)"
)
RATIO_PLACES = Decimal("0.000001")
RANGE_AFTER = re.compile(r"\s*(?:万|亿)?\s*(?:至|到|-|–)\s*\d")
RANGE_BEFORE = re.compile(r"\d\s*(?:万|亿)?\s*(?:至|到|-|–)\s*$")
DATE_AND_ORDINAL_WORDS = ("年", "月", "日", "段", "届", "号")
PEOPLE_WORDS = ("人数", "人口", "移民", "难民", "儿童", "人")
NOT_SUBJECT_COUNTS = (
    "国家", "个国", "捐助方", "组织", "办事处", "成员", "实体", "区域", "城市", "政府", "目标", "主题",
)
MAGNITUDE = {"万": Decimal(10_000), "亿": Decimal(100_000_000), None: Decimal(1)}
UNIT = {"美元": "USD", "%": "percent", "％": "percent", "名": "person", "人": "person", "小时": "hour",
        "个": "count", "份": "count", "项": "count", "种": "count", "": "person"}


def parse_number(digits: str, magnitude: str | None) -> Decimal:
    """'5 490', '亿' -> 549000000000.

    >>> parse_number("350 000", None), parse_number("2.81", "亿"), parse_number("1.7", None)
    (Decimal('350000'), Decimal('281000000'), Decimal('1.7'))
    """
    value = Decimal(re.sub(r"[ \u00a0\u2009]", "", digits)) * MAGNITUDE[magnitude]
    return value.to_integral_value() if value == value.to_integral_value() else value


def find_statistics(unit_iri: str, text: str) -> list[Statistic]:
    years = [(position, year) for position, year in stated_years(text, 0, len(text))
             if not text[max(0, position - 2):position].strip().endswith(("比", "较"))]
    found = {ratio.start: ratio for ratio in _ratios(unit_iri, text, years)}
    ratios = [(ratio.start, ratio.end) for ratio in found.values()]
    for match in QUANTITY.finditer(text):
        if any(start <= match.start() < end for start, end in ratios):
            continue
        statistic = _statistic(unit_iri, text, match, UNIT[match.group(3)], years)
        if statistic is not None:
            found.setdefault(match.start(), statistic)
    for match in BARE_MAGNITUDE.finditer(text):
        sentence = text[_sentence_start(text, match.start()):match.start()]
        of_people = any(word in sentence for word in PEOPLE_WORDS) or PEOPLE_AFTER.match(text, match.end())
        if match.start() not in found and of_people:
            statistic = _statistic(unit_iri, text, match, "person", years)
            if statistic is not None:
                found[match.start()] = statistic
    return [found[start] for start in sorted(found)]


def _ratios(unit_iri: str, text: str, years: list[tuple[int, int]]) -> list[Statistic]:
    """"每 66 名儿童中就有 1 名": the share 1/66, to six decimal places."""
    found = []
    for match in RATIO.finditer(text):
        whole, part = parse_number(match.group(1), None), parse_number(match.group(2), None)
        if not whole:
            continue
        start, end = match.span()
        year = next((y for position, y in reversed(years) if _sentence_start(text, start) <= position < start), None)
        value = (part / whole).quantize(RATIO_PLACES).normalize()
        found.append(Statistic(unit_iri, start, end, 0.7, "statistic-ratio", value=value, unit="ratio", year=year,
                               measure=text[_clause_start(text, start):_clause_end(text, end)].strip()[:80]))
    return found


def _statistic(unit_iri: str, text: str, match: re.Match[str], unit: str,
               years: list[tuple[int, int]]) -> Statistic | None:
    start, end = match.span()
    if _is_year_or_part(text, match) or RANGE_AFTER.match(text, match.end(1)) or _after_range(text, start):
        return None
    counted = match.re is QUANTITY and match.group(3) in ("个", "项")
    if counted and any(text.startswith(word, end) for word in NOT_SUBJECT_COUNTS):
        return None
    value = parse_number(match.group(1), match.group(2))
    clause_start = _clause_start(text, start)
    sentence_start = _sentence_start(text, start)
    year = next((y for position, y in reversed(years) if sentence_start <= position < start), None)
    measure = text[clause_start:_clause_end(text, end)].strip()
    return Statistic(unit_iri, start, end, 0.8 if unit != "count" else 0.6, f"statistic-{unit}",
                     value=value, unit=unit, currency="USD" if unit == "USD" else None, year=year,
                     measure=measure[:80])


def _is_year_or_part(text: str, match: re.Match[str]) -> bool:
    following = text[match.end(1):match.end(1) + 2].lstrip()
    return bool(YEAR.match(text, match.start(1))) or following.startswith(DATE_AND_ORDINAL_WORDS)


def _after_range(text: str, start: int) -> bool:
    """Is this the upper end of a range ("8300万至1.32亿")?"""
    return bool(RANGE_BEFORE.search(text[max(0, start - 8):start]))


def _clause_start(text: str, position: int) -> int:
    return max(text.rfind(mark, 0, position) for mark in "，。；,;：") + 1


def _clause_end(text: str, position: int) -> int:
    ends = [index for index in (text.find(mark, position) for mark in "，。；,;") if index != -1]
    return min(ends, default=len(text))


def _sentence_start(text: str, position: int) -> int:
    return max(text.rfind(mark, 0, position) for mark in "。；;") + 1
