"""Query results as Arrow tables and polars frames, and files written from them.

DuckDB hands a result over as Arrow (columnar, no per-value Python objects); polars wraps the
same buffers without copying. Exports are written here from that Arrow data, never by a DuckDB
`COPY` in the analyst's SQL (a read-only connection would otherwise still write files wherever
a query says): Parquet and CSV with pyarrow, JSON with polars. `bench/frames.py` chose them
(figures in the README): pyarrow's CSV writer beat polars' by about 20%, polars' JSON writer beat
`json.dumps` of Python rows 5-8 times, and pyarrow has no JSON writer.

A few DuckDB types have no counterpart in a target: polars cannot import Arrow intervals or
unions; Parquet has neither; CSV has no nested values; JSON and CSV have no bytes; DuckDB's
UHUGEINT arrives as an opaque Arrow extension. Such columns are turned into text by DuckDB
itself (what `zhnews sql` shows: `3 days`, `\\xAB`, JSON for nested values), so no query fails
to export because of a column type.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import duckdb
    import polars as pl
    import pyarrow as pa

FORMATS = ("table", "csv", "json", "parquet")

# Statement types that write files or change which databases the session sees. `zhnews sql`
# and `zhnews.query` refuse them; export with `--format … -o FILE` or the frame's writers.
WRITING_STATEMENTS = ("COPY", "COPY_DATABASE", "EXPORT", "ATTACH", "DETACH")


class ExportError(ValueError):
    """An export that cannot be written as asked; the message says what to change."""


def writing_statements(sql: str) -> list[str]:
    """Names of the statement types in `sql` that would write files (empty when none).

    SQL that does not parse returns nothing: DuckDB then reports the syntax error itself.
    """
    import duckdb

    try:
        statements = duckdb.extract_statements(sql)
    except duckdb.Error:
        return []
    return [s.type.name for s in statements if s.type.name in WRITING_STATEMENTS]


def fetch_arrow(cur: duckdb.DuckDBPyConnection) -> pa.Table:
    """The result of the last statement executed on `cur` as one Arrow table."""
    return cur.fetch_arrow_table()


def _walk(t: pa.DataType):
    import pyarrow as pa

    yield t
    if pa.types.is_dictionary(t):
        yield from _walk(t.value_type)
    for i in range(t.num_fields):
        yield from _walk(t.field(i).type)


def _is_binary(t: pa.DataType) -> bool:
    import pyarrow as pa

    return (
        pa.types.is_binary(t)
        or pa.types.is_large_binary(t)
        or pa.types.is_fixed_size_binary(t)
        or pa.types.is_binary_view(t)
    )


def _is_nested(t: pa.DataType) -> bool:
    """Lists, structs and maps (their text is JSON); a union's text is its value's."""
    import pyarrow as pa

    return pa.types.is_nested(t) and not pa.types.is_union(t)


def _unsupported(t: pa.DataType, target: str) -> bool:
    """Whether `target` (polars, csv, json, parquet) cannot take a column of Arrow type `t`."""
    import pyarrow as pa

    def bad_leaf(x: pa.DataType) -> bool:
        if pa.types.is_interval(x) or pa.types.is_union(x):
            return True
        if isinstance(x, pa.BaseExtensionType):  # e.g. inside a list: DuckDB reads it as text
            return True
        return target in ("json", "csv") and _is_binary(x)

    if target == "csv":
        return _is_nested(t) or any(bad_leaf(x) for x in _walk(t))
    return any(bad_leaf(x) for x in _walk(t))


def unique_names(names: list[str]) -> list[str]:
    """Column names made unique the way DuckDB does for tables (a, a → a, a_1)."""
    seen: set[str] = set()
    out = []
    for name in names:
        candidate, n = name, 0
        while candidate in seen:
            n += 1
            candidate = f"{name}_{n}"
        seen.add(candidate)
        out.append(candidate)
    return out


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def portable(con: duckdb.DuckDBPyConnection, table: pa.Table, target: str) -> pa.Table:
    """`table` with unique column names and every column `target` cannot take as text.

    Top-level scalars become DuckDB's text (`::VARCHAR`), nested values their JSON
    (`to_json`). Columns `target` can take keep their Arrow buffers untouched.
    """
    import duckdb
    import pyarrow as pa

    names = unique_names(table.column_names)
    if names != table.column_names:
        table = table.rename_columns(names)
    opaque = {f.name for f in table.schema if isinstance(f.type, pa.BaseExtensionType)}
    if opaque:  # DuckDB cannot read these back: decode them here
        table = pa.table(
            [_opaque_text(table.column(n)) if n in opaque else table.column(n) for n in names],
            names=names,
        )
    bad = [f.name for f in table.schema if _unsupported(f.type, target)]
    if not bad:
        return table
    view = "zhnews_export_rows"
    try:
        con.register(view, table.select(bad))
        exprs = [
            f"to_json({_quote(n)})::VARCHAR AS {_quote(n)}"
            if _is_nested(table.schema.field(n).type)
            else f"{_quote(n)}::VARCHAR AS {_quote(n)}"
            for n in bad
        ]
        text = con.execute(f"SELECT {', '.join(exprs)} FROM {view}").fetch_arrow_table()
    except (duckdb.Error, pa.ArrowException) as exc:
        raise ExportError(
            f"cannot turn column(s) {', '.join(bad)} into text for {target}: {exc}; "
            "cast them in the query (e.g. col::VARCHAR)"
        ) from exc
    finally:
        con.unregister(view)
    columns = [text.column(n) if n in bad else table.column(n) for n in names]
    return pa.table(columns, names=names)


def _opaque_text(column: pa.ChunkedArray) -> pa.Array:
    """Text of a DuckDB type exported as an opaque Arrow extension (UHUGEINT: 16 bytes LE)."""
    import pyarrow as pa

    type_name = getattr(column.type, "type_name", "")
    values = [v for chunk in column.chunks for v in chunk.storage.to_pylist()]
    if type_name == "uhugeint":
        text = [None if v is None else str(int.from_bytes(v, "little")) for v in values]
    else:
        text = [None if v is None else "\\x" + v.hex().upper() for v in values]
    return pa.array(text, type=pa.string())


def to_polars(con: duckdb.DuckDBPyConnection, table: pa.Table) -> pl.DataFrame:
    """A polars frame over `table`'s buffers (zero copy for every type polars knows)."""
    import polars as pl

    return pl.from_arrow(portable(con, table, "polars"))


def check_target(out: Path, warehouse_dir: Path) -> Path:
    """The resolved export path, or ExportError when it lies inside the warehouse folder."""
    target = Path(out).expanduser().resolve()
    folder = Path(warehouse_dir).resolve()
    if target == folder or folder in target.parents:
        raise ExportError(
            f"{out} is inside the warehouse folder {folder}: write exports elsewhere "
            "(the loader owns that folder and replaces files in it)"
        )
    if not target.parent.is_dir():
        raise ExportError(f"{target.parent} does not exist: create the folder first")
    if target.is_dir():
        raise ExportError(f"{out} is a folder: give a file name")
    return target


def write(con: duckdb.DuckDBPyConnection, table: pa.Table, fmt: str, dest) -> None:
    """Write `table` as `fmt` (csv, json or parquet) to `dest`, a path or a binary file object."""
    if fmt == "parquet":
        import pyarrow.parquet as pq

        pq.write_table(portable(con, table, "parquet"), dest)
    elif fmt == "csv":
        import pyarrow.csv as pacsv

        pacsv.write_csv(portable(con, table, "csv"), dest)
    elif fmt == "json":  # an array of row objects
        import polars as pl

        pl.from_arrow(portable(con, table, "json")).write_json(dest)
    else:
        raise ExportError(f"unknown export format {fmt!r} (one of csv, json, parquet)")


def render(con: duckdb.DuckDBPyConnection, table: pa.Table, fmt: str) -> bytes:
    """The bytes of `table` written as `fmt`, for stdout."""
    import io

    buf = io.BytesIO()
    write(con, table, fmt, buf)
    return buf.getvalue()


def export(con: duckdb.DuckDBPyConnection, table: pa.Table, fmt: str, target: Path) -> None:
    """Write `table` to `target` atomically: a reader sees the old file or the whole new one."""
    tmp = target.with_name(f".{target.name}.{uuid.uuid4().hex[:12]}.tmp")  # same filesystem
    try:
        write(con, table, fmt, str(tmp))
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
