"""Per-process RSS and CPU of one `zhnews run`, sampled over time.

    .venv/bin/python bench/watch.py bench/.cache/corpus-20000 [--every 3] [--db DIR/w.duckdb]

Prints one line per interval: seconds since start, the process tree's total RSS (and PSS,
shared pages counted once), then RSS (MB) and CPU seconds of each process (the flow process first, then its children: the Prefect API
server, parse workers). The load goes into a temporary warehouse unless --db is given; its
ops.load_steps are printed at the end. Uses the bench's environment (warm PREFECT_HOME,
bytecode cache) so the numbers compare with bench/run.py.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from run import ZHNEWS, _pss_kb, _rss_kb, _tree, bench_env, load_steps  # noqa: E402


def _cpu_s(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            stat = fh.read()
    except OSError:
        return 0.0
    fields = stat[stat.rindex(")") + 2 :].split()
    return (int(fields[11]) + int(fields[12])) / 100  # utime + stime, in clock ticks of 10 ms


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--every", type=float, default=3.0, help="seconds between lines")
    ap.add_argument("--db", type=Path)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--cache", type=Path, default=HERE / ".cache")
    args = ap.parse_args(argv)
    env = bench_env(args.cache.resolve(), args.workers)
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "w.duckdb"
        cmd = [str(ZHNEWS), "run", *args.paths, "--db", str(db), "--quiet"]
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        t0 = last = time.perf_counter()
        peak = peak_pss = 0
        while proc.poll() is None:
            tree = sorted(_tree(proc.pid))  # the flow process first, then its children
            rss = [_rss_kb(p) // 1024 for p in tree]
            pss = sum(_pss_kb(p) for p in tree) // 1024
            peak, peak_pss = max(peak, sum(rss)), max(peak_pss, pss)
            now = time.perf_counter()
            if now - last >= args.every:
                last = now
                cells = "  ".join(
                    f"{r} MB/{_cpu_s(p):.0f}s" for p, r in zip(tree, rss, strict=True)
                )
                print(
                    f"{now - t0:6.1f}s  total {sum(rss):5d} MB (PSS {pss:5d})   {cells}", flush=True
                )
            time.sleep(0.2)
        print(
            f"exit {proc.returncode} after {time.perf_counter() - t0:.1f} s, "
            f"peak {peak} MB (RSS summed), {peak_pss} MB (PSS summed)"
        )
        if proc.returncode == 0:
            for step, seconds in load_steps(db):
                print(f"  {seconds:8.2f} s  {step}")
        else:
            print(proc.stderr.read().decode(errors="replace")[-2000:])
        return proc.returncode


if __name__ == "__main__":
    sys.exit(main())
