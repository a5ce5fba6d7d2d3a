"""Seconds, RSS and DuckDB spill of every publish statement of one cold load.

    .venv/bin/python bench/publish_steps.py bench/.cache/corpus-100000 [--set threads=2 ...]

Runs one `zhnews run` on the folder into a new temporary warehouse, in this process (the
bench's environment: warm PREFECT_HOME, the default workers), and prints one line per
publish statement: its seconds, the flow process's RSS before it and at its peak, and the
peak size of the writer's spill folder (`<name>.work.tmp/`) so far, then the sums. A
sampling thread reads RSS and the spill folder every 50 ms. `--set NAME=VALUE` runs
`SET NAME = VALUE` on every DuckDB connection the load opens (before the publish's own
settings: a publish of more than `LARGE_PUBLISH_ARTICLES` articles sets one thread and no
file cache itself); `ZHNEWS_DUCKDB_MEMORY` sets the writer's memory limit as for any load.
`bench/disk.py --steps` gives the spill per SQL file, this per statement and with memory.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def _rss_mb() -> int:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) // 1024
    return 0


def _folder_mb(folder: Path) -> int:
    total = 0
    for root, _, files in os.walk(folder):
        for name in files:
            try:
                total += os.path.getsize(os.path.join(root, name))
            except OSError:
                pass
    return total >> 20


def main(argv: list[str] | None = None) -> int:
    from run import bench_env

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--set", action="append", default=[], metavar="NAME=VALUE")
    args = ap.parse_args(argv)
    env = bench_env(HERE / ".cache", int(os.environ.get("ZHNEWS_WORKERS", "2")))
    os.environ.update(
        {k: env[k] for k in ("PREFECT_HOME", "ZHNEWS_WORKERS", "PREFECT_LOGGING_LEVEL")}
    )

    import zhnews.store.lake as lake
    import zhnews.store.publish as publish
    from zhnews.cli import main as zhnews_main

    settings = [s.split("=", 1) for s in args.set]
    new_connection = lake.new_connection

    def connection(*a, **k):
        con = new_connection(*a, **k)
        for name, value in settings:
            con.execute(f"SET {name} = {value}")
        return con

    lake.new_connection = connection

    db = Path(tempfile.mkdtemp(prefix="zhnews-publish-steps-")) / "w"
    spill = db.with_name(db.name + ".work.tmp")
    peak = {"rss": 0, "spill": 0}

    def sample() -> None:
        while True:
            peak["rss"] = max(peak["rss"], _rss_mb())
            peak["spill"] = max(peak["spill"], _folder_mb(spill))
            time.sleep(0.05)

    threading.Thread(target=sample, daemon=True).start()
    run_statement = publish.run_statement
    rows: list[tuple[float, int, int, int, str]] = []

    def timed(con, statement, target, adopter):
        before = peak["rss"] = _rss_mb()
        started = time.perf_counter()
        run_statement(con, statement, target, adopter)
        head = " ".join(
            line.strip()
            for line in statement.splitlines()
            if line.strip() and not line.strip().startswith("--")
        )
        rows.append((time.perf_counter() - started, before, peak["rss"], peak["spill"],
                     f"{target} | {head[:60]}"))  # fmt: skip

    publish.run_statement = timed
    code = zhnews_main(["run", str(args.folder), "--db", str(db), "--quiet"])
    print(f"{'s':>6} {'RSS before':>10} {'peak':>6} {'spill':>6}  statement")
    for seconds, before, top, spilled, what in rows:
        print(f"{seconds:6.2f} {before:7d} MB {top:6d} {spilled:4d} MB  {what}")
    print(
        f"publish statements {sum(r[0] for r in rows):.1f} s, flow process peak "
        f"{max((r[2] for r in rows), default=0)} MB, spill peak {peak['spill']} MB "
        f"(settings: {', '.join(args.set) or 'none'}; "
        f"ZHNEWS_DUCKDB_MEMORY={lake.DUCKDB_MEMORY_LIMIT}); exit {code}"
    )
    return code


if __name__ == "__main__":
    sys.exit(main())
