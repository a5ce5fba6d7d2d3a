"""The single writer: staging in the work file, the publish transaction into the lake.

See `zhnews.store` for the layout. Only the process holding the writer lock creates a
`Warehouse`; readers use `open_published` (a sandboxed read-only connection).
"""

from __future__ import annotations

import contextlib
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from zhnews import faults
from zhnews.settings import PARSER_VERSION
from zhnews.store.lake import (
    WarehouseDamaged,
    WarehouseError,
    WarehousePaths,
    connect_writer,
    ensure_schema,
    load_sql_files,
)
from zhnews.store.lock import WarehouseLocked, WriterLock
from zhnews.store.publish import publish_load
from zhnews.store.reader import open_reader

__all__ = [
    "Warehouse",
    "WarehouseDamaged",
    "WarehouseError",
    "WarehouseLocked",
    "WriterLock",
    "open_published",
    "work_path",
]


PUBLISH_ATTEMPTS = 8


def _commit_conflict(exc: BaseException) -> bool:
    text = str(exc).lower()
    return "failed to commit" in text or "conflict" in text or "database is locked" in text


def _lake_files(paths: WarehousePaths) -> tuple[int, int]:
    files = [p for p in paths.data.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def work_path(db: Path) -> Path:
    return WarehousePaths.of(db).work


def _connect_with_retry(paths: WarehousePaths, timeout_s: float) -> duckdb.DuckDBPyConnection:
    """Open the writer's connection, waiting while another process holds the work file."""
    deadline = time.monotonic() + timeout_s
    delay = 0.1
    while True:
        try:
            return connect_writer(paths)
        except WarehouseDamaged as exc:
            cause = str(exc.__cause__ or exc)
            if "lock" not in cause.lower():
                raise
            if time.monotonic() >= deadline:
                raise WarehouseLocked(
                    f"another process holds {paths.work} open ({_lock_holder(cause)}); "
                    f"waited {timeout_s:.0f}s. Only zhnews may open the work file: close that "
                    "connection (analysts open the lake read-only, see the README)."
                ) from None
            time.sleep(delay)
            delay = min(delay * 2, 2.0)


def _lock_holder(message: str) -> str:
    import re

    m = re.search(r"PID (\d+)", message)
    if not m:
        return "unknown process"
    from zhnews.store.lock import cmdline

    return f"pid {m.group(1)}: {cmdline(int(m.group(1)))}"


class Warehouse:
    """The single writer's view of the work database."""

    def __init__(self, db: Path, timeout_s: float = 60.0):
        self.paths = WarehousePaths.of(db)
        self.con = _connect_with_retry(self.paths, timeout_s)
        self.sql = load_sql_files()
        self.step_seconds: dict[str, float] = {}  # wall time per load step, see ops.load_steps
        self.publish_retries = 0
        ensure_schema(self.con, self.sql)

    def close(self) -> None:
        """Close, and remove the work file: it only ever holds the staging rows of the load in
        progress, so keeping it would double the warehouse's disk use after a large load."""
        self.con.close()
        for path in (self.paths.work, self.paths.work.with_name(self.paths.work.name + ".wal")):
            path.unlink(missing_ok=True)

    # -- load lifecycle

    def recover(self) -> int:
        """Mark loads left 'running' by a killed process as aborted; clear their staging rows.

        Nothing else needs undoing: raw, marts and ops.files change only inside the publish
        transaction, which either committed or did not.
        """
        n = self.con.execute(
            "UPDATE ops.loads SET status = 'aborted', finished_at = now(), "
            "message = 'process ended before the load finished; cleaned up by the next run' "
            "WHERE status = 'running'"
        ).fetchone()[0]
        self.clear_staging()
        return n

    def clear_staging(self) -> None:
        for (table,) in self.con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE database_name = 'work' "
            "AND schema_name = 'staging'"
        ).fetchall():
            self.con.execute(f'DELETE FROM staging."{table}"')

    def begin_load(self, flow_run_id: str | None) -> str:
        load_id = datetime.now(UTC).strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:8]
        self.step_seconds = {}
        self.con.execute(
            "INSERT INTO ops.loads (load_id, flow_run_id, started_at, status, parser_version) "
            "VALUES (?, ?, now(), 'running', ?)",
            [load_id, flow_run_id, PARSER_VERSION],
        )
        return load_id

    def known_files(self) -> dict[str, tuple[int, int, str]]:
        return {
            p: (b, m, s)
            for p, b, m, s in self.con.execute(
                "SELECT source_path, bytes, mtime_ns, sha256 FROM ops.files"
            ).fetchall()
        }

    def stage(self, tables: dict, rejections: list[dict]) -> None:
        """Append one shard's rows (Arrow tables) to staging, in one transaction."""
        self.con.execute("BEGIN")
        try:
            for name, table in tables.items():
                self.con.register("shard_rows", table)
                self.con.execute(f'INSERT INTO staging."{name}" BY NAME SELECT * FROM shard_rows')
                self.con.unregister("shard_rows")
            if rejections:
                import pyarrow as pa

                self.con.register("shard_rows", pa.Table.from_pylist(rejections))
                self.con.execute("INSERT INTO staging.rejections BY NAME SELECT * FROM shard_rows")
                self.con.unregister("shard_rows")
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise
        faults.point("stage.after_shard")

    def touch_unchanged(self, unchanged: list[tuple[str, int, int, str]]) -> None:
        """Files whose mtime moved but bytes did not: remember the new mtime, load nothing."""
        if unchanged:
            import pyarrow as pa

            rows = pa.Table.from_pylist(
                [{"source_path": p, "bytes": b, "mtime_ns": m} for p, b, m, _ in unchanged]
            )
            self.con.register("touched_files", rows)
            self.con.execute(
                "UPDATE ops.files SET mtime_ns = t.mtime_ns, bytes = t.bytes "
                "FROM touched_files t WHERE ops.files.source_path = t.source_path"
            )
            self.con.unregister("touched_files")

    def publish(self, load_id: str, report) -> dict:
        """Finish the load in one DuckLake transaction as the gate decided (store.publish).

        Several loaders may share one lake (ZHNEWS_LAKE): when another loader committed
        first, this commit fails (SQLite: stale snapshot; DuckLake: conflicting change) and the
        whole publish is run again on the new snapshot, so nothing is lost or duplicated.
        """
        for attempt in range(PUBLISH_ATTEMPTS):
            try:
                counts = publish_load(self.con, self.sql, load_id, report, self.step_seconds)
                break
            except duckdb.Error as exc:
                if attempt + 1 == PUBLISH_ATTEMPTS or not _commit_conflict(exc):
                    raise
                self.publish_retries += 1
                time.sleep(min(0.2 * 2**attempt, 5.0))
        if self.publish_retries:
            note = f"publish retried {self.publish_retries}x after another loader's commit"
            self.con.execute(
                "UPDATE ops.loads SET message = coalesce(message || '; ', '') || ? "
                "WHERE load_id = ?",
                [note, load_id],
            )
        self.clear_staging()
        return counts

    def maintain(self, keep_hours: float = 24.0) -> dict:
        """Compact the lake: adjacent small files merged, files with deleted rows rewritten,
        snapshots older than `keep_hours` expired and the files only they referenced removed.
        Readers on the latest snapshot are not affected; a read transaction pinned to a
        snapshot older than `keep_hours` may lose its files."""
        c = self.con
        before = _lake_files(self.paths)
        for call in (
            "CALL ducklake_merge_adjacent_files('lake')",
            "CALL ducklake_rewrite_data_files('lake')",
        ):
            c.execute(call).fetchall()
        c.execute(
            "CALL ducklake_expire_snapshots('lake', older_than => now() - to_seconds(?::BIGINT))",
            [int(keep_hours * 3600)],
        ).fetchall()
        c.execute("CALL ducklake_cleanup_old_files('lake', cleanup_all => true)").fetchall()
        after = _lake_files(self.paths)
        return {
            "files_before": before[0],
            "bytes_before": before[1],
            "files_after": after[0],
            "bytes_after": after[1],
        }

    @contextlib.contextmanager
    def timed(self, step: str):
        """Time a step of the current load into ops.load_steps (written at publish)."""
        started = time.perf_counter()
        try:
            yield
        finally:
            self.step_seconds[step] = time.perf_counter() - started

    def record_counts(self, load_id: str, **counts: int) -> None:
        sets = ", ".join(f"{k} = ?" for k in counts)
        self.con.execute(
            f"UPDATE ops.loads SET {sets} WHERE load_id = ?", [*counts.values(), load_id]
        )

    def has_unfinished_loads(self) -> bool:
        return bool(
            self.con.execute("SELECT count(*) FROM ops.loads WHERE status = 'running'").fetchone()[
                0
            ]
        )

    def finish_noop(self, load_id: str, unchanged: int) -> None:
        self.con.execute(
            "UPDATE ops.loads SET status = 'noop', finished_at = now(), files_seen = ?, "
            "files_new = 0, files_unchanged = ? WHERE load_id = ?",
            [unchanged, unchanged, load_id],
        )

    def fail(self, load_id: str, message: str) -> None:
        self.con.execute(
            "UPDATE ops.loads SET status = 'failed', finished_at = now(), message = ? WHERE load_id = ?",
            [message[:2000], load_id],
        )
        self.clear_staging()


def open_published(db: Path, allow_dirs=()) -> duckdb.DuckDBPyConnection:
    """Sandboxed read-only connection to the last published snapshot (see zhnews.store.reader)."""
    return open_reader(db, allow_dirs)
