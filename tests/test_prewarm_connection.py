"""`zhnews run` opens the writer's DuckDB connection in a thread while it imports the rest
(zhnews.store.lake.prewarm_connection): the connection it takes must be that one, ready as
any other (extensions loaded, memory limit set), taken once, and an error opening it must
reach the caller."""

from __future__ import annotations

import threading

import pytest
from zhnews.store import lake


@pytest.fixture(autouse=True)
def no_leftover():
    lake._prewarmed.clear()
    yield
    lake._prewarmed.clear()


def _loaded(con) -> set[str]:
    return {
        name
        for (name,) in con.execute(
            "SELECT extension_name FROM duckdb_extensions() WHERE loaded"
        ).fetchall()
    }


def test_the_next_connection_is_the_one_opened_ahead():
    opened: list = []
    real = lake._open_connection

    def spy(memory_limit):
        con = real(memory_limit)
        opened.append((threading.current_thread().name, con))
        return con

    lake._open_connection, saved = spy, lake._open_connection
    try:
        lake.prewarm_connection("300MB")
        lake.prewarm_connection("300MB")  # a second call opens nothing more
        con = lake.new_connection("300MB")
    finally:
        lake._open_connection = saved
    assert [name for name, _ in opened] == ["duckdb-prewarm"]
    assert con is opened[0][1]
    assert {"ducklake", "sqlite_scanner"} <= _loaded(con)
    plain = saved("300MB")
    setting = "SELECT current_setting('memory_limit')"
    assert con.execute(setting).fetchone() == plain.execute(setting).fetchone()
    plain.close()
    # taken once: the next connection is a new one
    other = lake.new_connection("300MB")
    assert other is not con
    con.close()
    other.close()


def test_another_memory_limit_does_not_take_it():
    lake.prewarm_connection("300MB")
    con = lake.new_connection(None)
    assert "300MB" in lake._prewarmed  # still waiting for its caller
    con.close()
    lake.new_connection("300MB").close()


def test_an_error_opening_it_reaches_the_caller(monkeypatch):
    def broken(memory_limit):
        raise RuntimeError("no extension file")

    monkeypatch.setattr(lake, "_open_connection", broken)
    lake.prewarm_connection("300MB")
    with pytest.raises(RuntimeError, match="no extension file"):
        lake.new_connection("300MB")
