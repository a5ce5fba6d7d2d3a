"""Where the warehouse lives and who may touch it.

A warehouse named `warehouse/zhnews` (the `--db` path, a trailing `.duckdb` ignored) is:

- `zhnews.lake/`: a DuckLake (`catalog.sqlite` + Parquet files under `data/`) holding the
  `raw`, `marts` and `ops` schemas. Every commit is a snapshot: readers in other processes see
  the last committed snapshot, never half a load, and never block the writer. A load writes
  only its own rows (new Parquet files, delete files for retired rows), so its cost grows
  with the load, not with the warehouse.
- `zhnews.work/<load id>/`: the spool of the load in progress: Parquet files (one per staging
  table and shard) that parse workers write and the writer reads through `staging.*` views
  (`spool`). Removed when the load ends.
- `zhnews.work.lock`: the writer lock (flock).

Modules: `lake` (extensions, paths, connections, schema), `lock` (the writer lock), `spool`
(staging as Parquet files), `publish` (the publish transaction and the load ledger:
ops.loads / ops.files / ops.quarantine), `reader` (the sandboxed read-only connection for
analysts and the CLI).
"""

__all__ = ["WarehouseError", "WarehousePaths"]


def __getattr__(name: str):
    # Lazy: a parse worker unpickles `zhnews.store.spool.Spool`, which imports this package;
    # importing `lake` here would load DuckDB (~35 MB per worker) into processes that never
    # open a database.
    if name in __all__:
        from zhnews.store import lake

        return getattr(lake, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
