"""The publish transaction: one DuckLake commit finishes a load, whatever the gate decided.

What the gate decided (zhnews.gate.GateReport) becomes temporary tables that the publish parts
of `warehouse/**/*.sql` read (see warehouse/CONVENTIONS.md), and one ledger entry per document
that does not publish:

| gate outcome                        | raw.documents | marts  | ops.files   | ops.quarantine (stage)   |
|-------------------------------------|---------------|--------|-------------|--------------------------|
| accepted                            | yes           | yes    | published   | -                        |
| accepted, some articles rejected    | yes           | others | partial     | one row, `articles` set (gate) |
| rejected document                   | no            | no     | quarantined | one row (gate)           |
| document of a held source           | no            | no     | held        | one row (held)           |
| refused while reading/parsing       | no            | no     | quarantined/unreadable | one row (read/decode/parse) |
| decision fail                       | no            | no     | unchanged   | refused files only       |

Earlier open quarantine rows of a file read again are closed (`retried_by_load_id`), so a
document has at most one open row.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import time
from pathlib import Path

import duckdb

from zhnews import faults
from zhnews.store.adopt import Adopter, run_statement
from zhnews.store.lake import SqlFile, WarehouseError


def insert_rows(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict]) -> None:
    if not rows:
        return
    import pyarrow as pa

    con.register("new_rows", pa.Table.from_pylist(rows))
    try:
        con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM new_rows")
    finally:
        con.unregister("new_rows")


def publish_load(
    con: duckdb.DuckDBPyConnection,
    sql_files: list[SqlFile],
    load_id: str,
    report,
    step_seconds: dict[str, float],
    adopter: Adopter | None = None,
) -> dict:
    """Finish `load_id` in ONE transaction as `report` (a GateReport) decided.

    With an `adopter`, the `-- @adopt` statements register the spool's files in the lake
    instead of copying their rows (zhnews.store.adopt). Returns the counts written to
    ops.loads, with `status`.
    """
    from zhnews.gate import dq_rows, source_rows

    publishing = report.decision != "fail"
    started = time.perf_counter()
    con.execute("BEGIN")
    faults.point("publish.begin")
    try:
        _decision_tables(con, load_id, report if publishing else None)
        if publishing:
            _publish_sets(con)
            _lean_if_large(con)
            for f in sql_files:
                step_started = time.perf_counter()
                for stmt in f.publish:
                    try:
                        run_statement(con, stmt, f"{f.schema}.{f.path.stem}", adopter)
                    except duckdb.Error as exc:
                        raise WarehouseError(
                            f"publish step in {f.path.name} failed: {exc}"
                        ) from exc
                if f.publish:
                    step_seconds[f"publish {f.schema}/{f.path.stem}"] = (
                        time.perf_counter() - step_started
                    )
                if f.schema == "raw":
                    faults.point("publish.after_raw")
            faults.point("publish.after_marts")
            _record_files(con)
        _close_earlier_quarantine(con, load_id)
        _quarantine(con, load_id, publishing)
        con.execute("DELETE FROM ops.dq_results WHERE load_id = ?", [load_id])
        con.execute("DELETE FROM ops.source_stats WHERE load_id = ?", [load_id])
        insert_rows(
            con, "ops.dq_results", [{**r, "checked_at": report.decided_at} for r in dq_rows(report)]
        )
        insert_rows(con, "ops.source_stats", source_rows(report))
        counts = _counts(con, load_id, publishing)
        status = _status(report.decision, counts)
        con.execute(
            "UPDATE ops.loads SET status = ?, finished_at = now(), files_quarantined = ?, "
            "documents_published = ?, articles_published = ?, articles_retired = ?, "
            "documents_held = ?, articles_quarantined = ?, message = ? WHERE load_id = ?",
            [
                status,
                counts["files_quarantined"],
                counts["documents_published"],
                counts["articles_published"],
                counts["articles_retired"],
                counts["documents_held"],
                counts["articles_quarantined"],
                report.message,
                load_id,
            ],
        )
        # The serialisation point of publishers sharing a lake: see ops/last_publish.sql.
        con.execute("UPDATE ops.last_publish SET load_id = ?, committed_at = now()", [load_id])
        step_seconds["publish"] = time.perf_counter() - started
        con.execute("DELETE FROM ops.load_steps WHERE load_id = ?", [load_id])
        insert_rows(
            con,
            "ops.load_steps",
            [{"load_id": load_id, "step": k, "seconds": v} for k, v in step_seconds.items()],
        )
        faults.point("publish.before_commit")
        con.execute("COMMIT")
    except Exception:
        # A failed COMMIT has already rolled back; keep the original error either way.
        with contextlib.suppress(duckdb.Error):
            con.execute("ROLLBACK")
        if adopter is not None:
            adopter.discard()  # DuckLake keeps an added file on ROLLBACK
        raise
    finally:
        _restore_settings(con)
    faults.point("publish.after_commit")
    return {**counts, "status": status}


# A publish of more articles than this runs its statements on one DuckDB thread and without
# DuckDB's cache of file bytes. Each thread of a join or an aggregate keeps its own hash table
# and buffers, and the cache keeps the Parquet bytes read (spool and lake files, each read
# about once here) up to the memory limit: on a cold 100,000-document load with two threads
# and a 512MB limit the flow process reached ~1,000 MB; like this it stays under ~770 MB within
# 384MB without spilling, the statements taking ~11 s instead of ~7.5 s
# (`bench/publish_steps.py`). A small load's publish keeps every thread and the cache: its time
# is what an analyst waits for, and its memory is small either way.
LARGE_PUBLISH_ARTICLES = 20_000


def _lean_if_large(con: duckdb.DuckDBPyConnection) -> None:
    (articles,) = con.execute("SELECT count(*) FROM publish_articles").fetchone()
    if articles > LARGE_PUBLISH_ARTICLES:
        con.execute("SET threads = 1")
        con.execute("SET enable_external_file_cache = false")


def _restore_settings(con: duckdb.DuckDBPyConnection) -> None:
    for setting in ("threads", "enable_external_file_cache"):
        with contextlib.suppress(duckdb.Error):
            con.execute(f"RESET {setting}")


def _status(decision: str, counts: dict) -> str:
    if decision == "fail":
        return "failed"
    if decision == "held":
        return "held"
    if counts["files_quarantined"] or counts["articles_quarantined"]:
        return "partial"
    return "published"


def _decision_tables(con: duckdb.DuckDBPyConnection, load_id: str, report) -> None:
    """The gate's decision as temp tables (empty when nothing publishes)."""
    con.execute(
        "CREATE OR REPLACE TEMP TABLE publish_load AS SELECT ?::VARCHAR AS load_id", [load_id]
    )
    con.execute(
        "CREATE OR REPLACE TEMP TABLE gate_rejected (document_id VARCHAR, expectations VARCHAR[])"
    )
    con.execute(
        "CREATE OR REPLACE TEMP TABLE rejected_articles "
        "(document_id VARCHAR, article_id VARCHAR, expectations VARCHAR[])"
    )
    con.execute("CREATE OR REPLACE TEMP TABLE held_documents (document_id VARCHAR, reason VARCHAR)")
    # the documents whose spool files an `-- @adopt` statement's table took (store.adopt)
    con.execute("CREATE OR REPLACE TEMP TABLE adopted_documents (document_id VARCHAR)")
    if report is None:
        return
    if report.rejected:
        con.executemany("INSERT INTO gate_rejected VALUES (?, ?)", list(report.rejected.items()))
    rows = [
        (doc, art, exps)
        for doc, articles in report.rejected_articles.items()
        for art, exps in articles.items()
    ]
    if rows:
        con.executemany("INSERT INTO rejected_articles VALUES (?, ?, ?)", rows)
    if report.held_documents:
        by_doc = con.execute(
            "SELECT document_id, source FROM staging.documents WHERE load_id = ? "
            "AND list_contains(?, document_id)",
            [load_id, list(report.held_documents)],
        ).fetchall()
        con.executemany(
            "INSERT INTO held_documents VALUES (?, ?)",
            [
                (doc, report.held_sources.get(source, f"source {source!r} held"))
                for doc, source in by_doc
            ],
        )


def _publish_sets(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("""
        CREATE OR REPLACE TEMP TABLE accepted_documents AS
        SELECT document_id, source_path, mtime_ns FROM staging.documents
        WHERE load_id = (SELECT load_id FROM publish_load)
          AND document_id NOT IN (SELECT document_id FROM gate_rejected)
          AND document_id NOT IN (SELECT document_id FROM held_documents)""")
    # Several versions of one story in one batch: the newest file (mtime, then path) wins.
    con.execute("""
        CREATE OR REPLACE TEMP TABLE publish_articles AS
        SELECT document_id, article_id FROM (
            SELECT a.document_id, a.article_id,
                   row_number() OVER (PARTITION BY a.article_id
                                      ORDER BY d.mtime_ns DESC NULLS LAST, d.source_path DESC) AS rn
            FROM staging.articles a JOIN accepted_documents d USING (document_id)
            ANTI JOIN rejected_articles r
              ON r.document_id = a.document_id AND r.article_id = a.article_id
            WHERE a.load_id = (SELECT load_id FROM publish_load))
        WHERE rn = 1""")
    con.execute(
        "CREATE OR REPLACE TEMP TABLE publish_documents AS "
        "SELECT DISTINCT document_id FROM publish_articles"
    )
    # Retire what the new rows replace: current articles with the same ids, and every article
    # of an earlier version of a file read again in this load (its article count may differ).
    # Only ids the marts hold: a load of new articles retires nothing, and each table's
    # `DELETE … WHERE article_id IN (SELECT article_id FROM retired_articles)` then reads no
    # file of the table (with the new ids in the set, every such DELETE scanned its whole
    # table: ~0.7 s of a 10-document publish into 100,000).
    con.execute("""
        CREATE OR REPLACE TEMP TABLE retired_articles AS
        SELECT m.article_id FROM marts.articles m
        WHERE m.article_id IN (SELECT article_id FROM publish_articles)
           OR m.source_path IN (SELECT source_path FROM accepted_documents)""")


def _record_files(con: duckdb.DuckDBPyConnection) -> None:
    """ops.files for every staged document the gate decided on."""
    con.execute("""
        CREATE OR REPLACE TEMP TABLE decided_files AS
        SELECT d.source_path, d.sha256, d.bytes, d.mtime_ns, d.document_id,
               CASE WHEN d.document_id IN (SELECT document_id FROM gate_rejected) THEN 'quarantined'
                    WHEN d.document_id IN (SELECT document_id FROM held_documents) THEN 'held'
                    WHEN d.document_id IN (SELECT document_id FROM rejected_articles) THEN 'partial'
                    ELSE 'published' END AS status,
               d.load_id
        FROM staging.documents d
        WHERE d.load_id = (SELECT load_id FROM publish_load)""")
    con.execute(
        "DELETE FROM ops.files WHERE source_path IN (SELECT source_path FROM decided_files)"
    )
    con.execute("INSERT INTO ops.files SELECT *, now() FROM decided_files")


def _close_earlier_quarantine(con: duckdb.DuckDBPyConnection, load_id: str) -> None:
    """Earlier open quarantine rows of files this load read again now point at this load."""
    con.execute(
        """
        UPDATE ops.quarantine SET retried_by_load_id = $load
        WHERE retried_by_load_id IS NULL AND load_id <> $load
          AND source_path IN (SELECT source_path FROM staging.documents WHERE load_id = $load
                              UNION SELECT source_path FROM staging.rejections WHERE load_id = $load)""",
        {"load": load_id},
    )


def _quarantine(con: duckdb.DuckDBPyConnection, load_id: str, publishing: bool) -> None:
    """One ledger row per document that does not (wholly) publish."""
    rows = []
    if publishing:
        decided = con.execute(
            """
            SELECT d.source_path, d.document_id, d.sha256, d.source,
                   CASE WHEN r.document_id IS NOT NULL THEN 'gate'
                        WHEN h.document_id IS NOT NULL THEN 'held'
                        ELSE 'gate' END AS stage,
                   coalesce(r.expectations, a.expectations) AS expectations,
                   h.reason AS held_reason, a.articles
            FROM staging.documents d
            LEFT JOIN gate_rejected r USING (document_id)
            LEFT JOIN held_documents h USING (document_id)
            LEFT JOIN (SELECT document_id, list(article_id ORDER BY article_id) AS articles,
                              list_sort(list_distinct(flatten(list(expectations)))) AS expectations
                       FROM rejected_articles GROUP BY document_id) a USING (document_id)
            WHERE d.load_id = ?
              AND (r.document_id IS NOT NULL OR h.document_id IS NOT NULL
                   OR a.document_id IS NOT NULL)""",
            [load_id],
        ).fetchall()
        for path, doc, sha, source, stage, exps, held_reason, articles in decided:
            if stage == "held":
                reason, exps, articles = held_reason, None, None
            elif articles:  # the gate never rejects a document and some of its articles
                reason = f"{len(articles)} article(s) failed quality expectations: " + ", ".join(
                    exps
                )
            else:
                reason = "failed quality expectations: " + ", ".join(exps or [])
            rows.append(
                {
                    "load_id": load_id,
                    "source_path": path,
                    "document_id": doc,
                    "sha256": sha,
                    "source": source,
                    "stage": stage,
                    "reason": reason,
                    "expectations": exps,
                    "articles": articles,
                    "raw_bytes": _reread_bytes(path, sha),
                }
            )
    con.execute(
        """
        INSERT INTO ops.quarantine (load_id, source_path, document_id, sha256, source, stage,
                                    reason, raw_bytes, quarantined_at)
        SELECT load_id, source_path, document_id, sha256, source, stage, reason, raw_bytes, now()
        FROM staging.rejections WHERE load_id = ?""",
        [load_id],
    )
    if rows:
        import pyarrow as pa

        table = pa.Table.from_pylist(rows)
        con.register("ledger_rows", table)
        try:
            con.execute(
                "INSERT INTO ops.quarantine BY NAME "
                "SELECT *, now() AS quarantined_at FROM ledger_rows"
            )
        finally:
            con.unregister("ledger_rows")
    # Remember refused files so an unchanged broken file is not re-read every run: by hash
    # when it could be read, else (unreadable, too large, dangling link) by size and mtime
    # as discovery saw them (-1 when even stat failed).
    con.execute(
        "DELETE FROM ops.files WHERE source_path IN "
        "(SELECT source_path FROM staging.rejections WHERE load_id = ?)",
        [load_id],
    )
    con.execute(
        """
        INSERT INTO ops.files
        SELECT source_path, coalesce(sha256, ''), coalesce(bytes, -1), mtime_ns,
               coalesce(document_id, ''),
               CASE WHEN sha256 IS NULL THEN 'unreadable' ELSE 'quarantined' END, load_id, now()
        FROM staging.rejections WHERE load_id = ?""",
        [load_id],
    )


def _counts(con: duckdb.DuckDBPyConnection, load_id: str, publishing: bool) -> dict:
    refused = con.execute(
        "SELECT count(*) FROM staging.rejections WHERE load_id = ?", [load_id]
    ).fetchone()[0]
    if not publishing:
        return {
            "files_quarantined": refused,
            "documents_published": 0,
            "articles_published": 0,
            "articles_retired": 0,
            "documents_held": 0,
            "articles_quarantined": 0,
        }
    rejected = con.execute("SELECT count(*) FROM gate_rejected").fetchone()[0]
    held = con.execute("SELECT count(*) FROM held_documents").fetchone()[0]
    articles_rejected = con.execute("SELECT count(*) FROM rejected_articles").fetchone()[0]
    docs, arts = con.execute(
        "SELECT count(DISTINCT document_id), count(*) FROM publish_articles"
    ).fetchone()
    retired = con.execute(
        "SELECT count(*) FROM retired_articles WHERE article_id NOT IN "
        "(SELECT article_id FROM publish_articles)"
    ).fetchone()[0]
    return {
        "files_quarantined": refused + rejected,
        "documents_published": docs,
        "articles_published": arts,
        "articles_retired": retired,
        "documents_held": held,
        "articles_quarantined": articles_rejected,
    }


def _reread_bytes(source_path: str, sha: str) -> bytes | None:
    """The bytes of a gate-rejected file, if the file on disk is still that version."""
    try:
        data = Path(os.fsdecode(source_path.encode("utf-8", "surrogateescape"))).read_bytes()
    except (OSError, UnicodeError):
        return None
    return data if hashlib.sha256(data).hexdigest() == sha else None
