"""Where a cold load's disk goes: peak bytes of each part of the warehouse folder.

    .venv/bin/python bench/disk.py bench/.cache/corpus-100000

Runs one `zhnews run` into a new temporary warehouse (the bench's environment) and samples,
every half second, the size of the spool (`w.work/`: the staging Parquet files of the load),
DuckDB's spill folder (`w.work.tmp/`: joins and aggregates beyond the writer's memory limit)
and the lake (`w.lake/`), then prints each part's peak, the peak of their sum (a spool file
the lake adopted, with a name in each, counted once) and the final size of the lake.
`bench/run.py` reports only the sum (its disk row).

With `--steps` it also prints the peaks within each step of the load, to say which step a
peak belongs to (sampled every `--interval` seconds; default 0.5, 0.05 to catch a short
statement's spill): parse and stage, quality gate, then each publish SQL file in manifest
order and what follows the publish (commit, spool removal). The steps' windows come from the
load's own record: the publish transaction began at `ops.loads.finished_at` (DuckDB's now()
is the transaction's start) and each step took its `ops.load_steps` seconds.
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


def step_windows(db: Path) -> list[tuple[str, float, float]]:
    """(step, start, end) in epoch seconds of the load in `db` (see the module's doc)."""
    sys.path.insert(0, str(HERE.parent / "flows"))
    from zhnews.db import open_published
    from zhnews.store.lake import load_sql_files

    con = open_published(db)
    try:
        load_id, begun = con.execute(
            "SELECT load_id, epoch(finished_at) FROM ops.loads ORDER BY started_at DESC LIMIT 1"
        ).fetchone()
        seconds = dict(
            con.execute(
                "SELECT step, seconds FROM ops.load_steps WHERE load_id = ?", [load_id]
            ).fetchall()
        )
    finally:
        con.close()
    gate, parse = seconds.get("quality gate", 0.0), seconds.get("parse and stage", 0.0)
    windows = [
        ("parse and stage", begun - gate - parse, begun - gate),
        ("quality gate", begun - gate, begun),
    ]
    t = begun
    for f in load_sql_files():
        step = f"publish {f.schema}/{f.path.stem}"
        if step in seconds:
            windows.append((step, t, t + seconds[step]))
            t += seconds[step]
    windows.append(("after the publish statements", t, float("inf")))
    return windows


def print_steps(samples: list[tuple[float, dict]], windows) -> None:
    print(f"{'step':<36} {'seconds':>7} " + " ".join(f"{p:>10}" for p in (*PARTS, "sum")))
    for step, start, end in windows:
        inside = [sizes for at, sizes in samples if start <= at < end]
        if not inside:
            continue
        peaks = [max(sizes[p] for sizes in inside) / 1e6 for p in (*PARTS, "sum")]
        took = f"{end - start:7.1f}" if end != float("inf") else "      -"
        print(f"{step:<36} {took} " + " ".join(f"{v:7.0f} MB" for v in peaks))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--steps", action="store_true", help="also print the peaks of each step")
    ap.add_argument("--interval", type=float, default=0.5, help="seconds between samples")
    args = ap.parse_args(argv)
    env = bench_env((HERE / ".cache").resolve(), args.workers)
    work = Path(tempfile.mkdtemp(prefix="zhnews-disk-"))
    try:
        cmd = [str(ZHNEWS), "run", *args.paths, "--db", str(work / "w"), "--quiet"]
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        peak = dict.fromkeys((*PARTS, "sum"), 0)
        samples: list[tuple[float, dict]] = []
        while proc.poll() is None:
            sizes = {part: folder_bytes(work / part) for part in PARTS}
            seen: set = set()  # a spool file the lake adopted (two names) counts once
            sizes["sum"] = sum(folder_bytes(work / p, seen) for p in PARTS)
            for part, size in sizes.items():
                peak[part] = max(peak[part], size)
            samples.append((time.time(), sizes))
            time.sleep(args.interval)
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
        if args.steps:
            print()
            print_steps(samples, step_windows(work / "w"))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
