"""Where an IRI is shown to people: ``/page/<path>`` for our own IRIs, the report reader's anchor for
text units and sections, the IRI itself for anything outside https://w3id.org/gcm/id/.

>>> page_path("https://w3id.org/gcm/id/report/A-76-642/para/29")
'report/A-76-642#para-29'
>>> page_path("https://w3id.org/gcm/id/report/ESCAP-GCM-2021-3/annex/II/para/1")
'report/ESCAP-GCM-2021-3#annex-II-para-1'
>>> page_path("https://w3id.org/gcm/id/report/A-76-642/section/II.A")
'report/A-76-642#section-II-A'
>>> page_path("https://w3id.org/gcm/id/country/THA"), page_path("https://undocs.org/A/76/642")
('country/THA', None)
"""

from __future__ import annotations

import re

from ...vocab import ID_BASE

# a text unit inside a report: paragraphs, unnumbered blocks, list items, in the body, summary or annexes
_CONTAINER = r"(?:summary|annex/[^/#]+|section/[^/#]+)"
_UNIT = re.compile(
    rf"^(?P<report>report/[^/#]+)/(?P<unit>(?:{_CONTAINER}/)*(?:para/\d+|text/\d+)(?:/item/[^/#]+)?"
    rf"|{_CONTAINER})$"
)


def unit_anchor(unit_path: str) -> str:
    """The HTML id of a text unit in the reader: its path below the report with '/' as '-'."""
    return unit_path.replace("/", "-").replace(".", "-")


def page_path(value: str) -> str | None:
    """Path (with fragment) under /page/ for one of our IRIs; None for outside IRIs."""
    if not value.startswith(ID_BASE):
        return None
    path = value[len(ID_BASE):]
    match = _UNIT.match(path)
    if match:
        return f"{match['report']}#{unit_anchor(match['unit'])}"
    return path


def split_unit(path: str) -> tuple[str, str] | None:
    """(report path, anchor) when a /page/ path names a text unit, else None."""
    match = _UNIT.match(path)
    return (match["report"], unit_anchor(match["unit"])) if match else None
