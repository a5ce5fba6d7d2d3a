"""The read path cannot harm anything: `zhnews sql` and the Python API only read.

Every hostile statement below goes through `zhnews sql` (the CLI's `main`, in this process) and
must be refused with one clear `error:` line, leave every warehouse file byte-identical (the
files under the lake folder and the writer's spool, hashed before and after) and create no
file anywhere. The warehouse is built by the writer itself (`zhnews.db.Warehouse`, no Prefect)
with rows both inlined in the catalog and in a Parquet file, so both storage paths are covered.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

ROWS = 300  # more than DuckLake's inlining limit (100): ops.loads gets a Parquet file


@pytest.fixture(scope="module")
def lake(tmp_path_factory):
    from zhnews.db import Warehouse
    from zhnews.store.lake import WarehousePaths

    root = tmp_path_factory.mktemp("readonly")
    db = root / "warehouse" / "w.duckdb"
    wh = Warehouse(db, timeout_s=5)
    try:
        wh.con.execute(
            "INSERT INTO ops.loads (load_id, status, started_at) "
            f"SELECT 'load-' || i, 'published', now() FROM range({ROWS}) t(i)"
        )
        wh.con.execute(
            "INSERT INTO ops.quarantine (load_id, source_path, stage, reason, quarantined_at) "
            "VALUES ('load-1', '/inbox/a.md', 'parse', 'no title', now())"
        )
    finally:
        wh.close()
    paths = WarehousePaths.of(db)
    parquet = sorted(paths.data.rglob("*.parquet"))
    assert parquet, "fixture must hold a Parquet data file"
    # The writer removes its spool when the load ends; during a load it holds the staging
    # Parquet files (a copy of a lake file here), and a reader must not touch them either.
    spooled = paths.spool / "load-1" / "shards" / "s1" / "documents.parquet"
    spooled.parent.mkdir(parents=True)
    spooled.write_bytes(parquet[0].read_bytes())
    outside = root / "outside"
    outside.mkdir()
    allowed = root / "analyst"
    allowed.mkdir()
    (allowed / "codes.csv").write_text("code,name\n600519,贵州茅台\n", encoding="utf-8")
    (outside / "secret.csv").write_text("k,v\nsecret,1\n", encoding="utf-8")
    return {
        "db": db,
        "paths": paths,
        "parquet": parquet[0],
        "outside": outside,
        "allowed": allowed,
        "root": root,
    }


def snapshot(lake) -> dict[str, str]:
    """sha256 of every file of the warehouse (lake folder, spool)."""
    paths = lake["paths"]
    files = [p for p in [*paths.lake.rglob("*"), *paths.spool.rglob("*")] if p.is_file()]
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(files)}


def all_files(root: Path) -> set[str]:
    return {str(p) for p in root.rglob("*")}


def run_sql(capsys, lake, query: str, *extra: str) -> tuple[int, str, str]:
    from zhnews.cli import main

    rc = main(["sql", query, "--db", str(lake["db"]), *extra])
    out, err = capsys.readouterr()
    return rc, out, err


# (name, statement); {placeholders} are the fixture's paths. Grouped as in issue 15.
HOSTILE = [
    # COPY … TO: outside the warehouse, over a Parquet data file, into the lake, over the
    # writer's spool and the catalog
    ("copy-outside", "COPY (SELECT * FROM ops.loads) TO '{out}/dump.csv'"),
    ("copy-data-file", "COPY (SELECT 1 AS x) TO '{parquet}' (FORMAT parquet)"),
    ("copy-new-in-lake", "COPY (SELECT 1 AS x) TO '{data}/x.csv'"),
    ("copy-spool-file", "COPY (SELECT 'x') TO '{spooled}' (FORMAT csv)"),
    ("copy-catalog", "COPY (SELECT 'x') TO '{catalog}' (FORMAT csv)"),
    # ATTACH any file read-write
    ("attach-spool-file", "ATTACH '{spooled}' AS w (READ_ONLY false)"),
    ("attach-catalog-sqlite", "ATTACH '{catalog}' AS c (TYPE sqlite)"),
    ("attach-lake-rw", "ATTACH 'ducklake:sqlite:{catalog}' AS l2"),
    ("attach-new", "ATTACH '{out}/new.duckdb' AS n"),
    ("attach-new-sqlite", "ATTACH '{out}/new.sqlite' AS s (TYPE sqlite)"),
    ("attach-memory", "ATTACH ':memory:' AS m"),
    # reading files outside the allowed folders
    ("read_text", "SELECT * FROM read_text('/etc/passwd')"),
    ("read_csv", "SELECT * FROM read_csv('/etc/passwd', sep = ':')"),
    ("read_csv-outside", "SELECT * FROM read_csv('{out}/secret.csv')"),
    ("read_blob-catalog", "SELECT * FROM read_blob('{catalog}')"),
    ("glob", "SELECT * FROM glob('/etc/*')"),
    ("glob-lake", "SELECT * FROM glob('{lake}/**')"),
    ("sqlite_scan", "SELECT * FROM sqlite_scan('{catalog}', 'ducklake_snapshot')"),
    ("sqlite_scan-quoted", "SELECT * FROM \"SQLITE_SCAN\" /* c */ ('{catalog}', 'x')"),
    ("sqlite_attach", "SELECT * FROM sqlite_attach('{catalog}')"),
    ("query-text", "SELECT * FROM query('SELECT 1')"),
    # extensions
    ("install", "INSTALL httpfs"),
    ("load", "LOAD httpfs"),
    ("load-file", "LOAD '{out}/evil.duckdb_extension'"),
    # settings
    ("set-external-access", "SET enable_external_access = true"),
    ("set-threads", "SET threads = 1"),
    ("set-global", "SET GLOBAL memory_limit = '1GB'"),
    ("reset", "RESET allowed_directories"),
    ("use", "USE memory"),
    # PRAGMA (also the ones DuckDB rewrites into a SELECT)
    ("pragma-profiling", "PRAGMA enable_profiling"),
    ("pragma-database-list", "PRAGMA database_list"),
    # maintenance and catalog functions
    ("checkpoint", "CHECKPOINT"),
    ("force-checkpoint", "FORCE CHECKPOINT lake"),
    ("checkpoint-function", "SELECT * FROM checkpoint('lake')"),
    ("export", "EXPORT DATABASE '{out}/export'"),
    ("cleanup", "CALL ducklake_cleanup_old_files('lake', cleanup_all => true)"),
    ("expire", "CALL ducklake_expire_snapshots('lake', older_than => now())"),
    ("merge", "SELECT * FROM ducklake_merge_adjacent_files('lake')"),
    ("detach", "DETACH lake"),
    ("vacuum", "VACUUM"),
    # writes hidden after a SELECT, or inside EXPLAIN ANALYZE (which runs its statement)
    ("multi-copy", "SELECT 1; COPY (SELECT 1) TO '{data}/y.csv'"),
    ("multi-delete", "SELECT count(*) FROM ops.loads; DELETE FROM ops.loads"),
    ("multi-comment", "SELECT 1 /* ; */; -- x\nATTACH '{catalog}' AS c (TYPE sqlite)"),
    ("explain-analyze-copy", "EXPLAIN ANALYZE COPY (SELECT 1) TO '{data}/z.csv'"),
    ("create-temp", "CREATE TEMP TABLE t AS SELECT 1"),
    ("delete", "DELETE FROM ops.loads"),
    ("write-in-transaction", "BEGIN TRANSACTION; DELETE FROM ops.loads; COMMIT"),
]


def hostile(lake, name: str) -> str:
    p = lake["paths"]
    return dict(HOSTILE)[name].format(
        out=lake["outside"],
        parquet=lake["parquet"],
        data=p.data,
        spooled=next(p.spool.rglob("*.parquet")),
        catalog=p.catalog,
        lake=p.lake,
    )


@pytest.mark.parametrize("name", [n for n, _ in HOSTILE])
def test_zhnews_sql_refuses_and_changes_nothing(lake, capsys, name):
    from zhnews.cli import EXIT_FAILED

    query = hostile(lake, name)
    before = snapshot(lake)
    files_before = all_files(lake["root"])
    rc, out, err = run_sql(capsys, lake, query)
    assert rc == EXIT_FAILED, (query, out, err)
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), err
    assert "Traceback" not in err
    assert any(w in err for w in ("read-only", "not allowed", "reads files", "reads only")), err
    assert snapshot(lake) == before, f"{name} changed a warehouse file"
    assert all_files(lake["root"]) == files_before, f"{name} created a file"


def test_select_still_works(lake, capsys):
    rc, out, err = run_sql(capsys, lake, "SELECT count(*) AS n FROM ops.loads", "--format", "json")
    assert (rc, err) == (0, "")
    assert json.loads(out) == [{"n": ROWS}]
    # the harmless SELECT forms are not caught by the checks
    for query in (
        "DESCRIBE ops.loads",
        "SHOW TABLES",
        "SUMMARIZE ops.quarantine",
        "FROM ops.quarantine",
        "EXPLAIN SELECT 1",
        "EXPLAIN ANALYZE SELECT count(*) FROM ops.loads",
        "SELECT 'COPY x TO y; read_text(''/etc/passwd'')' AS s",
        "WITH q AS (SELECT 1 AS x) SELECT x FROM q -- ATTACH",
        "BEGIN TRANSACTION READ ONLY; SELECT count(*) FROM ops.loads; COMMIT",
    ):
        rc, out, err = run_sql(capsys, lake, query)
        assert rc == 0, (query, err)


def test_allow_dir_reads_that_folder_only(lake, capsys, monkeypatch):
    from zhnews.cli import EXIT_FAILED, EXIT_USAGE

    allowed, outside = lake["allowed"], lake["outside"]
    before = snapshot(lake)
    rc, out, err = run_sql(
        capsys,
        lake,
        f"SELECT name FROM read_csv('{allowed / 'codes.csv'}')",
        "--allow-dir",
        str(allowed),
        "--format",
        "json",
    )
    assert (rc, err) == (0, ""), err
    assert json.loads(out) == [{"name": "贵州茅台"}]
    # a relative path under the working folder works too
    monkeypatch.chdir(lake["root"])
    rc, out, err = run_sql(
        capsys, lake, "SELECT count(*) FROM 'analyst/codes.csv'", "--allow-dir", "analyst"
    )
    assert rc == 0, err
    # another folder stays closed, also by ../ and by a glob
    for query in (
        f"SELECT * FROM read_csv('{outside / 'secret.csv'}')",
        f"SELECT * FROM read_csv('{allowed}/../outside/secret.csv')",
        "SELECT * FROM read_text('/etc/passwd')",
        f"SELECT * FROM glob('{lake['root']}/*')",
    ):
        rc, out, err = run_sql(capsys, lake, query, "--allow-dir", str(allowed))
        assert rc == EXIT_FAILED, (query, out)
        assert err.startswith("error: ") and "--allow-dir" in err and "Traceback" not in err, err
        assert "secret" not in out
    # still nothing that writes, and never the warehouse folder itself
    rc, out, err = run_sql(
        capsys,
        lake,
        f"COPY (SELECT 1) TO '{allowed / 'x.csv'}'",
        "--allow-dir",
        str(allowed),
    )
    assert rc == EXIT_FAILED and not (allowed / "x.csv").exists()
    for folder in (lake["db"].parent, lake["paths"].lake, lake["root"]):
        rc, out, err = run_sql(capsys, lake, "SELECT 1", "--allow-dir", str(folder))
        assert rc == EXIT_USAGE, folder
        assert "overlaps the warehouse folder" in err
    rc, out, err = run_sql(capsys, lake, "SELECT 1", "--allow-dir", str(allowed / "missing"))
    assert rc == EXIT_USAGE and "is not a folder" in err
    assert snapshot(lake) == before


def test_python_api_refuses_writes_settings_and_foreign_files(lake):
    import duckdb
    from zhnews.db import open_published
    from zhnews.store.reader import ReadOnlyViolation

    before = snapshot(lake)
    files_before = all_files(lake["root"])
    con = open_published(lake["db"])
    try:
        assert con.execute("SELECT count(*) FROM ops.loads").fetchone() == (ROWS,)
        refused = [
            f"COPY (SELECT * FROM ops.loads) TO '{lake['outside'] / 'dump.csv'}'",
            f"COPY (SELECT 1 AS x) TO '{lake['parquet']}' (FORMAT parquet)",
            "SET enable_external_access = true",
            "SET threads = 1",
            "SELECT * FROM read_text('/etc/passwd')",
            f"ATTACH '{lake['paths'].catalog}' AS c (TYPE sqlite)",
            f"ATTACH 'ducklake:sqlite:{lake['paths'].catalog}' AS l2",
        ]
        for statement in refused:
            with pytest.raises(ReadOnlyViolation):
                con.execute(statement)
            with pytest.raises(ReadOnlyViolation):
                con.sql(statement)
        # what execute returns and cursors are guarded the same way
        with pytest.raises(ReadOnlyViolation):
            con.execute("SELECT 1").execute("SET threads = 1")
        with pytest.raises(ReadOnlyViolation):
            con.cursor().execute(refused[0])
        with pytest.raises(ReadOnlyViolation):
            con.table_function("sqlite_scan", [str(lake["paths"].catalog), "ducklake_snapshot"])
        # defence in depth: DuckDB's own sandbox refuses the same, were the check bypassed
        raw = con._con
        with pytest.raises(duckdb.PermissionException):
            raw.execute("SELECT * FROM read_text('/etc/passwd')")
        with pytest.raises(duckdb.PermissionException):
            raw.execute(f"COPY (SELECT 1) TO '{lake['outside'] / 'raw.csv'}'")
        with pytest.raises(duckdb.Error, match="configuration"):
            raw.execute("SET enable_external_access = true")
        with pytest.raises(duckdb.Error):
            raw.execute("LOAD httpfs")
    finally:
        con.close()
    assert snapshot(lake) == before
    assert all_files(lake["root"]) == files_before


def test_python_api_allow_dirs_reads_files_there(lake):
    from zhnews.db import open_published
    from zhnews.store.reader import ReadOnlyViolation

    con = open_published(lake["db"], [lake["allowed"]])
    try:
        rows = con.execute(f"SELECT code FROM read_csv('{lake['allowed'] / 'codes.csv'}')")
        assert rows.fetchall() == [(600519,)]
        with pytest.raises(Exception, match="Permission"):
            con.execute(f"SELECT * FROM read_csv('{lake['outside'] / 'secret.csv'}')")
        with pytest.raises(ReadOnlyViolation):
            con.execute(f"COPY (SELECT 1) TO '{lake['allowed'] / 'out.csv'}'")
    finally:
        con.close()
    assert not (lake["allowed"] / "out.csv").exists()


def test_status_cookbook_and_api_use_the_guarded_reader(lake):
    """Every read path opens the warehouse through the same sandboxed reader."""
    import zhnews.api as api
    from zhnews.store.reader import ReaderConnection

    con = api.connect(lake["db"])
    try:
        assert isinstance(con, ReaderConnection)
    finally:
        con.close()


if os.name != "posix":  # pragma: no cover - the sandbox paths above are POSIX paths
    pytest.skip("POSIX paths", allow_module_level=True)


def test_a_reader_loads_no_extension_file_though_unsigned_ones_are_allowed(lake, tmp_path):
    """Connections are made with unsigned extensions allowed (zhnews' own pinned files, see
    store.lake.new_connection); a reader's sandbox still loads no other file, were
    `check_query` bypassed."""
    import duckdb
    from zhnews.db import open_published
    from zhnews.store.reader import ReadOnlyViolation

    evil = tmp_path / "evil.duckdb_extension"
    evil.write_bytes(b"\0" * 1024)
    con = open_published(lake["db"])
    try:
        raw = con._con
        assert raw.execute("SELECT current_setting('allow_unsigned_extensions')").fetchone() == (
            True,
        )
        with pytest.raises(ReadOnlyViolation):
            con.execute(f"LOAD '{evil}'")
        with pytest.raises(duckdb.PermissionException):
            raw.execute(f"LOAD '{evil}'")
    finally:
        con.close()
