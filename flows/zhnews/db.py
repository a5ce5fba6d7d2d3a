"""The single writer: staging in the work file, the publish transaction into the lake.

See `zhnews.store` for the layout. Only the process holding the writer lock creates a
`Warehouse`; readers use `open_published` (a sandboxed read-only connection).
"""

from __future__ import annotations

import contextlib
import os
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
        ensure_schema(self.con, self.sql)

    def close(self) -> None:
        self.con.close()

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

    def publish(
        self,
        load_id: str,
        rejected: dict[str, list[str]],
        publish_ok: bool,
        dq_rows: list[dict],
        message: str | None = None,
    ) -> dict:
        """Finish a load in ONE transaction.

        publish_ok=False (gate failed): nothing reaches raw or the marts; worker rejections and
        the gate's results are still recorded. Otherwise gate-rejected documents are quarantined
        and the rest is published. Returns the counts recorded in ops.loads.
        """
        c = self.con
        publish_started = time.perf_counter()
        c.execute("BEGIN")
        faults.point("publish.begin")
        try:
            c.execute(
                "CREATE OR REPLACE TEMP TABLE publish_load AS SELECT ?::VARCHAR AS load_id",
                [load_id],
            )
            c.execute(
                "CREATE OR REPLACE TEMP TABLE gate_rejected (document_id VARCHAR, expectations VARCHAR[])"
            )
            if rejected:
                c.executemany("INSERT INTO gate_rejected VALUES (?, ?)", list(rejected.items()))
            if publish_ok:
                self._prepare_publish_sets()
                for f in self.sql:
                    started = time.perf_counter()
                    for stmt in f.publish:
                        try:
                            c.execute(stmt)
                        except duckdb.Error as exc:
                            raise WarehouseError(
                                f"publish step in {f.path.name} failed: {exc}"
                            ) from exc
                    if f.publish:
                        self.step_seconds[f"publish {f.path.parent.name}/{f.path.stem}"] = (
                            time.perf_counter() - started
                        )
                    if f.path.parent.name == "raw":
                        faults.point("publish.after_raw")
                faults.point("publish.after_marts")
                self._record_files("accepted_documents", "published")
                self._record_files("gate_rejected", "quarantined")
                self._quarantine_gate_rejections(load_id)
            # Earlier quarantine rows of files this load read again now point at this load.
            c.execute(
                """
                UPDATE ops.quarantine SET retried_by_load_id = $load
                WHERE retried_by_load_id IS NULL AND load_id <> $load
                  AND source_path IN (SELECT source_path FROM staging.documents WHERE load_id = $load
                                      UNION SELECT source_path FROM staging.rejections WHERE load_id = $load)""",
                {"load": load_id},
            )
            self._move_worker_rejections(load_id)
            c.execute("DELETE FROM ops.dq_results WHERE load_id = ?", [load_id])
            if dq_rows:
                import pyarrow as pa

                c.register(
                    "dq_rows", pa.Table.from_pylist([{**r, "load_id": load_id} for r in dq_rows])
                )
                c.execute(
                    "INSERT INTO ops.dq_results BY NAME SELECT *, now() AS checked_at FROM dq_rows"
                )
                c.unregister("dq_rows")
            counts = self._finish_counts(load_id, publish_ok)
            status = (
                "failed"
                if not publish_ok
                else ("partial" if counts["files_quarantined"] else "published")
            )
            c.execute(
                "UPDATE ops.loads SET status = ?, finished_at = now(), files_quarantined = ?, "
                "documents_published = ?, articles_published = ?, articles_retired = ?, message = ? "
                "WHERE load_id = ?",
                [
                    status,
                    counts["files_quarantined"],
                    counts["documents_published"],
                    counts["articles_published"],
                    counts["articles_retired"],
                    message,
                    load_id,
                ],
            )
            self.step_seconds["publish"] = time.perf_counter() - publish_started
            c.execute("DELETE FROM ops.load_steps WHERE load_id = ?", [load_id])
            _insert_rows(
                c,
                "ops.load_steps",
                [
                    {"load_id": load_id, "step": step, "seconds": seconds}
                    for step, seconds in self.step_seconds.items()
                ],
            )
            faults.point("publish.before_commit")
            c.execute("COMMIT")
        except Exception:
            c.execute("ROLLBACK")
            raise
        faults.point("publish.after_commit")
        self.clear_staging()
        return {**counts, "status": status}

    def _prepare_publish_sets(self) -> None:
        c = self.con
        c.execute("""
            CREATE OR REPLACE TEMP TABLE accepted_documents AS
            SELECT document_id, source_path, mtime_ns FROM staging.documents
            WHERE load_id = (SELECT load_id FROM publish_load)
              AND document_id NOT IN (SELECT document_id FROM gate_rejected)""")
        # Several versions of one story in one batch: the newest file (mtime, then path) wins.
        c.execute("""
            CREATE OR REPLACE TEMP TABLE publish_articles AS
            SELECT document_id, article_id FROM (
                SELECT a.document_id, a.article_id,
                       row_number() OVER (PARTITION BY a.article_id
                                          ORDER BY d.mtime_ns DESC NULLS LAST, d.source_path DESC) AS rn
                FROM staging.articles a JOIN accepted_documents d USING (document_id)
                WHERE a.load_id = (SELECT load_id FROM publish_load))
            WHERE rn = 1""")
        c.execute(
            "CREATE OR REPLACE TEMP TABLE publish_documents AS "
            "SELECT DISTINCT document_id FROM publish_articles"
        )
        # Retire what the new rows replace: the same article ids, and every article of an
        # earlier version of a file read again in this load (its article count may differ).
        c.execute("""
            CREATE OR REPLACE TEMP TABLE retired_articles AS
            SELECT article_id FROM publish_articles
            UNION
            SELECT m.article_id FROM marts.articles m
            WHERE m.source_path IN (SELECT source_path FROM accepted_documents)""")

    def _record_files(self, table: str, status: str) -> None:
        selected = f"""
            FROM staging.documents d
            WHERE d.load_id = (SELECT load_id FROM publish_load)
              AND d.document_id IN (SELECT document_id FROM {table})"""
        self.con.execute(
            f"DELETE FROM ops.files WHERE source_path IN (SELECT d.source_path {selected})"
        )
        self.con.execute(
            f"""INSERT INTO ops.files
            SELECT d.source_path, d.sha256, d.bytes, d.mtime_ns, d.document_id, ?, d.load_id, now()
            {selected}""",
            [status],
        )

    def _quarantine_gate_rejections(self, load_id: str) -> None:
        rows = self.con.execute(
            """
            SELECT d.source_path, d.document_id, d.sha256, r.expectations
            FROM staging.documents d JOIN gate_rejected r USING (document_id)
            WHERE d.load_id = ?""",
            [load_id],
        ).fetchall()
        for source_path, document_id, sha, expectations in rows:
            self.con.execute(
                "INSERT INTO ops.quarantine (load_id, source_path, document_id, sha256, stage, reason, "
                "expectations, raw_bytes, quarantined_at) VALUES (?, ?, ?, ?, 'gate', ?, ?, ?, now())",
                [
                    load_id,
                    source_path,
                    document_id,
                    sha,
                    "failed quality expectations: " + ", ".join(expectations),
                    expectations,
                    _reread_bytes(source_path, sha),
                ],
            )

    def _move_worker_rejections(self, load_id: str) -> None:
        c = self.con
        c.execute(
            """
            INSERT INTO ops.quarantine (load_id, source_path, document_id, sha256, stage, reason,
                                        raw_bytes, quarantined_at)
            SELECT load_id, source_path, document_id, sha256, stage, reason, raw_bytes, now()
            FROM staging.rejections WHERE load_id = ?""",
            [load_id],
        )
        # Remember rejected files so an unchanged broken file is not re-read every run: by hash
        # when it could be read, else (unreadable, too large, dangling link) by size and mtime
        # as discovery saw them (-1 when even stat failed).
        c.execute(
            "DELETE FROM ops.files WHERE source_path IN "
            "(SELECT source_path FROM staging.rejections WHERE load_id = ?)",
            [load_id],
        )
        c.execute(
            """
            INSERT INTO ops.files
            SELECT source_path, coalesce(sha256, ''), coalesce(bytes, -1), mtime_ns,
                   coalesce(document_id, ''),
                   CASE WHEN sha256 IS NULL THEN 'unreadable' ELSE 'quarantined' END, load_id, now()
            FROM staging.rejections WHERE load_id = ?""",
            [load_id],
        )

    def _finish_counts(self, load_id: str, publish_ok: bool) -> dict:
        c = self.con
        q = c.execute(
            "SELECT count(*) FROM staging.rejections WHERE load_id = ?", [load_id]
        ).fetchone()[0]
        if not publish_ok:
            return {
                "files_quarantined": q,
                "documents_published": 0,
                "articles_published": 0,
                "articles_retired": 0,
            }
        g = c.execute("SELECT count(*) FROM gate_rejected").fetchone()[0]
        docs, arts = c.execute(
            "SELECT count(DISTINCT document_id), count(*) FROM publish_articles"
        ).fetchone()
        new_ids = c.execute(
            "SELECT count(*) FROM retired_articles WHERE article_id NOT IN "
            "(SELECT article_id FROM publish_articles)"
        ).fetchone()[0]
        return {
            "files_quarantined": q + g,
            "documents_published": docs,
            "articles_published": arts,
            "articles_retired": new_ids,
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


def _insert_rows(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict]) -> None:
    if not rows:
        return
    import pyarrow as pa

    con.register("new_rows", pa.Table.from_pylist(rows))
    con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM new_rows")
    con.unregister("new_rows")


def _reread_bytes(source_path: str, sha: str) -> bytes | None:
    """The bytes of a gate-rejected file, if the file on disk is still that version."""
    import hashlib

    try:
        data = Path(os.fsdecode(source_path.encode("utf-8", "surrogateescape"))).read_bytes()
    except (OSError, UnicodeError):
        return None
    return data if hashlib.sha256(data).hexdigest() == sha else None


def open_published(db: Path, allow_dirs=()) -> duckdb.DuckDBPyConnection:
    """Sandboxed read-only connection to the last published snapshot (see zhnews.store.reader)."""
    return open_reader(db, allow_dirs)
