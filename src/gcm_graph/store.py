"""Writing a store: each build goes into a new directory that is swapped in only when it is complete.

``settings.store`` (default ``data/store``) is a symbolic link to the current build directory, which holds
``oxigraph/`` (the database), ``dumps/`` and ``build.json``. A build writes ``<store>.builds/<id>/`` and then
replaces the link with ``os.replace`` — atomic on POSIX — so a reader sees the old build or the new one,
never a half-written store, and a failed build leaves the previous one untouched. Readers (the server, the
query workers) open the database with ``Store.read_only``; this module is the only writer.
"""

from __future__ import annotations

import io
import os
import queue
import shutil
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph

#: the current build, the previous one (still open by servers that have not switched yet) and one more, so
#: two rebuilds in quick succession never delete a directory an in-flight request is reading
KEEP_BUILDS = 3


class StoreError(OSError):
    """The store directory cannot be written or swapped; the message names the path."""


def builds_dir(store_link: Path) -> Path:
    return store_link.parent / f"{store_link.name}.builds"


@contextmanager
def new_build(store_link: Path, build_id: str) -> Iterator[Path]:
    """A fresh build directory; on success the store link points to it, on any error it is removed."""
    root = builds_dir(store_link)
    target = root / build_id
    try:
        target.mkdir(parents=True)
    except OSError as error:
        raise StoreError(f"{target}: cannot create build directory ({error.strerror})") from None
    try:
        yield target
    except BaseException:
        shutil.rmtree(target, ignore_errors=True)
        raise
    swap(store_link, target)
    prune(root, keep=KEEP_BUILDS, current=target)


def open_for_writing(build_dir: Path) -> pyoxigraph.Store:
    return pyoxigraph.Store(str(build_dir / "oxigraph"))


def bulk_load_stream(store: pyoxigraph.Store, chunks: Iterable[bytes], batch_bytes: int = 16 << 20,
                     ahead: int = 16) -> float:
    """Bulk-load a stream of N-Quads chunks (each made of whole lines). Each bulk load buffers what it
    reads before writing, so the stream is cut into batches of about ``batch_bytes``, small enough to keep
    memory flat however large the corpus (the loader holds about three times a batch in memory). Smaller
    batches cost no more in all (the store is compacted once at the end anyway) and make the write of the
    last batch, which nothing overlaps, shorter. The stream is the build's own output, every term of which
    was checked when it was made, so the parser skips checking IRIs and language tags again (``lenient``:
    about a tenth less loading time, the same quads).

    Reading a batch is quick; nine tenths of its time come after, when pyoxigraph sorts and writes it with
    the GIL released. So the load runs in a thread of its own and this one keeps taking chunks in meanwhile
    (up to ``ahead`` of them wait): whoever makes the chunks is not stalled for every write. Returns the
    seconds the load thread spent in pyoxigraph's bulk loads."""
    waiting: queue.Queue[bytes | BaseException | None] = queue.Queue(maxsize=ahead)
    failed: list[BaseException] = []
    busy = 0.0

    def load() -> None:
        nonlocal busy
        try:
            for batch in _batches(_received(waiting), batch_bytes):
                reader = io.BufferedReader(_ChunkReader(batch), buffer_size=1 << 20)
                start = time.perf_counter()
                store.bulk_load(input=reader, format=pyoxigraph.RdfFormat.N_QUADS, lenient=True)
                busy += time.perf_counter() - start
        except BaseException as error:  # noqa: BLE001 - handed to the caller's thread below
            failed.append(error)
            while waiting.get() is not None:  # unblock the producer until it sends the end
                pass

    loader = threading.Thread(target=load, name="bulk-load")
    loader.start()
    try:
        for chunk in chunks:
            waiting.put(chunk)
            if failed:
                break
    except BaseException as error:
        waiting.put(error)  # the loader's reader raises it, which ends the bulk load early
        raise
    finally:
        waiting.put(None)
        loader.join()
    if failed:
        raise failed[0]
    return busy


def _received(waiting: queue.Queue[bytes | BaseException | None]) -> Iterator[bytes]:
    while (chunk := waiting.get()) is not None:
        if isinstance(chunk, BaseException):
            raise chunk
        yield chunk


def _batches(chunks: Iterator[bytes], limit: int) -> Iterator[Iterator[bytes]]:
    """Consecutive runs of chunks of about ``limit`` bytes each (each run consumed before the next)."""
    pending = next(chunks, None)
    while pending is not None:
        size = 0

        def run() -> Iterator[bytes]:
            nonlocal pending, size
            while pending is not None and (size == 0 or size + len(pending) <= limit):
                chunk, size = pending, size + len(pending)
                pending = next(chunks, None)
                yield chunk

        yield run()


class _ChunkReader(io.RawIOBase):
    def __init__(self, chunks: Iterator[bytes]) -> None:
        self.chunks = chunks
        self.pending = memoryview(b"")

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        while not self.pending:
            chunk = next(self.chunks, None)
            if chunk is None:
                return 0
            self.pending = memoryview(chunk)
        size = min(len(buffer), len(self.pending))
        buffer[:size] = self.pending[:size]
        self.pending = self.pending[size:]
        return size


def swap(store_link: Path, target: Path) -> None:
    """Point ``store_link`` at ``target`` atomically. A real directory found at the link's place (a store
    made by hand, or an older layout) is moved into the builds directory first, never deleted."""
    store_link.parent.mkdir(parents=True, exist_ok=True)
    if store_link.exists() and not store_link.is_symlink():
        keep = builds_dir(store_link) / f"pre-existing-{int(time.time())}"
        store_link.rename(keep)
    temporary = store_link.parent / f".{store_link.name}.swap-{os.getpid()}"
    if temporary.is_symlink() or temporary.exists():
        temporary.unlink()
    temporary.symlink_to(os.path.relpath(target, store_link.parent))
    os.replace(temporary, store_link)


def prune(root: Path, keep: int, current: Path) -> None:
    """Delete all but the newest ``keep`` builds (older ones stay for readers still using them)."""
    builds = sorted((path for path in root.iterdir() if path.is_dir()), key=lambda path: path.stat().st_mtime)
    for old in builds[:-keep]:
        if old != current:
            shutil.rmtree(old, ignore_errors=True)


def open_read_only(store_link: Path) -> pyoxigraph.Store:
    """The current build's database for reading; a clear error when nothing has been built yet."""
    database = store_link / "oxigraph"
    if not database.is_dir():
        raise StoreError(f"{store_link}: no store here; run `gcm-graph build --store {store_link}` first")
    return pyoxigraph.Store.read_only(str(database))
