"""The quality gate in its own process (zhnews.gate_process).

The child sees the load's staging rows through the spool, decides exactly what `run_gate`
decides on the writer's connection, hands its errors back as the same exceptions, and is gone
when the gate of a large load is done (or when a load ends without one); after a small load it
stays for the next one.
"""

from __future__ import annotations

import json
import shutil
import time
from dataclasses import asdict
from pathlib import Path

import pytest
from conftest import FIXTURES
from zhnews.db import Warehouse
from zhnews.discover import discover
from zhnews.gate import SuiteError, run_gate
from zhnews.gate_process import GateProcess
from zhnews.settings import Settings
from zhnews.shard import process_shard

EXPECTATIONS = Path(__file__).resolve().parents[1] / "expectations"


def _staged_load(tmp_path: Path, n: int = 12) -> tuple[Warehouse, str]:
    found, _ = discover([str(FIXTURES / "finews")], {})
    wh = Warehouse(tmp_path / "w")
    load_id = wh.begin_load(None)
    wh.stage(process_shard(found.files[:n], load_id, Settings(), wh.spool))
    return wh, load_id


def _comparable(report) -> dict:
    out = asdict(report)
    out.pop("suite_seconds", None)
    out.pop("decided_at", None)
    return out


def test_the_child_decides_what_run_gate_decides_on_the_writer(tmp_path):
    wh, load_id = _staged_load(tmp_path)
    gp = GateProcess()
    try:
        in_child = gp.run(wh, load_id, EXPECTATIONS)
        here = run_gate(wh.con, load_id, EXPECTATIONS)
    finally:
        gp.close()
        wh.close()
    assert in_child.documents_in == 12
    assert in_child.results, "the child validated nothing"
    assert _comparable(in_child) == _comparable(here)
    assert not gp.started  # the process is gone once the gate is done


def test_a_broken_suite_raised_in_the_child_is_the_same_error_here(tmp_path):
    suites = tmp_path / "expectations"
    shutil.copytree(EXPECTATIONS, suites)
    path = suites / "articles.json"
    suite = json.loads(path.read_text(encoding="utf-8"))
    suite["expectations"][0]["type"] = "expect_no_such_thing"
    path.write_text(json.dumps(suite), encoding="utf-8")
    wh, load_id = _staged_load(tmp_path, 3)
    try:
        with pytest.raises(SuiteError) as raised:
            GateProcess().run(wh, load_id, suites)
    finally:
        wh.close()
    assert raised.value.path.name == "articles.json"


def test_an_early_start_without_a_gate_ends_at_once():
    gp = GateProcess()
    gp.start()
    process = gp._process
    assert process.is_alive()
    started = time.monotonic()
    gp.close()  # a load that found nothing new: the import in flight is not waited for
    assert time.monotonic() - started < 2
    assert not process.is_alive()


def test_a_kept_child_answers_the_next_loads_and_a_release_keeps_it(tmp_path):
    """A small load keeps the child (GX imported once per process); errors keep it too."""
    wh, load_id = _staged_load(tmp_path / "a", 4)
    wh2, load_id2 = _staged_load(tmp_path / "b", 6)
    suites = tmp_path / "broken"
    shutil.copytree(EXPECTATIONS, suites)
    path = suites / "articles.json"
    suite = json.loads(path.read_text(encoding="utf-8"))
    suite["expectations"][0]["type"] = "expect_no_such_thing"
    path.write_text(json.dumps(suite), encoding="utf-8")
    gp = GateProcess()
    try:
        first = gp.run(wh, load_id, EXPECTATIONS, keep=True)
        process = gp._process
        gp.release()  # the end of the first load
        with pytest.raises(SuiteError):
            gp.run(wh2, load_id2, suites, keep=True)
        second = gp.run(wh2, load_id2, EXPECTATIONS, keep=True)
        assert gp._process is process and process.is_alive()  # one child for all three
        assert (first.documents_in, second.documents_in) == (4, 6)
        assert _comparable(second) == _comparable(run_gate(wh2.con, load_id2, EXPECTATIONS))
        gp.run(wh, load_id, EXPECTATIONS)  # a large load's gate: the child goes after it
        assert not gp.started
        process.join(5)
        assert not process.is_alive()
    finally:
        gp.close()
        wh.close()
        wh2.close()


def test_a_release_stops_a_child_that_never_answered():
    gp = GateProcess()
    gp.start()
    process = gp._process
    gp.release()  # a no-op load: the early start is not kept
    assert not gp.started
    process.join(2)
    assert not process.is_alive()


def test_the_child_runs_at_a_lower_priority_than_the_flow():
    """GX's import must not take CPU from Prefect's API boot and the flow's own imports on a
    small load (the gate is needed only after parsing): the child is niced."""
    import os

    gp = GateProcess()
    gp.start()
    try:
        pid = gp._process.pid
        deadline = time.monotonic() + 30
        while os.getpriority(os.PRIO_PROCESS, pid) == os.getpriority(os.PRIO_PROCESS, 0):
            assert time.monotonic() < deadline, "the gate process kept the flow's priority"
            time.sleep(0.05)
        assert os.getpriority(os.PRIO_PROCESS, pid) > os.getpriority(os.PRIO_PROCESS, 0)
    finally:
        gp.close()


def test_a_warmed_child_says_so_and_still_answers_its_load(tmp_path, monkeypatch):
    """With `WARM_UP` the child reports once it has validated the suites on nothing
    (`wait_warm`, what `zhnews watch` waits for before it reports itself ready); its first
    load is answered whether or not that message was read first."""
    from zhnews import gate_process

    monkeypatch.setattr(gate_process, "WARM_UP", EXPECTATIONS)
    wh, load_id = _staged_load(tmp_path)
    waited, unread = GateProcess(), GateProcess()
    try:
        waited.start()
        unread.start()
        assert waited.wait_warm(120)
        assert waited.wait_warm(0)  # once warm, it stays so without another message
        first = waited.run(wh, load_id, EXPECTATIONS)
        second = unread.run(wh, load_id, EXPECTATIONS)  # its warm message is still queued
    finally:
        waited.close()
        unread.close()
        wh.close()
    assert first.results and _comparable(first) == _comparable(second)


def test_without_a_warm_up_there_is_nothing_to_wait_for():
    gp = GateProcess()
    try:
        gp.start()
        assert gp.wait_warm(0.1) is False
    finally:
        gp.close()


def test_the_child_loads_what_gx_imports_but_the_gate_does_not_use_lazily():
    """SciPy's statistics and Altair are imported by GX but not run by the suites: in the
    gate's process they load at first use (`procs.lazy_imports`), and still work when used."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from zhnews.gate_process import _import_gx\n"
        "_import_gx()\n"
        "import great_expectations\n"
        "loaded = lambda name: name in sys.modules and "
        "type(sys.modules[name]).__name__ != '_LazyModule'\n"
        "print(loaded('great_expectations'), loaded('scipy.stats._stats_py'), "
        "loaded('altair.vegalite'))\n"
        "import scipy.stats\n"
        "print(scipy.stats.norm.cdf(0.0), loaded('scipy.stats._stats_py'))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    assert out == ["True", "False", "False", "0.5", "True"]
