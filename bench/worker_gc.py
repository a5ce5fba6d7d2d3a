"""CPU of a parse worker's shards with Python's cyclic GC as a worker has it against the default.

    .venv/bin/python bench/worker_gc.py [bench/.cache/corpus-20000] [--files 6000] [--rounds 5]

Each round starts two fresh processes in turn (default GC, then frozen as `zhnews.pool._warm`
leaves a worker: the word lists, dictionary and patterns moved out of the collector's sight
with gc.freeze()). Each process warms the parser, processes a warm-up shard, then times
`process_shard` with a spool (what a local worker runs) over `--files` files in shards of 500,
as CPU seconds (time.process_time). Prints both per round, the medians and the median of the
per-round ratios frozen/default.
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARD = 500


def _child(folder: str, files: int, mode: str) -> None:
    from zhnews.db import Warehouse
    from zhnews.discover import discover
    from zhnews.pool import warm_parser
    from zhnews.shard import process_shard

    found, _ = discover([folder], {})
    refs = found.files[:files]
    with tempfile.TemporaryDirectory() as tmp:
        wh = Warehouse(Path(tmp) / "w")
        try:
            wh.begin_load(None)
            warm_parser()
            process_shard(refs[:200], "warm-up", spool=wh.spool)
            if mode == "frozen":
                gc.collect()
                gc.freeze()
            started = time.process_time()
            for i in range(0, len(refs), SHARD):
                process_shard(refs[i : i + SHARD], "bench", spool=wh.spool)
            seconds = time.process_time() - started
        finally:
            wh.close()
    print(json.dumps({"mode": mode, "seconds": seconds, "files": len(refs)}))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", nargs="?", default=str(HERE / ".cache" / "corpus-20000"))
    ap.add_argument("--files", type=int, default=6000)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--child", choices=["default", "frozen"], help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        _child(args.folder, args.files, args.child)
        return 0
    runs: dict[str, list[float]] = {"default": [], "frozen": []}
    ratios = []
    for r in range(1, args.rounds + 1):
        got = {}
        for mode in ("default", "frozen"):
            out = subprocess.run(
                [sys.executable, __file__, args.folder, "--files", str(args.files)]
                + ["--child", mode],
                capture_output=True,
                text=True,
                check=True,
            )
            got[mode] = json.loads(out.stdout.strip().splitlines()[-1])["seconds"]
            runs[mode].append(got[mode])
        ratios.append(got["frozen"] / got["default"])
        print(
            f"round {r}: default {got['default']:.2f} s, frozen {got['frozen']:.2f} s "
            f"({ratios[-1]:.3f}) CPU for {args.files} files",
            flush=True,
        )
    print(
        f"median: default {statistics.median(runs['default']):.2f} s, "
        f"frozen {statistics.median(runs['frozen']):.2f} s; "
        f"median per-round ratio frozen/default {statistics.median(ratios):.3f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
