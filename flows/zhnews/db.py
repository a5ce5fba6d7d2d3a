"""The single writer: staging in the load's spool, the publish transaction into the lake.

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
from zhnews.store.adopt import Adopter, remove_unregistered
from zhnews.store.lake import (
    WarehouseDamaged,
    WarehouseError,
    WarehousePaths,
    connect_writer,
    create_staging,
    ensure_schema,
    load_sql_files,
)
from zhnews.store.lock import WarehouseLocked, WriterLock
from zhnews.store.publish import publish_load
from zhnews.store.reader import open_reader
from zhnews.store.spool import Spool, staging_columns, staging_schemas, view_sql

__all__ = [
    "Warehouse",
    "WarehouseDamaged",
    "WarehouseError",
    "WarehouseLocked",
    "WriterLock",
    "open_published",
]


PUBLISH_ATTEMPTS = 8


def _commit_conflict(exc: BaseException) -> bool:
    text = str(exc).lower()
    return "failed to commit" in text or "conflict" in text or "database is locked" in text


def _lake_files(paths: WarehousePaths) -> tuple[int, int]:
    files = [p for p in paths.data.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def _connect_with_retry(paths: WarehousePaths, timeout_s: float) -> duckdb.DuckDBPyConnection:
    """Open the writer's connection, waiting while another process holds the catalog."""
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
                    f"another process holds {paths.catalog} open ({_lock_holder(cause)}); "
                    f"waited {timeout_s:.0f}s. Only zhnews may write to it: close that "
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


# Up to this many listed files, discovery looks up their ops.files rows one by one in SQL;
# more, and it reads the whole table once.
KNOWN_LOOKUP_MAX = 1000


class Warehouse:
    """The single writer: the lake attached, staging as views over the load's spool."""

    def __init__(self, db: Path, timeout_s: float = 60.0):
        self.paths = WarehousePaths.of(db)
        self.con = _connect_with_retry(self.paths, timeout_s)
        self.sql = load_sql_files()
        self.step_seconds: dict[str, float] = {}  # wall time per load step, see ops.load_steps
        self.publish_retries = 0
        self.spool: Spool | None = None  # the current load's, from begin_load
        ensure_schema(self.con, self.sql)
        self._staging_columns = staging_columns(self.con)
        self._schemas = staging_schemas(self.con, self._staging_columns)

    def close(self) -> None:
        """Close, and remove the spool: it only ever holds the staging rows of the load in
        progress, so keeping it would double the warehouse's disk use after a large load."""
        self.con.close()
        self.clear_spool()

    def clear_spool(self) -> None:
        if self.spool is not None:
            self.spool.remove()

    # -- load lifecycle

    def recover(self) -> int:
        """Mark loads left 'running' by a killed process as aborted; clear their staging rows.

        Nothing else needs undoing: raw, marts and ops.files change only inside the publish
        transaction, which either committed or did not. Spool files a killed publish of this
        writer had linked into the lake's data folder (zhnews.store.adopt) and that no snapshot
        references go too (a spool left behind names its load; another loader sharing the lake
        keeps its own spool, so its links are never touched).
        """
        spool = self.paths.spool
        killed = sorted(p.name for p in spool.iterdir() if p.is_dir()) if spool.is_dir() else []
        n = self.con.execute(
            "UPDATE ops.loads SET status = 'aborted', finished_at = now(), "
            "message = 'process ended before the load finished; cleaned up by the next run' "
            "WHERE status = 'running'"
        ).fetchone()[0]
        remove_unregistered(self.con, self.paths.data, killed)
        self.clear_staging()
        import shutil

        shutil.rmtree(spool, ignore_errors=True)  # spools of killed loads
        return n

    def clear_staging(self) -> None:
        """Empty staging: its views become empty tables again, the spool files go."""
        create_staging(self.con, self.sql)
        self.clear_spool()

    def begin_load(self, flow_run_id: str | None) -> str:
        load_id = datetime.now(UTC).strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:8]
        self.step_seconds = {}
        self.clear_staging()
        self.spool = Spool(self.paths.spool / load_id, self._schemas)
        self.con.execute(
            "INSERT INTO ops.loads (load_id, flow_run_id, started_at, status, parser_version) "
            "VALUES (?, ?, now(), 'running', ?)",
            [load_id, flow_run_id, PARSER_VERSION],
        )
        return load_id

    def known_files(self, source_paths: list[str] | None = None) -> dict[str, tuple[int, int, str]]:
        """(bytes, mtime_ns, sha256) of the last loaded version of each file, by source path:
        of every file, or of `source_paths` when there are at most `KNOWN_LOOKUP_MAX` of them
        (a watched load's few new files: a lookup, not the whole of ops.files turned into a
        Python dict, ~0.3 s at 100,000 files in the watching process)."""
        sql = "SELECT source_path, bytes, mtime_ns, sha256 FROM ops.files"
        params: list = []
        if source_paths is not None and len(source_paths) <= KNOWN_LOOKUP_MAX:
            if not source_paths:
                return {}
            sql += " WHERE source_path IN (SELECT unnest(?::VARCHAR[]))"
            params = [source_paths]
        return {p: (b, m, s) for p, b, m, s in self.con.execute(sql, params).fetchall()}

    def stage(self, result) -> None:
        """Add one shard (a zhnews.shard.ShardResult) to staging.

        Local workers wrote its rows to the spool already; rows that travelled back in the
        result (a Dask worker) are written there now. Each staging table that has spool
        files is a view over them from then on.
        """
        if result.tables or result.rejections:
            self.spool.write_returned([(result.tables, result.rejections)])
        self._refresh_views()
        faults.point("stage.after_shard")

    def _refresh_views(self) -> None:
        views = {
            name
            for (name,) in self.con.execute(
                "SELECT view_name FROM duckdb_views() WHERE database_name = 'memory' "
                "AND schema_name = 'staging'"
            ).fetchall()
        }
        for table, columns in self._staging_columns.items():
            if table not in views and self.spool.files(table):
                self.con.execute(f'DROP TABLE staging."{table}"')
                self.con.execute(view_sql(table, self.spool.pattern(table), columns))

    def staging_views(self) -> dict[str, tuple[str, list[tuple]]]:
        """{table: (spool file glob, columns)} of the staging tables that have spool files:
        what another process needs to see this load's staging rows (zhnews.gate_process)."""
        if self.spool is None:
            return {}
        return {
            table: (str(self.spool.pattern(table)), columns)
            for table, columns in self._staging_columns.items()
            if self.spool.files(table)
        }

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
        adopter = (
            Adopter(self.spool, self.paths.data, load_id, self._staging_columns)
            if self.spool is not None
            else None
        )
        for attempt in range(PUBLISH_ATTEMPTS):
            try:
                counts = publish_load(
                    self.con, self.sql, load_id, report, self.step_seconds, adopter
                )
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


SUMMARY_TABLES = (
    "raw.documents",
    "marts.articles",
    "marts.paragraphs",
    "marts.sentences",
    "marts.stock_mentions",
    "ops.quarantine",
)
SUMMARY_LOAD_COLUMNS = (
    "load_id",
    "status",
    "files_new",
    "files_unchanged",
    "files_quarantined",
    "articles_published",
    "message",
)


def published_summary(con, row_counts: bool = True) -> dict:
    """Row counts of the main tables (`tables`; empty unless `row_counts`) and the last load's
    outcome (`last_load`), as `zhnews run` prints them.

    Any connection that sees the published lake: a reader, or the writer right after its
    commit (a run prints it without opening a second connection)."""
    tables = (
        {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in SUMMARY_TABLES}
        if row_counts
        else {}
    )
    row = con.execute(
        f"SELECT {', '.join(SUMMARY_LOAD_COLUMNS)} FROM ops.loads ORDER BY started_at DESC LIMIT 1"
    ).fetchone()
    last = dict(zip(SUMMARY_LOAD_COLUMNS, row, strict=True)) if row else None
    return {"tables": tables, "last_load": last}


def open_published(db: Path, allow_dirs=()) -> duckdb.DuckDBPyConnection:
    """Sandboxed read-only connection to the last published snapshot (see zhnews.store.reader)."""
    return open_reader(db, allow_dirs)
