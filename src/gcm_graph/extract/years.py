"""Years a sentence states for itself: single years, not ranges, not years inside titles.

>>> text = "2019年，斐济…；2019-2024年战略；2020 和 2021 年；《2020 年报告》；2014 年以来"
>>> [year for _, year in stated_years(text, 0, len(text))]
[2019]
"""

from __future__ import annotations

import re

from .mentions import title_spans

YEAR = re.compile(r"(?<![\d\-–—/])(1[89]\d\d|20\d\d)\s*年(?!\s*[至到\-–—/]\s*\d)")
_RANGE_BEFORE = re.compile(r"(?:[\-–—至到和、/]|\d)\s*$")
#: "2019 年 1 月至 2021 年…" (a period), "2014 年以来" (since): not the year of a fact
_PERIOD_AFTER = re.compile(r"\s*(?:\d{1,2}\s*月\s*(?:\d{1,2}\s*日)?\s*[至到\-–—]|(?:\d{1,2}\s*月\s*)?以来)")


def stated_years(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(position, year) of each single year stated in ``text[start:end]``."""
    titles = title_spans(text)
    found = []
    for match in YEAR.finditer(text, start, end):
        if _RANGE_BEFORE.search(text[max(start, match.start() - 3):match.start()]):
            continue
        if _PERIOD_AFTER.match(text, match.end()):
            continue
        if any(left <= match.start() < right for left, right in titles):
            continue
        found.append((match.start(), int(match.group(1))))
    return found
