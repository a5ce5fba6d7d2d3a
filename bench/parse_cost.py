"""Per-file cost of the pure per-shard work, older code against the working tree, in one run.

    .venv/bin/python bench/parse_cost.py [bench/.cache/corpus-20000] [--base 341b32a]
        [--rev REV ...] [--rounds 7] [--shards 4] [--size 500] [--cpu N]

What is timed is what bench/shard.py times: zhnews.shard.process_shard (read, decode, parse,
segment, enrich, Arrow rows; no Prefect, no DuckDB) over `--shards` shards of `--size` files
taken from evenly spaced places in the corpus's sorted file list. Each code (the base, every
--rev, then the working tree) runs in its own subprocess with PYTHONPATH=<tree>/flows; the
older revisions are `git worktree`s under a temporary folder, removed at the end. The codes
take turns round by round (the order rotates each round) for `--rounds` rounds, every
subprocess pinned to the same core (os.sched_setaffinity, where there is one), so that a
drift of the machine's speed falls on all codes alike. The time is the process's CPU time
(time.process_time), so that other processes sharing the core (a busy machine) count less. Every subprocess gets the same files
in the same order, runs a warm-up shard first (the listing's first 50 files and 200 evenly
spaced ones: word lists, compiled patterns, the HTML parser's lazy imports) and checks
that it imported zhnews from its own tree.

Prints per code the minimum, median and maximum ms per file over the rounds, the spread
((max - min) / median), and the ratios against the base measured in this run: of the minima,
of the medians, and the median of the per-round ratios (each code against the base's run in
the same round, the figure least moved by a drift). Without a folder, the 20,000-document
corpus of bench/corpus.py is built (or reused) under bench/.cache.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
WARM_UP = 200  # files evenly spaced over the corpus, after the first 50


def _child(args: argparse.Namespace) -> int:
    """One timed run of the code on the import path (run in a subprocess by the parent)."""
    if args.cpu is not None and hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {args.cpu})
    import zhnews
    from zhnews.discover import discover
    from zhnews.shard import process_shard

    paths = json.loads(Path(args.child).read_text(encoding="utf-8"))
    found, _ = discover(paths["warm_up"] + [p for s in paths["shards"] for p in s], {})
    by_path = {os.path.abspath(r.path): r for r in found.files}
    warm = [by_path[os.path.abspath(p)] for p in paths["warm_up"]]
    shards = [[by_path[os.path.abspath(p)] for p in s] for s in paths["shards"]]
    process_shard(warm, "warm-up")
    seconds, files = 0.0, 0
    for shard in shards:
        # CPU seconds: the time slices another process takes on the core are not counted
        t0 = time.process_time()
        result = process_shard(shard, "bench")
        seconds += time.process_time() - t0
        files += result.counters["files_in"]
    print(json.dumps({"zhnews": zhnews.__file__, "seconds": seconds, "files": files}))
    return 0


def _git(*args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(ROOT), *args], check=True, capture_output=True, text=True
    ).stdout.strip()


def _select(folder: Path, shards: int, size: int) -> dict[str, list]:
    folder = folder.resolve()  # the timed runs start in their own trees
    files = sorted(str(p) for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))
    if len(files) < size:
        raise SystemExit(f"{folder}: {len(files)} files, fewer than --size")
    step = max((len(files) - size) // max(shards - 1, 1), 1)
    starts = [min(i * step, max(len(files) - size, 0)) for i in range(shards)]
    # warm-up: files evenly spaced over the corpus and the first ones of the listing (a
    # corpus folder of bench/corpus.py opens with its text pages, the HTML page among them),
    # so that no code pays a first page's lazy imports and compiled patterns in the timing
    warm = files[:50] + files[:: max(len(files) // WARM_UP, 1)][:WARM_UP]
    return {"warm_up": warm, "shards": [files[s : s + size] for s in starts]}


def _run(tree: Path, listing: Path, cpu: int | None) -> float:
    env = dict(os.environ, PYTHONPATH=str(tree / "flows"))
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", str(listing)]
    if cpu is not None:
        cmd += ["--cpu", str(cpu)]
    out = subprocess.run(cmd, env=env, cwd=tree, capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"{tree}: the timed run failed\n{out.stderr[-3000:]}")
    row = json.loads(out.stdout.strip().splitlines()[-1])
    if not Path(row["zhnews"]).resolve().is_relative_to((tree / "flows").resolve()):
        raise SystemExit(f"{tree}: imported zhnews from {row['zhnews']}")
    return 1000 * row["seconds"] / row["files"]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", type=Path, nargs="?")
    ap.add_argument("--base", default="341b32a")
    ap.add_argument("--rev", action="append", default=[], help="a further revision to time")
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--shards", type=int, default=4)
    ap.add_argument("--size", type=int, default=500)
    default_cpu = max(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None
    ap.add_argument("--cpu", type=int, default=default_cpu, help="core to pin every run to")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        return _child(args)

    folder = args.folder
    if folder is None:
        sys.path.insert(0, str(HERE))
        import corpus

        folder = corpus.build(20000, HERE / ".cache")
    tmp = Path(tempfile.mkdtemp(prefix="zhnews-parse-cost-"))
    listing = tmp / "files.json"
    listing.write_text(json.dumps(_select(folder, args.shards, args.size)), encoding="utf-8")
    head = _git("rev-parse", "--short", "HEAD")
    dirty = " + uncommitted changes" if _git("status", "--porcelain", "--", "flows") else ""
    codes: list[tuple[str, Path]] = []
    try:
        for rev in [args.base, *args.rev]:
            sha = _git("rev-parse", "--short", f"{rev}^{{commit}}")
            tree = tmp / f"tree-{sha}"
            _git("worktree", "add", "--detach", str(tree), sha)
            codes.append((sha, tree))
        codes.append((f"working tree ({head}{dirty})", ROOT))
        print(
            f"{folder}: {args.shards} shards x {args.size} files, {args.rounds} rounds, "
            f"core {args.cpu}, warm-up {WARM_UP}+ files per run"
        )
        times: dict[str, list[float]] = {name: [] for name, _ in codes}
        for r in range(args.rounds):
            order = codes[r % len(codes) :] + codes[: r % len(codes)]
            row = []
            for name, tree in order:
                ms = _run(tree, listing, args.cpu)
                times[name].append(ms)
                row.append(f"{name.split(' ')[0]} {ms:.2f}")
            print(f"round {r + 1}: " + ", ".join(row) + " ms/file", flush=True)
    finally:
        for _, tree in codes:
            if tree != ROOT:
                subprocess.run(
                    ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)],
                    capture_output=True,
                )
        shutil.rmtree(tmp, ignore_errors=True)
        subprocess.run(["git", "-C", str(ROOT), "worktree", "prune"], capture_output=True)
    base = times[codes[0][0]]
    print(
        f"\n{'code':<44} {'min':>6} {'median':>7} {'max':>6} {'spread':>7}  vs base: "
        "min  median  per-round median"
    )
    for name, _ in codes:
        t = times[name]
        lo, med, hi = min(t), statistics.median(t), max(t)
        paired = statistics.median(x / b for x, b in zip(t, base, strict=True))
        line = f"{name:<44} {lo:6.2f} {med:7.2f} {hi:6.2f} {(hi - lo) / med:6.0%}"
        if name != codes[0][0]:
            line += (
                f"  {lo / min(base) - 1:+.0%}  {med / statistics.median(base) - 1:+.0%}"
                f"  {paired - 1:+.0%}"
            )
        print(line)
    print("(ms per file; spread = (max - min) / median over the rounds)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
