"""Read-only access for analysts, the CLI, the cookbook and the Python API.

A reader is an in-memory DuckDB that attaches the lake READ_ONLY and then locks itself down:
file access only to the lake's own data folder (plus folders the caller allows explicitly),
no extension loading or installing, configuration locked. `check_query` additionally lets
only SELECT-like statements through, so `COPY … TO`, `ATTACH`, `SET`, `PRAGMA`, `CALL`,
`CHECKPOINT`, `EXPORT`, `INSTALL`/`LOAD` and writes are refused before DuckDB sees them.
"""

from __future__ import annotations

import os
from pathlib import Path

import duckdb

from zhnews.store.lake import WarehouseError, WarehousePaths, attach_lake, new_connection

ALLOWED_STATEMENTS = {"SELECT", "EXPLAIN"}
# Table functions that touch files or the catalog's maintenance. The sandbox already confines
# file access to the lake's data folder; these are refused by name so the message is clear.
REFUSED_FUNCTIONS = ("ducklake_", "sqlite_", "read_", "glob", "parquet_", "query_table")


class ReadOnlyViolation(WarehouseError):
    """The statement would write, change settings or reach outside the warehouse."""


def open_reader(db: str | os.PathLike, allow_dirs: list[str | os.PathLike] = ()) -> duckdb.DuckDBPyConnection:
    paths = WarehousePaths.of(db)
    con = new_connection()
    try:
        attach_lake(con, paths, read_only=True)
        con.execute("USE lake")
        allowed = [str(paths.data.resolve()) + os.sep] + [
            str(Path(d).resolve()) + os.sep for d in allow_dirs
        ]
        con.execute("SET allowed_directories = ?", [allowed])
        con.execute("SET enable_external_access = false")
        con.execute("SET allow_community_extensions = false")
        con.execute("SET lock_configuration = true")
    except Exception:
        con.close()
        raise
    return con


def check_query(sql: str, allow_file_reads: bool = False) -> None:
    """Raise ReadOnlyViolation unless every statement in `sql` only reads."""
    try:
        parsed = duckdb.extract_statements(sql)
    except duckdb.Error as exc:
        raise ReadOnlyViolation(f"cannot parse the query: {str(exc).splitlines()[0]}") from None
    if not parsed:
        raise ReadOnlyViolation("no statement given")
    for stmt in parsed:
        kind = stmt.type.name
        if kind not in ALLOWED_STATEMENTS:
            raise ReadOnlyViolation(
                f"{kind} statements are not allowed: `zhnews sql` only reads (SELECT, "
                "WITH … SELECT, FROM, DESCRIBE, SHOW, SUMMARIZE, EXPLAIN). Export with "
                "--format csv|json|parquet -o FILE"
            )
    lowered = sql.lower()
    for name in REFUSED_FUNCTIONS:
        if name in ("read_", "glob") and allow_file_reads:
            continue
        if f"{name}" in lowered and _calls(lowered, name):
            raise ReadOnlyViolation(
                f"{name.rstrip('_')}… functions are not allowed in `zhnews sql`; to read your "
                "own files pass --allow-dir DIR"
            )


def _calls(lowered: str, prefix: str) -> bool:
    import re

    return re.search(r"\b" + re.escape(prefix) + r"[a-z_]*\s*\(", lowered) is not None
