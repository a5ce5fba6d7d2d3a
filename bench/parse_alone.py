"""The parse workers alone: `zhnews.pool.parse_shards` over a folder, writing a spool, no Prefect.

    .venv/bin/python bench/parse_alone.py bench/.cache/corpus-100000 [--workers 2]

Prints the wall time, the workers' CPU seconds (the children's user + system time once the
pool has ended) and their share of the workers' wall time (CPU / (workers × wall)): how busy
the pool keeps its workers, to compare with a cold load's `parse and stage` step
(`bench/watch.py`), which adds the flow process, Prefect's API and the warehouse around it.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    from zhnews.db import Warehouse
    from zhnews.discover import discover, shards
    from zhnews.pool import parse_shards
    from zhnews.settings import Settings

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args(argv)
    found, _ = discover([str(args.folder)], {})
    settings = Settings()
    tmp = Path(tempfile.mkdtemp(prefix="zhnews-parse-alone-"))
    wh = Warehouse(tmp / "w")
    try:
        load_id = wh.begin_load(None)
        started = time.perf_counter()
        files = 0
        for _, n in parse_shards(
            shards(found.files, settings.shard_size),
            load_id,
            settings,
            args.workers,
            None,
            wh.spool,
        ):
            files += n
        wall = time.perf_counter() - started
    finally:
        wh.close()
        shutil.rmtree(tmp, ignore_errors=True)
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = usage.ru_utime + usage.ru_stime
    print(
        f"{files} files, {args.workers} workers: wall {wall:.1f} s, workers' CPU {cpu:.1f} s, "
        f"busy {cpu / (args.workers * wall):.2f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
