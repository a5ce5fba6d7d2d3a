"""Read-only access for analysts, the CLI, the cookbook and the Python API.

A reader is an in-memory DuckDB that attaches the lake READ_ONLY and then locks itself down:
file access only to the lake's own data folder (plus folders the caller allows explicitly),
no extension loading or installing, configuration locked. The connection handed out
(`ReaderConnection`) passes every SQL text through `check_query`, which lets only SELECT-like
statements through, so `COPY … TO`, `ATTACH`, `SET`, `PRAGMA`, `CALL`, `CHECKPOINT`,
`EXPORT`, `INSTALL`/`LOAD` and writes are refused before DuckDB sees them. The sandbox alone
would not do: see `ReaderConnection`.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import duckdb

from zhnews.store.lake import WarehouseError, WarehousePaths, attach_lake, new_connection

# TRANSACTION: BEGIN TRANSACTION READ ONLY … COMMIT pins one snapshot for several queries
# (the lake is attached READ_ONLY, and every statement inside is checked like any other).
ALLOWED_STATEMENTS = {"SELECT", "EXPLAIN", "TRANSACTION"}
# Table functions that read files, reach the catalog or its maintenance, run SQL given as text,
# scan Python memory or change logging. The sandbox already confines file access to the lake's
# data folder; these are refused by name so the message is clear, and because the SQLite
# extension opens files on its own, outside DuckDB's file-access checks (sqlite_scan,
# sqlite_attach, ATTACH … (TYPE sqlite) would reach any SQLite file, the catalog included).
FILE_FUNCTIONS = ("read_", "glob", "parquet_", "sniff_csv")
REFUSED_FUNCTIONS = (
    *FILE_FUNCTIONS,
    "ducklake_",
    "sqlite_",
    "query",
    "query_table",
    "json_execute_serialized_sql",
    "checkpoint",
    "force_checkpoint",
    "enable_logging",
    "disable_logging",
    "truncate_duckdb_logs",
    "arrow_scan",
    "pandas_scan",
    "python_map_function",
)
# Statements DuckDB rewrites into a SELECT (`PRAGMA database_list` becomes
# `SELECT * FROM pragma_database_list`), recognised by their first word in the text given.
REFUSED_KEYWORDS = {"pragma"}


class ReadOnlyViolation(WarehouseError):
    """The statement would write, change settings or reach outside the warehouse."""


class ReaderConnection:
    """A reader's DuckDB connection that runs only what `check_query` lets through.

    DuckDB's own sandbox cannot be the only guard: the folders a reader may read it may also
    write (`COPY … TO` a file in the lake's data folder would replace a Parquet file), and the
    SQLite extension DuckLake needs opens files outside DuckDB's access checks (`ATTACH … (TYPE
    sqlite)`, `sqlite_scan`). So every SQL text goes through `check_query` first; everything
    else (fetching, `description`, `register`, `table`, …) is DuckDB's connection unchanged.
    """

    __slots__ = ("_con", "_allow_file_reads")

    def __init__(self, con: duckdb.DuckDBPyConnection, allow_file_reads: bool = False):
        self._con = con
        self._allow_file_reads = allow_file_reads

    def execute(self, query, parameters=None) -> ReaderConnection:
        check_query(query, self._allow_file_reads)
        if parameters is None:
            self._con.execute(query)
        else:
            self._con.execute(query, parameters)
        return self  # never DuckDB's connection itself: it would run anything

    def executemany(self, query, parameters=None) -> ReaderConnection:
        check_query(query, self._allow_file_reads)
        self._con.executemany(query, parameters or [])
        return self

    def sql(self, query, *args, **kwargs) -> duckdb.DuckDBPyRelation:
        check_query(query, self._allow_file_reads)
        return self._con.sql(query, *args, **kwargs)

    query = sql
    from_query = sql

    def table_function(self, name: str, *args, **kwargs) -> duckdb.DuckDBPyRelation:
        _check_function(str(name).lower(), self._allow_file_reads)
        return self._con.table_function(name, *args, **kwargs)

    def cursor(self) -> ReaderConnection:
        return ReaderConnection(self._con.cursor(), self._allow_file_reads)

    def close(self) -> None:
        self._con.close()

    def __getattr__(self, name: str):
        return getattr(self._con, name)

    def __enter__(self) -> ReaderConnection:
        return self

    def __exit__(self, *exc) -> None:
        self._con.close()


def open_reader(
    db: str | os.PathLike, allow_dirs: list[str | os.PathLike] = ()
) -> ReaderConnection:
    """Sandboxed read-only connection to the lake's last committed snapshot.

    `allow_dirs`: extra folders whose files read_csv/read_parquet/… may read (and only read:
    no statement that writes passes `check_query`).
    """
    paths = WarehousePaths.of(db)
    con = new_connection()
    try:
        attach_lake(con, paths, read_only=True)
        con.execute("USE lake")
        allowed = [str(paths.data.resolve()) + os.sep]
        for d in allow_dirs:
            folder = Path(d).resolve()
            allowed.append(str(folder) + os.sep)
            if folder.is_relative_to(Path.cwd()):  # DuckDB compares paths as written
                allowed.append(str(folder.relative_to(Path.cwd())) + os.sep)
        con.execute("SET allowed_directories = ?", [allowed])
        con.execute("SET enable_external_access = false")
        con.execute("SET allow_community_extensions = false")
        con.execute("SET lock_configuration = true")
    except Exception:
        con.close()
        raise
    return ReaderConnection(con, allow_file_reads=bool(allow_dirs))


def check_query(sql: str, allow_file_reads: bool = False) -> None:
    """Raise ReadOnlyViolation unless every statement in `sql` only reads.

    Judged on DuckDB's own parser and tokenizer, not on the text: comments, quoted names and
    string literals cannot hide a statement or a function call. `EXPLAIN ANALYZE` runs the
    statement it explains, so that statement must itself be a SELECT. `allow_file_reads` lets
    read_*/glob through (for --allow-dir; the sandbox still confines them to allowed folders).
    """
    if not isinstance(sql, str):
        raise ReadOnlyViolation(f"expected SQL text, got {type(sql).__name__}")
    try:
        parsed = duckdb.extract_statements(sql)
        tokens = _tokens(sql)
    except duckdb.Error as exc:
        raise ReadOnlyViolation(f"cannot parse the query: {str(exc).splitlines()[0]}") from None
    if not parsed:
        raise ReadOnlyViolation("no statement given")
    for stmt in parsed:
        _check_statement(stmt)
    for i, (kind, text) in enumerate(tokens):
        if kind == "keyword" and text.lower() in REFUSED_KEYWORDS:
            _refuse(text.upper())
        called = i + 1 < len(tokens) and tokens[i + 1][1].startswith("(")
        if kind in ("identifier", "keyword") and called:
            _check_function(text.strip('"').lower(), allow_file_reads)


def _check_function(name: str, allow_file_reads: bool) -> None:
    for refused in REFUSED_FUNCTIONS:
        if name != refused and not (refused.endswith("_") and name.startswith(refused)):
            continue
        if refused in FILE_FUNCTIONS:
            if allow_file_reads:
                return
            raise ReadOnlyViolation(
                f"{name}(…) reads files: a warehouse reader reads only the warehouse unless "
                "given folders to read (`zhnews sql --allow-dir DIR`, open_published(db, [DIR]))"
            )
        raise ReadOnlyViolation(
            f"{name}(…) is not allowed on a read-only warehouse connection: it reaches the "
            "catalog or its maintenance, or runs SQL given as text"
        )


def _refuse(kind: str) -> None:
    raise ReadOnlyViolation(
        f"{kind} statements are not allowed: the warehouse is open read-only (SELECT, WITH … "
        "SELECT, FROM, DESCRIBE, SHOW, SUMMARIZE, EXPLAIN, BEGIN/COMMIT); export results with "
        "`zhnews sql --format csv|json|parquet -o FILE`"
    )


def _check_statement(stmt) -> None:
    kind = stmt.type.name
    if kind in ("SELECT", "TRANSACTION"):
        return
    if kind != "EXPLAIN":
        _refuse(kind)
    # EXPLAIN [ANALYZE] [(options)] <statement>: the explained statement must be a SELECT.
    text = stmt.query
    tokens = duckdb.tokenize(text)
    i = 1
    while i < len(tokens) and _token_text(text, tokens, i).lower() in ("analyze", "analyse"):
        i += 1
    if i < len(tokens) and _token_text(text, tokens, i) == "(":
        depth = 0
        while i < len(tokens):
            t = _token_text(text, tokens, i)
            depth += t == "("
            depth -= t == ")"
            i += 1
            if depth == 0:
                break
    if i >= len(tokens):
        _refuse("EXPLAIN")
    inner = duckdb.extract_statements(text[tokens[i][0] :])
    for s in inner:
        if s.type.name != "SELECT":
            _refuse(f"EXPLAIN {s.type.name}")


def _token_text(text: str, tokens, i: int) -> str:
    end = tokens[i + 1][0] if i + 1 < len(tokens) else len(text)
    return _strip_comments(text[tokens[i][0] : end]).strip()


def _strip_comments(chunk: str) -> str:
    # Comments are not tokens: they sit in the gap after the token they follow.
    out = re.sub(r"/\*.*?\*/", " ", chunk, flags=re.S)
    return re.sub(r"--[^\n]*", " ", out)


def _tokens(sql: str) -> list[tuple[str, str]]:
    """(kind, text) of every token; comments dropped."""
    raw = duckdb.tokenize(sql)
    return [(kind.name, _token_text(sql, raw, i)) for i, (_, kind) in enumerate(raw)]
