"""A small hand-written graph in the shape docs/design.md promises, for page tests before (and besides)
the real build: two reports, a few paragraphs with mentions and practices, a footnote, a meeting.

The paragraph texts are real sentences from the seeds; offsets are computed from them with str.find, so
the mention and evidence selectors are exactly what the extractor would emit for these spans.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph

ID = "https://w3id.org/gcm/id/"
R1 = ID + "report/A-76-642"
R2 = ID + "report/ESCAP-GCM-2021-3"

PARA_29 = ("2021年6月，比利时成立了政府部门，专门负责实施和促进拘留替代办法。"
           "2020年，墨西哥统一了禁止儿童移民拘留的立法。"
           "泰国通过了监测评价框架，作为结束儿童移民拘留工作的一部分。")
PARA_62 = ("泰国为来自柬埔寨、老挝人民民主共和国和缅甸的约 100 万名移民工人延长了签证，"
           "其他移民的签证自动获得延期。")
PARA_3 = "经社会下列成员和准成员的代表出席了会议：泰国、墨西哥和国际移民组织。"
FOOTNOTE_12 = "见 https://www.iom.int/ 。"

OBJECTIVES = {
    5: ("加强正常移民途径的可用性和灵活性",
        "Enhance availability and flexibility of pathways for regular migration"),
    6: ("促进公平和合乎道德的招聘", "Facilitate fair and ethical recruitment"),
    13: ("仅将移民拘留作为最后手段，并努力寻求替代办法",
         "Use migration detention only as a measure of last resort and work towards alternatives"),
}
COUNTRIES = {"THA": ("泰国", "Thailand", "TH", "764"), "BEL": ("比利时", "Belgium", "BE", "056"),
             "MEX": ("墨西哥", "Mexico", "MX", "484")}

PREFIXES = """\
@prefix gcm: <https://w3id.org/gcm/ontology#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix oa: <http://www.w3.org/ns/oa#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""


def _reference() -> str:
    lines = [f"<{ID}graph/reference> {{"]
    for number, (zh, en) in OBJECTIVES.items():
        lines.append(
            f'<{ID}objective/{number}> a gcm:Objective, skos:Concept ; skos:notation "{number}" ; '
            f'skos:prefLabel "{zh}"@zh, "{en}"@en ; rdfs:label "{zh}"@zh, "{en}"@en .'
        )
    for iso3, (zh, en, iso2, m49) in COUNTRIES.items():
        lines.append(
            f'<{ID}country/{iso3}> a gcm:Country ; skos:prefLabel "{zh}"@zh, "{en}"@en ; '
            f'rdfs:label "{zh}"@zh, "{en}"@en ; skos:notation "{iso3}" ; gcm:iso2 "{iso2}" ; '
            f'gcm:iso3 "{iso3}" ; gcm:m49 "{m49}" ; '
            f"skos:exactMatch <http://publications.europa.eu/resource/authority/country/{iso3}> ."
        )
    lines.append(
        f'<{ID}org/iom> a gcm:UNEntity ; skos:prefLabel "国际移民组织"@zh, "International Organization for '
        f'Migration"@en ; rdfs:label "国际移民组织"@zh, "International Organization for Migration"@en ; '
        f'skos:altLabel "移民组织"@zh, "IOM"@en ; gcm:shortName "IOM" .'
    )
    lines.append("}")
    return "\n".join(lines)


def _span(unit: str, kind: str, text: str, words: str) -> tuple[str, int, int]:
    """The IRI and offsets of ``words`` in a unit's text, as iris.mention / iris.fact mint them."""
    start = text.index(words)
    return f"{unit}/{kind}/{start}-{start + len(words)}", start, start + len(words)


def _mention(unit: str, text: str, anchor: str, entity: str) -> str:
    iri, start, end = _span(unit, "mention", text, anchor)
    return (
        f"<{iri}> a gcm:Mention ; oa:motivatedBy oa:identifying ; oa:hasBody <{entity}> ; "
        f"oa:hasTarget <{iri}#target> ; gcm:mentionedIn <{unit}> ; gcm:refersTo <{entity}> ; "
        f'gcm:anchorOf "{anchor}" ; gcm:beginIndex {start} ; gcm:endIndex {end} ; gcm:confidence 0.95 ; '
        f"gcm:rule <{ID}rule/lexicon> .\n"
        f"<{iri}#target> a oa:SpecificResource ; oa:hasSource <{unit}> ; "
        f"oa:hasSelector <{iri}#pos> .\n"
        f"<{iri}#pos> a oa:TextPositionSelector ; oa:start {start} ; oa:end {end} .\n"
        f"<{unit}> gcm:mentions <{entity}> ."
    )


def _practice(unit: str, text: str, clause: str, actor: str, objective: int, year: int,
              confidence: str = "0.8") -> str:
    iri, start, end = _span(unit, "practice", text, clause)
    return (
        f"<{iri}> a gcm:Practice ; gcm:actor <{actor}> ; gcm:objective <{ID}objective/{objective}> ; "
        f'gcm:year "{year}"^^xsd:gYear ; dcterms:description "{clause}"@zh ; prov:wasDerivedFrom <{unit}> ; '
        f"gcm:evidence <{iri}#evidence> ; gcm:confidence {confidence} ; gcm:rule <{ID}rule/practice> .\n"
        f"<{iri}#evidence> a oa:TextPositionSelector ; oa:start {start} ; oa:end {end} .\n"
        f"<{iri}/objective/1> a gcm:ObjectiveAssignment ; gcm:assignedTo <{iri}> ; "
        f"gcm:objective <{ID}objective/{objective}> ; gcm:confidence {confidence} ."
    )


def _report_one() -> str:
    section = f"{R1}/section/II"
    p29, p62 = f"{R1}/para/29", f"{R1}/para/62"
    note = f"{R1}/footnote/12"
    parts = [
        f"<{R1}> {{",
        f'<{R1}> a gcm:Report ; dcterms:identifier "A/76/642" ; '
        f'dcterms:title "安全、有序和正常移民全球契约"@zh, '
        f'"Global Compact for Safe, Orderly and Regular Migration"@en ; dcterms:language "zh" ; '
        f'dcterms:date "2021-12-27"^^xsd:date ; gcm:year "2021"^^xsd:gYear ; gcm:session 76 ; '
        f"rdfs:seeAlso <https://undocs.org/zh/A/76/642> .",
        f'<{section}> a gcm:Section ; dcterms:isPartOf <{R1}> ; dcterms:title "执行情况"@zh ; '
        f'gcm:sectionNumber "二" ; gcm:sectionType "chapter" ; gcm:sectionLevel 1 ; gcm:order 1 .',
        f'<{p29}> a gcm:Paragraph ; dcterms:isPartOf <{section}> ; gcm:paragraphNumber 29 ; '
        f'gcm:text "{PARA_29}"@zh ; gcm:order 2 ; gcm:hasFootnote <{note}> ; '
        f"gcm:hasFootnoteMarker <{p29}/footnote-marker/12-{len(PARA_29)}> ; "
        f"gcm:objective <{ID}objective/13>, <{ID}objective/5> .",
        f"<{p29}/footnote-marker/12-{len(PARA_29)}> a gcm:FootnoteMarker ; gcm:footnote <{note}> ; "
        f"gcm:markerOffset {len(PARA_29)} .",
        f'<{p62}> a gcm:Paragraph ; dcterms:isPartOf <{section}> ; gcm:paragraphNumber 62 ; '
        f'gcm:text "{PARA_62}"@zh ; gcm:order 3 .',
        f'<{note}> a gcm:Footnote ; gcm:footnoteLabel "12" ; gcm:text "{FOOTNOTE_12}"@zh ; '
        f"dcterms:isPartOf <{R1}> ; gcm:citationOffset {len(PARA_29)} ; "
        f"dcterms:references <https://www.iom.int/> .",
        _mention(p29, PARA_29, "比利时", ID + "country/BEL"),
        _mention(p29, PARA_29, "墨西哥", ID + "country/MEX"),
        _mention(p29, PARA_29, "泰国", ID + "country/THA"),
        _mention(p62, PARA_62, "泰国", ID + "country/THA"),
        _practice(p29, PARA_29, "比利时成立了政府部门，专门负责实施和促进拘留替代办法",
                  ID + "country/BEL", 13, 2021),
        _practice(p29, PARA_29, "墨西哥统一了禁止儿童移民拘留的立法", ID + "country/MEX", 13, 2020),
        _practice(p29, PARA_29, "泰国通过了监测评价框架，作为结束儿童移民拘留工作的一部分",
                  ID + "country/THA", 13, 2021),
        _practice(p62, PARA_62, "泰国为来自柬埔寨、老挝人民民主共和国和缅甸的约 100 万名移民工人延长了签证",
                  ID + "country/THA", 5, 2020, "0.7"),
        "}",
    ]
    return "\n".join(parts)


def _report_two() -> str:
    p3 = f"{R2}/para/3"
    meeting = f"{ID}event/asia-pacific-regional-review-2021"
    parts = [
        f"<{R2}> {{",
        f'<{R2}> a gcm:Report ; dcterms:identifier "ESCAP/GCM/2021/3" ; dcterms:title "亚太区域审查报告"@zh, '
        f'"Asia-Pacific Regional Review"@en ; dcterms:language "zh" ; gcm:year "2021"^^xsd:gYear .',
        f'<{p3}> a gcm:Paragraph ; dcterms:isPartOf <{R2}> ; gcm:paragraphNumber 3 ; '
        f'gcm:text "{PARA_3}"@zh ; '
        f"gcm:order 1 .",
        _mention(p3, PARA_3, "泰国", ID + "country/THA"),
        _mention(p3, PARA_3, "墨西哥", ID + "country/MEX"),
        _mention(p3, PARA_3, "国际移民组织", ID + "org/iom"),
        _practice(p3, PARA_3, "国际移民组织", ID + "org/iom", 6, 2021, "0.6"),
        f'<{meeting}> a gcm:Meeting ; dcterms:title "亚太区域审查会议"@zh ; '
        f'gcm:startDate "2021-03-10"^^xsd:date ; '
        f'gcm:endDate "2021-03-12"^^xsd:date ; gcm:place "曼谷" ; gcm:attendee <{ID}country/THA>, '
        f"<{ID}country/MEX>, <{ID}org/iom> ; prov:wasDerivedFrom <{p3}> .",
        "}",
    ]
    return "\n".join(parts)


def sample_trig() -> str:
    return "\n".join([PREFIXES, _reference(), _report_one(), _report_two()])


def write_sample_store(directory: Path) -> Path:
    """Load the sample into an on-disk store laid out like a build (``oxigraph/``); returns the store dir."""
    directory.mkdir(parents=True, exist_ok=True)
    store = pyoxigraph.Store(str(directory / "oxigraph"))
    store.load(sample_trig().encode("utf-8"), format=pyoxigraph.RdfFormat.TRIG)
    store.flush()
    del store
    return directory
