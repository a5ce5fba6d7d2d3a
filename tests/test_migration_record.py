"""Prefect's temporary API skips its migration check only while the database is at the revision
this Prefect version migrated it to (zhnews.procs.MigrationRecord)."""

from __future__ import annotations

import sqlite3
from importlib.metadata import version
from pathlib import Path

from zhnews.procs import MigrationRecord


def _database(home: Path, revision: str | None) -> Path:
    db = home / "prefect.db"
    with sqlite3.connect(db) as con:
        con.execute("CREATE TABLE IF NOT EXISTS alembic_version (version_num VARCHAR(32))")
        con.execute("DELETE FROM alembic_version")
        if revision is not None:
            con.execute("INSERT INTO alembic_version VALUES (?)", [revision])
    return db


def test_recorded_revision_is_current_until_the_database_or_prefect_changes(tmp_path):
    env = {"PREFECT_HOME": str(tmp_path)}
    record = MigrationRecord.of(env)
    assert record is not None and record.version == version("prefect")
    assert not record.current()  # no database yet
    record.record()  # nothing to record without a database
    assert not record.marker.exists()

    db = _database(tmp_path, "a3b9c7d2e5f1")
    assert not record.current()  # migrated, but not recorded by us
    record.record()
    assert record.current()
    assert MigrationRecord.of(env).current()  # the next run's view

    _database(tmp_path, "b0000000000f")  # another Prefect migrated it further
    assert not record.current()
    record.record()
    assert record.current()

    other = MigrationRecord(record.db, record.marker, record.version + ".post1")
    assert not other.current()  # an upgraded Prefect checks its migrations

    db.unlink()  # a deleted database is created and migrated again
    assert not record.current()
    _database(tmp_path, None)  # an empty one too
    assert not record.current()


def test_own_database_url_or_explicit_setting_keeps_prefects_check(tmp_path):
    home = {"PREFECT_HOME": str(tmp_path)}
    url = {"PREFECT_API_DATABASE_CONNECTION_URL": "postgresql+asyncpg://db/prefect"}
    assert MigrationRecord.of({**home, **url}) is None
    assert MigrationRecord.of({**home, "PREFECT_API_DATABASE_MIGRATE_ON_START": "true"}) is None
    assert MigrationRecord.of({}) is None
    (tmp_path / "profiles.toml").write_text("[profiles.default]\n")  # may set another URL
    assert MigrationRecord.of(home) is None


def test_a_damaged_database_is_not_current(tmp_path):
    (tmp_path / "prefect.db").write_bytes(b"not a database")
    (tmp_path / ".zhnews-migrated").write_text(f"{version('prefect')} a3b9c7d2e5f1\n")
    assert not MigrationRecord.of({"PREFECT_HOME": str(tmp_path)}).current()
