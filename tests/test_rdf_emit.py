"""rdf.emit: the build's N-Triples lines are byte for byte what pyoxigraph.serialize writes for the same
quads — for hostile literals (quotes, backslashes, newlines, control characters, astral characters) and for
every report of the real seeds."""

from __future__ import annotations

import pyoxigraph
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pyoxigraph import Literal, NamedNode, Triple

from evaluation import extracted
from gcm_graph import iris
from gcm_graph.document import parse_report
from gcm_graph.rdf.document import report_lines, report_quads
from gcm_graph.rdf.emit import LineEmitter, QuadEmitter
from gcm_graph.rdf.facts import fact_lines, fact_quads
from gcm_graph.seeds import load_corpus
from gcm_graph.settings import Settings
from gcm_graph.vocab import GCM, XSD

HOSTILE = st.text(st.one_of(
    st.sampled_from('"\\\n\r\t\b\f\x00\x1f\x7f\u0085\u2028\u2029\ufeff\ufffe😀𠀀 <>{}^`|_:.@#'),
    st.characters(exclude_categories=("Cs",)),  # no lone surrogates: they cannot be UTF-8
))
LITERALS = st.one_of(
    st.builds(Literal, HOSTILE),
    st.builds(lambda value, tag: Literal(value, language=tag), HOSTILE,
              st.sampled_from(["zh", "en", "ZH-Hant", "en-GB", "x-private"])),
    st.builds(lambda value, datatype: Literal(value, datatype=datatype), HOSTILE,
              st.sampled_from([XSD.integer, XSD.decimal, XSD.gYear, XSD.date, XSD.dateTime, XSD.string])),
)
SUBJECTS = st.builds(lambda parts, fragment: "https://w3id.org/gcm/id/" + "".join(parts) + fragment,
                     st.lists(st.sampled_from(["a", "Z", "09", "-", "._~", "/", "%20", "é", "国", "😀", "(1)"]),
                              max_size=8),
                     st.sampled_from(["", "#quote", "#src-1", "?a=1&b=%E5"]))


def _serialized(quads: list[pyoxigraph.Quad]) -> str:
    triples = (Triple(quad.subject, quad.predicate, quad.object) for quad in quads)
    return pyoxigraph.serialize(triples, format=pyoxigraph.RdfFormat.N_TRIPLES).decode()


@settings(max_examples=300, deadline=None)
@given(SUBJECTS, st.one_of(LITERALS, st.builds(NamedNode, SUBJECTS)))
def test_a_line_is_what_pyoxigraph_serialises(subject: str, obj: object):
    quad = QuadEmitter("https://w3id.org/gcm/id/report/X")(subject, GCM.text, obj)
    assert LineEmitter()(subject, GCM.text, obj) == _serialized([quad])


def test_a_bad_subject_iri_fails_in_both_forms():
    for emit in (LineEmitter(), QuadEmitter("https://w3id.org/gcm/id/report/X")):
        with pytest.raises(ValueError):
            emit("not an iri", GCM.text, Literal("x"))


@pytest.mark.parametrize("seed", load_corpus(Settings().seeds), ids=lambda seed: seed.meta.symbol)
def test_every_report_serialises_identically(seed):
    report_iri, activity = iris.report(seed.meta.symbol), iris.build_activity("test")
    report, (facts, _) = parse_report(seed.text), extracted()[seed.meta.symbol]
    quads = dict.fromkeys([*report_quads(report, seed.meta, seed.sha256, activity), *fact_quads(facts, report_iri)])
    lines = dict.fromkeys([*report_lines(report, seed.meta, seed.sha256, activity), *fact_lines(facts, report_iri)])
    assert "".join(lines) == _serialized(list(quads))
