r"""Recognise the queries that are cheap by construction: one triple pattern, nothing else.

A query runs in a killable worker process because its cost cannot be known in advance. One shape is the
exception: a single triple pattern whose variables are distinct (``<iri> ?p ?o``, ``?c skos:prefLabel "泰国"@zh``)
is one index range scan in which every step yields a row, so the work is bounded by the rows read. Such a
lookup, the bulk of what linked-data browsers send, can run in the web process with a small row cap and skip
the worker round trip; if it has more rows than the cap it goes to the workers like any other query.

The recogniser accepts a strict whitelist of tokens, on the text after SPARQL's ``\u`` unescaping (§19.2,
what the parser sees): a prologue of PREFIX/BASE, then ``SELECT`` (``*`` or variables) or ``ASK``, an
optional ``WHERE``, ``{`` three terms and an optional ``.`` ``}``, and an optional ``LIMIT n``. Anything else
(FILTER, OPTIONAL, paths, blank nodes, FROM, DISTINCT, a second pattern, a repeated variable …) is not a lookup.

>>> lookup_form('SELECT ?p ?o WHERE { <https://w3id.org/gcm/id/report/A-76-642> ?p ?o }')
'SELECT'
>>> lookup_form('PREFIX skos: <http://www.w3.org/2004/02/skos/core#> ASK { ?c skos:prefLabel "泰国"@zh }')
'ASK'
>>> lookup_form('SELECT ?s WHERE { ?s <http://x/p>* ?o }'), lookup_form('SELECT * { ?x ?p ?x }')
(None, None)
"""

from __future__ import annotations

import re
from functools import lru_cache

from .scanner import unescape_codepoints

_IRI = r'<[^<>"{}|^`\\\x00-\x20]*>'
_PNAME_NS = r"(?:[A-Za-z][\w.-]*)?:"
_TOKEN = re.compile(
    r"(?P<space>\s+|#[^\n]*)"
    rf"|(?P<iri>{_IRI})"
    r"|(?P<var>[?$]\w+)"
    rf"|(?P<literal>(?:\"(?:[^\"\\\n\r]|\\.)*\"|'(?:[^'\\\n\r]|\\.)*')(?:@[A-Za-z]+(?:-[A-Za-z0-9]+)*|\^\^(?:{_IRI}|{_PNAME_NS}\w*))?)"
    r"|(?P<number>[+-]?\d+(?:\.\d+)?(?![\w.]))"
    rf"|(?P<pname>{_PNAME_NS}[\w-]*(?:\.[\w-]+)*)"
    r"|(?P<word>[A-Za-z]+)"
    r"|(?P<punct>[{}.*])"
)
_TERM_KINDS = {"iri", "var", "literal", "number", "pname", "word:A", "word:TRUE", "word:FALSE"}


def _tokens(query: str) -> list[tuple[str, str]] | None:
    """(kind, text) for every token, words as ``word:UPPER``; None if some character fits no token."""
    tokens, position = [], 0
    while position < len(query):
        match = _TOKEN.match(query, position)
        if match is None:
            return None
        kind = match.lastgroup or ""
        if kind == "word":
            kind = f"word:{match.group().upper()}"
        if kind != "space":
            tokens.append((kind, match.group()))
        position = match.end()
    return tokens


@lru_cache(maxsize=64)  # asked twice per request: may this skip Flask, may it skip the workers
def lookup_form(query: str) -> str | None:
    """"SELECT" or "ASK" if ``query`` is a lookup, else None. A lookup needs no other check: the whitelist
    leaves no room for an update or a SERVICE call."""
    tokens = _tokens(unescape_codepoints(query))
    if tokens is None:
        return None
    i = 0
    while i < len(tokens) and tokens[i][0] in ("word:PREFIX", "word:BASE"):
        if tokens[i][0] == "word:PREFIX":
            if tokens[i + 1:i + 3] and [kind for kind, _ in tokens[i + 1:i + 3]] == ["pname", "iri"] \
                    and tokens[i + 1][1].endswith(":"):
                i += 3
                continue
            return None
        if tokens[i + 1:i + 2] and tokens[i + 1][0] == "iri":
            i += 2
            continue
        return None
    kinds = [kind for kind, _ in tokens[i:]]
    if kinds[:1] == ["word:SELECT"]:
        form, rest = "SELECT", kinds[1:]
        if rest[:1] == ["punct"] and tokens[i + 1][1] == "*":
            rest = rest[1:]
        else:
            projected = 0
            while rest[:1] == ["var"]:
                rest, projected = rest[1:], projected + 1
            if not projected:
                return None
    elif kinds[:1] == ["word:ASK"]:
        form, rest = "ASK", kinds[1:]
    else:
        return None
    body = tokens[len(tokens) - len(rest):]
    if body[:1] and body[0][0] == "word:WHERE":
        body = body[1:]
    if len(body) >= 2 and body[-2][0] == "word:LIMIT" and body[-1][0] == "number" and body[-1][1].isdigit():
        body = body[:-2]
    if body[-2:-1] == [("punct", ".")]:
        body = body[:-2] + body[-1:]
    if len(body) != 5 or body[0] != ("punct", "{") or body[4] != ("punct", "}"):
        return None
    terms = body[1:4]
    if any(kind not in _TERM_KINDS for kind, _ in terms):
        return None
    variables = [text[1:] for kind, text in terms if kind == "var"]
    return form if len(variables) == len(set(variables)) else None
