"""A large publish runs on one DuckDB thread without DuckDB's cache of file bytes, a small one
on all threads with the cache, and the writer's connection gets its settings back after
either, failed or not (zhnews.store.publish)."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from conftest import FIXTURES
from zhnews.db import Warehouse
from zhnews.discover import discover
from zhnews.gate import GateReport
from zhnews.settings import Settings
from zhnews.shard import process_shard
from zhnews.store import publish


def _settings(con) -> tuple[int, bool]:
    """(threads, enable_external_file_cache) of the connection."""
    return con.execute(
        "SELECT current_setting('threads'), current_setting('enable_external_file_cache')"
    ).fetchone()


def _publish(db: Path, monkeypatch, fail: bool = False):
    """Publish 6 finews posts; the settings seen by each publish statement, before and after."""
    seen: list[tuple[int, bool]] = []
    real = publish.run_statement

    def spy(con, statement, target, adopter):
        seen.append(_settings(con))
        if fail and target == "marts.keywords":
            raise duckdb.InvalidInputException("injected")
        real(con, statement, target, adopter)

    monkeypatch.setattr(publish, "run_statement", spy)
    found, _ = discover([str(FIXTURES / "finews")], {})
    wh = Warehouse(db)
    try:
        load_id = wh.begin_load(None)
        wh.stage(process_shard(found.files[:6], load_id, Settings(), wh.spool))
        before = _settings(wh.con)
        report = GateReport(load_id, "publish", 6, {}, [], [])
        if fail:
            with pytest.raises(Exception, match="injected"):
                wh.publish(load_id, report)
        else:
            wh.publish(load_id, report)
        return seen, before, _settings(wh.con)
    finally:
        wh.close()


def test_a_small_publish_keeps_every_thread(tmp_path, monkeypatch):
    seen, before, after = _publish(tmp_path / "w", monkeypatch)
    assert seen and set(seen) == {before}
    assert after == before


def test_a_large_publish_runs_on_one_thread_and_gives_them_back(tmp_path, monkeypatch):
    monkeypatch.setattr(publish, "LARGE_PUBLISH_ARTICLES", 3)  # 6 posts are "large" here
    seen, before, after = _publish(tmp_path / "w", monkeypatch)
    assert seen and set(seen) == {(1, False)}
    assert after == before
    assert before[1] is True  # the file cache is on outside a large publish


def test_a_failed_large_publish_gives_the_threads_back(tmp_path, monkeypatch):
    monkeypatch.setattr(publish, "LARGE_PUBLISH_ARTICLES", 3)
    seen, before, after = _publish(tmp_path / "w", monkeypatch, fail=True)
    assert set(seen) == {(1, False)}
    assert after == before


def test_the_gate_process_reads_without_the_file_cache(tmp_path, monkeypatch):
    """Its connection (gate_process._gate) holds no copy of the spool's bytes it has read."""
    import zhnews.gate
    from zhnews import gate_process

    def spy(con, load_id, directory, history):
        return con.execute("SELECT current_setting('enable_external_file_cache')").fetchone()[0]

    monkeypatch.setattr(zhnews.gate, "run_gate", spy)
    assert gate_process._gate({}, "l", str(tmp_path), {}, "64MB", str(tmp_path / "t")) is False
