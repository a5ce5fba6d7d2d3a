"""Parse workers started before the flow run (zhnews.pool.prestart): the next
`parse_shards` with as many workers takes them; a pool no load takes is stopped."""

from __future__ import annotations

import time

from conftest import SEEDS
from zhnews import pool
from zhnews.discover import FileRef
from zhnews.settings import Settings


def _refs():
    seeds = sorted(SEEDS.iterdir())
    return [FileRef(str(p), str(p), p.stat().st_size, p.stat().st_mtime_ns) for p in seeds]


def _worker_pids(executor) -> set[int]:
    deadline = time.monotonic() + 60
    while len(executor._processes) < executor._max_workers and time.monotonic() < deadline:
        time.sleep(0.05)
    return set(executor._processes)


def test_a_prestarted_pool_parses_the_next_load():
    refs = _refs()
    pool.prestart(2)
    try:
        executor = pool._prestarted[-1][1]
        pids = _worker_pids(executor)
        assert len(pids) == 2  # spawned at once, before any shard was submitted
        results = list(pool.parse_shards([[r] for r in refs], "load-x", Settings(), workers=2))
        assert not pool._prestarted  # taken by the load
        assert sum(n for _, n in results) == len(refs)
        assert sum(r.counters["documents"] for r, _ in results) == len(refs)
    finally:
        pool.discard_prestarted()


def _processes(executor) -> list:
    _worker_pids(executor)
    return list(executor._processes.values())


def test_a_pool_of_another_size_or_none_is_not_taken_and_is_stopped():
    pool.prestart(1)  # one worker parses inline: nothing to start
    assert not pool._prestarted
    pool.prestart(2)
    processes = _processes(pool._prestarted[-1][1])
    refs = _refs()
    results = list(pool.parse_shards([[r] for r in refs], "load-x", Settings(), workers=3))
    assert sum(n for _, n in results) == len(refs)
    assert not pool._prestarted  # the 2-worker pool was stopped, not kept
    assert len(processes) == 2 and all(not p.is_alive() for p in processes)
    pool.prestart(2)
    processes = _processes(pool._prestarted[-1][1])
    pool.discard_prestarted()  # a load that never parsed (zhnews run's exit path)
    assert not pool._prestarted
    assert len(processes) == 2 and all(not p.is_alive() for p in processes)
