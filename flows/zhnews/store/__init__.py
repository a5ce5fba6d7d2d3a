"""Where the warehouse lives and who may touch it.

A warehouse named `warehouse/zhnews` (the `--db` path, a trailing `.duckdb` ignored) is:

- `zhnews.lake/`: a DuckLake (`catalog.sqlite` + Parquet files under `data/`) holding the
  `raw`, `marts` and `ops` schemas. Every commit is a snapshot: readers in other processes see
  the last committed snapshot, never half a load, and never block the writer. A load writes
  only its own rows (new Parquet files, delete files for retired rows), so its cost grows
  with the load, not with the warehouse.
- `zhnews.work.duckdb`: the single writer's private DuckDB file with the `staging` schema of
  the load in progress. Nobody else opens it.
- `zhnews.work.lock`: the writer lock (flock).

Modules: `lake` (extensions, paths, connections, schema), `lock` (the writer lock),
`ledger` (ops.loads / ops.files / ops.quarantine bookkeeping), `publish` (the publish
transaction), `reader` (the sandboxed read-only connection for analysts and the CLI).
"""

from zhnews.store.lake import WarehouseError, WarehousePaths

__all__ = ["WarehouseError", "WarehousePaths"]
