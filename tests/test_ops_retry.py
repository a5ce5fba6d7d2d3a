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


def test_workers_that_keep_dying_end_the_load_with_a_clear_error(monkeypatch):
    """SIGKILL inside every worker process at its first document (native crashes, the OOM
    killer): the files are tried alone, each kills its worker twice and is quarantined, and
    one more such file than the limit ends the load with WorkerDied; no hang."""
    from zhnews import pool

    monkeypatch.setenv("ZHNEWS_CRASH_AT", "parse.after_document")  # inherited by the workers
    monkeypatch.setattr(pool, "MAX_KILLER_FILES", 1)
    with pytest.raises(pool.WorkerDied, match="worker process died"):
        list(pool.parse_shards([[_ref()], [_ref()]], "load-x", Settings(), workers=2))


def test_a_file_that_kills_its_worker_is_quarantined_and_the_others_load(monkeypatch):
    """One file crashes the parser natively every time (ZHNEWS_CRASH_FILE): it is quarantined
    with the reason, its bytes kept; every other file of its shard and of the shards in
    flight with it is parsed and counted once."""
    from zhnews import pool

    seeds = sorted(SEEDS.iterdir())
    refs = [FileRef(str(p), str(p), p.stat().st_size, p.stat().st_mtime_ns) for p in seeds]
    monkeypatch.setenv("ZHNEWS_CRASH_FILE", seeds[0].name)
    batches = [[refs[0], refs[1]], [refs[1]], [refs[1]]]
    results = list(pool.parse_shards(batches, "load-x", Settings(), workers=2))
    assert sum(n for _, n in results) == 4  # every file accounted for once
    rejections = [r for result, _ in results for r in result.rejections]
    assert [(r["source_path"], r["stage"]) for r in rejections] == [(refs[0].source_path, "parse")]
    assert rejections[0]["reason"] == pool.KILLED_REASON
    assert rejections[0]["raw_bytes"] == seeds[0].read_bytes()
    assert sum(result.counters["documents"] for result, _ in results) == 3


@pytest.mark.usefixtures("prefect_api")
def test_a_load_with_a_file_that_kills_its_worker_publishes_the_rest(tmp_path):
    """The whole flow with local workers: the killer file is in ops.quarantine with the
    reason, every other file is published (a partial load, not a failed one)."""
    import shutil

    from conftest import FIXTURES, query, run_etl
    from zhnews import pool

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    posts = sorted((FIXTURES / "finews").glob("*.md"))[:7]
    for post in posts:
        shutil.copy(post, inbox / post.name)
    db = tmp_path / "w"
    summary = run_etl(
        [inbox], db, ZHNEWS_WORKERS=2, ZHNEWS_SHARD_SIZE=2, ZHNEWS_CRASH_FILE=posts[3].name
    )
    assert summary["status"] == "partial", summary  # published, with a file quarantined
    assert (summary["files_quarantined"], summary["documents_published"]) == (1, 6)
    quarantined = query(db, "SELECT source_path, stage, reason FROM ops.quarantine")
    assert quarantined == [(str(inbox / posts[3].name), "parse", pool.KILLED_REASON)]
    published = query(db, "SELECT source_path FROM raw.documents ORDER BY 1")
    assert [p for (p,) in published] == sorted(str(inbox / p.name) for p in posts if p != posts[3])
