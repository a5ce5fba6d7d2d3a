"""Where an increment's time goes: +10 documents into a warehouse of N, run after run.

    .venv/bin/python bench/increment.py [--n 100000] [--runs 5] [--no-server] [--workers 2]
                                        [--cache bench/.cache] [--fresh]

The first time, this loads the corpus of N documents cold into `<cache>/increment-<N>/w`
(minutes at N = 100,000) and keeps that warehouse for later runs (`--fresh` starts it over);
each run then adds 10 new documents (ids never used before) with `zhnews run` as a
subprocess, as bench/run.py's increment rows do, by default reporting to a Prefect server
started here that has first served one flow run loading nothing (bench/run.py's "increment
with a running server" row), and prints one
timeline per run from the load's own records:

    start         process start → ops.loads.started_at, less the discovery (interpreter,
                  CLI, the no-op check's lake open and ops.files read, Prefect import,
                  flow-run creation); started_at is the time of begin_load's transaction
    discover      the no-op check's discovery (stat every file, compare with ops.files)
    parse and stage, quality gate   ops.load_steps of the load
    in load, other  started_at → finished_at less those two; finished_at is now() inside the
                  publish transaction, i.e. the time that transaction began
    publish       ops.load_steps' publish (the whole transaction, commit included)
    end           the rest until the process exited (flow-run end, atexit, exit)

then the minimum and median of each part over the runs. With `--watched` (a running server
needed), the runs are bench/run.py's watched increments instead: a `zhnews watch` over the
corpus and a feed folder, 10 new documents moved into the feed per run, timed until a reader
counts them; printed per run with the load's own steps (discover, parse and stage, quality
gate, publish from `ops.load_steps`). With `--vs REV` the code of an
older revision (a temporary git worktree, PYTHONPATH=<worktree>/flows) runs in turn with this
tree's, on the same warehouse and server (the lake's DDL must be the same: only the publish
parts of the SQL files may differ), and the ratio of their walls, run by run, is printed. The wall times are what
bench/run.py times (subprocess start to exit); this is its breakdown, not a second target.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402
import run as bench  # noqa: E402


def timeline(db: Path, t_start: float, t_end: float) -> list[tuple[str, float]]:
    """The last load's parts in seconds, in the order they happened."""
    con = bench._reader(db)
    try:
        load_id, started, finished, status = con.execute(
            """SELECT load_id, epoch(started_at), epoch(finished_at), status FROM ops.loads
               ORDER BY started_at DESC LIMIT 1"""
        ).fetchone()
        steps = con.execute(
            "SELECT step, seconds FROM ops.load_steps WHERE load_id = ? AND step NOT LIKE "
            "'publish %'",
            [load_id],
        ).fetchall()
    finally:
        con.close()
    if status not in ("published", "partial"):
        raise RuntimeError(f"the increment's load ended {status}")
    step = dict(steps)
    disc, publish = step.get("discover", 0.0), step.get("publish", 0.0)
    in_load = step.get("parse and stage", 0.0) + step.get("quality gate", 0.0)
    parts = [("start", started - t_start - disc), ("discover", disc)]
    parts += [(name, sec) for name, sec in steps if name in ("parse and stage", "quality gate")]
    parts.append(("in load, other", finished - started - in_load))
    parts.append(("publish", publish))
    parts.append(("end", t_end - finished - publish))
    return parts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--no-server", action="store_true", help="no Prefect server (ephemeral API)")
    ap.add_argument("--cache", type=Path, default=HERE / ".cache")
    ap.add_argument("--fresh", action="store_true", help="load the N documents cold again")
    ap.add_argument(
        "--vs",
        metavar="REV",
        help="also time the code of git revision REV (a temporary worktree), run for run in "
        "turn with this tree's, on the same warehouse and server, and print the ratio",
    )
    ap.add_argument(
        "--watched",
        action="store_true",
        help="time watched increments (a `zhnews watch` process) instead of one-shot runs",
    )
    args = ap.parse_args(argv)
    if args.watched and (args.vs or args.no_server):
        ap.error("--watched runs this tree's code against a running server only")

    cache = args.cache.resolve()
    env = bench.bench_env(cache, args.workers)
    folder = corpus.build(args.n, cache)
    home = cache / f"increment-{args.n}"
    db = home / "w"
    if args.fresh and home.exists():
        import shutil

        shutil.rmtree(home)
    bench.warm_prefect(cache, env)
    from zhnews.store.lake import WarehousePaths

    if not WarehousePaths.of(db).exists():
        print(f"cold load of {args.n} documents into {db} (once)", flush=True)
        cold = bench.run_zhnews([folder], db, env)
        print(f"  {cold['seconds']:.1f} s", flush=True)
    extras = sorted(p for p in home.glob("new-*") if p.is_dir())

    codes = {"this tree": {"PYTHONPATH": str(ROOT / "flows")}}
    worktree = None
    if args.vs:
        worktree = Path(tempfile.mkdtemp(prefix="zhnews-vs-")) / "tree"
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(worktree), args.vs],
            check=True,
            capture_output=True,
        )
        codes[args.vs] = {"PYTHONPATH": str(worktree / "flows")}
    server = None
    try:
        if not args.no_server:
            from zhnews.ops import free_port, start_server

            server = start_server(free_port(), home=cache / "prefect-home", base_env=env)
            env = {**env, "PREFECT_API_URL": server.api_url}
            # as bench/run.py: a server that has served a run, not one answering its first
            # request; each code once, so that neither is the first to import from its tree
            for name, extra_env in codes.items():
                first = bench.run_zhnews(
                    [folder, *extras], db, {**env, **extra_env}, flags=["--always-flow"]
                )
                print(
                    f"{name}: the server's first flow run (loads nothing): "
                    f"{first['seconds']:.2f} s",
                    flush=True,
                )
        if args.watched:
            return _watched(folder, extras, home, db, env, args.runs)
        runs: dict[str, list[list[tuple[str, float]]]] = {name: [] for name in codes}
        walls: dict[str, list[float]] = {name: [] for name in codes}
        for i in range(args.runs):
            # the codes take turns, the order alternating, so a drift of the machine's
            # speed falls on both alike
            order = list(codes) if i % 2 == 0 else list(reversed(codes))
            for name in order:
                start = 20_000_000 + 100 * len(extras)
                extras.append(corpus.write_new_documents(10, home / f"new-{start}", start=start))
                t_start = time.time()
                r = bench.run_zhnews([folder, *extras], db, {**env, **codes[name]})
                t_end = time.time()
                parts = timeline(db, t_start, t_end)
                runs[name].append(parts)
                walls[name].append(r["seconds"])
                line = ", ".join(f"{part} {sec:.2f}" for part, sec in parts)
                print(f"run {i + 1} ({name}): {r['seconds']:.2f} s = {line}", flush=True)
    finally:
        if server is not None:
            server.stop()
        if worktree is not None:
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(worktree)],
                check=False,
                capture_output=True,
            )

    where = "a running Prefect server" if server is not None else "no Prefect server"
    print(f"\n+10 documents into {args.n} (then +10 per run), {where}, {args.runs} runs each")
    names = [part for part, _ in runs["this tree"][0]]
    width = max(len(n) for n in [*names, "wall"])
    print(f"{'part':<{width}}" + "".join(f"  {name + ' min':>16}  {'median':>8}" for name in codes))
    for k, part in enumerate([*names, "wall"]):
        cells = []
        for name in codes:
            if part == "wall":
                vals = walls[name]
            else:
                vals = [p[k][1] for p in runs[name] if len(p) > k and p[k][0] == part]
            cells.append(f"  {min(vals):16.2f}  {statistics.median(vals):8.2f}")
        print(f"{part:<{width}}" + "".join(cells))
    if args.vs:
        ratios = [a / b for a, b in zip(walls["this tree"], walls[args.vs], strict=True)]
        print(
            f"wall, this tree / {args.vs}, run by run: median {statistics.median(ratios):.3f} "
            f"(min {min(ratios):.3f}, max {max(ratios):.3f})"
        )
    return 0


WATCHED_STEPS = ("discover", "parse and stage", "quality gate", "publish")


def _watched(folder: Path, extras: list[Path], home: Path, db: Path, env: dict, runs: int) -> int:
    """`runs` watched increments (bench/run.py's), each with its load's steps."""
    import shutil

    # the feed of an earlier call: its documents stay loaded, the folder starts empty again
    for leftover in ("feed", "feed-staging"):
        shutil.rmtree(home / leftover, ignore_errors=True)
    calls = home / "watched-calls"
    n = int(calls.read_text()) if calls.exists() else 0
    calls.write_text(str(n + 1))
    watched = bench.watched_increments(
        [folder, *extras], db, env, runs=runs, start=40_000_000 + 1000 * n
    )
    con = bench._reader(db)
    try:
        loads = con.execute(
            "SELECT load_id FROM ops.loads WHERE status = 'published' "
            "ORDER BY started_at DESC LIMIT ?",
            [runs],
        ).fetchall()
        steps = {
            (load_id, step): seconds
            for load_id, step, seconds in con.execute(
                "SELECT load_id, step, seconds FROM ops.load_steps WHERE load_id IN "
                "(SELECT unnest(?::VARCHAR[]))",
                [[load_id for (load_id,) in loads]],
            ).fetchall()
        }
    finally:
        con.close()
    for k, ((load_id,), wall) in enumerate(zip(reversed(loads), watched["runs"], strict=True)):
        parts = ", ".join(f"{step} {steps.get((load_id, step), 0.0):.2f}" for step in WATCHED_STEPS)
        print(f"watched run {k + 1}: {wall:.2f} s until a reader counts them; load: {parts}")
    print(f"median {watched['seconds']:.2f} s over {runs} watched increments")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
