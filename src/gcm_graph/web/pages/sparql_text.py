"""Safe pieces of SPARQL text for the pages' own queries: IRIs and strings from a URL never reach a query
unchecked, and every label comes back in both languages.

>>> iri("https://w3id.org/gcm/id/country/THA")
'<https://w3id.org/gcm/id/country/THA>'
>>> string_literal('泰国 "x"\\n')
'"泰国 \\\\"x\\\\"\\\\n"'
"""

from __future__ import annotations

import re

from ...vocab import PREFIXES

PREFIX_BLOCK = "".join(f"PREFIX {name}: <{base}>\n" for name, base in PREFIXES.items())

# IRIREF's forbidden characters (SPARQL 1.1 grammar rule [139]) plus whitespace and controls
_BAD_IRI = re.compile(r'[<>"{}|^`\\\x00-\x20]')


class UnsafeTermError(ValueError):
    """A value from a request cannot be written into a query as an IRI."""


def iri(value: str) -> str:
    if not value or _BAD_IRI.search(value) or ":" not in value:
        raise UnsafeTermError(f"not an absolute IRI usable in SPARQL: {value!r}")
    return f"<{value}>"


def string_literal(value: str) -> str:
    escaped = (value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
               .replace("\t", "\\t"))
    return f'"{escaped}"'


def labels(var: str, prop: str = "skos:prefLabel") -> str:
    """OPTIONAL patterns binding ?{var}Zh and ?{var}En (the backend returns lexical values only)."""
    return (
        f'OPTIONAL {{ ?{var} {prop} ?{var}Zh FILTER(LANGMATCHES(LANG(?{var}Zh), "zh")) }}\n'
        f'OPTIONAL {{ ?{var} {prop} ?{var}En FILTER(LANGMATCHES(LANG(?{var}En), "en")) }}\n'
    )


def query(body: str) -> str:
    return PREFIX_BLOCK + body
