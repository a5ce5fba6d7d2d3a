"""`zhnews maintain` compacts the lake without changing what readers see."""

from __future__ import annotations

import shutil

import pytest
from conftest import FIXTURES, query, run_etl
from zhnews.store.lake import WarehousePaths

pytestmark = pytest.mark.usefixtures("prefect_api")

STATE = (
    "SELECT count(*), md5(string_agg(article_id || coalesce(title, '') || body_text, ',' "
    "ORDER BY article_id)) FROM marts.articles"
)


def _snapshots(db) -> int:
    import sqlite3

    with sqlite3.connect(WarehousePaths.of(db).catalog) as catalog:
        return catalog.execute("SELECT count(*) FROM ducklake_snapshot").fetchone()[0]


def _bytes(db) -> int:
    return sum(p.stat().st_size for p in WarehousePaths.of(db).data.rglob("*") if p.is_file())


def test_maintain_compacts_and_keeps_the_data(tmp_path):
    from zhnews.cli import EXIT_OK, main

    inbox = tmp_path / "inbox"
    shutil.copytree(FIXTURES / "finews", inbox)
    db = tmp_path / "w"
    assert run_etl([inbox], db)["status"] == "published"
    shutil.copytree(FIXTURES / "finews-versions", tmp_path / "versions")  # retires old rows
    assert run_etl([inbox, tmp_path / "versions"], db)["status"] == "published"
    before, snapshots, size = query(db, STATE), _snapshots(db), _bytes(db)
    assert main(["maintain", "--db", str(db), "--keep-hours", "0"]) == EXIT_OK
    assert query(db, STATE) == before  # readers see the same data
    assert _snapshots(db) < snapshots  # history expired
    assert _bytes(db) <= size  # files of retired rows and expired snapshots are gone
    assert main(["maintain", "--db", str(tmp_path / "nothing")]) != EXIT_OK
