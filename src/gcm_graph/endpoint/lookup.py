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
It is one anchored regular expression, matched in C: every request of a unique lookup pays for it, and a loop
over tokens in Python cost as much as the lookup itself. Whitespace and comments are matched possessively,
so no input makes it backtrack (a megabyte of spaces fails in linear time).

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
_TERM = "|".join([
    _IRI,
    r"[?$]\w+",
    rf"(?:\"(?:[^\"\\\n\r]|\\.)*+\"|'(?:[^'\\\n\r]|\\.)*+')(?:@[A-Za-z]+(?:-[A-Za-z0-9]+)*+|\^\^(?:{_IRI}|{_PNAME_NS}\w*))?",
    r"[+-]?\d+(?:\.\d+)?(?![\w.])",
    rf"{_PNAME_NS}[\w-]*(?:\.[\w-]+)*+",
    r"(?:a|true|false)(?![A-Za-z])",
])
#: whitespace and comments, possessive (no backtracking into them)
_S = r"(?:\s|\#[^\n]*+)*+"


def _word(word: str) -> str:
    """A keyword as a whole word (the text ``ASKWHERE`` is one unknown word, not ASK WHERE)."""
    return rf"{word}(?![A-Za-z]){_S}"


_LOOKUP = re.compile(
    rf"{_S}(?:{_word('PREFIX')}{_PNAME_NS}{_S}{_IRI}{_S}|{_word('BASE')}{_IRI}{_S})*+"
    rf"(?:(?P<select>{_word('SELECT')}(?:\*{_S}|(?:[?$]\w+{_S})++))|{_word('ASK')})"
    rf"(?:{_word('WHERE')})?\{{{_S}(?P<s>{_TERM}){_S}(?P<p>{_TERM}){_S}(?P<o>{_TERM}){_S}(?:\.{_S})?\}}{_S}"
    rf"(?:{_word('LIMIT')}(?P<limit>\d+)(?![\w.]){_S})?",
    re.IGNORECASE,
)


@lru_cache(maxsize=64)  # asked twice per request: may this skip Flask, may it skip the workers
def _lookup(query: str) -> tuple[str, int | None] | None:
    """(form, its LIMIT or None) if ``query`` is a lookup, else None."""
    match = _LOOKUP.fullmatch(unescape_codepoints(query) if "\\" in query else query)
    if match is None:
        return None
    variables = [term for term in match.group("s", "p", "o") if term[0] in "?$"]
    if len({name[1:] for name in variables}) != len(variables):
        return None
    limit = match.group("limit")
    return "SELECT" if match.group("select") else "ASK", int(limit) if limit else None


def lookup_form(query: str) -> str | None:
    """"SELECT" or "ASK" if ``query`` is a lookup, else None. A lookup needs no other check: the whitelist
    leaves no room for an update or a SERVICE call."""
    found = _lookup(query)
    return found[0] if found else None


def bounded_lookup(query: str, rows: int) -> str | None:
    """The lookup ``query`` made to answer at most ``rows`` rows, so that it can be serialised at once: with
    ``LIMIT rows`` appended on a line of its own (a trailing comment cannot swallow it), or as it is if its own
    LIMIT is no larger (or it is an ASK). None if it is no lookup or its own LIMIT is larger.

    >>> bounded_lookup("SELECT * { ?s ?p ?o } # all", 11)
    'SELECT * { ?s ?p ?o } # all\\nLIMIT 11'
    >>> bounded_lookup("SELECT * { ?s ?p ?o } LIMIT 5", 11), bounded_lookup("SELECT * { ?s ?p ?o } LIMIT 50", 11)
    ('SELECT * { ?s ?p ?o } LIMIT 5', None)
    """
    found = _lookup(query)
    if found is None:
        return None
    form, limit = found
    if form == "ASK" or (limit is not None and limit <= rows):
        return query
    return None if limit is not None else f"{query}\nLIMIT {rows}"
