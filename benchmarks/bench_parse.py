"""Parse benchmark: throughput (MB/s of UTF-8 source) and peak memory of ``document.parse_report``.

Run on demand: ``python benchmarks/bench_parse.py [--sizes 1,10,100] [--repeat 3]``. Rows:

- each seed on its own, then the four seeds (best of ``--repeat`` runs);
- a stream of the four seeds repeated N times, parsed one report at a time and dropped, as a build does:
  peak memory must stay flat as N grows;
- one long report made of A/76/642's text repeated N times with its paragraphs renumbered, so it still
  parses as one report: throughput must not fall with document length (no quadratic step).

Time and memory are measured in separate passes, because tracemalloc slows Python down several times.
"MB/s" is wall-clock throughput, "MB/s cpu" uses this process's CPU time, which stays meaningful when
other work shares the machine.
Target (issue 2): >= 5 MB/s on the 2-core build machine.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import tomllib
import tracemalloc
from collections.abc import Callable, Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from gcm_graph.document import parse_report  # noqa: E402

_PARAGRAPH_NUMBER = re.compile(r"^(\d{1,4})\. ", re.MULTILINE)


def seed_texts() -> dict[str, str]:
    manifest = tomllib.loads((ROOT / "seeds" / "manifest.toml").read_text(encoding="utf-8"))
    return {entry["symbol"]: (ROOT / "seeds" / entry["file"]).read_text(encoding="utf-8")
            for entry in manifest["report"]}


def long_report(text: str, copies: int) -> str:
    """``text`` repeated, paragraph numbers shifted in each copy so numbering continues."""
    last = max(int(number) for number in _PARAGRAPH_NUMBER.findall(text))
    def shifted(copy: int) -> str:
        return _PARAGRAPH_NUMBER.sub(lambda match: f"{int(match.group(1)) + copy * last}. ", text)

    return "\n\n".join(shifted(copy) for copy in range(copies))


def parse_all(texts: Iterable[str]) -> int:
    paragraphs = 0
    for text in texts:
        paragraphs += len(parse_report(text).paragraphs())
    return paragraphs


def measure(label: str, make: Callable[[], Iterable[str]], repeat: int) -> tuple[str, ...]:
    size = sum(len(text.encode("utf-8")) for text in make())
    reports = sum(1 for _ in make())
    best = best_cpu = float("inf")
    paragraphs = 0
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        paragraphs = parse_all(make())
        best = min(best, time.perf_counter() - start)
        best_cpu = min(best_cpu, time.process_time() - start_cpu)
    tracemalloc.start()
    parse_all(make())
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return (label, str(reports), str(paragraphs), f"{size / 1e6:.2f}", f"{best:.3f}",
            f"{size / 1e6 / best:.1f}", f"{size / 1e6 / max(best_cpu, 1e-9):.1f}", f"{peak / 2**20:.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,10,100", help="comma-separated corpus multiples")
    parser.add_argument("--repeat", type=int, default=5, help="timing runs per row (the best is kept)")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    seeds = seed_texts()
    rows = [measure(symbol, lambda text=text: [text], args.repeat) for symbol, text in seeds.items()]
    rows.append(measure("4 seeds", lambda: list(seeds.values()), args.repeat))
    for size in sizes:
        rows.append(measure(f"stream {size}x", lambda size=size: (text for _ in range(size)
                                                                  for text in seeds.values()),
                            1 if size >= 100 else args.repeat))
    for size in sizes[:2]:
        long = long_report(seeds["A/76/642"], size)
        rows.append(measure(f"long A/76/642 {size}x", lambda long=long: [long], args.repeat))
    header = ("corpus", "reports", "paragraphs", "MB", "seconds", "MB/s", "MB/s cpu", "peak MiB")
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, tuple("-" * width for width in widths), *rows]:
        print("  ".join(cell.ljust(width) if i == 0 else cell.rjust(width)
                        for i, (cell, width) in enumerate(zip(row, widths, strict=True))))


if __name__ == "__main__":
    main()
