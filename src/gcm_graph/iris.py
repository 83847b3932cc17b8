"""Every instance IRI the project mints, in one place (like Datasette's url_builder).

The patterns are a public API: other systems store and query these IRIs, so a pattern may be added here
but never changed. All IRIs are functions of the input alone (a symbol, a paragraph number, character
offsets), never of build order, so the same input gives the same IRIs build after build, and editing one
paragraph does not renumber anything outside it.

>>> report("A/76/642")
'https://w3id.org/gcm/id/report/A-76-642'
>>> paragraph(report("ESCAP/GCM/2021/3"), 7, annex="II")
'https://w3id.org/gcm/id/report/ESCAP-GCM-2021-3/annex/II/para/7'
>>> document("A/72/124-E/2018/3")
'https://w3id.org/gcm/id/doc/A-72-124-E-2018-3'
>>> country("tha")
'https://w3id.org/gcm/id/country/THA'
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from .vocab import ID_BASE

_UNSAFE = re.compile(r"[^A-Za-z0-9._~\-]+")


def symbol_slug(symbol: str) -> str:
    """A UN document symbol as one path segment: '/' and spaces become '-' (the AKN4UN rule)."""
    return _UNSAFE.sub("-", symbol.strip().replace("/", "-").replace(" ", "-")).strip("-")


def slug(text: str) -> str:
    """A readable, stable path segment for a name; non-Latin names fall back to a short hash.

    >>> slug("Shiella Estrada")
    'shiella-estrada'
    >>> slug("米兰")[:2]
    'h-'
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    candidate = _UNSAFE.sub("-", ascii_text.lower()).strip("-")
    if candidate and len(candidate) * 2 >= len(text.replace(" ", "")):
        return candidate
    return "h-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


# --- documents and their structure -------------------------------------------------------------------

def report(symbol: str) -> str:
    return f"{ID_BASE}report/{symbol_slug(symbol)}"


def document(symbol: str) -> str:
    """A cited UN document (resolutions included, as A/RES/73/195)."""
    return f"{ID_BASE}doc/{symbol_slug(symbol)}"


def publication(citation: str) -> str:
    """A cited publication without a symbol, keyed by a hash of its normalised citation text."""
    digest = hashlib.sha1(" ".join(citation.split()).encode("utf-8")).hexdigest()[:12]
    return f"{ID_BASE}publication/{digest}"


def summary(report_iri: str) -> str:
    return f"{report_iri}/summary"


def annex(report_iri: str, number: str) -> str:
    return f"{report_iri}/annex/{number}"


def section(report_iri: str, path: str) -> str:
    """A section by its numbering path, e.g. 'II', 'II.A', 'II.A.1', 'annex-II.I'; unnumbered headings
    and boxes get a path from their parent plus 'h{n}' / 'box{n}' (n counts from 1 within the parent)."""
    return f"{report_iri}/section/{path}"


def paragraph(report_iri: str, number: int, annex: str | None = None) -> str:
    base = f"{report_iri}/annex/{annex}" if annex else report_iri
    return f"{base}/para/{number}"


def text_block(container_iri: str, index: int) -> str:
    """An unnumbered block of text (a summary paragraph, a box line) by its position in its container."""
    return f"{container_iri}/text/{index}"


def list_item(unit_iri: str, label_path: str) -> str:
    """A list item inside a paragraph, e.g. label path '1', '1.b' or 'a'."""
    return f"{unit_iri}/item/{label_path}"


def footnote(scope_iri: str, label: str) -> str:
    """Footnote by label within its scope: the report for numbered notes; the summary, box or table
    for lettered notes (^a, ^b …), whose letters restart in each such block."""
    return f"{scope_iri}/footnote/{label}"


def table(report_iri: str, section_path: str, index: int = 1) -> str:
    return f"{section(report_iri, section_path)}/table/{index}"


# --- reference entities --------------------------------------------------------------------------------

def objective(number: int) -> str:
    return f"{ID_BASE}objective/{number}"


def objective_scheme() -> str:
    return f"{ID_BASE}objective"


def principle(slug_: str) -> str:
    return f"{ID_BASE}principle/{slug_}"


def principle_scheme() -> str:
    return f"{ID_BASE}principle"


def country(iso3: str) -> str:
    return f"{ID_BASE}country/{iso3.upper()}"


def organization(key: str) -> str:
    return f"{ID_BASE}org/{key}"


def region(m49: str) -> str:
    """A UN M49 region ('142' Asia, '035' South-eastern Asia), keeping the code's leading zeros."""
    return f"{ID_BASE}region/{m49}"


def local_authority(name: str) -> str:
    return f"{ID_BASE}place/{slug(name)}"


def person(name: str) -> str:
    return f"{ID_BASE}person/{slug(name)}"


def actor_group(key: str) -> str:
    """Collective addressees such as 'states' (各国) or 'stakeholders' (利益攸关方)."""
    return f"{ID_BASE}group/{key}"


def sdg(code: str) -> str:
    """SDG goals and targets follow the UN SDG KOS pattern; indicators (whose permanent C-codes cannot be
    derived from '10.7.1') get a local IRI and a checked skos:exactMatch where known.

    >>> sdg("10"), sdg("10.7"), sdg("10.7.1")
    ('http://metadata.un.org/sdg/10', 'http://metadata.un.org/sdg/10.7', 'https://w3id.org/gcm/id/sdg/10.7.1')
    """
    return f"http://metadata.un.org/sdg/{code}" if code.count(".") <= 1 else f"{ID_BASE}sdg/{code}"


def event(slug_: str) -> str:
    return f"{ID_BASE}event/{slug_}"


# --- extracted facts: scoped under the text unit they come from -----------------------------------------

def mention(unit_iri: str, start: int, end: int) -> str:
    return f"{unit_iri}/mention/{start}-{end}"


def footnote_marker(unit_iri: str, label: str, offset: int) -> str:
    """A footnote marker in a unit, keyed by its label and where it stood in the unit's text (two adjacent
    markers, as in "text¹²", stand at one place)."""
    return f"{unit_iri}/footnote-marker/{label}-{offset}"


def fact(unit_iri: str, kind: str, start: int, end: int) -> str:
    """A practice, statistic or recommendation, keyed by kind and evidence offsets in its text unit."""
    return f"{unit_iri}/{kind}/{start}-{end}"


# --- graphs and provenance ----------------------------------------------------------------------------

def graph(name: str) -> str:
    """Named graphs other than the per-report ones (whose IRI is the report IRI): 'reference', 'build'."""
    return f"{ID_BASE}graph/{name}"


def build_activity(digest: str) -> str:
    return f"{ID_BASE}activity/{digest}"


def extraction_rule(name: str) -> str:
    return f"{ID_BASE}rule/{name}"
