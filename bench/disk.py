"""Where a cold load's disk goes: peak bytes of each part of the warehouse folder.

    .venv/bin/python bench/disk.py bench/.cache/corpus-100000

Runs one `zhnews run` into a new temporary warehouse (the bench's environment) and samples,
every half second, the size of the spool (`w.work/`: the staging Parquet files of the load),
DuckDB's spill folder (`w.work.tmp/`: joins and aggregates beyond the writer's memory limit)
and the lake (`w.lake/`), then prints each part's peak, the peak of their sum (a spool file
the lake adopted, with a name in each, counted once) and the final size of the lake.
`bench/run.py` reports only the sum (its disk row).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from run import ZHNEWS, bench_env, folder_bytes  # noqa: E402

PARTS = ("w.work", "w.work.tmp", "w.lake")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args(argv)
    env = bench_env((HERE / ".cache").resolve(), args.workers)
    work = Path(tempfile.mkdtemp(prefix="zhnews-disk-"))
    try:
        cmd = [str(ZHNEWS), "run", *args.paths, "--db", str(work / "w"), "--quiet"]
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        peak = dict.fromkeys((*PARTS, "sum"), 0)
        while proc.poll() is None:
            sizes = {part: folder_bytes(work / part) for part in PARTS}
            for part, size in sizes.items():
                peak[part] = max(peak[part], size)
            seen: set = set()  # a spool file the lake adopted (two names) counts once
            peak["sum"] = max(peak["sum"], sum(folder_bytes(work / p, seen) for p in PARTS))
            time.sleep(0.5)
        err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
        if proc.returncode != 0:
            print(f"zhnews run exited {proc.returncode}: {err[-2000:]}", file=sys.stderr)
            return 1
        final = folder_bytes(work / "w.lake")
        for part in (*PARTS, "sum"):
            print(f"peak {part:<11} {peak[part] / 1e6:8.0f} MB")
        print(
            f"final w.lake      {final / 1e6:8.0f} MB   (peak sum / final = "
            f"{peak['sum'] / max(final, 1):.2f}x)"
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
