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


def keywords(query: str) -> Iterator[Token]:
    """The bare words of ``query`` that could be keywords, in order.

    >>> [t.word for t in keywords('SELECT * { ?s ex:service "SERVICE" } # SERVICE')]
    ['SELECT']
    """
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
        elif c.isalpha() or c == "_":
            m = _WORD.match(query, i)
            assert m is not None
            before = query[i - 1] if i else " "
            after = query[m.end()] if m.end() < n else " "
            if before not in _NAME_PREFIX and after != ":":
                yield Token(m.group().upper(), m.end())
            i = m.end()
        else:
            i += 1


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
