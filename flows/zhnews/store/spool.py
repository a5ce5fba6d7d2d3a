"""The load's spool: staging rows as Parquet files that workers write and the store reads.

Parse workers turn a shard's rows into one Parquet file per staging table, typed by the
staging DDL (zhnews.store.lake runs it), and move the shard's folder into place with one
rename, so a shard is either wholly in the spool or not at all (a retried shard never counts
twice). The writer's `staging.<table>` is then a view over the files (`staging_views`): no row
passes through the flow process, nothing is copied into a database file, and the gate and
the publish transaction read the files where they lie.

    <name>.work/<load_id>/shards/<shard id>/<table>.parquet
    <name>.work/<load_id>/shards/<shard id>/result.json  (the shard's counts)
    <name>.work/<load_id>/incoming/<shard id>/          (being written)

A local worker's shard id is named after its files (zhnews.shard.shard_key), so that after a
worker died the writer can tell which shards were staged (zhnews.pool).

The spool holds only the load in progress: the writer removes it when the load ends, and a
run finding one left by a killed process removes it before it starts (zhnews.db).
"""

from __future__ import annotations

import glob
import json
import os
import shutil
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa

# zstd: the spool's size on disk is what a load adds beside the lake until it publishes.
COMPRESSION = "zstd"
RESULT_FILE = "result.json"  # a shard's counts, beside its rows (not a staging table)


@dataclass(frozen=True)
class Spool:
    """Where one load's staging rows go, and the Arrow schema of every staging table."""

    folder: Path
    schemas: Mapping[str, pa.Schema]

    @property
    def shards(self) -> Path:
        return self.folder / "shards"

    def files(self, table: str) -> list[Path]:
        return sorted(self.shards.glob(f"*/{table}.parquet"))

    def pattern(self, table: str) -> Path:
        """The glob the staging view reads: every shard's file of `table` (the warehouse's
        own path escaped: `news[1]/` is a folder's name, not a character class)."""
        return Path(glob.escape(str(self.shards))) / "*" / f"{table}.parquet"

    def write(self, rows: Mapping[str, Iterable[dict]]) -> dict[str, int]:
        """Write one shard's rows (`{table: rows}`) and publish them with one rename.

        Returns rows written per table. Rows missing a column get NULL; a column the staging
        table does not have, or a NULL in a NOT NULL column, is an error (a parser bug must
        not reach the warehouse as a half-typed row).
        """
        return self.write_tables(
            {name: arrow_table(self.schema(name), list(r)) for name, r in rows.items()}
        )

    def write_returned(
        self,
        parts: Iterable[tuple[Mapping[str, pa.Table], list[dict]]],
        shard: str | None = None,
        result: dict | None = None,
    ) -> dict[str, int]:
        """Write rows that came back in results, as one shard: each part's tables (the types
        Arrow inferred: a Dask worker's result, or one file parsed again after a worker died)
        and rejections (dicts), conformed to the staging schemas (`shard`, `result`: see
        `write_tables`)."""
        parts = list(parts)
        by_table: dict[str, list[pa.Table]] = {}
        for tables, _ in parts:
            for name, table in tables.items():
                by_table.setdefault(name, []).append(conform(self.schema(name), table))
        rejections = [r for _, rows in parts for r in rows]
        return self.write_tables(
            {
                **{name: pa.concat_tables(tables) for name, tables in by_table.items()},
                "rejections": arrow_table(self.schema("rejections"), rejections),
            },
            shard=shard,
            result=result,
        )

    def write_tables(
        self, tables: Mapping[str, pa.Table], shard: str | None = None, result: dict | None = None
    ) -> dict[str, int]:
        """Write one shard's tables, each already of its staging table's schema (built by
        `arrow_table`), and publish them with one rename. Returns rows written per table.

        `shard` names the shard's folder (zhnews.shard.shard_key: the same files of the same
        load, the same name) and `result` (JSON values) is kept beside its rows, so that after
        a worker died the writer can tell a shard that was staged (`staged_result`) from one
        that was not. A shard whose folder is already in place is not written again.
        """
        import pyarrow.parquet as pq

        for name, table in tables.items():
            if table.schema != self.schema(name):
                raise ValueError(f"rows for staging.{name} are not of its schema")
        tables = {name: t for name, t in tables.items() if t.num_rows}
        if not tables:
            return {}
        shard = shard or uuid.uuid4().hex
        if (self.shards / shard).exists():
            return {}
        incoming = self.folder / "incoming" / shard
        shutil.rmtree(incoming, ignore_errors=True)  # left by a worker that died writing it
        incoming.mkdir(parents=True)
        try:
            for name, table in tables.items():
                pq.write_table(table, incoming / f"{name}.parquet", compression=COMPRESSION)
            if result is not None:
                (incoming / RESULT_FILE).write_text(json.dumps(result), encoding="utf-8")
            self.shards.mkdir(exist_ok=True)
            os.rename(incoming, self.shards / shard)
        except BaseException:
            shutil.rmtree(incoming, ignore_errors=True)
            raise
        return {name: t.num_rows for name, t in tables.items()}

    def staged_result(self, shard: str) -> dict | None:
        """The result a shard's worker kept beside its rows, if the shard is in place."""
        try:
            return json.loads((self.shards / shard / RESULT_FILE).read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None

    def schema(self, table: str) -> pa.Schema:
        try:
            return self.schemas[table]
        except KeyError:
            raise ValueError(f"no staging table {table!r} (see warehouse/staging/)") from None

    def remove(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)
        try:
            self.folder.parent.rmdir()  # <name>.work/ when no other load's spool is there
        except OSError:
            pass


def arrow_table(
    schema: pa.Schema, rows: list[dict], beside: Mapping[str, list] | None = None
) -> pa.Table:
    """Rows as an Arrow table of exactly `schema` (column order and types of the DDL).

    `beside` gives whole columns kept next to the rows rather than in each of them (a worker
    keeps a document's ids once per table, not copied into every term row): a list with a
    value per row. Arrow's converter turns the dicts into columns in one pass (a struct array,
    then its fields); a key missing from a row is NULL.
    """
    beside = beside or {}
    _known_columns(schema, set().union(*rows) | set(beside))
    in_rows = [f for f in schema if f.name not in beside]
    fields = (
        pa.array(rows, type=pa.struct(in_rows)).flatten() if in_rows else []
    )  # (a struct without fields is not a type Arrow builds)
    by_name = dict(zip([f.name for f in in_rows], fields, strict=True))
    columns = []
    for field in schema:
        column = by_name.get(field.name)
        if column is None:
            column = pa.array(beside[field.name], type=field.type)
        if len(column) != len(rows):
            raise ValueError(f"column {field.name!r} has {len(column)} values for {len(rows)} rows")
        columns.append(_not_null_checked(field, column))
    return pa.Table.from_arrays(columns, schema=schema)


def conform(schema: pa.Schema, table: pa.Table) -> pa.Table:
    """A table of inferred types (the rows a Dask worker sent back) as exactly `schema`:
    columns in the DDL's order, cast to its types, missing ones NULL; an unknown column, a
    value that does not fit its type or a NULL in a NOT NULL column is an error."""
    _known_columns(schema, set(table.column_names))
    columns = []
    for field in schema:
        if field.name in table.column_names:
            column = table[field.name].cast(field.type)
        else:
            column = pa.chunked_array([pa.nulls(table.num_rows, field.type)])
        columns.append(_not_null_checked(field, column))
    return pa.Table.from_arrays(columns, schema=schema)


def _known_columns(schema: pa.Schema, names: set[str]) -> None:
    unknown = names - set(schema.names)
    if unknown:
        raise ValueError(f"columns {sorted(unknown)} are not in the staging table")


def _not_null_checked(field: pa.Field, column):
    if not field.nullable and column.null_count:
        raise ValueError(f"NULL in NOT NULL staging column {field.name!r}")
    return column


def staging_columns(con) -> dict[str, list[tuple[str, str, bool]]]:
    """(column, DuckDB type, nullable) of every table of the connection's `staging` schema,
    in column order: what the spool's views cast to and its Arrow schemas are built from."""
    out: dict[str, list[tuple[str, str, bool]]] = {}
    for table, column, data_type, nullable in con.execute(
        "SELECT table_name, column_name, data_type, is_nullable FROM duckdb_columns() "
        "WHERE schema_name = 'staging' AND database_name = current_database() "
        "ORDER BY table_name, column_index"
    ).fetchall():
        out.setdefault(table, []).append((column, data_type, nullable))
    return out


def staging_schemas(con, columns: dict | None = None) -> dict[str, pa.Schema]:
    """The Arrow schema of every table of the writer's `staging` schema (NOT NULL kept)."""
    out: dict[str, pa.Schema] = {}
    for table, cols in (columns or staging_columns(con)).items():
        schema = con.execute(f'SELECT * FROM staging."{table}" LIMIT 0').fetch_arrow_table().schema
        nullable = {name: null for name, _, null in cols}
        out[table] = pa.schema([f.with_nullable(nullable[f.name]) for f in schema])
    return out


def view_sql(table: str, pattern: Path, columns: list[tuple]) -> str:
    """`staging.<table>` as a view over its spool files, cast to the DDL's types
    (`columns`: (name, DuckDB type, …) as `staging_columns` gives them)."""
    from zhnews.store.lake import sql_literal

    cast = ", ".join(f'"{c[0]}"::{c[1]} AS "{c[0]}"' for c in columns)
    return (
        f'CREATE VIEW staging."{table}" AS SELECT {cast} FROM read_parquet({sql_literal(pattern)})'
    )
