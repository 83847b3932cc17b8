"""The report reader: contents, paragraphs with linked mentions, footnotes, and each paragraph's
practices with objective and confidence. Every paragraph has an anchor derived from its IRI.

Six queries, each scoped to the report's named graph (and the reference graph for labels); the page is
assembled here by pure functions so its structure can be tested without a store.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from flask import abort, render_template

from ...vocab import ID_BASE
from . import bp
from .common import first_per, objective_number, select
from .highlight import Piece, Span, segments
from .links import page_path, unit_anchor
from .sparql_text import iri, labels


@dataclass
class Unit:
    iri: str
    anchor: str
    number: str
    label: str
    pieces: list[Piece]
    practices: list[dict[str, str]] = field(default_factory=list)
    footnotes: list[dict[str, str]] = field(default_factory=list)
    items: list[Unit] = field(default_factory=list)


@dataclass
class Heading:
    iri: str
    anchor: str
    level: int
    number: str
    title: str


def _local(report: str, value: str) -> str:
    return value[len(report) + 1:] if value.startswith(report + "/") else value


def assemble(report: str, sections: list[dict[str, str]], units: list[dict[str, str]],
             mentions: list[dict[str, str]], notes: list[dict[str, str]],
             practices: list[dict[str, str]]) -> tuple[list[Heading], list[Heading | Unit]]:
    """(contents, body): body interleaves headings and units in reading order. A heading is placed
    before the first unit inside it (at any depth), so sections with no text of their own still show."""
    section_of = {row["section"]: row for row in sections}
    spans: dict[str, list[Span]] = defaultdict(list)
    for row in mentions:
        # the text is Chinese: the hover gives the English name (the Chinese one if there is none)
        title = row.get("entityEn") or row.get("entityZh", "")
        spans[row["unit"]].append(Span(int(row["begin"]), int(row["end"]), row["entity"], title))
    markers: dict[str, dict[int, str]] = defaultdict(dict)
    notes_of: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in first_per(notes, "unit", "note"):
        notes_of[row["unit"]].append(row)
    for row in notes:
        if "offset" in row:
            markers[row["unit"]][int(row["offset"])] = row["label"]
    practices_of: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in practices:
        practices_of[row["unit"]].append(row)

    def make_unit(row: dict[str, str]) -> Unit:
        local = _local(report, row["unit"])
        number = row.get("number", "") or row.get("itemLabel", "")
        return Unit(iri=row["unit"], anchor=unit_anchor(local), number=number, label=local,
                    pieces=segments(row.get("text", ""), spans[row["unit"]], markers[row["unit"]]),
                    practices=practices_of[row["unit"]], footnotes=notes_of[row["unit"]])

    body: list[Heading | Unit] = []
    contents: list[Heading] = []
    shown: set[str] = set()
    by_iri: dict[str, Unit] = {}
    for row in sorted(units, key=lambda r: (int(r.get("order", 0) or 0), r["unit"])):
        parent = row.get("parent", "")
        if row.get("kind") == "ListItem" and parent in by_iri:
            item = make_unit(row)
            by_iri[parent].items.append(item)
            by_iri[item.iri] = item
            continue
        chain = []
        while parent in section_of and parent not in shown:
            chain.append(parent)
            parent = section_of[parent].get("parent", "")
        for section in reversed(chain):
            shown.add(section)
            info = section_of[section]
            heading = Heading(section, unit_anchor(_local(report, section)), int(info.get("level", 1) or 1),
                              info.get("number", ""), info.get("title", ""))
            body.append(heading)
            contents.append(heading)
        unit = make_unit(row)
        by_iri[unit.iri] = unit
        body.append(unit)
    return contents, body


@bp.route("/page/report/<key>")
def report_page(key: str) -> str:
    report = f"{ID_BASE}report/{key}"
    graph = iri(report)
    head = select(f"""
SELECT ?identifier ?reportZh ?reportEn ?date ?year ?seeAlso WHERE {{
  GRAPH {graph} {{ BIND({graph} AS ?report) ?report a gcm:Report ; dcterms:identifier ?identifier .
    OPTIONAL {{ ?report dcterms:date ?date }} OPTIONAL {{ ?report gcm:year ?year }}
    OPTIONAL {{ ?report rdfs:seeAlso ?seeAlso }}
    {labels("report", "dcterms:title")} }}
}} LIMIT 1""")
    if not head:
        abort(404)
    sections = first_per(select(f"""
SELECT ?section ?parent ?title ?number ?level WHERE {{ GRAPH {graph} {{
  ?section a gcm:Section ; dcterms:isPartOf ?parent .
  OPTIONAL {{ ?section dcterms:title ?title }} OPTIONAL {{ ?section gcm:sectionNumber ?number }}
  OPTIONAL {{ ?section gcm:sectionLevel ?level }} }} }}"""), "section")
    units = first_per(select(f"""
SELECT ?unit ?kind ?parent ?text ?number ?itemLabel ?order WHERE {{ GRAPH {graph} {{
  ?unit a ?type ; gcm:text ?text . VALUES (?type ?kind) {{
    (gcm:Paragraph "Paragraph") (gcm:TextBlock "TextBlock") (gcm:ListItem "ListItem")
    (gcm:TableRow "TableRow") }}
  OPTIONAL {{ ?unit dcterms:isPartOf ?parent }} OPTIONAL {{ ?unit gcm:paragraphNumber ?number }}
  OPTIONAL {{ ?unit gcm:itemLabel ?itemLabel }} OPTIONAL {{ ?unit gcm:order ?order }} }} }}"""), "unit")
    mentions = select(f"""
SELECT ?unit ?entity ?begin ?end ?entityZh ?entityEn WHERE {{
  GRAPH {graph} {{ ?mention a gcm:Mention ; gcm:mentionedIn ?unit ; gcm:refersTo ?entity ;
                   gcm:beginIndex ?begin ; gcm:endIndex ?end }}
  {labels("entity")} }} ORDER BY ?unit ?begin DESC(?end) ?entity""")
    # one row per marker: the unit's own markers (gcm:citationOffset alone would mix in the offsets of other
    # units that cite the same note)
    notes = select(f"""
SELECT ?unit ?note ?label ?text ?offset WHERE {{ GRAPH {graph} {{
  ?unit gcm:hasFootnote ?note . ?note gcm:footnoteLabel ?label . OPTIONAL {{ ?note gcm:text ?text }}
  OPTIONAL {{ ?unit gcm:hasFootnoteMarker ?marker . ?marker gcm:footnote ?note ; gcm:markerOffset ?offset }}
}} }} ORDER BY ?unit ?note ?offset""")
    practices = first_per(select(f"""
SELECT ?unit ?practice ?objective ?objectiveZh ?objectiveEn ?confidence ?year ?description ?actor ?actorZh
       ?actorEn
WHERE {{ GRAPH {graph} {{ ?practice a gcm:Practice ; prov:wasDerivedFrom ?unit ; gcm:objective ?objective ;
                                  gcm:actor ?actor .
  OPTIONAL {{ ?practice gcm:confidence ?confidence }} OPTIONAL {{ ?practice gcm:year ?year }}
  OPTIONAL {{ ?practice dcterms:description ?description }} }}
  {labels("objective")}{labels("actor")} }} ORDER BY ?practice ?objective ?actor"""), "practice", "objective", "actor")
    contents, body = assemble(report, sections, units, first_per(mentions, "unit", "begin"), notes,
                              practices)
    return render_template("report.html", iri=report, head=head[0], contents=contents, body=body,
                           page_path=page_path, objective_number=objective_number)
