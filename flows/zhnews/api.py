"""The warehouse from Python: polars DataFrames over a read-only connection.

    import zhnews
    articles = zhnews.read("marts.articles", where="publisher = $p", params={"p": "齐鲁晚报"},
                           columns=["article_id", "title", "published_at"])
    per_day = zhnews.query("SELECT date, sum(articles) AS n FROM marts.daily_counts GROUP BY 1")

Every call opens the published warehouse read-only (`zhnews.db.open_published`), runs one
query, hands DuckDB's Arrow result to polars without copying and closes the connection, so each
call sees the latest published load and never blocks the loader.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import duckdb
    import polars as pl

DEFAULT_SCHEMA = "marts"
_SCHEMAS = ("raw", "marts", "ops")


def _db(db: str | Path | None) -> Path:
    from zhnews.settings import DEFAULT_DB

    return Path(db) if db is not None else DEFAULT_DB


def connect(db: str | Path | None = None) -> duckdb.DuckDBPyConnection:
    """A read-only DuckDB connection to the published warehouse (default: the project's).

    Close it when done: while it is open, new connections in this process see its state.
    """
    from zhnews.db import open_published

    return open_published(_db(db))


def _frame(con: duckdb.DuckDBPyConnection, sql: str, params: Any) -> pl.DataFrame:
    from zhnews import frames

    cur = con.execute(sql, params) if params is not None else con.execute(sql)
    return frames.to_polars(con, frames.fetch_arrow(cur))


def query(
    sql: str, params: list | dict | None = None, *, db: str | Path | None = None
) -> pl.DataFrame:
    """The result of `sql` (values bound from `params`: `?` or `$name`) as a polars DataFrame.

    Only reading statements run, as in `zhnews sql` (`zhnews.store.reader.check_query`): no
    COPY, EXPORT, ATTACH or SET. To save a result, write the frame (`frame.write_parquet(…)`).
    """
    _check(sql)
    con = connect(db)
    try:
        return _frame(con, sql, params)
    finally:
        con.close()


def _check(sql: str) -> None:
    from zhnews.store.reader import ReadOnlyViolation, check_query

    try:
        check_query(sql)
    except ReadOnlyViolation as exc:
        raise ValueError(f"zhnews reads only: {exc}") from None


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _resolve(con: duckdb.DuckDBPyConnection, table: str) -> tuple[str, str, list[str]]:
    """(schema, name, columns) of a published table or view named `schema.name` or `name`."""
    schema, _, name = table.rpartition(".")
    schema = schema or DEFAULT_SCHEMA
    # By schema and name only, whatever database (catalog) the tables live in.
    relations = con.execute(
        "SELECT schema_name, table_name FROM duckdb_tables() WHERE schema_name IN $s "
        "UNION SELECT schema_name, view_name FROM duckdb_views() "
        "WHERE schema_name IN $s AND NOT internal",
        {"s": list(_SCHEMAS)},
    ).fetchall()
    if (schema, name) not in relations:
        known = ", ".join(sorted(f"{s}.{n}" for s, n in relations))
        raise ValueError(f"no published table or view {table!r}; there are: {known}")
    columns = [
        c
        for (c,) in con.execute(
            "SELECT column_name FROM duckdb_columns() WHERE schema_name = ? AND table_name = ? "
            "ORDER BY column_index",
            [schema, name],
        ).fetchall()
    ]
    return schema, name, list(dict.fromkeys(columns))


def read(
    table: str,
    where: str | None = None,
    columns: list[str] | None = None,
    *,
    params: list | dict | None = None,
    order_by: str | None = None,
    limit: int | None = None,
    db: str | Path | None = None,
) -> pl.DataFrame:
    """Rows of one published table or view as a polars DataFrame.

    `table` is `schema.name` (`marts` when the schema is left out). `where` and `order_by` are
    SQL expressions over its columns; pass values through `params` (`?` or `$name`), never by
    formatting them into the text. `columns` (default: all) must be columns of the table.
    """
    import duckdb

    con = connect(db)
    try:
        schema, name, known = _resolve(con, table)
        wanted = list(columns) if columns is not None else known
        unknown = [c for c in wanted if c not in known]
        if unknown or not wanted:
            raise ValueError(
                f"{schema}.{name} has no column(s) {unknown}; its columns are: {', '.join(known)}"
            )
        sql = f"SELECT {', '.join(map(_quote, wanted))} FROM {_quote(schema)}.{_quote(name)}"
        if where:
            sql += f"\nWHERE ({where}\n)"
        if order_by:
            sql += f"\nORDER BY {order_by}"
        if limit is not None:
            sql += f"\nLIMIT {int(limit)}"
        try:
            statements = duckdb.extract_statements(sql)
        except duckdb.ParserException as exc:
            statements, problem = [], str(exc).splitlines()[0]
        else:
            problem = "more than one statement"
        if len(statements) != 1 or statements[0].type.name != "SELECT":
            raise ValueError(
                f"`where` and `order_by` must be SQL expressions ({problem}): "
                f"where={where!r}, order_by={order_by!r}"
            )
        _check(sql)
        return _frame(con, sql, params)
    finally:
        con.close()
