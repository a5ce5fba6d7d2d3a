"""The DuckLake catalog and the writer's connection: paths, extensions, connections, schema."""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

import duckdb

from zhnews.settings import WAREHOUSE_SQL_DIR

PUBLISH_MARKER = "-- @publish"
LAKE_SCHEMAS = ("raw", "marts", "ops")
WORK_SCHEMAS = ("staging",)
# Small commits (the ops rows of every run, a load of a few posts) are stored inside the
# catalog instead of as one tiny Parquet file per table and commit.
INLINING_ROW_LIMIT = 100
# How long the writer waits for SQLite's lock on the catalog (see `attach_lake`).
CATALOG_BUSY_TIMEOUT_MS = 20_000


def _size_setting(name: str, default: str) -> str:
    """A DuckDB memory size from the environment (`512MB`, `1GB`), checked at import."""
    value = os.environ.get(name, default)
    if not re.fullmatch(r"\d+(\.\d+)?\s*[KMGT]i?B", value):
        raise ValueError(f"{name}={value!r}: expected a size such as 512MB")
    return value


# The writer's buffer pool; joins and aggregates spill to <name>.work.tmp/ beyond it. It is
# what the publish of a large load adds to the flow process (Prefect and DuckDB: ~300 MB),
# so it bounds the load's memory (bench/watch.py shows it per process). 384MB holds a cold
# 100,000-document publish without spilling because a large publish runs on one thread
# (zhnews.store.publish.LARGE_PUBLISH_ARTICLES); with two threads it needed 512MB.
DUCKDB_MEMORY_LIMIT = _size_setting("ZHNEWS_DUCKDB_MEMORY", "384MB")
# The quality gate's child process (gate_process.py): its GX validations run SQL over the
# spool's staging files and spill to <spool>/gate.tmp beyond it.
GATE_MEMORY_LIMIT = _size_setting("ZHNEWS_GATE_MEMORY", "256MB")


class WarehouseError(RuntimeError):
    """An error a user can act on (message says what and where)."""


class WarehouseDamaged(WarehouseError):
    """A warehouse file is not what it must be (not a database, wrong schema version)."""


@dataclass(frozen=True)
class WarehousePaths:
    base: Path  # warehouse/zhnews
    shared_lake: Path | None = None  # ZHNEWS_LAKE: a lake several loaders share

    @classmethod
    def of(cls, db: str | os.PathLike) -> WarehousePaths:
        path = Path(db)
        lake = os.environ.get("ZHNEWS_LAKE")
        return cls(
            path.with_suffix("") if path.suffix == ".duckdb" else path,
            Path(lake) if lake else None,
        )

    @property
    def lake(self) -> Path:
        """The DuckLake folder; by default beside the spool and lock, or ZHNEWS_LAKE when
        several loaders (each with its own --db spool and lock) share one lake."""
        return self.shared_lake or self.base.with_name(self.base.name + ".lake")

    @property
    def catalog(self) -> Path:
        return self.lake / "catalog.sqlite"

    @property
    def data(self) -> Path:
        return self.lake / "data"

    @property
    def attach_script(self) -> Path:
        """Init file for the stock DuckDB CLI: `duckdb -init <name>.lake/attach.sql`."""
        return self.lake / "attach.sql"

    @property
    def spool(self) -> Path:
        """The writer's spool: Parquet staging files of the load in progress (store.spool)."""
        return self.base.with_name(self.base.name + ".work")

    @property
    def legacy_work_file(self) -> Path:
        """Where staging lived before the spool (a DuckDB file); removed when found."""
        return self.base.with_name(self.base.name + ".work.duckdb")

    @property
    def lock(self) -> Path:
        return self.base.with_name(self.base.name + ".work.lock")

    @property
    def spill(self) -> Path:
        return self.base.with_name(self.base.name + ".work.tmp")

    def exists(self) -> bool:
        return self.catalog.exists()


def extension_directory() -> Path:
    """The DuckDB extension files shipped by the duckdb-ext-* packages (no download ever)."""
    import duckdb_ext

    return Path(next(iter(duckdb_ext.__path__))) / "extensions"  # a namespace package


def _extension_file(name: str) -> Path:
    version = duckdb.__version__
    root = extension_directory() / f"v{version}"
    found = sorted(root.glob(f"*/{name}.duckdb_extension"))
    if not found:
        raise WarehouseError(
            f"DuckDB extension {name} for duckdb {version} is not installed under {root}; "
            "reinstall with `uv sync --locked`"
        )
    return found[0]


def sql_literal(value: str | os.PathLike) -> str:
    return "'" + str(value).replace("'", "''") + "'"


def new_connection(memory_limit: str | None = None) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB with the DuckLake extensions loaded from the installed packages.

    In the calling thread: loading them in a background thread while the main thread
    imported modules (to save ~0.2 s of a `zhnews run`, 1c5f627) crashed the process with
    SIGSEGV about once in twenty runs (faulthandler: the thread in `LOAD`, the main thread
    compiling a module).

    Without DuckDB's signature check (`allow_unsigned_extensions`): it hashes each ~50 MB file
    at every `LOAD`, ~0.1 s per extension and connection, and every load opens a writer,
    every `zhnews sql`, `zhnews status` and API call a reader (`bench/open_cost.py`). The files are the ones the installed
    duckdb-ext-* wheels shipped, whose hashes uv.lock pins and the installer checked; whoever
    can change them can change this package's code beside them. The connection loads no other
    extension: autoloading and autoinstalling are off, and a reader is locked down before any
    analyst's SQL runs (external access off, configuration locked, `reader.check_query` lets
    only reading statements through, so no `LOAD`)."""
    config = {
        "autoinstall_known_extensions": False,
        "autoload_known_extensions": False,
        "allow_unsigned_extensions": True,
    }
    if memory_limit:
        config["memory_limit"] = memory_limit
    con = duckdb.connect(config=config)
    for name in ("sqlite_scanner", "ducklake"):
        con.execute(f"LOAD {sql_literal(_extension_file(name))}")
    return con


CATALOG_CHECK_TRIES = 5
CATALOG_CHECK_PAUSE_S = 0.05


def check_catalog(paths: WarehousePaths) -> None:
    """Refuse to trust a catalog file that is not a SQLite DuckLake catalog.

    A reader that opens the catalog while a writer's connection checkpoints and resets the
    WAL can read "database disk image is malformed" once (seen with a reader polling every
    50 ms during `zhnews watch` loads; the file checked `ok` afterwards): the check is tried
    `CATALOG_CHECK_TRIES` times before the catalog is called damaged."""
    if not paths.catalog.exists():
        return
    for attempt in range(CATALOG_CHECK_TRIES):
        try:
            with contextlib.closing(
                sqlite3.connect(f"file:{paths.catalog}?mode=ro", uri=True)
            ) as db:
                db.execute("SELECT count(*) FROM ducklake_snapshot").fetchone()
            return
        except sqlite3.Error as exc:
            if attempt + 1 < CATALOG_CHECK_TRIES:
                time.sleep(CATALOG_CHECK_PAUSE_S * (attempt + 1))
                continue
            raise WarehouseDamaged(
                f"{paths.catalog} is not a DuckLake catalog ({exc}); restore the folder "
                f"{paths.lake} from a backup, or move it away and start fresh with `zhnews run`"
            ) from None


def _use_wal(paths: WarehousePaths) -> None:
    """Put the SQLite catalog in WAL mode (persistent in the file).

    In SQLite's default rollback-journal mode a reader's open transaction makes the writer's
    COMMIT fail with "database is locked"; in WAL mode readers never block the writer and keep
    the snapshot they started with.
    """
    paths.lake.mkdir(parents=True, exist_ok=True)
    with contextlib.closing(sqlite3.connect(paths.catalog)) as db:
        if db.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
            db.execute("PRAGMA journal_mode=WAL")


def attach_lake(con: duckdb.DuckDBPyConnection, paths: WarehousePaths, read_only: bool) -> None:
    check_catalog(paths)
    if not read_only:
        _use_wal(paths)
    if read_only and not paths.exists():
        raise WarehouseError(f"{paths.lake} does not exist yet: run `zhnews run` first")
    paths.data.mkdir(parents=True, exist_ok=True) if not read_only else None
    options = [
        f"DATA_PATH {sql_literal(str(paths.data.resolve()) + os.sep)}",
        "OVERRIDE_DATA_PATH true",
    ]
    options.append("READ_ONLY" if read_only else f"DATA_INLINING_ROW_LIMIT {INLINING_ROW_LIMIT}")
    if not read_only:
        # Loaders sharing a lake: another loader's commit (or its publish transaction, once it
        # has written inlined ops rows into the catalog) holds SQLite's write lock; wait for it
        # longer than SQLite's default 5 s before "database is locked" reaches the load.
        options.append(f"META_BUSY_TIMEOUT {CATALOG_BUSY_TIMEOUT_MS}")
    try:
        con.execute(
            f"ATTACH {sql_literal('ducklake:sqlite:' + str(paths.catalog))} AS lake "
            f"({', '.join(options)})"
        )
    except duckdb.Error as exc:
        raise WarehouseDamaged(f"cannot open the warehouse catalog {paths.catalog}: {exc}") from exc


def connect_writer(paths: WarehousePaths) -> duckdb.DuckDBPyConnection:
    """The writer's connection: an in-memory default catalog (staging), the lake attached.

    Unqualified-catalog names resolve as the SQL files expect: `staging.x` in memory (views
    over the load's spool files, zhnews.store.spool), `raw.x`, `marts.x`, `ops.x` in the lake.
    """
    paths.base.parent.mkdir(parents=True, exist_ok=True)
    con = new_connection(DUCKDB_MEMORY_LIMIT)
    try:
        con.execute(f"SET temp_directory = {sql_literal(paths.spill)}")
        # Marts never rely on insertion order (queries ORDER BY); without it INSERT … SELECT
        # streams instead of buffering whole results.
        con.execute("SET preserve_insertion_order = false")
        # Loaders sharing a lake: a commit that meets another writer's lock or a conflicting
        # snapshot is retried by DuckLake itself for up to ~4 minutes (100 ms × 1.3^k, 25
        # times) before zhnews' own publish retry (db.Warehouse.publish) sees an error.
        con.execute("SET ducklake_max_retry_count = 25")
        con.execute("SET ducklake_retry_backoff = 1.3")
        # The DuckDB work file of earlier versions held only an unfinished load's staging.
        paths.legacy_work_file.unlink(missing_ok=True)
        attach_lake(con, paths, read_only=False)
        present = {
            name
            for (name,) in con.execute(
                "SELECT schema_name FROM duckdb_schemas() WHERE database_name = 'lake'"
            ).fetchall()
        }
        missing = [schema for schema in LAKE_SCHEMAS if schema not in present]
        if missing:
            # Loaders sharing a new lake may race to create its schemas: the one that
            # loses retries and then finds them there.
            _with_retry(
                lambda: [con.execute(f"CREATE SCHEMA IF NOT EXISTS lake.{s}") for s in missing],
                con,
                done=lambda: False,
            )
        con.execute("SET search_path = 'memory.main,lake.raw,lake.marts,lake.ops'")
    except Exception:
        con.close()
        raise
    write_attach_script(paths)
    return con


def write_attach_script(paths: WarehousePaths) -> None:
    """What the stock DuckDB CLI needs to open the lake read-only, offline, from any folder."""
    text = (
        "-- Written by zhnews: open this warehouse read-only in the stock DuckDB CLI\n"
        "--   duckdb -init " + str(paths.attach_script) + "\n"
        "SET autoinstall_known_extensions = false;\n"
        f"SET extension_directory = {sql_literal(extension_directory())};\n"
        f"ATTACH {sql_literal('ducklake:sqlite:' + str(paths.catalog.resolve()))} AS zhnews "
        f"(READ_ONLY, DATA_PATH {sql_literal(str(paths.data.resolve()) + os.sep)}, "
        "OVERRIDE_DATA_PATH true);\n"
        "USE zhnews;\n"
    )
    try:
        if paths.attach_script.read_text(encoding="utf-8") == text:
            return
    except OSError:
        pass
    tmp = paths.attach_script.with_suffix(".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, paths.attach_script)


# ---------------------------------------------------------------- SQL files


@dataclass(frozen=True)
class SqlFile:
    path: Path
    ddl: list[str]
    publish: list[str]

    @property
    def schema(self) -> str:
        return self.path.parent.name


def statements(sql: str) -> list[str]:
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
        files.append(SqlFile(path, statements(ddl), statements(publish)))
    return files


def schema_hash(files: list[SqlFile]) -> str:
    h = hashlib.sha256()
    for f in files:
        if f.schema in LAKE_SCHEMAS:
            h.update(f.path.name.encode() + b"\0" + "\n".join(f.ddl).encode())
    return h.hexdigest()[:16]


def create_staging(con: duckdb.DuckDBPyConnection, files: list[SqlFile]) -> None:
    """(Re)create the empty, typed `staging` tables in the writer's in-memory catalog.

    Staging holds only the load in progress, and a writer starts each load afresh (rows of a
    killed load are discarded anyway): recreating it keeps its tables in step with the DDL.
    The tables give the spool its Arrow schemas and stay empty; a table that receives spool
    files becomes a view over them (zhnews.store.spool).
    """
    for schema in WORK_SCHEMAS:
        con.execute(f"DROP SCHEMA IF EXISTS memory.{schema} CASCADE")
        con.execute(f"CREATE SCHEMA memory.{schema}")
    for f in files:
        if f.schema in WORK_SCHEMAS:
            _run_ddl(con, f)


def ensure_schema(con: duckdb.DuckDBPyConnection, files: list[SqlFile]) -> None:
    """Create staging in memory (empty), and the lake's schemas when the DDL changed.

    The lake's DDL runs only when `ops.schema_version` does not hold this DDL's hash, so an
    ordinary load adds no catalog snapshot for it.
    """
    create_staging(con, files)
    current = schema_hash(files)

    def applied() -> bool:
        return bool(
            con.execute(
                "SELECT count(*) FROM duckdb_tables() WHERE database_name = 'lake' "
                "AND schema_name = 'ops' AND table_name = 'schema_version'"
            ).fetchone()[0]
            and con.execute(
                "SELECT count(*) FROM lake.ops.schema_version WHERE ddl_hash = ?", [current]
            ).fetchone()[0]
        )

    if applied():
        return

    def migrate() -> None:
        # Tables made by an older DDL first get the columns it lacks, committed on their own
        # (DuckLake cannot comment on a column added in the same transaction).
        populated = {
            schema
            for (schema,) in con.execute(
                "SELECT DISTINCT schema_name FROM duckdb_tables() WHERE database_name = 'lake'"
            ).fetchall()
        }
        for f in files:
            if f.schema in LAKE_SCHEMAS and f.schema in populated:  # a new lake has no old tables
                for stmt in f.ddl:
                    if _is_create_table(stmt):
                        _add_missing_columns(con, f.schema, stmt)
        # One transaction, so the lake gets one snapshot for its whole schema.
        con.execute("BEGIN")
        try:
            # The views an older DDL left, listed once (a catalog query costs ~30 ms in the
            # transaction; once per SQL file it was ~0.9 s of a new warehouse's first run).
            old_views = set(
                con.execute(
                    "SELECT schema_name, view_name FROM duckdb_views() WHERE database_name = 'lake'"
                ).fetchall()
            )
            for f in files:
                if f.schema in LAKE_SCHEMAS:
                    _drop_replaced_views(con, f, {v for s, v in old_views if s == f.schema})
                    _run_ddl(con, f)
            from zhnews.settings import PARSER_VERSION

            con.execute(
                "INSERT INTO lake.ops.schema_version VALUES (?, ?, now())",
                [current, PARSER_VERSION],
            )
            con.execute("COMMIT")
        except BaseException:
            # A failed COMMIT has already rolled back; keep the original error either way.
            with contextlib.suppress(duckdb.Error):
                con.execute("ROLLBACK")
            raise

    # Loaders sharing a lake may apply a new DDL at the same moment: the one whose commit
    # conflicts finds the other's schema_version row and goes on.
    _with_retry(migrate, con, done=applied)


SCHEMA_ATTEMPTS = 6


def _with_retry(action, con: duckdb.DuckDBPyConnection, done) -> None:
    """Run a catalog change; on a commit conflict with another loader, stop if `done()` says
    the other loader made the change, else try again (backoff 0.2 s doubling)."""
    import time

    for attempt in range(SCHEMA_ATTEMPTS):
        try:
            action()
            return
        except (duckdb.Error, WarehouseError) as exc:
            text = str(exc).lower()
            conflict = "conflict" in text or "database is locked" in text or "commit" in text
            if not conflict or attempt + 1 == SCHEMA_ATTEMPTS:
                raise
            if done():
                return
            time.sleep(0.2 * 2**attempt)


def _run_ddl(con: duckdb.DuckDBPyConnection, f: SqlFile) -> None:
    from zhnews.store.components import execute

    for stmt in f.ddl:
        try:
            execute(con, stmt)
        except duckdb.Error as exc:
            raise WarehouseError(f"{f.path}: {exc}") from exc


def _drop_replaced_views(con: duckdb.DuckDBPyConnection, f: SqlFile, views: set[str]) -> None:
    """Drop the view an older DDL made where `f` now creates a table of the same name
    (`views`: the lake's views in `f`'s schema before the migration).

    A derived mart that became a maintained table (marts.duplicate_clusters): the file's
    CREATE TABLE IF NOT EXISTS would otherwise leave the view in place. The SQL file cannot
    do this itself: DuckDB's DROP VIEW IF EXISTS fails once a table holds the name.
    """
    if not views:
        return
    for stmt in f.ddl:
        if _is_create_table(stmt):
            table = _declared_table(f.schema, stmt)
            if table in views:
                con.execute(f'DROP VIEW lake.{f.schema}."{table}"')


def _declared_table(schema: str, create: str) -> str:
    """The name of the table `create` makes (run in a scratch in-memory database)."""
    scratch = duckdb.connect()
    try:
        scratch.execute(f"CREATE SCHEMA {schema}")
        scratch.execute(create)
        return scratch.execute(
            "SELECT table_name FROM duckdb_tables() WHERE schema_name = ?", [schema]
        ).fetchone()[0]
    finally:
        scratch.close()


def _is_create_table(stmt: str) -> bool:
    code = "\n".join(ln for ln in stmt.splitlines() if not ln.lstrip().startswith("--"))
    return code.lstrip().upper().startswith("CREATE TABLE")


def _add_missing_columns(con: duckdb.DuckDBPyConnection, schema: str, create: str) -> None:
    """Migrate a table made by an older DDL: add the columns `create` now declares.

    The CREATE TABLE runs in a scratch in-memory database to learn its columns; columns the
    lake's table lacks are added (NULL for existing rows). Dropping or retyping columns is
    never done automatically.
    """
    scratch = duckdb.connect()
    try:
        scratch.execute(f"CREATE SCHEMA {schema}")
        scratch.execute(create)
        declared = scratch.execute(
            "SELECT table_name, column_name, data_type FROM duckdb_columns() "
            "WHERE schema_name = ? ORDER BY column_index",
            [schema],
        ).fetchall()
    finally:
        scratch.close()
    for table, column, data_type in declared:
        if not con.execute(
            "SELECT count(*) FROM duckdb_tables() WHERE database_name = 'lake' "
            "AND schema_name = ? AND table_name = ?",
            [schema, table],
        ).fetchone()[0]:
            return  # a new table: the DDL creates it whole
        exists = con.execute(
            "SELECT count(*) FROM duckdb_columns() WHERE database_name = 'lake' "
            "AND schema_name = ? AND table_name = ? AND column_name = ?",
            [schema, table, column],
        ).fetchone()[0]
        if not exists:
            con.execute(f'ALTER TABLE lake.{schema}."{table}" ADD COLUMN "{column}" {data_type}')
