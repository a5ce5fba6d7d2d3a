"""A large publish runs on one DuckDB thread, a small one on all of them, and the writer's
connection gets its threads back after either, failed or not (zhnews.store.publish)."""

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


def _threads(con) -> int:
    return con.execute("SELECT current_setting('threads')").fetchone()[0]


def _publish(db: Path, monkeypatch, fail: bool = False) -> tuple[list[int], int, int]:
    """Publish 6 finews posts; the threads seen by each publish statement, before and after."""
    seen: list[int] = []
    real = publish.run_statement

    def spy(con, statement, target, adopter):
        seen.append(_threads(con))
        if fail and target == "marts.keywords":
            raise duckdb.InvalidInputException("injected")
        real(con, statement, target, adopter)

    monkeypatch.setattr(publish, "run_statement", spy)
    found, _ = discover([str(FIXTURES / "finews")], {})
    wh = Warehouse(db)
    try:
        load_id = wh.begin_load(None)
        wh.stage(process_shard(found.files[:6], load_id, Settings(), wh.spool))
        before = _threads(wh.con)
        report = GateReport(load_id, "publish", 6, {}, [], [])
        if fail:
            with pytest.raises(Exception, match="injected"):
                wh.publish(load_id, report)
        else:
            wh.publish(load_id, report)
        return seen, before, _threads(wh.con)
    finally:
        wh.close()


def test_a_small_publish_keeps_every_thread(tmp_path, monkeypatch):
    seen, before, after = _publish(tmp_path / "w", monkeypatch)
    assert seen and set(seen) == {before}
    assert after == before


def test_a_large_publish_runs_on_one_thread_and_gives_them_back(tmp_path, monkeypatch):
    monkeypatch.setattr(publish, "LARGE_PUBLISH_ARTICLES", 3)  # 6 posts are "large" here
    seen, before, after = _publish(tmp_path / "w", monkeypatch)
    assert seen and set(seen) == {1}
    assert after == before


def test_a_failed_large_publish_gives_the_threads_back(tmp_path, monkeypatch):
    monkeypatch.setattr(publish, "LARGE_PUBLISH_ARTICLES", 3)
    seen, before, after = _publish(tmp_path / "w", monkeypatch, fail=True)
    assert set(seen) == {1}
    assert after == before
