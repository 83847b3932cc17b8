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
_BRACKETS = frozenset("{}()[]")
#: a run of characters that start nothing the scan looks at (skipped in one step, not one by one)
_OTHER = re.compile(r"[^#\"'<A-Za-z_{}()\[\]]*")
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


def _lexemes(query: str) -> Iterator[tuple[str, int, int]]:
    """(text, start, end) of every bare word and bracket outside strings, IRIs and comments, in order."""
    i, n = 0, len(query)
    while i < n:
        c = query[i]
        if c == "#":
            j = query.find("\n", i)
            i = n if j < 0 else j + 1
        elif c in "\"'" and (m := _STRING.match(query, i)):
            i = m.end()
        elif c == "<" and (m := _IRIREF.match(query, i)):
            i = m.end()
        elif c == "_" or (c.isascii() and c.isalpha()):  # keywords are ASCII; 泰 in ex:泰国 is a name
            m = _WORD.match(query, i)
            assert m is not None
            yield m.group(), i, m.end()
            i = m.end()
        elif c in _BRACKETS:
            yield c, i, i + 1
            i += 1
        else:
            i = _OTHER.match(query, i + 1).end()  # type: ignore[union-attr] (it matches the empty string too)


def keywords(query: str) -> Iterator[Token]:
    """The bare words of ``query`` that could be keywords, in order.

    >>> [t.word for t in keywords('SELECT * { ?s ex:service "SERVICE" } # SERVICE')]
    ['SELECT']
    """
    n = len(query)
    for text, start, end in _lexemes(query):
        if text in _BRACKETS:
            continue
        before = query[start - 1] if start else " "
        after = query[end] if end < n else " "
        if before not in _NAME_PREFIX and after != ":":
            yield Token(text.upper(), end)


def nesting_depth(query: str) -> int:
    """How deep braces, parentheses and brackets nest outside strings, IRIs and comments.

    >>> nesting_depth('ASK { { FILTER((1)) } } # {{{{'), nesting_depth('SELECT * { ?s ?p "{{{" }')
    (4, 1)
    """
    depth = deepest = 0
    for text, _, _ in _lexemes(query):
        if text in "{([":
            depth += 1
            deepest = max(deepest, depth)
        elif text in "})]":
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
