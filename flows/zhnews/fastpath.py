"""Finish a load that has nothing to do without starting Prefect.

A re-run over an unchanged archive only needs to stat the files and compare them with
ops.files; starting Prefect's API and the flow engine for that costs ten times more than the
check itself. `zhnews run` tries this first. It still records the load in ops.loads (status
noop, no flow_run_id); anything else (new or changed files,
paths that cannot be read, a load left unfinished by a killed run, another writer holding
the lock) goes through the Prefect flow as usual.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from zhnews.db import Warehouse, WarehouseLocked, WriterLock, published_summary
from zhnews.discover import Discovery, discover, expand
from zhnews.settings import Settings
from zhnews.store.lake import WarehousePaths


@dataclass
class Handoff:
    """What the check found when there is work: the writer lock it holds, its open
    warehouse and its discovery, for the flow run in this process to continue with instead
    of taking the lock, opening the catalog and stat-ing every file again."""

    db: Path
    paths: list[str]
    lock: WriterLock
    wh: Warehouse
    found: Discovery
    unchanged: int
    seconds: float  # the discovery's wall time (reported as the load's discover step)

    def release(self) -> None:
        try:
            self.wh.close()
        finally:
            self.lock.__exit__(None, None, None)


_handoff: Handoff | None = None


def try_noop(paths: list[str], db: Path, settings: Settings) -> dict | None:
    """The noop summary if nothing changed under `paths`, else None (run the flow).

    With new or changed files and nothing else in the way, the lock, the open warehouse
    and the discovery wait for the flow in `take` (released by `release_unused`).
    """
    global _handoff
    release_unused()  # an earlier check's handoff that no flow took
    new = not WarehousePaths.of(db).exists()
    try:
        lock = WriterLock(db, timeout_s=0).__enter__()
    except WarehouseLocked:
        return None  # the flow waits for the lock and reports it properly
    keep = False
    try:
        wh = Warehouse(db, settings.lock_timeout_s)
        try:
            if wh.has_unfinished_loads():
                return None  # recovery belongs in a flow run, where it is logged
            started = time.perf_counter()
            found, unchanged = discover(paths, wh.known_files)
            seconds = time.perf_counter() - started
            if found.skipped or (new and not found.files):
                return None  # warnings and an empty new warehouse belong in a flow run
            if found.files:
                _handoff = Handoff(Path(db), list(paths), lock, wh, found, unchanged, seconds)
                keep = True
                return None
            load_id = wh.begin_load(None)
            wh.finish_noop(load_id, unchanged)
            return {
                "load_id": load_id,
                "status": "noop",
                "files_unchanged": unchanged,
                "published": published_summary(wh.con),
            }
        finally:
            if not keep:
                wh.close()
    finally:
        if not keep:
            lock.__exit__(None, None, None)


def take(db: Path, paths: list[str]) -> Handoff | None:
    """The check's handoff for a flow loading `paths` into `db` in this process, once."""
    global _handoff
    handoff, _handoff = _handoff, None
    if handoff is None:
        return None
    if handoff.db == Path(db) and handoff.paths == list(paths):
        return handoff
    handoff.release()
    return None


def pending_files() -> int | None:
    """How many new or changed files the check handed to the flow (None: no handoff)."""
    return None if _handoff is None else len(_handoff.found.files)


def small_load(paths: list[str], limit: int) -> bool:
    """Whether this run has at most `limit` files to load: the handoff's count when the check
    found work, else (a new warehouse) whether `paths` hold at most `limit` files, found by
    walking only until the limit is passed."""
    if _handoff is not None:
        return len(_handoff.found.files) <= limit
    from itertools import islice

    return sum(1 for _ in islice(expand(paths), limit + 1)) <= limit


def release_unused() -> None:
    """Release a handoff no flow took (the flow failed to start)."""
    global _handoff
    handoff, _handoff = _handoff, None
    if handoff is not None:
        handoff.release()
