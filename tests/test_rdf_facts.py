"""rdf.facts: the shapes of docs/design.md, on the real seeds' facts and against ontology/shapes.ttl."""

from __future__ import annotations

import io

import pyoxigraph
from rdflib import Graph

from evaluation import extracted
from gcm_graph import iris
from gcm_graph.document import parse_report
from gcm_graph.rdf.document import report_quads
from gcm_graph.rdf.facts import fact_quads
from gcm_graph.reference import reference_quads
from gcm_graph.seeds import load_corpus
from gcm_graph.settings import Settings
from gcm_graph.validate import validate_graph
from gcm_graph.vocab import GCM, OA, PROV


def store(symbol: str) -> pyoxigraph.Store:
    facts, _ = extracted()[symbol]
    result = pyoxigraph.Store()
    result.extend(fact_quads(facts, iris.report(symbol)))
    return result


def ask(db: pyoxigraph.Store, query: str) -> list:
    prefixes = (f"PREFIX gcm: <{GCM.base}> PREFIX oa: <{OA.base}> PREFIX prov: <{PROV.base}> "
                "PREFIX dcterms: <http://purl.org/dc/terms/> ")
    return list(db.query(prefixes + query, use_default_graph_as_union=True))


def test_fiji_practice_has_the_design_shape() -> None:
    rows = ask(store("A/76/642"), """
        SELECT ?p ?year ?desc ?start ?end ?conf ?rule WHERE {
          ?p a gcm:Practice ; gcm:actor <https://w3id.org/gcm/id/country/FJI> ; gcm:year ?year ;
             gcm:objective <https://w3id.org/gcm/id/objective/2> ; dcterms:description ?desc ;
             prov:wasDerivedFrom <https://w3id.org/gcm/id/report/A-76-642/para/21> ;
             gcm:evidence [ oa:start ?start ; oa:end ?end ] ; gcm:confidence ?conf ; gcm:rule ?rule .
          ?a gcm:assignedTo ?p ; gcm:objective <https://w3id.org/gcm/id/objective/2> ; gcm:rule ?arule . }""")
    assert len(rows) == 1
    row = rows[0]
    assert row["year"].value == "2019" and row["desc"].language == "zh"
    assert row["p"].value == iris.fact(iris.paragraph(iris.report("A/76/642"), 21), "practice",
                                       int(row["start"].value), int(row["end"].value))


def test_mentions_are_web_annotations_with_shortcuts_and_the_direct_edge() -> None:
    rows = ask(store("A/76/642"), """
        SELECT ?m ?exact ?begin WHERE {
          ?m a gcm:Mention ; oa:motivatedBy oa:identifying ; oa:hasBody ?e ;
             oa:hasTarget [ oa:hasSource ?unit ;
                            oa:hasSelector [ a oa:TextQuoteSelector ; oa:exact ?exact ] ,
                                           [ a oa:TextPositionSelector ; oa:start ?begin ] ] ;
             gcm:refersTo ?e ; gcm:mentionedIn ?unit ; gcm:anchorOf ?exact ; gcm:beginIndex ?begin .
          ?unit gcm:mentions ?e .
          FILTER (?e = <https://w3id.org/gcm/id/place/milan>) }""")
    assert sorted(r["exact"].value for r in rows) == ["米兰", "米兰市"]


def test_money_is_a_monetary_amount_with_decimal_value() -> None:
    rows = ask(store("A/76/642"), """
        SELECT ?v WHERE { ?s a gcm:Statistic, gcm:MonetaryAmount ; gcm:currency "USD" ; gcm:year ?y ;
                            <http://www.w3.org/1999/02/22-rdf-syntax-ns#value> ?v .
                          FILTER(STR(?y) = "2020") }""")
    assert "549000000000" in {r["v"].value for r in rows}


FACT_PATHS = ("/mention/", "/practice/", "/statistic/", "/recommendation/", "/objective/", "/event/",
              "/rule/")


def test_facts_of_the_meeting_report_conform_to_the_shapes() -> None:
    """Structure, facts and reference together; only violations whose focus is a fact count here (the
    structure has its own tests)."""
    seed = next(s for s in load_corpus(Settings().seeds) if s.meta.symbol == "ESCAP/GCM/2021/3")
    report_iri = iris.report(seed.meta.symbol)
    facts, _ = extracted()[seed.meta.symbol]
    quads = [*report_quads(parse_report(seed.text), seed.meta, seed.sha256, iris.build_activity("test")),
             *fact_quads(facts, report_iri), *reference_quads()]
    buffer = io.BytesIO()
    pyoxigraph.serialize([pyoxigraph.Triple(q.subject, q.predicate, q.object) for q in quads], buffer,
                         pyoxigraph.RdfFormat.N_TRIPLES)
    _, text, _ = validate_graph(Graph().parse(data=buffer.getvalue().decode(), format="nt"))
    focus = [line for line in text.splitlines() if "Focus Node:" in line]
    assert [line for line in focus if any(path in line for path in FACT_PATHS)] == []
