"""Analysts and loads together: a reader process never errors and never sees half a load.

Reader processes query the lake in a loop while several loads run: one reopens it every
iteration, one keeps a connection open throughout, one holds ONE read transaction open for the
whole time. Every state they see must be one of the published states captured after a load
finished; the transaction keeps the snapshot it started with and never blocks a load.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from conftest import FIXTURES, SEEDS, run_etl

pytestmark = pytest.mark.usefixtures("prefect_api")

STATE_SQL = """
    SELECT (SELECT count(*) FROM marts.articles),
           (SELECT md5(coalesce(string_agg(article_id, ',' ORDER BY article_id), ''))
            FROM marts.articles),
           (SELECT load_id || ' ' || status FROM ops.loads
            WHERE status IN ('published', 'partial') ORDER BY started_at DESC LIMIT 1)
"""

# mode "reopen": connect, query, close every iteration (what `zhnews sql` does);
# mode "long": one connection open throughout (an analyst's notebook): each query sees the
# latest committed snapshot;
# mode "transaction": one read transaction open throughout: it keeps its first snapshot.
READER = textwrap.dedent("""
    import json, os, sys, time
    from zhnews.db import open_published

    db, mode, stop, out, sql = sys.argv[1:6]
    seen, errors, iterations = set(), [], 0
    con = open_published(db)
    if mode == "transaction":
        con.execute("BEGIN TRANSACTION READ ONLY")
    print("reading", flush=True)
    while not os.path.exists(stop):
        iterations += 1
        try:
            if mode == "reopen":
                con.close()
                con = open_published(db)
            seen.add(tuple(con.execute(sql).fetchone()))
        except Exception as exc:
            errors.append(f"{type(exc).__name__}: {exc}")
        time.sleep(0.05)  # leaves the loads most of the 2 cores
    con.close()
    json.dump({"seen": sorted(seen), "errors": errors[:20], "iterations": iterations},
              open(out, "w"))
""")


def start_reader(db: Path, mode: str, stop: Path, out: Path) -> subprocess.Popen:
    proc = subprocess.Popen(
        [sys.executable, "-c", READER, str(db), mode, str(stop), str(out), STATE_SQL],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout.readline().strip() == "reading"
    return proc


def stop_reader(proc: subprocess.Popen) -> None:
    try:
        proc.wait(timeout=60)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def published_state(db: Path) -> tuple:
    from zhnews.db import open_published

    con = open_published(db)
    try:
        return tuple(con.execute(STATE_SQL).fetchone())
    finally:
        con.close()


def test_reader_sees_only_whole_published_states(tmp_path: Path):
    inbox = tmp_path / "inbox"
    shutil.copytree(SEEDS, inbox / "seeds")
    db = tmp_path / "warehouse" / "zhnews.duckdb"
    posts = sorted((FIXTURES / "finews").iterdir())
    batches = [posts[i::3] for i in range(3)]  # three more loads, each adding files

    assert run_etl([inbox], db)["status"] == "published"
    states = [published_state(db)]
    stop = tmp_path / "stop"
    readers = {}
    try:
        for mode in ("reopen", "long", "transaction"):
            readers[mode] = start_reader(db, mode, stop, tmp_path / f"{mode}.json")
        for batch in batches:
            for post in batch:
                shutil.copy(post, inbox / post.name)
            summary = run_etl([inbox], db)
            assert summary["status"] == "published" and summary["documents_published"] == len(batch)
            states.append(published_state(db))
        time.sleep(0.5)
    finally:
        stop.touch()
        for proc in readers.values():
            stop_reader(proc)
    seen = {mode: json.loads((tmp_path / f"{mode}.json").read_text()) for mode in readers}

    assert len(set(states)) == 4 and states[-1][0] == 6 + len(posts)
    allowed = set(states)
    for mode, proc in readers.items():
        assert proc.returncode == 0, mode
        assert seen[mode]["errors"] == [], mode
        assert seen[mode]["iterations"] > 20, mode
        observed = {tuple(s) for s in seen[mode]["seen"]}
        assert observed <= allowed, f"{mode}: a state no load published: {observed - allowed}"
    # reopening and a long-open connection follow the loads; a transaction keeps its snapshot
    assert len({tuple(s) for s in seen["reopen"]["seen"]}) >= 3, seen["reopen"]
    assert len({tuple(s) for s in seen["long"]["seen"]}) >= 3, seen["long"]
    assert [tuple(s) for s in seen["transaction"]["seen"]] == [states[0]]
