"""A lexical scan of SPARQL text: the keywords outside strings, IRIs and comments.

The guards must judge a query *before* pyoxigraph runs it (pyoxigraph makes real HTTP calls for SERVICE),
and a full parser is not needed to find keywords: skipping strings, IRIs and comments is enough, because
keywords cannot occur anywhere else. SPARQL 1.1 §19.2 processes ``\\u`` escapes before parsing, so the scan
runs on the unescaped text as well (see :func:`unescape_codepoints`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

_IRIREF = re.compile(r'<[^<>"{}|^`\\\x00-\x20]*>')
_STRING = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n\r]|\\.)*"'
    r"|'(?:[^'\\\n\r]|\\.)*'",
    re.S,
)
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_\-]*")
_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
#: what the scan looks past, leftmost first (a '#' inside a string is no comment, a '"' inside an IRI no string)
_OPAQUE = re.compile(rf"#[^\n]*|{_STRING.pattern}|{_IRIREF.pattern}", re.S)
_BRACKET = re.compile(r"[{}()\[\]]")
#: a word right after one of these is part of a name, variable, blank node or language tag, not a keyword
_NAME_PREFIX = ":?$@.-_"

UPDATE_KEYWORDS = frozenset("INSERT DELETE LOAD CLEAR CREATE DROP COPY MOVE ADD WITH".split())
QUERY_FORMS = frozenset("SELECT ASK CONSTRUCT DESCRIBE".split())


@dataclass(frozen=True)
class Token:
    """A keyword-like word (upper-cased) and the text right after it, for the SERVICE target."""

    word: str
    end: int


def unescape_codepoints(query: str) -> str:
    r"""Apply SPARQL's ``\u``/``\U`` escapes everywhere, as §19.2 says parsers do first.

    >>> unescape_codepoints(r"\u0053ERVICE <x:y>")
    'SERVICE <x:y>'
    """
    return _CODEPOINT.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), query)


@lru_cache(maxsize=8)  # the guard scans each text three times (nesting, form, SERVICE)
def _blanked(query: str) -> str:
    """``query`` with its comments, strings and IRIs turned into spaces, so that what is left is structure
    and every position still points into ``query``. Regular expressions do the scan in C: a loop over the
    characters in Python took half a millisecond on a 2 KB query, paid by every query the endpoint runs."""
    return _OPAQUE.sub(lambda match: " " * len(match.group()), query)


def keywords(query: str) -> Iterator[Token]:
    """The bare words of ``query`` that could be keywords, in order.

    >>> [t.word for t in keywords('SELECT * { ?s ex:service "SERVICE" } # SERVICE')]
    ['SELECT']
    """
    blank = _blanked(query)
    n = len(blank)
    for match in _WORD.finditer(blank):
        start, end = match.span()
        before = blank[start - 1] if start else " "
        after = blank[end] if end < n else " "
        if before not in _NAME_PREFIX and after != ":":
            yield Token(match.group().upper(), end)


def nesting_depth(query: str) -> int:
    """How deep braces, parentheses and brackets nest outside strings, IRIs and comments.

    >>> nesting_depth('ASK { { FILTER((1)) } } # {{{{'), nesting_depth('SELECT * { ?s ?p "{{{" }')
    (4, 1)
    """
    depth = deepest = 0
    for bracket in _BRACKET.findall(_blanked(query)):
        if bracket in "{([":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


def query_form(query: str) -> str | None:
    """SELECT, ASK, CONSTRUCT, DESCRIBE, UPDATE (any update operation) or None if it is neither.

    >>> query_form("PREFIX select: <x:> BASE <y:> describe <z:>")
    'DESCRIBE'
    >>> query_form("prefix ex: <x:> insert data { ex:a ex:b ex:c }")
    'UPDATE'
    """
    for token in keywords(query):
        if token.word in QUERY_FORMS:
            return token.word
        if token.word in UPDATE_KEYWORDS:
            return "UPDATE"
        if token.word not in {"PREFIX", "BASE"}:
            return None
    return None


def service_targets(query: str) -> list[str]:
    """What each SERVICE clause points to: an IRI ``<…>`` as written, or the text that follows instead.

    >>> service_targets("SELECT * { SERVICE SILENT <http://a/sparql> { ?s ?p ?o } SERVICE ?x {} }")
    ['<http://a/sparql>', '?x']
    """
    targets = []
    for token in keywords(query):
        if token.word != "SERVICE":
            continue
        rest = query[token.end:].lstrip()
        if rest[:6].upper() == "SILENT":
            rest = rest[6:].lstrip()
        m = _IRIREF.match(rest)
        targets.append(m.group() if m else rest.split(None, 1)[0] if rest.strip() else "")
    return targets
