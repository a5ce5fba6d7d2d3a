"""The warehouse file: schema from warehouse/*.sql, the writer lock, staging, publish, serving copy.

Two files per warehouse. The writer works in `<name>.work.duckdb`; after every load it publishes
an exact copy as `<name>.duckdb` with an atomic rename. Analysts (and `zhnews sql`) open only the
published copy, so a long-open analyst session never blocks a load, and a reader sees the previous
or the new published state, never half a load.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import shutil
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from zhnews import faults
from zhnews.settings import PARSER_VERSION, WAREHOUSE_SQL_DIR

SCHEMAS = ("raw", "staging", "marts", "ops")
# The publish transaction holds the load's new mart rows and the duplicate-cluster recursion;
# a 100,000-document cold load failed at 512MB (bench/run.py --n 100000).
DUCKDB_MEMORY_LIMIT = os.environ.get("ZHNEWS_DUCKDB_MEMORY", "1GB")
if not re.fullmatch(r"\d+(\.\d+)?\s*[KMGT]i?B", DUCKDB_MEMORY_LIMIT):
    raise ValueError(f"ZHNEWS_DUCKDB_MEMORY={DUCKDB_MEMORY_LIMIT!r}: expected a size such as 512MB")
PUBLISH_MARKER = "-- @publish"


class WarehouseError(RuntimeError):
    """An error a user can act on (message says what and where)."""


class WarehouseLocked(WarehouseError):
    pass


def work_path(db: Path) -> Path:
    return db.with_name(db.stem + ".work" + db.suffix)


# ---------------------------------------------------------------- SQL files


@dataclass(frozen=True)
class SqlFile:
    path: Path
    ddl: list[str]
    publish: list[str]


def _statements(sql: str) -> list[str]:
    """Split on ';' at line ends (the convention in warehouse/CONVENTIONS.md)."""
    out, buf = [], []
    for line in sql.splitlines():
        buf.append(line)
        if line.rstrip().endswith(";"):
            stmt = "\n".join(buf).strip()
            if any(ln.strip() and not ln.strip().startswith("--") for ln in buf):
                out.append(stmt)
            buf = []
    if any(ln.strip() and not ln.strip().startswith("--") for ln in buf):
        out.append("\n".join(buf).strip())
    return out


def load_sql_files(root: Path = WAREHOUSE_SQL_DIR) -> list[SqlFile]:
    manifest = root / "manifest.txt"
    files = []
    for line in manifest.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        path = root / line
        if not path.exists():
            raise WarehouseError(f"{manifest}: lists {line}, which does not exist")
        text = path.read_text(encoding="utf-8")
        ddl, _, publish = text.partition("\n" + PUBLISH_MARKER + "\n")
        files.append(SqlFile(path, _statements(ddl), _statements(publish)))
    return files


# ---------------------------------------------------------------- lock


class WriterLock:
    """One writer per warehouse, across processes (flock on `<work>.lock`)."""

    def __init__(self, db: Path, timeout_s: float):
        self.path = work_path(db).with_suffix(".lock")
        self.timeout_s = timeout_s
        self.fh = None

    def __enter__(self) -> WriterLock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.fh = open(self.path, "a+")
        deadline = time.monotonic() + self.timeout_s
        while True:
            try:
                fcntl.flock(self.fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    self.fh.seek(0)
                    holder = self.fh.read().strip() or "unknown process"
                    self.fh.close()
                    raise WarehouseLocked(
                        f"another load holds the warehouse writer lock {self.path} "
                        f"({holder}); waited {self.timeout_s:.0f}s. Wait for it to finish "
                        "or raise ZHNEWS_LOCK_TIMEOUT."
                    ) from None
                time.sleep(0.2)
        self.fh.seek(0)
        self.fh.truncate()
        self.fh.write(f"pid {os.getpid()}: {_cmdline(os.getpid())}\n")
        self.fh.flush()
        return self

    def __exit__(self, *exc) -> None:
        if self.fh:
            self.fh.truncate(0)
            fcntl.flock(self.fh, fcntl.LOCK_UN)
            self.fh.close()
            self.fh = None


def _cmdline(pid: int) -> str:
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
        return raw.replace(b"\0", b" ").decode(errors="replace").strip()[:200]
    except OSError:
        return "?"


def connect_with_retry(path: Path, read_only: bool, timeout_s: float) -> duckdb.DuckDBPyConnection:
    """Open a DuckDB file, waiting while another process holds a conflicting lock."""
    deadline = time.monotonic() + timeout_s
    delay = 0.1
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower() or time.monotonic() >= deadline:
                raise WarehouseLocked(f"cannot open {path}: {exc}") from exc
            time.sleep(delay)
            delay = min(delay * 2, 2.0)


# ---------------------------------------------------------------- the writer


class Warehouse:
    """The single writer's view of the work database."""

    def __init__(self, db: Path, timeout_s: float = 60.0):
        self.db = Path(db)
        self.work = work_path(self.db)
        self.work.parent.mkdir(parents=True, exist_ok=True)
        self.con = connect_with_retry(self.work, read_only=False, timeout_s=timeout_s)
        self._configure()
        self.sql = load_sql_files()
        self.step_seconds: dict[str, float] = {}  # wall time per load step, see ops.load_steps
        self.ensure_schema()

    def close(self) -> None:
        self.con.close()

    def _configure(self) -> None:
        # DuckDB defaults to 80% of RAM; a bounded buffer pool (it spills to disk beyond it)
        # keeps the writer's memory flat however large the load.
        self.con.execute(f"SET memory_limit = '{DUCKDB_MEMORY_LIMIT}'")
        # Marts never rely on insertion order (queries ORDER BY); without it DuckDB's
        # INSERT … SELECT and CREATE TABLE AS stream instead of buffering whole results.
        self.con.execute("SET preserve_insertion_order = false")

    def ensure_schema(self) -> None:
        for schema in SCHEMAS:
            self.con.execute(f"CREATE SCHEMA IF NOT EXISTS {schema}")
        for f in self.sql:
            for stmt in f.ddl:
                try:
                    self.con.execute(stmt)
                except duckdb.Error as exc:
                    raise WarehouseError(f"{f.path}: {exc}") from exc

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
            "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'staging' AND NOT temporary"
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
            self.con.executemany(
                "UPDATE ops.files SET mtime_ns = ?, bytes = ? WHERE source_path = ?",
                [(m, b, p) for p, b, m, _ in unchanged],
            )

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
                c.execute("INSERT INTO ops.dq_results BY NAME SELECT * FROM dq_rows")
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
            c.executemany(
                "INSERT INTO ops.load_steps VALUES (?, ?, ?)",
                [[load_id, step, seconds] for step, seconds in self.step_seconds.items()],
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
        self.con.execute(
            f"""
            INSERT OR REPLACE INTO ops.files
            SELECT d.source_path, d.sha256, d.bytes, d.mtime_ns, d.document_id, ?, d.load_id, now()
            FROM staging.documents d
            WHERE d.load_id = (SELECT load_id FROM publish_load)
              AND d.document_id IN (SELECT document_id FROM {table})""",
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
            """
            INSERT OR REPLACE INTO ops.files
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

    # -- serving copy

    @property
    def marker(self) -> Path:
        return self.db.with_name(f".{self.db.name}.published")

    def _last_finished_load(self) -> str:
        row = self.con.execute(
            "SELECT load_id FROM ops.loads WHERE status IN ('published', 'partial', 'failed') "
            "ORDER BY finished_at DESC LIMIT 1"
        ).fetchone()
        return row[0] if row else ""

    def serving_is_current(self) -> bool:
        """False when a run died after committing but before its serving copy was in place."""
        try:
            published = self.marker.read_text().strip()
        except OSError:
            published = None
        return self.db.exists() and published == self._last_finished_load()

    def remove_stale_temp_copies(self) -> None:
        for tmp in self.db.parent.glob(f".{self.db.name}.tmp-*"):
            tmp.unlink(missing_ok=True)

    def publish_serving_copy(self) -> None:
        """Checkpoint the work file and atomically replace the analysts' copy with it."""
        load_id = self._last_finished_load()
        self.con.execute("CHECKPOINT")
        self.con.close()
        tmp = self.db.with_name(f".{self.db.name}.tmp-{os.getpid()}")
        try:
            shutil.copyfile(self.work, tmp)
            with open(tmp, "rb+") as fh:
                os.fsync(fh.fileno())
            faults.point("serving.after_copy")
            os.replace(tmp, self.db)
            faults.point("serving.after_replace")
            marker_tmp = self.marker.with_suffix(".tmp")
            marker_tmp.write_text(load_id)
            os.replace(marker_tmp, self.marker)
        finally:
            if tmp.exists():
                tmp.unlink()
            self.con = duckdb.connect(str(self.work))
            self._configure()


def _reread_bytes(source_path: str, sha: str) -> bytes | None:
    """The bytes of a gate-rejected file, if the file on disk is still that version."""
    import hashlib

    try:
        data = Path(os.fsdecode(source_path.encode("utf-8", "surrogateescape"))).read_bytes()
    except (OSError, UnicodeError):
        return None
    return data if hashlib.sha256(data).hexdigest() == sha else None


def open_published(db: Path, timeout_s: float = 30.0) -> duckdb.DuckDBPyConnection:
    """Read-only connection to the analysts' copy."""
    if not Path(db).exists():
        raise WarehouseError(f"{db} does not exist yet: run `zhnews run` first")
    return connect_with_retry(Path(db), read_only=True, timeout_s=timeout_s)
