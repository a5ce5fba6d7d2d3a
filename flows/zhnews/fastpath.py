"""Finish a load that has nothing to do without starting Prefect.

A re-run over an unchanged archive only needs to stat the files and compare them with
ops.files; starting Prefect's API and the flow engine for that costs ten times more than the
check itself. `zhnews run` tries this first. It still records the load in ops.loads (status
noop, no flow_run_id); anything else (new or changed files,
paths that cannot be read, a load left unfinished by a killed run, another writer holding
the lock) goes through the Prefect flow as usual.
"""

from __future__ import annotations

from pathlib import Path

from zhnews.db import Warehouse, WarehouseLocked, WriterLock
from zhnews.discover import discover
from zhnews.settings import Settings
from zhnews.store.lake import WarehousePaths


def try_noop(paths: list[str], db: Path, settings: Settings) -> dict | None:
    """The noop summary if nothing changed under `paths`, else None (run the flow)."""
    if not WarehousePaths.of(db).exists():
        return None
    try:
        lock = WriterLock(db, timeout_s=0).__enter__()
    except WarehouseLocked:
        return None  # the flow waits for the lock and reports it properly
    try:
        wh = Warehouse(db, settings.lock_timeout_s)
        try:
            if wh.has_unfinished_loads():
                return None  # recovery belongs in a flow run, where it is logged
            found, unchanged = discover(paths, wh.known_files())
            if found.files or found.skipped:
                return None
            load_id = wh.begin_load(None)
            wh.finish_noop(load_id, unchanged)
            return {"load_id": load_id, "status": "noop", "files_unchanged": unchanged}
        finally:
            wh.close()
    finally:
        lock.__exit__(None, None, None)
