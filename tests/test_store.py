"""Building into a new directory and swapping it in: a failed build never touches the current store."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph
import pytest

from gcm_graph.store import StoreError, builds_dir, new_build, open_for_writing, open_read_only

EX = "http://example.org/"


def _write(store_link: Path, build_id: str, value: str) -> Path:
    with new_build(store_link, build_id) as directory:
        store = open_for_writing(directory)
        store.add(pyoxigraph.Quad(pyoxigraph.NamedNode(EX + "s"), pyoxigraph.NamedNode(EX + "p"),
                                  pyoxigraph.Literal(value)))
        store.flush()
        del store
    return directory


def _value(store_link: Path) -> str:
    store = open_read_only(store_link)
    return next(iter(store.quads_for_pattern(None, None, None))).object.value


def test_successful_build_becomes_current(tmp_path: Path):
    link = tmp_path / "data" / "store"
    first = _write(link, "b1", "one")
    assert link.is_symlink() and link.resolve() == first.resolve()
    assert _value(link) == "one"
    _write(link, "b2", "two")
    assert _value(link) == "two"


def test_failed_build_leaves_previous_store_untouched(tmp_path: Path):
    link = tmp_path / "store"
    first = _write(link, "b1", "one")
    with pytest.raises(RuntimeError, match="extractor exploded"), new_build(link, "b2") as directory:
        (directory / "partial").write_text("half a build")
        raise RuntimeError("extractor exploded")
    assert link.resolve() == first.resolve()
    assert _value(link) == "one"
    assert not (builds_dir(link) / "b2").exists()


def test_a_real_directory_in_the_way_is_kept_not_deleted(tmp_path: Path):
    link = tmp_path / "store"
    link.mkdir()
    (link / "precious.txt").write_text("user data")
    _write(link, "b1", "one")
    kept = [path for path in builds_dir(link).iterdir() if path.name.startswith("pre-existing-")]
    assert len(kept) == 1 and (kept[0] / "precious.txt").read_text() == "user data"


def test_old_builds_are_pruned_but_the_two_before_stay(tmp_path: Path):
    link = tmp_path / "store"
    for number in range(5):
        _write(link, f"b{number}", str(number))
    assert sorted(path.name for path in builds_dir(link).iterdir()) == ["b2", "b3", "b4"]


def test_reading_a_store_that_was_never_built_says_what_to_do(tmp_path: Path):
    with pytest.raises(StoreError, match="no store here; run `gcm-graph build"):
        open_read_only(tmp_path / "nothing")


def test_stream_loads_every_chunk_whatever_the_batch_size(tmp_path: Path):
    from gcm_graph.store import bulk_load_stream

    lines = [f'<{EX}s{n}> <{EX}p> "{n}" <{EX}g{n % 3}> .\n'.encode() for n in range(100)]
    chunks = [b"".join(lines[start:start + 7]) for start in range(0, 100, 7)]
    for batch_bytes in (1, 500, 10_000):
        store = pyoxigraph.Store(str(tmp_path / f"b{batch_bytes}"))
        bulk_load_stream(store, iter(chunks), batch_bytes=batch_bytes)
        assert len(store) == 100
        del store


def test_a_failing_producer_stops_the_load_and_its_error_reaches_the_caller(tmp_path: Path):
    from gcm_graph.store import bulk_load_stream

    def chunks():
        yield f'<{EX}s> <{EX}p> "1" <{EX}g> .\n'.encode()
        raise RuntimeError("worker exploded")

    store = pyoxigraph.Store(str(tmp_path / "store"))
    with pytest.raises(RuntimeError, match="worker exploded"):
        bulk_load_stream(store, chunks())


def test_bad_nquads_fail_in_the_caller_even_with_chunks_still_coming(tmp_path: Path):
    from gcm_graph.store import bulk_load_stream

    good = f'<{EX}s> <{EX}p> "1" <{EX}g> .\n'.encode()
    chunks = [b"<not a quad\n", *([good] * 100)]
    store = pyoxigraph.Store(str(tmp_path / "store"))
    with pytest.raises(SyntaxError):
        bulk_load_stream(store, iter(chunks), batch_bytes=1, ahead=2)
