"""What a report's front matter states about itself: session, agenda items, title, place and date.

Kept apart from the manifest on purpose: the build cross-checks the two, so a seed file paired with the
wrong manifest entry is caught.
"""

from __future__ import annotations

import re

from .model import StatedMetadata
from .numerals import chinese_to_int

_SESSION = re.compile(r"第[ \t]*([一二三四五六七八九十百零〇两\d]{1,8})[ \t]*届会议")
_AGENDA = re.compile(r"议程项目[ \t]*(.+)")
_AGENDA_ITEM = re.compile(r"\d+(?:[ \t]*\([a-z]\))?")
_BY_LINE = re.compile(r"\S{1,15}的报告")
_DATE = re.compile(r"\d{4}[ \t]*年[ \t]*\d{1,2}[ \t]*月")


def stated_metadata(texts: list[str]) -> StatedMetadata:
    """Read the clean texts of the front-matter blocks, in order.

    >>> stated_metadata(["第七十二届会议", "议程项目 14 和 117", "让移居对人人有益", "秘书长的报告"])
    StatedMetadata(session=72, agenda_items=('14', '117'), title='让移居对人人有益', place_and_date=None)
    """
    session = None
    agenda: tuple[str, ...] = ()
    place_and_date = None
    for text in texts:
        if session is None and (match := _SESSION.search(text)):
            session = chinese_to_int(match.group(1))
        if not agenda and (match := _AGENDA.search(text)):
            agenda = tuple("".join(item.split()) for item in _AGENDA_ITEM.findall(match.group(1)))
        if place_and_date is None and _DATE.search(text) and len(text) <= 60:
            place_and_date = text
    return StatedMetadata(session, agenda, _title(texts), place_and_date)


def _title(texts: list[str]) -> str | None:
    """The block before the "by" line (秘书长的报告), else the last block that calls itself a report."""
    for index, text in enumerate(texts):
        if index and _BY_LINE.fullmatch(text):
            return texts[index - 1]
    reports = [text for text in texts if text.endswith("报告")]
    return reports[-1] if reports else None
