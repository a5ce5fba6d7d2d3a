"""The lake adopts the spool's files: a load's rows are written once, not twice.

A publish statement that copies a staging table's rows into a lake table as they are (some of
its columns, the rows the gate let through) is marked in its SQL file (warehouse/CONVENTIONS.md):

    -- @adopt staging.paragraphs by article
    INSERT INTO marts.paragraphs SELECT … FROM staging.paragraphs s …
    WHERE … AND s.document_id NOT IN (SELECT document_id FROM adopted_documents);

Before such a statement the writer takes every shard file of the staging table all of whose
rows the statement would insert, hard-links it into the lake's data folder and registers it
there in the publish transaction (DuckLake's `ducklake_add_data_files`; the staging columns
the lake table lacks are ignored). The temporary table `adopted_documents` then names the
documents of those shards, and the statement copies only the other rows: those of shards
with a rejected document or an article that lost to a newer version of its story. The spool's
removal after the commit drops one of the file's two names, so a cold load's rows are on disk
once instead of in the spool and again in the lake.

The rules (every row of the shard file must satisfy it):
- `by article`: its (document_id, article_id) is in publish_articles;
- `by document`: its document_id is in accepted_documents and not yet in the lake table.

Files are adopted only where a hard link can be made (the lake's data on the spool's
filesystem) and every column of the lake table is in the staging table with the same type;
otherwise the statement copies every row, as before. A publish that fails removes the links it
made (DuckLake keeps an added file on ROLLBACK); a load killed between link and commit leaves
files no snapshot references, named `zhnews-<load_id>-<shard>.parquet`, which the next run's
recovery removes (`remove_unregistered`).
"""

from __future__ import annotations

import glob
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from zhnews.store.components import prepare
from zhnews.store.spool import Spool

_MARK = re.compile(r"^--\s*@adopt\s+staging\.(\w+)\s+by\s+(article|document)\s*$", re.M)

_ADOPTABLE = {
    "article": """
        SELECT s.filename FROM read_parquet($files, filename = true) s
        LEFT JOIN publish_articles p
          ON p.document_id = s.document_id AND p.article_id = s.article_id
        GROUP BY s.filename HAVING count(p.article_id) = count(*)""",
    # {target}: the lake table, a name from the manifest's file, never data
    "document": """
        SELECT s.filename FROM read_parquet($files, filename = true) s
        LEFT JOIN accepted_documents a ON a.document_id = s.document_id
        GROUP BY s.filename
        HAVING count(a.document_id) = count(*)
           AND count(*) FILTER (WHERE s.document_id IN (SELECT document_id FROM {target})) = 0""",
}


@dataclass(frozen=True)
class Mark:
    staging: str
    rule: str


def adopt_mark(statement: str) -> Mark | None:
    """The `-- @adopt staging.<table> by article|document` line of a publish statement."""
    m = _MARK.search(statement)
    return Mark(m.group(1), m.group(2)) if m else None


def file_prefix(load_id: str) -> str:
    return f"zhnews-{load_id}-"


@dataclass
class Adopter:
    """Adopts the spool files of one load into the lake (see the module's doc)."""

    spool: Spool
    data: Path  # the lake's DATA_PATH
    load_id: str
    staging_columns: dict[str, list[tuple]]  # zhnews.store.spool.staging_columns
    linked: list[Path] = field(default_factory=list)

    def __post_init__(self) -> None:
        # DuckLake stores a file under its DATA_PATH (attached resolved, store.lake) relative
        # to it; any other name, a relative `--db` among them, would be kept as given: a path
        # relative to the writer's working directory, which readers elsewhere cannot open.
        self.data = self.data.resolve()

    def adopt(self, con, target: str, mark: Mark, files: list[Path]) -> list[Path]:
        """Link and register the files of `files` that `mark`'s rule allows; returns them."""
        schema, table = target.split(".")
        if not self._same_columns(con, schema, table, mark.staging):
            return []
        names = [glob.escape(str(f)) for f in files]  # read_parquet globs every name
        found = con.execute(
            _ADOPTABLE[mark.rule].format(target=target), {"files": names}
        ).fetchall()
        chosen = sorted(Path(name) for (name,) in found)
        if not chosen:
            return []
        folder = self.data / schema / table
        prefix = file_prefix(self.load_id)
        links = []
        try:
            folder.mkdir(parents=True, exist_ok=True)
            for f in chosen:
                link = folder / f"{prefix}{f.parent.name}.parquet"
                os.link(f, link)
                links.append(link)
        except OSError:
            # another filesystem (or no hard links there): copy the rows instead
            for link in links:
                link.unlink(missing_ok=True)
            return []
        self.linked.extend(links)
        # one call for the load's files of the table: the links' names share their prefix
        con.execute(
            "CALL ducklake_add_data_files('lake', ?, ?, schema => ?, ignore_extra_columns => true)",
            [table, os.path.join(glob.escape(str(folder)), f"{prefix}*.parquet"), schema],
        ).fetchall()
        return chosen

    def _same_columns(self, con, schema: str, table: str, staging: str) -> bool:
        """Every column of the lake table is a staging column of the same type."""
        lake = con.execute(
            "SELECT column_name, data_type FROM duckdb_columns() WHERE database_name = 'lake' "
            "AND schema_name = ? AND table_name = ?",
            [schema, table],
        ).fetchall()
        have = {c[0]: c[1] for c in self.staging_columns.get(staging, [])}
        return bool(lake) and all(have.get(name) == dtype for name, dtype in lake)

    def discard(self) -> None:
        """The publish failed: remove the links it made (the spool keeps its own names)."""
        for link in self.linked:
            link.unlink(missing_ok=True)
        self.linked.clear()


def run_statement(
    con: duckdb.DuckDBPyConnection, statement: str, target: str, adopter: Adopter | None
) -> None:
    """Run one publish statement of `target`'s SQL file; a `-- @adopt` one adopts what its
    rule allows first, then copies the rest (nothing to run when every file was adopted); a
    `-- @components` one gets its components table first (zhnews.store.components)."""
    prepare(con, statement)
    mark = adopt_mark(statement)
    if mark is None:
        con.execute(statement)
        return
    files = adopter.spool.files(mark.staging) if adopter is not None else []
    adopted = adopter.adopt(con, target, mark, files) if files else []
    _adopted_documents(con, adopted)
    if not files or len(adopted) < len(files):
        con.execute(statement)


def _adopted_documents(con, adopted: list[Path]) -> None:
    if adopted:
        con.execute(
            "CREATE OR REPLACE TEMP TABLE adopted_documents AS "
            "SELECT DISTINCT document_id FROM read_parquet(?)",
            [[glob.escape(str(f)) for f in adopted]],
        )
    else:
        con.execute("CREATE OR REPLACE TEMP TABLE adopted_documents (document_id VARCHAR)")


def remove_unregistered(con: duckdb.DuckDBPyConnection, data: Path, load_ids: list[str]) -> int:
    """Remove the adopted-file links of loads that never committed (killed between link and
    commit): files named after those loads that no snapshot of the lake references."""
    if not load_ids or not data.is_dir():
        return 0
    registered = _registered_names(con)
    removed = 0
    prefixes = tuple(file_prefix(load) for load in load_ids)
    for path in data.rglob("zhnews-*.parquet"):
        if path.name.startswith(prefixes) and path.name not in registered:
            path.unlink(missing_ok=True)
            removed += 1
    return removed


def _registered_names(con) -> set[str]:
    return {
        Path(p).name
        for (p,) in con.execute(
            "SELECT path FROM __ducklake_metadata_lake.ducklake_data_file"
        ).fetchall()
    }
