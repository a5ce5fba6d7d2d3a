"""Measure zhnews at scale: cold load, floor, naive baseline, no-op, increment, memory, queries.

    .venv/bin/python bench/run.py [--n 100000] [--cache bench/.cache] [--naive-subset 300]
                                  [--workers 2] [--profile] [--skip-small]

Prints a table with each figure, its ratio and PASS/FAIL against the targets of the scale
issue, and writes bench/results/latest.json and latest.md. `zhnews run` is always timed as a
subprocess (what a user waits for, Prefect and Great Expectations start-up included); Prefect
uses a warm PREFECT_HOME under the cache folder so the first-ever migration is not counted.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from datetime import UTC, datetime
from multiprocessing import get_context
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402

ZHNEWS = ROOT / ".venv" / "bin" / "zhnews"
PYTHON = ROOT / ".venv" / "bin" / "python"

# The targets of the storage-and-speed issue (#14).
TARGETS = {
    "floor_enrich_ratio": 0.8,  # cold-load throughput ≥ 0.8 × (floor + enrich), same workers
    "naive_ratio": 20.0,  # ≥ 20 × naive baseline
    "noop_share": 0.03,  # no-op re-run ≤ 3% of cold load time
    "increment_s": 12.0,  # +10 documents until analysts see them, no Prefect server running
    "increment_server_s": 5.0,  # the same with a running Prefect server
    "seeds_s": 12.0,  # `zhnews run` on the 2 seeds into a new warehouse, no server
    "peak_mb": 1024.0,
    "peak_growth": 1.2,  # peak(N) / peak(N/10)
    "disk_ratio": 1.3,  # peak warehouse folder size during the cold load / its final size
    "increment_bytes_share": 0.01,  # bytes the +10 increment writes / warehouse size
    "query_s": 1.0,
}


# ---------------------------------------------------------------- process-tree memory


def _children_map() -> dict[int, list[int]]:
    kids: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as fh:
                stat = fh.read()
        except OSError:
            continue
        # pid (comm) state ppid ...: comm may hold spaces/parentheses, so split after the last ')'
        ppid = int(stat[stat.rindex(b")") + 2 :].split()[1])
        kids.setdefault(ppid, []).append(int(entry))
    return kids


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", "rb") as fh:
            for line in fh:
                if line.startswith(b"VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _pss_kb(pid: int) -> int:
    """Proportional set size: the process's private pages plus its share of pages it shares
    with others (libraries, copy-on-write pages), so a tree's sum counts each page once."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as fh:
            for line in fh:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _tree(root: int) -> list[int]:
    kids = _children_map()
    tree, todo = [], [root]
    while todo:
        pid = todo.pop()
        tree.append(pid)
        todo.extend(kids.get(pid, ()))
    return tree


class TreeMemorySampler(threading.Thread):
    """Peak memory of a process and all its descendants, sampled every `interval` seconds:
    the sum of their RSS (a page two processes share counts twice) and of their PSS (each
    page once, shared pages split between the processes mapping them)."""

    def __init__(self, pid: int, interval: float = 0.2):
        super().__init__(daemon=True)
        self.pid, self.interval = pid, interval
        self.peak_kb = 0
        self.peak_pss_kb = 0
        self._halt = threading.Event()

    def run(self) -> None:
        while not self._halt.is_set():
            tree = _tree(self.pid)
            self.peak_kb = max(self.peak_kb, sum(_rss_kb(pid) for pid in tree))
            self.peak_pss_kb = max(self.peak_pss_kb, sum(_pss_kb(pid) for pid in tree))
            self._halt.wait(self.interval)

    def stop(self) -> float:
        self._halt.set()
        self.join()
        return self.peak_kb / 1024


# ---------------------------------------------------------------- zhnews runs


def bench_env(cache: Path, workers: int) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "PREFECT_HOME": str(cache / "prefect-home"),
            "ZHNEWS_WORKERS": str(workers),
            "PREFECT_LOGGING_LEVEL": "WARNING",
        }
    )
    env.pop("ZHNEWS_CRASH_AT", None)
    if env.pop("PYTHONDONTWRITEBYTECODE", None):
        # Without .pyc files every process compiles Prefect, GX and pydantic from source: the
        # profile showed ~40% of a cold load in source_to_code. Cache bytecode under the cache.
        env["PYTHONPYCACHEPREFIX"] = str(cache / "pycache")
    return env


def run_zhnews(
    paths: list[Path],
    db: Path,
    env: dict,
    prefix: list[str] | None = None,
    timeout: float = 7200,
    flags: list[str] | None = None,
) -> dict:
    """One `zhnews run` as a subprocess: wall time, peak RSS of its process tree, and the
    warehouse folder's size before, at its peak and after (db's folder holds one warehouse)."""
    cmd = [*(prefix or []), str(ZHNEWS), "run", *map(str, paths), "--db", str(db), "--quiet"]
    cmd += flags or []
    db.parent.mkdir(parents=True, exist_ok=True)
    bytes_before = folder_bytes(db.parent)
    disk = DiskSampler(db.parent)
    disk.start()
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    sampler = TreeMemorySampler(proc.pid)
    sampler.start()
    try:
        out, err = proc.communicate(timeout=timeout)
    finally:
        peak = sampler.stop()
        disk_peak = disk.stop()
    seconds = time.perf_counter() - t0
    if proc.returncode != 0:
        tail = "\n".join(ln for ln in err.splitlines() if "leaked" not in ln)[-3000:]
        raise RuntimeError(f"{' '.join(cmd)} exited {proc.returncode}:\n{out[-2000:]}\n{tail}")
    return {
        "seconds": seconds,
        "peak_mb": peak,
        "peak_pss_mb": sampler.peak_pss_kb / 1024,
        "stdout": out,
        "bytes_before": bytes_before,
        "bytes_peak": disk_peak,
        "bytes_after": folder_bytes(db.parent),
    }


def _reader(db: Path):
    from zhnews.db import open_published

    return open_published(db)


def folder_bytes(folder: Path, seen: set | None = None) -> int:
    """Bytes of every file under `folder` (the warehouse: lake + spool), a file with several
    names once (the publish hard-links spool files into the lake, see zhnews.store.adopt),
    as `du` counts them. `seen`: (device, inode) of files already counted elsewhere."""
    seen = set() if seen is None else seen
    total = 0
    for root, _, names in os.walk(folder):
        for name in names:
            try:
                st = os.stat(os.path.join(root, name))
            except OSError:
                continue  # a temp file that went away meanwhile
            if (st.st_dev, st.st_ino) not in seen:
                seen.add((st.st_dev, st.st_ino))
                total += st.st_size
    return total


class DiskSampler(threading.Thread):
    """Peak size of the warehouse folder while a load runs."""

    def __init__(self, folder: Path, interval: float = 0.5):
        super().__init__(daemon=True)
        self.folder, self.interval, self.peak = folder, interval, 0
        self._halt = threading.Event()

    def run(self) -> None:
        while not self._halt.is_set():
            self.peak = max(self.peak, folder_bytes(self.folder))
            self._halt.wait(self.interval)

    def stop(self) -> int:
        self._halt.set()
        self.join()
        return max(self.peak, folder_bytes(self.folder))


def published_counts(db: Path) -> dict:
    con = _reader(db)
    try:
        out = {
            t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in (
                "raw.documents",
                "marts.articles",
                "marts.paragraphs",
                "marts.sentences",
                "ops.quarantine",
            )
        }
        out["last_status"] = con.execute(
            "SELECT status FROM ops.loads ORDER BY started_at DESC LIMIT 1"
        ).fetchone()[0]
        return out
    finally:
        con.close()


def increment_with_server(paths: list[Path], db: Path, env: dict, cache: Path) -> dict:
    """The increment as `zhnews serve` / `zhnews ui` users see it: Prefect's API already up.

    An operator's server has served runs before; one that has just booted answers its first
    requests slowly (~0.4 s for the first `GET /api/admin/version`, its own lazy start). So
    the server first serves one flow run that loads nothing (`--always-flow` over the paths
    already loaded), timed and reported on its own row, then the increment is timed."""
    from zhnews.ops import free_port, start_server

    server = start_server(free_port(), home=cache / "prefect-home", base_env=env)
    try:
        server_env = {**env, "PREFECT_API_URL": server.api_url}
        first = run_zhnews(paths[:-1], db, server_env, flags=["--always-flow"])
        out = run_zhnews(paths, db, server_env)
        out["first_run_seconds"] = first["seconds"]
        out["watched"] = watched_increments(paths, db, server_env)
        return out
    finally:
        server.stop()


WATCHED_RUNS = 3


def watched_increments(
    paths: list[Path], db: Path, env: dict, runs: int = WATCHED_RUNS, start: int = 30_000_000
) -> dict:
    """+10 documents landing in a folder that `zhnews watch` watches, until analysts see them.

    The watcher is started over `paths` plus an empty feed folder and first catches up (a
    flow run that finds nothing new); then, `runs` times, a folder of 10 new documents (ids
    from `start`) written beside the feed is moved into it (one rename: the files land at
    once, as a feed's `mv` lands them) and the clock runs until a reader (`open_published`,
    what `zhnews sql` opens) counts 10 more rows in raw.documents. Seconds per run, and their
    median."""
    feed = db.parent / "feed"
    staging = db.parent / "feed-staging"
    feed.mkdir(parents=True, exist_ok=True)
    staging.mkdir(parents=True, exist_ok=True)
    cmd = [str(ZHNEWS), "watch", *map(str, paths), str(feed), "--db", str(db)]
    log = db.parent / "watch.log"  # the watcher's console (a pipe nobody reads would fill)
    with open(log, "w") as out:
        proc = subprocess.Popen(cmd, env=env, stdout=out, stderr=subprocess.STDOUT, text=True)
    seconds: list[float] = []
    try:
        deadline = time.perf_counter() + 600
        while "\nwatching " not in "\n" + log.read_text(errors="replace"):
            if proc.poll() is not None or time.perf_counter() > deadline:
                raise RuntimeError(f"zhnews watch never watched:\n{log.read_text()[-3000:]}")
            time.sleep(0.1)
        for k in range(runs):
            before = _documents(db)
            batch = corpus.write_new_documents(10, staging / f"batch-{k}", start=start + 100 * k)
            t0 = time.perf_counter()
            os.rename(batch, feed / batch.name)
            seen = _snapshot(db)
            while True:
                # a reader opens the warehouse only when a commit happened since it last looked
                # (a full open every 50 ms costs a core and slowed the load beside it)
                now = _snapshot(db)
                if now != seen:
                    seen = now
                    if _documents(db) >= before + 10:
                        break
                if time.perf_counter() > t0 + 120 or proc.poll() is not None:
                    raise RuntimeError(
                        f"the watched increment never reached raw.documents:\n"
                        f"{log.read_text()[-3000:]}"
                    )
                time.sleep(0.02)
            seconds.append(time.perf_counter() - t0)
        # SIGTERM ends a load in progress unpublished: let the last one finish first
        deadline = time.perf_counter() + 60
        while log.read_text(errors="replace").count("status=published") < runs:
            if proc.poll() is not None or time.perf_counter() > deadline:
                break
            time.sleep(0.1)
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=120)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    return {"runs": seconds, "seconds": statistics.median(seconds)}


def _snapshot(db: Path) -> int | None:
    """The lake's latest snapshot id, read from its SQLite catalog (a few ms)."""
    import sqlite3

    from zhnews.store.lake import WarehousePaths

    catalog = WarehousePaths.of(db).catalog
    try:
        with contextlib.closing(sqlite3.connect(f"file:{catalog}?mode=ro", uri=True)) as con:
            return con.execute("SELECT max(snapshot_id) FROM ducklake_snapshot").fetchone()[0]
    except sqlite3.Error:
        return None  # read again at the next poll


def _documents(db: Path) -> int:
    con = _reader(db)
    try:
        return con.execute("SELECT count(*) FROM raw.documents").fetchone()[0]
    finally:
        con.close()


def load_steps(db: Path) -> list[tuple[str, float]]:
    """Where the last published load's time went (ops.load_steps), longest first."""
    con = _reader(db)
    try:
        return con.execute(
            """SELECT step, round(seconds, 2) FROM ops.load_steps WHERE load_id =
               (SELECT load_id FROM ops.loads WHERE status IN ('published', 'partial')
                ORDER BY started_at DESC LIMIT 1)
               ORDER BY seconds DESC"""
        ).fetchall()
    finally:
        con.close()


def warm_prefect(cache: Path, env: dict) -> None:
    """First use of a PREFECT_HOME migrates its database; do it outside the measurements."""
    marker = cache / "prefect-home" / ".bench-warm"
    if marker.exists():
        return
    with tempfile.TemporaryDirectory() as tmp:
        run_zhnews([corpus.SEEDS], Path(tmp) / "warm.duckdb", env)
    marker.write_text("ok")


# ---------------------------------------------------------------- floor and naive


def _floor_chunk(paths: list[str], with_enrich: bool = False) -> tuple[int, int, int]:
    from zhnews.decode import decode_bytes
    from zhnews.parse import parse_document
    from zhnews.shard import enrich_segmented, segment_article

    docs = articles = sentences = 0
    for path in paths:
        with open(path, "rb") as fh:
            data = fh.read()
        text, _ = decode_bytes(data)
        parsed = parse_document(text, path)
        for ordinal, art in enumerate(parsed.articles, start=1):
            _, sent, _ = segment_article(art)
            sentences += len(sent)
            if with_enrich:
                enrich_segmented(art, f"{path}#{ordinal}", sent)
        docs += 1
        articles += len(parsed.articles)
    return docs, articles, sentences


def measure_floor(
    files: list[Path], workers: int, chunk: int = 500, with_enrich: bool = False
) -> dict:
    """decode + parse + segment (+ enrich) in a plain Pool: no Prefect, no DuckDB."""
    chunks = [[str(p) for p in files[i : i + chunk]] for i in range(0, len(files), chunk)]
    t0 = time.perf_counter()
    with get_context("spawn").Pool(workers) as pool:
        totals = [0, 0, 0]
        work = functools.partial(_floor_chunk, with_enrich=with_enrich)
        for d, a, s in pool.imap_unordered(work, chunks):
            totals[0] += d
            totals[1] += a
            totals[2] += s
    seconds = time.perf_counter() - t0
    return {
        "seconds": seconds,
        "documents": totals[0],
        "articles": totals[1],
        "sentences": totals[2],
    }


def measure_naive(files: list[Path], env: dict) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        lst = Path(tmp) / "files.txt"
        lst.write_text("\n".join(str(p) for p in files), encoding="utf-8")
        proc = subprocess.run(
            [str(PYTHON), str(HERE / "naive.py"), str(lst), str(Path(tmp) / "n.duckdb")],
            env=env,
            capture_output=True,
            text=True,
            timeout=3600,
        )
        if proc.returncode != 0:
            raise RuntimeError(f"naive baseline failed:\n{proc.stderr[-3000:]}")
        line = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")][-1]
        return json.loads(line)


# ---------------------------------------------------------------- cookbook queries


def time_cookbook(db: Path) -> list[dict]:
    out = []
    files = sorted((ROOT / "warehouse" / "cookbook").glob("*.sql"))
    if not files:
        return out
    con = _reader(db)
    try:
        for f in files:
            sql = f.read_text(encoding="utf-8")
            t0 = time.perf_counter()
            try:
                rows = len(con.execute(sql).fetchall())
                error = None
            except Exception as exc:  # report, do not stop the benchmark
                rows, error = None, f"{type(exc).__name__}: {exc}"[:200]
            out.append(
                {"query": f.name, "seconds": time.perf_counter() - t0, "rows": rows, "error": error}
            )
    finally:
        con.close()
    return out


# ---------------------------------------------------------------- profile


def profile_cold_load(paths: list[Path], env: dict, out_dir: Path, top: int = 25) -> dict:
    """Record the cold load with py-spy (all processes) and aggregate self and total time."""
    spy = (
        os.environ.get("PY_SPY")
        or next(
            (
                str(p)
                for p in (
                    ROOT / ".venv" / "bin" / "py-spy",
                    HERE / ".cache" / "tools" / "bin" / "py-spy",
                )
                if p.exists()
            ),
            None,
        )
        or shutil.which("py-spy")
    )
    if not spy:
        return {
            "error": "py-spy not found: uv pip install --target bench/.cache/tools py-spy "
            "(outside the venv, so `uv sync` does not remove it) or set PY_SPY"
        }
    raw = out_dir / "profile.collapsed.txt"
    with tempfile.TemporaryDirectory() as tmp:
        run_zhnews(
            paths,
            Path(tmp) / "p.duckdb",
            env,
            prefix=[
                spy,
                "record",
                "--subprocesses",
                "--rate",
                "25",
                "--format",
                "raw",
                "--output",
                str(raw),
                "--",
            ],
        )
    self_t: Counter = Counter()
    total_t: Counter = Counter()
    by_file: Counter = Counter()
    samples = 0
    for line in raw.read_text(encoding="utf-8", errors="replace").splitlines():
        stack, _, count = line.rpartition(" ")
        if not count.isdigit():
            continue
        n = int(count)
        samples += n
        frames = [f for f in stack.split(";") if not f.startswith("process ")]
        if not frames:
            continue
        names = [_frame_name(f) for f in frames]
        self_t[names[-1]] += n
        by_file[_frame_file(frames[-1])] += n
        for name in set(names):
            total_t[name] += n

    def pct(c: Counter) -> list[tuple[str, float]]:
        return [(k, 100.0 * v / max(samples, 1)) for k, v in c.most_common(top)]

    return {
        "samples": samples,
        "self": pct(self_t),
        "total": pct(total_t),
        "self_by_file": pct(by_file),
        "raw": str(raw),
    }


def _frame_name(frame: str) -> str:
    # "func (path/to/file.py:123)" -> "func (file.py)" so lines of one function add up
    func, _, loc = frame.partition(" (")
    path = loc.rstrip(")").rsplit(":", 1)[0]
    return f"{func} ({_short(path)})"


def _frame_file(frame: str) -> str:
    _, _, loc = frame.partition(" (")
    return _short(loc.rstrip(")").rsplit(":", 1)[0])


def _short(path: str) -> str:
    for marker in ("site-packages/", "flows/", "lib/python3.11/"):
        if marker in path:
            return path.split(marker, 1)[1]
    return path


# ---------------------------------------------------------------- report


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def _dps(m: dict | None) -> float:
    return m["documents"] / m["seconds"] if m else 0.0


def build_rows(r: dict) -> list[tuple[str, str, str, str]]:
    n = r["n"]
    cold, floor, naive = r["cold"], r["floor"], r["naive"]
    # What a load leaves on disk per document (the lake only ever adds files).
    cold_per_doc = (cold["bytes_after"] - cold["bytes_before"]) / n
    inc = r["increment"]
    watched = r["increment_server"]["watched"]
    inc_bytes = max(inc["bytes_after"] - inc["bytes_before"], 0)
    cold_dps = n / cold["seconds"]
    floor_dps = floor["documents"] / floor["seconds"]
    naive_dps = naive["documents"] / naive["seconds"]
    fe_dps = _dps(r["floor_enrich"])
    rows = [
        (
            "cold load (zhnews run)",
            f"{cold['seconds']:.1f} s = {cold_dps:.0f} docs/s, "
            f"{r['mb'] / cold['seconds']:.2f} MB/s",
            "",
            "",
        ),
        (
            "floor (decode+parse+segment, Pool)",
            f"{floor['seconds']:.1f} s = {floor_dps:.0f} docs/s",
            f"cold/floor = {cold_dps / floor_dps:.2f}",
            "info",
        ),
        (
            "floor + enrich (same Pool, our per-doc work)",
            f"{r['floor_enrich']['seconds']:.1f} s = {fe_dps:.0f} docs/s",
            f"cold/(floor+enrich) = {cold_dps / fe_dps:.2f} (≥ {TARGETS['floor_enrich_ratio']})",
            verdict(cold_dps / fe_dps >= TARGETS["floor_enrich_ratio"]),
        ),
        (
            f"naive (task/doc, row INSERTs, {naive['documents']} docs)",
            f"{naive['seconds']:.1f} s = {naive_dps:.1f} docs/s",
            f"cold/naive = {cold_dps / naive_dps:.1f}× (≥ {TARGETS['naive_ratio']:.0f}×)",
            verdict(cold_dps / naive_dps >= TARGETS["naive_ratio"]),
        ),
        (
            "no-op re-run",
            f"{r['noop']['seconds']:.1f} s",
            f"noop/cold = {100 * r['noop']['seconds'] / cold['seconds']:.1f}%"
            f" (≤ {100 * TARGETS['noop_share']:.0f}%)",
            verdict(r["noop"]["seconds"] <= TARGETS["noop_share"] * cold["seconds"]),
        ),
        (
            "increment (+10 docs), no Prefect server",
            f"{r['increment']['seconds']:.1f} s",
            f"≤ {TARGETS['increment_s']:.0f} s",
            verdict(r["increment"]["seconds"] <= TARGETS["increment_s"]),
        ),
        (
            "increment (+10 docs), Prefect server running: files land in a folder "
            "`zhnews watch` watches, until a reader counts them",
            f"{watched['seconds']:.1f} s (median of "
            + ", ".join(f"{x:.1f}" for x in watched["runs"])
            + ")",
            f"≤ {TARGETS['increment_server_s']:.0f} s",
            verdict(watched["seconds"] <= TARGETS["increment_server_s"]),
        ),
        (
            "  the same with a one-shot `zhnews run` (a new process per load)",
            f"{r['increment_server']['seconds']:.1f} s",
            "process start-up, imports, Prefect set-up each time",
            "info",
        ),
        (
            "  before it: the server's first flow run (--always-flow, loads nothing)",
            f"{r['increment_server'].get('first_run_seconds', float('nan')):.1f} s",
            "the server had just booted",
            "info",
        ),
        (
            "zhnews run on the 2 seeds, new warehouse, no server",
            f"{r['seeds']['seconds']:.1f} s",
            f"≤ {TARGETS['seeds_s']:.0f} s",
            verdict(r["seeds"]["seconds"] <= TARGETS["seeds_s"]),
        ),
        (
            "disk during the cold load (peak / final)",
            f"{cold['bytes_peak'] / 1e6:.0f} MB / {cold['bytes_after'] / 1e6:.0f} MB",
            f"{cold['bytes_peak'] / max(cold['bytes_after'], 1):.2f}× (≤ {TARGETS['disk_ratio']}×)",
            verdict(cold["bytes_peak"] <= TARGETS["disk_ratio"] * cold["bytes_after"]),
        ),
        (
            "bytes the +10 increment adds (the lake only adds files)",
            f"{inc_bytes / 1e3:.0f} KB = {inc_bytes / 10e3:.1f} KB/doc "
            f"(cold: {cold_per_doc / 1e3:.1f} KB/doc, warehouse {cold['bytes_after'] / 1e6:.0f} MB)",
            f"{100 * inc_bytes / max(cold['bytes_after'], 1):.2f}% of the warehouse "
            f"(≤ {100 * TARGETS['increment_bytes_share']:.0f}%)",
            verdict(inc_bytes <= TARGETS["increment_bytes_share"] * cold["bytes_after"]),
        ),
        (
            f"peak RSS, cold load N={n}",
            f"{cold['peak_mb']:.0f} MB",
            f"≤ {TARGETS['peak_mb']:.0f} MB",
            verdict(cold["peak_mb"] <= TARGETS["peak_mb"]),
        ),
        (
            f"  the same as PSS (shared pages once), N={n}",
            f"{cold.get('peak_pss_mb', 0):.0f} MB",
            f"{cold.get('peak_pss_mb', 0) / max(cold['peak_mb'], 1):.2f} of the RSS sum",
            "info",
        ),
    ]
    small = r.get("cold_small")
    if small:
        growth = cold["peak_mb"] / max(small["peak_mb"], 1)
        rows.append(
            (
                f"peak RSS, cold load N/10={r['n_small']}",
                f"{small['peak_mb']:.0f} MB ({r['n_small'] / small['seconds']:.0f} docs/s)",
                f"N vs N/10 = {growth:.2f}× (≤ {TARGETS['peak_growth']}×)",
                verdict(growth <= TARGETS["peak_growth"]),
            )
        )
        pss_growth = cold.get("peak_pss_mb", 0) / max(small.get("peak_pss_mb", 0), 1)
        rows.append(
            (
                f"  the same as PSS, N/10={r['n_small']}",
                f"{small.get('peak_pss_mb', 0):.0f} MB",
                f"N vs N/10 = {pss_growth:.2f}×",
                "info",
            )
        )
    for q in r.get("queries", []):
        if q["error"]:
            rows.append((f"query {q['query']}", q["error"], "", "FAIL"))
        else:
            rows.append(
                (
                    f"query {q['query']}",
                    f"{q['seconds'] * 1000:.0f} ms ({q['rows']} rows)",
                    f"< {TARGETS['query_s']:.0f} s",
                    verdict(q["seconds"] < TARGETS["query_s"]),
                )
            )
    return rows


def render(r: dict) -> str:
    rows = build_rows(r)
    head = ("measure", "value", "target / ratio", "")
    widths = [max(len(str(x[i])) for x in [head, *rows]) for i in range(4)]
    lines = [
        " | ".join(str(c).ljust(w) for c, w in zip(x, widths, strict=True)) for x in [head, *rows]
    ]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    meta = (
        f"N={r['n']} documents, {r['mb']:.1f} MB, workers={r['workers']}, "
        f"{platform.node()} {os.cpu_count()} CPUs, load average at start {r['loadavg']}, "
        f"published: {r['published']}"
    )
    steps = ", ".join(f"{name} {sec:.1f} s" for name, sec in r.get("cold_steps", [])[:8])
    tail = f"\ncold load steps (ops.load_steps, longest first): {steps}" if steps else ""
    return meta + "\n" + "\n".join(lines) + tail


def render_profile(p: dict) -> str:
    if "error" in p:
        return p["error"]
    out = [f"py-spy: {p['samples']} samples over all processes (raw: {p['raw']})"]
    for key, title in (
        ("self_by_file", "self time by file"),
        ("self", "self time by function"),
        ("total", "inclusive time by function"),
    ):
        out.append(f"-- top {title}")
        out.extend(f"{share:5.1f}%  {name}" for name, share in p[key][:15])
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--cache", type=Path, default=HERE / ".cache")
    ap.add_argument("--naive-subset", type=int, default=300)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--profile", action="store_true", help="also profile a cold load with py-spy")
    ap.add_argument("--profile-n", type=int, help="documents in the profiled load (default: N)")
    ap.add_argument("--skip-small", action="store_true", help="skip the N/10 memory run")
    ap.add_argument("--results", type=Path, default=HERE / "results")
    args = ap.parse_args(argv)

    cache = args.cache.resolve()
    cache.mkdir(parents=True, exist_ok=True)
    env = bench_env(cache, args.workers)
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)  # the floor's Pool workers, same as zhnews
    if "PYTHONPYCACHEPREFIX" in env:
        os.environ["PYTHONPYCACHEPREFIX"] = env["PYTHONPYCACHEPREFIX"]
    r: dict = {
        "n": args.n,
        "workers": args.workers,
        "loadavg": os.getloadavg()[0],
        "started": datetime.now(UTC).isoformat(timespec="seconds"),
    }

    def say(msg: str) -> None:
        # every phase leaves its figures on disk, so a run cut short still reports what it measured
        args.results.mkdir(parents=True, exist_ok=True)
        (args.results / "partial.json").write_text(
            json.dumps(r, indent=1, default=str), encoding="utf-8"
        )
        print(f"[{time.strftime('%H:%M:%S')}] {msg}", flush=True)

    say(f"corpus of {args.n} documents in {cache}")
    folder = corpus.build(args.n, cache)
    files = corpus.corpus_files(folder)
    r["mb"] = sum(p.stat().st_size for p in files) / 1e6
    say("warming Prefect home")
    warm_prefect(cache, env)

    say("floor: decode + parse + segment in a Pool")
    r["floor"] = measure_floor(files, args.workers)
    say("floor + enrich: the same plus entities, figures, terms, fingerprints")
    r["floor_enrich"] = measure_floor(files, args.workers, with_enrich=True)

    say(f"naive baseline on {args.naive_subset} documents")
    r["naive"] = measure_naive(files[: args.naive_subset], env)

    work = Path(tempfile.mkdtemp(prefix="zhnews-bench-"))
    try:
        db = work / "cold" / "bench"
        say("zhnews run on the seeds into a new warehouse (no Prefect server)")
        r["seeds"] = run_zhnews([corpus.SEEDS], work / "seeds" / "w", env)
        say("cold load")
        r["cold"] = run_zhnews([folder], db, env)
        r["published"] = published_counts(db)
        r["cold_steps"] = load_steps(db)
        say(f"published {r['published']}")
        say("no-op re-run")
        r["noop"] = run_zhnews([folder], db, env)
        say("increment of 10 documents")
        extra = corpus.write_new_documents(10, work / "new", start=10_000_000)
        r["increment"] = run_zhnews([folder, extra], db, env)
        say("increment of 10 more documents, reporting to a running Prefect server")
        extra2 = corpus.write_new_documents(10, work / "new2", start=10_000_100)
        r["increment_server"] = increment_with_server([folder, extra, extra2], db, env, cache)
        r["queries"] = time_cookbook(db)
        for d in (r["cold"], r["noop"], r["increment"], r["increment_server"], r["seeds"]):
            d.pop("stdout", None)
        if not args.skip_small and args.n >= 20:
            n_small = args.n // 10
            r["n_small"] = n_small
            say(f"cold load of N/10 = {n_small} for memory")
            small = corpus.build(n_small, cache)
            r["cold_small"] = run_zhnews([small], work / "small" / "w", env)
            r["cold_small"].pop("stdout", None)
        if args.profile:
            pn = args.profile_n or args.n
            say(f"profiling a cold load of {pn} documents")
            pfolder = corpus.build(pn, cache)
            args.results.mkdir(parents=True, exist_ok=True)
            r["profile"] = profile_cold_load([pfolder], env, args.results)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    table = render(r)
    print()
    print(table)
    if "profile" in r:
        print()
        print(render_profile(r["profile"]))
    args.results.mkdir(parents=True, exist_ok=True)
    (args.results / "latest.json").write_text(
        json.dumps(r, indent=1, default=str), encoding="utf-8"
    )
    md = f"# zhnews benchmark {r['started']}\n\n```\n{table}\n```\n"
    if "profile" in r:
        md += f"\n## Profile\n\n```\n{render_profile(r['profile'])}\n```\n"
    (args.results / "latest.md").write_text(md, encoding="utf-8")
    (args.results / f"n{args.n}.md").write_text(md, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
