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

then the minimum and median of each part over the runs. The wall times are what
bench/run.py times (subprocess start to exit); this is its breakdown, not a second target.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
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
    args = ap.parse_args(argv)

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

    server = None
    if not args.no_server:
        from zhnews.ops import free_port, start_server

        server = start_server(free_port(), home=cache / "prefect-home", base_env=env)
        env = {**env, "PREFECT_API_URL": server.api_url}
        # as bench/run.py: a server that has served a run, not one answering its first request
        first = bench.run_zhnews([folder, *extras], db, env, flags=["--always-flow"])
        print(f"the server's first flow run (loads nothing): {first['seconds']:.2f} s", flush=True)
    runs: list[list[tuple[str, float]]] = []
    walls: list[float] = []
    try:
        for i in range(args.runs):
            start = 20_000_000 + 100 * len(extras)
            extras.append(corpus.write_new_documents(10, home / f"new-{start}", start=start))
            t_start = time.time()
            r = bench.run_zhnews([folder, *extras], db, env)
            t_end = time.time()
            parts = timeline(db, t_start, t_end)
            runs.append(parts)
            walls.append(r["seconds"])
            line = ", ".join(f"{name} {sec:.2f}" for name, sec in parts)
            print(f"run {i + 1}: {r['seconds']:.2f} s = {line}", flush=True)
    finally:
        if server is not None:
            server.stop()

    where = "a running Prefect server" if server is not None else "no Prefect server"
    print(f"\n+10 documents into {args.n} (then +10 per run), {where}, {len(runs)} runs")
    names = [name for name, _ in runs[0]]
    width = max(len(n) for n in [*names, "wall"])
    print(f"{'part':<{width}}  {'min s':>6}  {'median s':>8}")
    for k, name in enumerate(names):
        vals = [parts[k][1] for parts in runs if len(parts) > k and parts[k][0] == name]
        print(f"{name:<{width}}  {min(vals):6.2f}  {statistics.median(vals):8.2f}")
    print(f"{'wall':<{width}}  {min(walls):6.2f}  {statistics.median(walls):8.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
