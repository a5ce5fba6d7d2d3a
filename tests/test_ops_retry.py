"""Transient file-system errors fail the shard so Prefect retries it; permanent ones quarantine."""

from __future__ import annotations

import builtins
import errno

import pytest
from conftest import SEEDS
from zhnews import shard
from zhnews.discover import FileRef
from zhnews.settings import Settings


def _ref():
    seed = sorted(SEEDS.iterdir())[0]
    st = seed.stat()
    return FileRef(str(seed), str(seed), st.st_size, st.st_mtime_ns)


def _failing_open(code: int):
    real_open = builtins.open

    def fake_open(path, mode="r", *args, **kwargs):
        if str(path).startswith(str(SEEDS)) and "b" in mode:
            raise OSError(code, "injected")
        return real_open(path, mode, *args, **kwargs)

    return fake_open


@pytest.mark.parametrize("code", sorted(shard.TRANSIENT_ERRNOS))
def test_transient_read_errors_raise_for_a_retry(monkeypatch, code):
    monkeypatch.setattr(builtins, "open", _failing_open(code))
    with pytest.raises(OSError) as exc:
        shard.process_shard([_ref()], "load-x", Settings())
    assert exc.value.errno == code


@pytest.mark.parametrize("code", [errno.EACCES, errno.ENOENT, errno.EISDIR])
def test_permanent_read_errors_quarantine_the_file(monkeypatch, code):
    monkeypatch.setattr(builtins, "open", _failing_open(code))
    result = shard.process_shard([_ref()], "load-x", Settings())
    assert [r["stage"] for r in result.rejections] == ["read"]
    assert result.counters["rejected_read"] == 1


def test_parse_shard_task_retries_with_backoff():
    from zhnews.flow import parse_shard

    assert parse_shard.retries == 2
    assert list(parse_shard.retry_delay_seconds) == [1, 5]


def test_local_pool_retries_a_transient_failure_then_gives_up(monkeypatch):
    """zhnews.pool (the default runner) applies the same policy as the parse-shard task."""
    from zhnews import pool

    calls, sleeps, retried = [], [], []

    def flaky(files, load_id, settings, spool=None):
        calls.append(len(calls))
        if len(calls) <= 2:
            raise OSError(errno.EIO, "injected")
        return shard.process_shard(files, load_id, settings, spool)

    monkeypatch.setattr(pool, "process_shard", flaky)
    monkeypatch.setattr(pool.time, "sleep", sleeps.append)
    results = list(
        pool.parse_shards(
            [[_ref()]], "load-x", Settings(), workers=1, on_retry=lambda *a: retried.append(a[0])
        )
    )
    assert [n for _, n in results] == [1] and results[0][0].counters["documents"] == 1
    assert sleeps == [1, 5] and retried == [0, 0] and len(calls) == 3

    monkeypatch.setattr(pool, "process_shard", lambda *a: _eio())
    with pytest.raises(OSError):
        list(pool.parse_shards([[_ref()]], "load-x", Settings(), workers=1))


def _eio():
    raise OSError(errno.EIO, "still failing")


def test_local_pool_does_not_retry_other_errors(monkeypatch):
    from zhnews import pool

    sleeps = []
    monkeypatch.setattr(pool.time, "sleep", sleeps.append)
    monkeypatch.setattr(pool, "process_shard", lambda *a: (_ for _ in ()).throw(ValueError("bug")))
    with pytest.raises(ValueError):
        list(pool.parse_shards([[_ref()]], "load-x", Settings(), workers=1))
    assert sleeps == []


def test_a_worker_that_dies_fails_the_load_with_a_clear_error(monkeypatch):
    """SIGKILL inside a real worker process (native crash, OOM killer) -> WorkerDied, no hang."""
    from zhnews import pool

    monkeypatch.setenv("ZHNEWS_CRASH_AT", "parse.after_document")  # inherited by the workers
    with pytest.raises(pool.WorkerDied, match="worker process died"):
        list(pool.parse_shards([[_ref()], [_ref()]], "load-x", Settings(), workers=2))
