"""Reading the reference tables: hostile edits fail with file:line messages; the graph they build answers
the SPARQL queries the issue names (labels in both languages plus codes)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph
import pytest

from gcm_graph import iris
from gcm_graph.reference import (
    REFERENCE_GRAPH,
    ReferenceTableError,
    load_entities,
    ontology_quads,
    reference_quads,
)
from gcm_graph.reference.records import all_records

VOCAB = Path(__file__).resolve().parents[1] / "ontology" / "vocab"


@pytest.fixture
def vocab(tmp_path: Path) -> Path:
    copy = tmp_path / "vocab"
    shutil.copytree(VOCAB, copy)
    return copy


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if needle in line)


@pytest.mark.parametrize("table, old, new, message", [
    ("countries.tsv", "THA\tTH\t", "THA\tX\tTH\t", "expected 10 tab-separated fields"),
    ("countries.tsv", "\tmember\t泰国", "\tmembre\t泰国", "'membre' is not one of"),
    ("countries.tsv", "\t035", "\t999", "no M49 region '999'"),
    ("organizations.tsv", "\tUNEntity\t国际移民组织", "\tAgency\t国际移民组织", "'Agency' is not one of"),
    ("organizations.tsv", "\tUN-Secretariat\n", "\tUN-Secretariate\n", "no organization 'UN-Secretariate'"),
    ("objectives.tsv", "\ttranslation\t", "\tunofficial\t", "'unofficial' is not one of"),
    ("sdg.tsv", "10.7.1\tSDGIndicator", "10.7.1\tSDGTarget", "is not an SDG SDGTarget code"),
], ids=["field-count", "un-status", "region", "org-type", "org-parent", "label-status", "sdg-kind"])
def test_a_bad_row_is_reported_with_its_file_and_line(vocab: Path, table: str, old: str, new: str,
                                                      message: str):
    path = vocab / table
    edit(path, old, new)
    with pytest.raises(ReferenceTableError, match=message) as raised:
        all_records(vocab)
    assert str(raised.value).startswith(f"{path}:{line_of(path, new.strip(chr(10)))}: ")


def test_a_wrong_header_is_reported(vocab: Path):
    edit(vocab / "regions.tsv", "m49\tname_en", "code\tname_en")
    with pytest.raises(ReferenceTableError, match=r"regions.tsv:1: header must start with"):
        all_records(vocab)


def test_a_missing_table_is_reported(vocab: Path):
    (vocab / "sdg.tsv").unlink()
    with pytest.raises(ReferenceTableError, match=r"sdg.tsv: cannot read"):
        all_records(vocab)


def test_a_chinese_label_given_to_two_entities_is_refused(vocab: Path):
    edit(vocab / "organizations.tsv", "\t伊加特|政府间发展组织\t", "\t伊加特|政府间发展组织|东盟\t")
    with pytest.raises(ReferenceTableError, match="'东盟' names both"):
        all_records(vocab)


def test_objective_keywords_are_loaded_when_the_extractor_table_exists(vocab: Path):
    (vocab / "objective-keywords.tsv").write_text(
        "objective\tkeyword\treason\n8\t失踪移民\ttitle\n8\t搜救\tsearch and rescue\n", encoding="utf-8")
    objective = next(r for r in all_records(vocab) if r.iri == iris.objective(8))
    assert [v.value for p, v in objective.extra if p.value.endswith("#keyword")] == ["失踪移民", "搜救"]
    (vocab / "objective-keywords.tsv").write_text(
        "objective\tkeyword\treason\n24\t无\tno such objective\n", encoding="utf-8")
    with pytest.raises(ReferenceTableError, match="keywords.tsv:2: column 'objective': no objective 24"):
        all_records(vocab)


@pytest.fixture(scope="module")
def store() -> pyoxigraph.Store:
    store = pyoxigraph.Store()
    store.extend(reference_quads())
    store.extend(ontology_quads())
    return store


LABELS_AND_CODES = """
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?zh ?en (GROUP_CONCAT(DISTINCT ?code; separator=" ") AS ?codes) WHERE {
  GRAPH <%s> { <%s> skos:prefLabel ?zh, ?en . OPTIONAL { <%s> skos:notation ?code } }
  FILTER (LANG(?zh) = "zh" && LANG(?en) = "en")
} GROUP BY ?zh ?en
"""


@pytest.mark.parametrize("iri, zh, en, codes", [
    (iris.objective(8), "在失踪移民问题上拯救生命和开展协调一致的国际努力",
     "Save lives and establish coordinated international efforts on missing migrants", {"8"}),
    (iris.country("BOL"), "多民族玻利维亚国", "Bolivia (Plurinational State of)", {"BOL", "BO", "068"}),
    (iris.organization("IOM"), "国际移民组织", "International Organization for Migration", {"IOM"}),
])
def test_sparql_returns_both_labels_and_the_codes(store: pyoxigraph.Store, iri: str, zh: str, en: str, codes):
    rows = list(store.query(LABELS_AND_CODES % (REFERENCE_GRAPH, iri, iri)))
    assert len(rows) == 1
    assert (rows[0]["zh"].value, rows[0]["en"].value) == (zh, en)
    assert set(rows[0]["codes"].value.split()) == codes


def test_every_entity_is_typed_in_the_reference_graph_and_classes_are_labelled(store: pyoxigraph.Store):
    typed = {row["s"].value for row in store.query(
        f"SELECT DISTINCT ?s WHERE {{ GRAPH <{REFERENCE_GRAPH}> {{ ?s a ?c }} }}")}
    assert set(load_entities()) <= typed
    label = list(store.query(
        "SELECT ?l WHERE { GRAPH <https://w3id.org/gcm/ontology> { "
        "<https://w3id.org/gcm/ontology#Country> <http://www.w3.org/2000/01/rdf-schema#label> ?l } } "))
    assert {row["l"].language for row in label} == {"en", "zh"}
