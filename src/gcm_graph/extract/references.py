"""Explicit references: GCM objectives by number, SDG goals/targets/indicators, UN document symbols,
General Assembly and Human Rights Council resolutions, and publications cited in footnotes.

"目标 8" is a GCM objective, but "可持续发展目标 10", "目标 10 的指标 10.c.1" and "具体目标 10.7" are SDGs:
the words around the number decide. Each reference is a :class:`Mention` (so pages can highlight it and
``gcm:mentions`` links it); symbols also become :class:`CitedDocument` records.

>>> found = find_references("u", "讨论目标 2、5 和 18；可持续发展目标 10")
>>> [(m.text, m.entity.rsplit("/", 2)[-2:]) for m in found]  # doctest: +NORMALIZE_WHITESPACE
[('目标 2', ['objective', '2']), ('5', ['objective', '5']), ('18', ['objective', '18']),
 ('可持续发展目标 10', ['sdg', '10'])]
>>> resolution_symbol("人权理事会", "35/17"), resolution_symbol("大会", "73/195")
('A/HRC/RES/35/17', 'A/RES/73/195')
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .. import iris
from .model import CitedDocument, Mention, Publication

OBJECTIVE_COUNT = 23
_SEP = r"\s*(?:、|，|,|和|及|以及)\s*"
OBJECTIVES = re.compile(rf"(?<![\d.])目标\s*(\d{{1,2}}(?:{_SEP}\d{{1,2}})*)(?![\d.])")
SDG_GOAL = re.compile(r"可持续发展目标\s*(\d{1,2})(?![\d.])")
SDG_TARGET = re.compile(r"具体目标\s*(\d{1,2}\.[0-9a-z])(?![\w.])|(?<![\w./])(\d{1,2}\.[a-z])(?![\w.])")
SDG_INDICATOR = re.compile(
    r"指标\s*(\d{1,2}\.[0-9a-z]\.\d{1,2})(?![\w.])|(?<![\w./])(\d{1,2}\.[0-9a-z]\.\d{1,2})(?![\w.])"
)
DOTTED_CODE = re.compile(r"\d\.[0-9a-z]")
SYMBOL = re.compile(
    r"(?<![A-Za-z0-9/])((?:A|E|S|ESCAP|UNEP|POP)(?:/(?:[A-Za-z0-9]+\.\s?\d+|[A-Za-z0-9.]+))+"
    r"(?:-(?:A|E|S)(?:/[A-Za-z0-9.]+)+)?)"
)
RESOLUTION = re.compile(r"第\s*(\d{2})/(\d{1,3})\s*号(?=[^。；]{0,24}?决议)")
_BODY_WINDOW = 40  # characters before "第 N/M 号" searched for the body that adopted it
URL = re.compile(r"(?:https?://|www\.)[^\s<>()（）\]\[，。；、\"“”]+")
_WORK_TITLE = re.compile(r"《[^《》]+》|“[^“”]+”")


def find_references(unit_iri: str, text: str, corpus_symbols: Iterable[str] = ()) -> list[Mention]:
    """Objective, SDG and document references in one unit's text."""
    documents = [mention for mention, _ in find_documents(unit_iri, text, corpus_symbols)]
    mentions = [*objective_references(unit_iri, text), *_sdgs(unit_iri, text), *documents]
    return sorted(mentions, key=lambda mention: mention.start)


def find_documents(unit_iri: str, text: str, corpus_symbols: Iterable[str] = ()
                   ) -> list[tuple[Mention, CitedDocument]]:
    """Document symbols and resolutions, each with the document record it cites. A symbol of the corpus
    resolves to its report IRI."""
    if "/" not in text:  # every symbol and resolution number has one: most units are skipped at C speed
        return []
    corpus = set(corpus_symbols)
    found = []
    for match in SYMBOL.finditer(text):
        symbol = re.sub(r"\.\s+", ".", match.group(1)).rstrip(".")
        if any(char.isdigit() for char in symbol):
            end = match.start(1) + len(match.group(1).rstrip("."))
            found.append(_document(unit_iri, match.start(1), end, text, symbol, corpus, "reference-symbol"))
    for match in RESOLUTION.finditer(text):
        clause_start = max(text.rfind(mark, 0, match.start()) for mark in "。；;") + 1
        body = text[max(clause_start, match.start() - _BODY_WINDOW):match.start()]
        symbol = resolution_symbol(body, f"{match.group(1)}/{match.group(2)}")
        found.append(_document(unit_iri, match.start(), match.end(), text, symbol, corpus,
                               "reference-resolution"))
    return found


def find_publications(unit_iri: str, text: str) -> list[Publication]:
    """Works a footnote cites by title (《…》 or “…”), one per '；'-separated citation, with its URLs."""
    publications = []
    for part in re.split(r"[；;]", text):
        citation = part.strip().rstrip("。")
        if not _WORK_TITLE.search(citation) or SYMBOL.fullmatch(citation):
            continue
        urls = tuple(_normal_url(url) for url in URL.findall(citation))
        publications.append(Publication(iris.publication(citation), citation, urls, unit_iri))
    return publications


def resolution_symbol(body: str, number: str) -> str:
    """The document symbol of a resolution "第 35/17 号决议", from the body named last before it
    ("人权理事会关于…的第 35/17 号决议" is the Council's; "大会第 73/195 号决议" the Assembly's)."""
    council, assembly = body.rfind("人权理事会"), body.rfind("大会")
    return f"A/HRC/RES/{number}" if council > assembly else f"A/RES/{number}"


def objective_references(unit_iri: str, text: str) -> list[Mention]:
    """"目标 8", "目标 2、5 和 18": Compact objectives by number, in order; SDG goals written the same way are
    left to :func:`find_references`."""
    if "目标" not in text:
        return []
    mentions = []
    for match in OBJECTIVES.finditer(text):
        before = text[max(0, match.start() - 6):match.start()]
        after = text[match.end():match.end() + 4]
        if "可持续发展" in before or "具体" in before[-2:] or after.lstrip().startswith("的指标"):
            continue  # an SDG goal, not a Compact objective
        for index, number in enumerate(re.finditer(r"\d{1,2}", match.group(1))):
            value = int(number.group())
            if not 1 <= value <= OBJECTIVE_COUNT:
                continue
            start = match.start() if index == 0 else match.start(1) + number.start()
            end = match.start(1) + number.end()
            mentions.append(Mention(unit_iri, start, end, 0.95, "reference-objective-number",
                                    text=text[start:end], entity=iris.objective(value), kind="objective"))
    return mentions


def _sdgs(unit_iri: str, text: str) -> list[Mention]:
    mentions = []
    patterns = [(SDG_GOAL, "sdg-goal")] if "目标" in text else []
    if DOTTED_CODE.search(text):  # targets and indicators are written 10.7, 10.c.1; most units have none
        patterns += [(SDG_TARGET, "sdg-target"), (SDG_INDICATOR, "sdg-indicator")]
    for pattern, rule in patterns:
        for match in pattern.finditer(text):
            group = 1 if match.group(1) else 2
            mentions.append(Mention(unit_iri, match.start(), match.end(), 0.95, f"reference-{rule}",
                                    text=match.group(), entity=iris.sdg(match.group(group)), kind="sdg"))
    for match in OBJECTIVES.finditer(text) if "目标" in text else ():  # "目标 10 的指标 10.c.1": its goal
        if text[match.end():match.end() + 4].lstrip().startswith("的指标") and match.group(1).isdigit():
            mentions.append(Mention(unit_iri, match.start(), match.end(), 0.9,
                                    "reference-sdg-goal-of-indicator",
                                    text=match.group(), entity=iris.sdg(match.group(1)), kind="sdg"))
    return mentions


def _document(unit_iri: str, start: int, end: int, text: str, symbol: str, corpus: set[str], rule: str
              ) -> tuple[Mention, CitedDocument]:
    iri = iris.report(symbol) if symbol in corpus else iris.document(symbol)
    mention = Mention(unit_iri, start, end, 0.95, rule, text=text[start:end], entity=iri, kind="document")
    return mention, CitedDocument(symbol, iri)


def _normal_url(url: str) -> str:
    url = url.rstrip(".,")
    return url if url.startswith("http") else f"http://{url}"
