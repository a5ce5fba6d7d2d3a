"""Time (or profile) the pure per-shard work: read, decode, parse, segment, enrich, Arrow rows.

    .venv/bin/python bench/shard.py bench/.cache/corpus-20000 [--shards 4] [--size 500]
                                   [--profile [--start I]]

Runs zhnews.shard.process_shard in this process, no Prefect and no DuckDB, on shards taken
from evenly spaced places in the sorted file list (after a small warm-up for the word lists).
--profile prints cProfile's top functions by cumulative time for the first shard instead.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

from zhnews.discover import discover
from zhnews.shard import process_shard


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--shards", type=int, default=4)
    ap.add_argument("--size", type=int, default=500)
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--start", type=int, help="profile the shard starting at this file index")
    args = ap.parse_args(argv)
    files = sorted(str(p) for p in args.folder.rglob("*") if p.is_file())
    found, _ = discover(files, {})
    refs = found.files
    process_shard(refs[:5], "warm-up")
    step = max((len(refs) - args.size) // max(args.shards - 1, 1), 1)
    starts = [min(i * step, max(len(refs) - args.size, 0)) for i in range(args.shards)]
    if args.profile:
        prof = cProfile.Profile()
        prof.enable()
        first = starts[0] if args.start is None else args.start
        process_shard(refs[first : first + args.size], "profile")
        prof.disable()
        pstats.Stats(prof).sort_stats("cumulative").print_stats(40)
        return 0
    total = 0.0
    for start in starts:
        t0 = time.perf_counter()
        result = process_shard(refs[start : start + args.size], "bench")
        seconds = time.perf_counter() - t0
        total += seconds
        n = result.counters["files_in"]
        print(f"files {start}..{start + n - 1}: {seconds:.2f} s = {1000 * seconds / n:.2f} ms/file")
    print(f"mean {1000 * total / (args.size * len(starts)):.2f} ms/file over {len(starts)} shards")
    return 0


if __name__ == "__main__":
    sys.exit(main())
