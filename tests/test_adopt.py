"""The lake adopts the spool's files instead of copying their rows (zhnews.store.adopt).

What a load publishes is the same whether the spool's files are adopted or their rows copied
(the copy is what happens when the lake's data is on another filesystem); a shard holding a
row that must not publish is copied, never adopted; a publish that fails, or a load killed
before its commit, leaves no file in the lake that no snapshot references.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
from pathlib import Path

import duckdb
import pytest
from conftest import FIXTURES
from zhnews.db import Warehouse
from zhnews.discover import discover
from zhnews.gate import GateReport
from zhnews.settings import Settings
from zhnews.shard import process_shard
from zhnews.store import adopt, publish
from zhnews.store.adopt import Adopter, adopt_mark

ADOPTED = ("raw/documents", "marts/articles", "marts/paragraphs", "marts/sentences",
           "marts/article_terms", "marts/figures", "marts/stock_mentions",
           "marts/article_fingerprints")  # fmt: skip


def _files():
    found, _ = discover([str(FIXTURES / "finews")], {})
    return found.files[:18]


def _stage(wh: Warehouse, batches) -> str:
    load_id = wh.begin_load(None)
    for batch in batches:
        wh.stage(process_shard(batch, load_id, Settings(), wh.spool))
    return load_id


def _report(wh: Warehouse, load_id: str, reject_paths=()) -> GateReport:
    docs = wh.con.execute("SELECT document_id, source_path FROM staging.documents").fetchall()
    rejected = {doc: ["injected"] for doc, path in docs if path in reject_paths}
    return GateReport(load_id, "partial" if rejected else "publish", len(docs), rejected, [], [])


SPOOLED: dict[Path, int] = {}  # warehouse -> spool files of the adoptable tables, last load


def _load(db: Path, batches, reject_paths=()) -> str:
    wh = Warehouse(db)
    try:
        load_id = _stage(wh, batches)
        SPOOLED[db] = sum(len(wh.spool.files(t.split("/")[1])) for t in ADOPTED)
        wh.publish(load_id, _report(wh, load_id, reject_paths))
        return load_id
    finally:
        wh.close()


def _linked(db: Path) -> list[Path]:
    return sorted((db.parent / f"{db.name}.lake" / "data").rglob("zhnews-*.parquet"))


def _tables(db: Path) -> dict[str, list[tuple]]:
    """Every lake table's rows, without the columns that differ between two loads."""
    from zhnews.db import open_published

    con = open_published(db)
    try:
        names = con.execute(
            "SELECT schema_name || '.' || table_name FROM duckdb_tables() "
            "WHERE schema_name IN ('raw', 'marts')"
        ).fetchall()
        out = {}
        for (name,) in names:
            cols = [
                c
                for (c,) in con.execute(
                    "SELECT column_name FROM duckdb_columns() WHERE schema_name || '.' || "
                    "table_name = ? AND column_name NOT IN ('load_id', 'ingested_at')",
                    [name],
                ).fetchall()
            ]
            out[name] = con.execute(f"SELECT {', '.join(cols)} FROM {name} ORDER BY ALL").fetchall()
        return out
    finally:
        con.close()


def _no_links(monkeypatch):
    def cross_device(src, dst, *a, **kw):
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    monkeypatch.setattr(os, "link", cross_device)


def test_adopted_files_publish_what_copied_rows_publish(tmp_path, monkeypatch):
    files = _files()
    batches = [files[:6], files[6:12], files[12:]]
    load_id = _load(tmp_path / "a" / "w", batches)
    linked = _linked(tmp_path / "a" / "w")
    # every shard's file of each adoptable table is now the lake's, under the load's name
    assert len(linked) == SPOOLED[tmp_path / "a" / "w"] >= 5 * len(batches)
    assert {p.parent.relative_to(p.parents[2]).as_posix() for p in linked} == set(ADOPTED)
    assert all(p.name.startswith(f"zhnews-{load_id}-") for p in linked)
    assert all(p.stat().st_nlink == 1 for p in linked)  # the spool's names are gone

    with monkeypatch.context() as m:
        _no_links(m)  # the lake's data on another filesystem: rows are copied
        _load(tmp_path / "b" / "w", batches)
    assert _linked(tmp_path / "b" / "w") == []
    adopted, copied = _tables(tmp_path / "a" / "w"), _tables(tmp_path / "b" / "w")
    assert adopted["marts.articles"] and adopted["raw.documents"]
    assert adopted == copied


def test_a_shard_with_a_rejected_document_is_copied_not_adopted(tmp_path, monkeypatch):
    files = _files()
    batches = [files[:6], files[6:12], files[12:]]
    bad = files[7].source_path
    _load(tmp_path / "a" / "w", batches, reject_paths={bad})
    # the rejected document's shard: copied in every table; the two others adopted
    linked = _linked(tmp_path / "a" / "w")
    shards = {p.name.rsplit("-", 1)[1] for p in linked}
    assert len(shards) == 2 and 10 <= len(linked) < SPOOLED[tmp_path / "a" / "w"]
    with monkeypatch.context() as m:
        _no_links(m)
        _load(tmp_path / "b" / "w", batches, reject_paths={bad})
    adopted = _tables(tmp_path / "a" / "w")
    assert adopted == _tables(tmp_path / "b" / "w")
    paths = {row[1] for row in adopted["raw.documents"]}
    assert bad not in paths and len(paths) == len(files) - 1


def test_a_document_already_in_raw_is_not_adopted_twice(tmp_path):
    files = _files()[:6]
    db = tmp_path / "w"
    _load(db, [files])
    _load(db, [files])  # the same file versions staged again (zhnews retry, a forced reload)
    tables = _tables(db)
    ids = [row[0] for row in tables["raw.documents"]]
    assert len(ids) == len(set(ids)) == 6
    articles = [row[0] for row in tables["marts.articles"]]
    assert len(articles) == len(set(articles))
    raw_links = [p for p in _linked(db) if p.parent.name == "documents"]
    assert len(raw_links) == 1  # the first load's; the second copied nothing into raw


def test_a_failed_publish_leaves_no_link_and_keeps_the_spool(tmp_path, monkeypatch):
    db = tmp_path / "w"
    wh = Warehouse(db)
    try:
        load_id = _stage(wh, [_files()[:6]])

        def broken(con):
            raise duckdb.InvalidInputException("injected after the adoption")

        monkeypatch.setattr(publish, "_record_files", broken)
        with pytest.raises(duckdb.Error, match="injected"):
            wh.publish(load_id, _report(wh, load_id))
        assert _linked(db) == []
        assert all(f.stat().st_nlink == 1 for f in wh.spool.files("articles"))
    finally:
        wh.close()


def test_the_next_run_removes_the_links_of_a_load_killed_before_its_commit(tmp_path):
    db = tmp_path / "w"
    _load(db, [_files()[:3]])  # a published load: its adopted files must stay
    kept = _linked(db)
    wh = Warehouse(db)
    load_id = _stage(wh, [_files()[3:6]])
    report = _report(wh, load_id)
    wh.con.execute("BEGIN")
    publish._decision_tables(wh.con, load_id, report)
    publish._publish_sets(wh.con)
    adopter = Adopter(wh.spool, wh.paths.data, load_id, wh._staging_columns)
    mark = adopt_mark("-- @adopt staging.articles by article\nINSERT …")
    assert adopter.adopt(wh.con, "marts.articles", mark, wh.spool.files("articles"))
    assert len(_linked(db)) == len(kept) + 1
    wh.con.close()  # killed: no commit, the spool left behind
    wh = Warehouse(db)
    try:
        assert wh.recover() == 1
        assert _linked(db) == kept
        assert not wh.paths.spool.exists()
    finally:
        wh.close()
    assert len(_tables(db)["marts.articles"]) == 3


def test_adopt_marks_name_a_staging_table_and_a_rule():
    assert adopt_mark("-- @adopt staging.sentences by article\nINSERT") == adopt.Mark(
        "sentences", "article"
    )
    assert adopt_mark("-- @adopt staging.documents by document\nINSERT").rule == "document"
    assert adopt_mark("INSERT INTO marts.x SELECT 1") is None
    assert adopt_mark("-- @adopt staging.x by shard\nINSERT") is None


def test_a_warehouse_path_with_glob_characters_loads_and_adopts(tmp_path):
    """`news[1]/` is a folder's name: the spool's views and the adoption escape it."""
    files = _files()[:6]
    db = tmp_path / "news[1]*" / "w"
    _load(db, [files[:3], files[3:]])
    assert len(_linked(db)) == SPOOLED[db] >= 10
    assert len(_tables(db)["raw.documents"]) == 6


def test_a_relative_warehouse_path_registers_files_readers_elsewhere_open(tmp_path, monkeypatch):
    """`zhnews run --db news/w` from one folder, `zhnews sql` from another: the adopted files
    are named relative to the lake's data folder in the catalog, not to the writer's cwd."""
    files = _files()[:6]
    monkeypatch.chdir(tmp_path)
    _load(Path("news") / "w", [files[:3], files[3:]])
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    db = tmp_path / "news" / "w"
    assert len(_linked(db)) >= 10
    with contextlib.closing(sqlite3.connect(db.parent / "w.lake" / "catalog.sqlite")) as cat:
        rows = cat.execute("SELECT path, path_is_relative FROM ducklake_data_file").fetchall()
    adopted = [(p, rel) for p, rel in rows if Path(p).name.startswith("zhnews-")]
    assert adopted and all(rel and "/" not in p for p, rel in adopted)
    assert len(_tables(db)["raw.documents"]) == 6  # the reader's sandbox lets it open them
