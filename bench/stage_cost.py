"""What a worker does per document beyond the floor: floor + enrichment vs `process_shard`.

    .venv/bin/python bench/stage_cost.py bench/.cache/corpus-20000 [--files 2000] [--rounds 3]

In one process, on the same files, after a warm-up: (a) the benchmark's floor + enrichment
(`bench/run.py`'s per-document work: decode, parse, segment, enrich, no rows kept), (b)
`zhnews.shard.process_shard` returning its rows (what a Dask worker sends back), (c) the same
writing the rows to a spool as Parquet (what a local worker does). Prints seconds per round
and the ratios b/a and c/a: the per-document cost of building staging rows and writing them.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def main(argv: list[str] | None = None) -> int:
    from run import _floor_chunk
    from zhnews.db import Warehouse
    from zhnews.discover import discover
    from zhnews.pool import warm_parser
    from zhnews.settings import Settings
    from zhnews.shard import process_shard

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--files", type=int, default=2000)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args(argv)
    warm_parser()
    found, _ = discover([str(args.folder)], {})
    files = found.files[: args.files]
    shard = 500
    tmp = Path(tempfile.mkdtemp(prefix="zhnews-stage-cost-"))
    wh = Warehouse(tmp / "w")
    try:
        load_id = wh.begin_load(None)
        _floor_chunk([f.path for f in files[:50]], with_enrich=True)  # warm-up
        for r in range(1, args.rounds + 1):
            t = time.perf_counter()
            _floor_chunk([f.path for f in files], with_enrich=True)
            a = time.perf_counter() - t
            t = time.perf_counter()
            for i in range(0, len(files), shard):
                process_shard(files[i : i + shard], load_id, Settings())
            b = time.perf_counter() - t
            # a shard's spool folder is named after its files: the last round's would be kept
            # and this round's write skipped
            shutil.rmtree(wh.spool.shards, ignore_errors=True)
            t = time.perf_counter()
            for i in range(0, len(files), shard):
                process_shard(files[i : i + shard], load_id, Settings(), wh.spool)
            c = time.perf_counter() - t
            print(
                f"round {r}: floor+enrich {a:.2f} s, process_shard {b:.2f} s ({b / a:.2f}x), "
                f"process_shard + spool {c:.2f} s ({c / a:.2f}x) for {len(files)} files"
            )
    finally:
        wh.close()
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
