"""The catalog check tells a damaged catalog from a transient read error.

A reader opening the SQLite catalog while a writer resets its WAL can read "database disk image
is malformed" once; calling the warehouse damaged then (and telling the analyst to restore a
backup) would be wrong. A file that is not a catalog still fails every try."""

from __future__ import annotations

import sqlite3

import pytest
from zhnews.store import lake
from zhnews.store.lake import WarehouseDamaged, WarehousePaths, check_catalog


def _catalog(tmp_path) -> WarehousePaths:
    paths = WarehousePaths.of(tmp_path / "w")
    paths.lake.mkdir(parents=True)
    with sqlite3.connect(paths.catalog) as db:
        db.execute("CREATE TABLE ducklake_snapshot (snapshot_id INTEGER)")
    return paths


def test_a_transient_read_error_is_tried_again(tmp_path, monkeypatch):
    paths = _catalog(tmp_path)
    real, calls = sqlite3.connect, []

    def flaky(*args, **kwargs):
        calls.append(args)
        if len(calls) == 1:
            raise sqlite3.DatabaseError("database disk image is malformed")
        return real(*args, **kwargs)

    monkeypatch.setattr(lake.sqlite3, "connect", flaky)
    check_catalog(paths)  # no WarehouseDamaged
    assert len(calls) == 2


def test_a_file_that_is_not_a_catalog_is_damaged(tmp_path, monkeypatch):
    paths = WarehousePaths.of(tmp_path / "w")
    paths.lake.mkdir(parents=True)
    paths.catalog.write_bytes(b"not a database, " * 100)
    monkeypatch.setattr(lake, "CATALOG_CHECK_PAUSE_S", 0.0)
    with pytest.raises(WarehouseDamaged, match="is not a DuckLake catalog"):
        check_catalog(paths)
