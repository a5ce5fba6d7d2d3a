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
