"""The whole build on the real seeds: counts, graphs, dumps, determinism, and failures that keep the old store."""

from __future__ import annotations

import gzip
import hashlib
import json
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pyoxigraph
import pytest
from click.testing import CliRunner

from gcm_graph.build import build_store
from gcm_graph.cli import main
from gcm_graph.seeds import SeedError
from gcm_graph.settings import Settings
from gcm_graph.store import open_read_only

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

EXPECTED_PARAGRAPHS = 111 + (13 + 85) + 88 + 97


def _select(settings: Settings, query: str) -> list[dict[str, str]]:
    store = open_read_only(settings.store)
    result = store.query(query, use_default_graph_as_union=True)
    names = [variable.value for variable in result.variables]
    return [{name: term.value for name, term in zip(names, row, strict=True) if term is not None} for row in result]


def test_build_counts_every_report_and_numbered_paragraph(built_settings: Settings):
    info = json.loads(built_settings.build_info.read_text(encoding="utf-8"))
    assert info["counts"]["reports"] == 4
    assert info["counts"]["paragraphs"] == EXPECTED_PARAGRAPHS
    assert info["counts"]["footnotes"] == (21 + 1 + 5) + 1 + 35 + 28  # A/76/642: numbered, summary, box
    assert info["warnings"] == []
    stages = {"workers cpu", "bulk load", "parent wait workers", "parent wait load", "parent finish"}
    assert stages <= set(info["stages"])
    rows = _select(built_settings, "PREFIX gcm: <https://w3id.org/gcm/ontology#> "
                                   "SELECT (COUNT(?p) AS ?n) WHERE { ?p a gcm:Paragraph }")
    assert int(rows[0]["n"]) == EXPECTED_PARAGRAPHS


def test_one_named_graph_per_report_plus_reference_ontology_and_build(built_settings: Settings):
    graphs = set(json.loads(built_settings.build_info.read_text(encoding="utf-8"))["graphs"])
    base = "https://w3id.org/gcm/id/"
    assert {f"{base}report/A-76-642", f"{base}report/ESCAP-GCM-2021-3", f"{base}report/A-72-643",
            f"{base}report/A-71-978", f"{base}graph/reference", f"{base}graph/build",
            "https://w3id.org/gcm/ontology"} <= graphs


def test_paragraph_reaches_its_report_and_keeps_stitched_text(built_settings: Settings):
    rows = _select(built_settings, """
        PREFIX gcm: <https://w3id.org/gcm/ontology#> PREFIX dcterms: <http://purl.org/dc/terms/>
        SELECT ?text ?id WHERE {
          <https://w3id.org/gcm/id/report/A-76-642/para/25> gcm:text ?text ; dcterms:isPartOf+ ?r .
          ?r a gcm:Report ; dcterms:identifier ?id }""")
    assert rows and rows[0]["id"] == "A/76/642"
    assert "疫情造成的变化" in rows[0]["text"] and "世界银行集团" not in rows[0]["text"]


def test_annex_paragraphs_are_kept_apart_from_the_body(built_settings: Settings):
    rows = _select(built_settings, """
        PREFIX gcm: <https://w3id.org/gcm/ontology#>
        SELECT ?annex (COUNT(?p) AS ?n) (MIN(?num) AS ?lo) (MAX(?num) AS ?hi) WHERE {
          GRAPH <https://w3id.org/gcm/id/report/ESCAP-GCM-2021-3> {
            ?p a gcm:Paragraph ; gcm:paragraphNumber ?num . OPTIONAL { ?p gcm:annex ?annex } } }
        GROUP BY ?annex ORDER BY ?annex""")
    assert [(row.get("annex"), row["n"], row["lo"], row["hi"]) for row in rows] == [
        (None, "13", "1", "13"), ("II", "85", "1", "85")]


def test_dumps_match_their_checksums_and_hold_the_whole_dataset(built_settings: Settings):
    info = json.loads(built_settings.build_info.read_text(encoding="utf-8"))
    assert {dump["format"] for dump in info["dumps"]} == {"N-Quads", "TriG", "Turtle"}
    for dump in info["dumps"]:
        path = built_settings.dumps_dir / dump["file"]
        assert hashlib.sha256(path.read_bytes()).hexdigest() == dump["sha256"]
    reloaded = pyoxigraph.Store()
    reloaded.load(gzip.decompress((built_settings.dumps_dir / "gcm-graph.nq.gz").read_bytes()),
                  format=pyoxigraph.RdfFormat.N_QUADS)
    assert len(reloaded) == info["counts"]["triples"]


@pytest.mark.skipif(shutil.which("zcat") is None, reason="no zcat here")
def test_dumps_are_series_of_gzip_members_that_zcat_reads_to_the_end(built_settings: Settings):
    """Workers compress their own graphs, so a dump is one gzip member per graph (RFC 1952 allows it)."""
    for name in ("gcm-graph.nq.gz", "gcm-graph.trig.gz", "gcm-graph.ttl.gz"):
        path = built_settings.dumps_dir / name
        unzipped = subprocess.run(["zcat", str(path)], check=True, capture_output=True).stdout
        assert unzipped == gzip.decompress(path.read_bytes())
        assert unzipped.count(b"\n") > 50_000 and path.read_bytes().count(b"\x1f\x8b\x08") > 4


def test_same_input_gives_the_same_iris(built_settings: Settings, tmp_path: Path):
    again = replace(built_settings, store=tmp_path / "store")
    build_store(again, jobs=1)
    query = "SELECT DISTINCT ?s WHERE { GRAPH ?g { ?s ?p ?o } FILTER(isIRI(?s)) }"
    assert {row["s"] for row in _select(built_settings, query)} == {row["s"] for row in _select(again, query)}


def _corpus(tmp_path: Path) -> Path:
    target = tmp_path / "seeds"
    shutil.copytree(SEEDS, target)
    return target


def test_a_report_without_numbered_paragraphs_fails_and_keeps_the_previous_store(tmp_path: Path):
    seeds = _corpus(tmp_path)
    settings = replace(Settings(), seeds=seeds, store=tmp_path / "store")
    first = build_store(settings, jobs=1)
    (seeds / "004_62a74ee524ff2b15.txt").write_text("秘书长的报告\n\n摘要\n\n没有编号的段落。\n", encoding="utf-8")
    with pytest.raises(SeedError, match="004_62a74ee524ff2b15.txt"):
        build_store(settings, jobs=2)
    assert json.loads(settings.build_info.read_text(encoding="utf-8"))["build_id"] == first.build_id
    assert len(list((tmp_path / "store.builds").iterdir())) == 1


def test_manifest_disagreeing_with_the_text_is_reported(tmp_path: Path):
    seeds = _corpus(tmp_path)
    manifest = seeds / "manifest.toml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace("session = 76", "session = 75"),
                        encoding="utf-8")
    info = build_store(replace(Settings(), seeds=seeds, store=tmp_path / "store"), jobs=1)
    assert any("000_6f2e4691c049779a.txt: text states session 76, manifest says 75" in w for w in info.warnings)


def test_cli_build_stats_query_and_export(tmp_path: Path):
    runner = CliRunner()
    store = str(tmp_path / "store")
    result = runner.invoke(main, ["build", "--store", store, "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert f"4 reports, {EXPECTED_PARAGRAPHS} paragraphs" in result.output
    assert "reports" in runner.invoke(main, ["stats", "--store", store]).output
    query = runner.invoke(main, ["query", "--store", store, "--format", "csv",
                                 "SELECT ?id WHERE { ?r a <https://w3id.org/gcm/ontology#Report> ; "
                                 "<http://purl.org/dc/terms/identifier> ?id } ORDER BY ?id"])
    assert query.exit_code == 0 and query.output.split() == ["id", "A/71/978", "A/72/643", "A/76/642",
                                                             "ESCAP/GCM/2021/3"]
    exported = runner.invoke(main, ["export", "--store", store, "--format", "nt", "-o", str(tmp_path / "all.nt")])
    assert exported.exit_code == 0
    graph = pyoxigraph.Store()
    graph.load(path=str(tmp_path / "all.nt"), format=pyoxigraph.RdfFormat.N_TRIPLES)
    assert len(graph) > 10_000


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["query", "SELECT WHERE {"], "query syntax error"),
        (["stats"], "no build here"),
        (["query", "ASK {}"], "no store here"),
        (["build", "--seeds", "/nonexistent/seeds"], "manifest not found"),
    ],
)
def test_cli_errors_are_one_line_and_exit_1(tmp_path: Path, built_settings: Settings, args: list[str], message: str):
    store = str(built_settings.store) if args[:2] == ["query", "SELECT WHERE {"] else str(tmp_path / "none")
    result = CliRunner().invoke(main, [*args, "--store", store])
    assert result.exit_code == 1
    assert message in result.output and "Traceback" not in result.output


def test_every_footnote_marker_is_in_its_own_unit_at_its_own_place(built_settings: Settings):
    """A note cited from several units (box 1's note d in A/76-642) has a marker in each, at that unit's
    offset; gcm:citationOffset alone cannot say which offset is whose."""
    from document_fixtures import SYMBOLS, parsed
    from gcm_graph import iris
    from gcm_graph.units import iter_units

    expected = set()
    for symbol in SYMBOLS:
        for unit in iter_units(parsed(symbol), iris.report(symbol)):
            if unit.kind not in ("item", "footnote"):
                expected |= {(unit.iri, ref.label, ref.offset) for ref in unit.unit.footnote_refs}
    rows = _select(built_settings, """PREFIX gcm: <https://w3id.org/gcm/ontology#>
        SELECT ?unit ?label ?offset WHERE { ?unit gcm:hasFootnoteMarker ?m . ?m a gcm:FootnoteMarker ;
          gcm:footnote ?note ; gcm:markerOffset ?offset . ?note gcm:footnoteLabel ?label .
          ?unit gcm:hasFootnote ?note }""")
    found = {(row["unit"], row["label"], int(row["offset"])) for row in rows}
    assert len(rows) == len(found)
    assert found == expected and len(found) == 94
    box = "https://w3id.org/gcm/id/report/A-76-642/section/I.box1/text/"
    shared = {(unit, offset) for unit, label, offset in found if unit.startswith(box) and label == "d"}
    assert len({unit for unit, _ in shared}) >= 2 and len({offset for _, offset in shared}) >= 2
