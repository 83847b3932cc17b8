"""The seed corpus loader: the real manifest, and every kind of bad input named by file and line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from gcm_graph.seeds import SeedError, load_corpus, load_manifest

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def test_real_manifest_lists_the_four_reports_in_order():
    metas = load_manifest(SEEDS)
    assert [meta.symbol for meta in metas] == ["A/76/642", "ESCAP/GCM/2021/3", "A/72/643", "A/71/978"]
    a76 = metas[0]
    assert (a76.session, a76.agenda_items, a76.year, a76.date) == (76, ("15",), 2021, "2021-12-27")
    assert metas[1].meeting_start == "2021-03-10" and metas[1].session is None
    assert metas[2].agenda_items == ("14", "117")


def test_real_corpus_decodes_every_file_and_checksums_it():
    corpus = load_corpus(SEEDS)
    assert len(corpus) == 4
    for seed in corpus:
        assert "秘书长的报告" in seed.text or "亚太区域审查" in seed.text
        assert len(seed.sha256) == 64


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    target = tmp_path / "seeds"
    shutil.copytree(SEEDS, target)
    return target


def _replace_file(corpus_dir: Path, data: bytes) -> Path:
    path = corpus_dir / load_manifest(corpus_dir)[0].file
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", "empty file"),
        (b"  \n\n \t\n", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary content"),
        ("第七十六届会议\n\n1. 移民问题。\n".encode("gbk"), "looks like GBK"),
    ],
)
def test_unreadable_report_files_are_named(corpus_dir: Path, data: bytes, expected: str):
    path = _replace_file(corpus_dir, data)
    with pytest.raises(SeedError) as caught:
        load_corpus(corpus_dir)
    assert str(path) in str(caught.value) and expected in str(caught.value)


def test_gbk_error_names_the_line_of_the_first_bad_byte(corpus_dir: Path):
    path = _replace_file(corpus_dir, "ascii line\nsecond\n第七十六届会议\n".encode("gbk"))
    with pytest.raises(SeedError, match=rf"{path}:3: not UTF-8"):
        load_corpus(corpus_dir)


def test_missing_file_names_the_manifest_entry(corpus_dir: Path):
    (corpus_dir / "003_4194c8693c922b0e.txt").unlink()
    with pytest.raises(SeedError, match=r"003_4194c8693c922b0e.txt: file named in manifest.toml \(report A/72/643\)"):
        load_corpus(corpus_dir)


def test_two_reports_with_one_symbol_name_both_lines(corpus_dir: Path):
    manifest = corpus_dir / "manifest.toml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace('"A/72/643"', '"A/76/642"'), encoding="utf-8")
    with pytest.raises(SeedError, match=r"manifest.toml:32: symbol 'A/76/642' already used by the report at line 4"):
        load_manifest(corpus_dir)


def test_malformed_manifest_names_the_line(corpus_dir: Path):
    manifest = corpus_dir / "manifest.toml"
    lines = manifest.read_text(encoding="utf-8").splitlines()
    lines[7] = 'symbol = "A/76/642'
    manifest.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(SeedError, match=r"manifest.toml: malformed TOML: .*line 8"):
        load_manifest(corpus_dir)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ('year = 2017\nnote = "Prepared', 'year = "2017"\nnote = "Prepared', "year must be an integer"),
        ('file = "001_7a40013554c1f746.txt"\n', "", "lacks file"),
        ('language = "zh"\ntype = "Report of a', 'language = "zh"\ncolour = "red"\ntype = "Report of a', "unknown key"),
        ('file = "000_6f2e4691c049779a.txt"', 'file = "../000_6f2e4691c049779a.txt"', "plain file name"),
    ],
)
def test_invalid_manifest_tables_name_their_line(corpus_dir: Path, old: str, new: str, expected: str):
    manifest = corpus_dir / "manifest.toml"
    text = manifest.read_text(encoding="utf-8")
    assert old in text
    manifest.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(SeedError, match=rf"manifest.toml:\d+: .*{expected}"):
        load_manifest(corpus_dir)


def test_missing_manifest(tmp_path: Path):
    with pytest.raises(SeedError, match="manifest not found"):
        load_manifest(tmp_path)
