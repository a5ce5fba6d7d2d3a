"""A killed load leaves no process behind, and the next run succeeds.

`zhnews run` is started WITHOUT a PREFECT_API_URL, so it starts Prefect's temporary API server
itself, in a session of its own (the test's handle on everything it starts), and is SIGKILLed:

- while parsing with 2 worker processes (each worker stops itself with SIGSTOP at its first
  document, so both are alive, and not even able to run a thread, when the parent dies: only
  the kernel's parent-death signal can end them);
- before the quality gate and before the publish commit (ZHNEWS_CRASH_AT fault points), also
  with `--runner dask` (a local Dask cluster: distributed ends its processes with their parent).

After each kill no process of the run's session, and none carrying its ZHNEWS_PARENT marker,
may remain. A last run without a fault must publish. `reap_stale` is tested on its own: a
marked process whose parent is gone is stopped, one whose parent lives is left alone.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import FIXTURES, SEEDS

pytestmark = pytest.mark.timeout(900)
RUN_TIMEOUT_S = 300
GONE_WITHIN_S = 20


def _stat(pid: int) -> list[str] | None:
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return text.rpartition(")")[2].split()  # [0] state, [1] ppid, [3] session id


def _marker(pid: int) -> str | None:
    try:
        environ = Path(f"/proc/{pid}/environ").read_bytes()
    except OSError:
        return None
    for item in environ.split(b"\0"):
        if item.startswith(b"ZHNEWS_PARENT="):
            return item.split(b"=", 1)[1].decode()
    return None


def processes_of(run_pid: int) -> dict[int, str]:
    """Live processes (not zombies) in the run's session or marked as its children."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == run_pid:
            continue
        pid = int(entry.name)
        st = _stat(pid)
        if st is None or st[0] == "Z":
            continue
        marker = _marker(pid) or ""
        if int(st[3]) == run_pid or marker.split(":")[0] == str(run_pid):
            try:
                found[pid] = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ")[:120]
            except OSError:
                continue
    return found


def wait_until(condition, timeout_s: float, what: str):
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"timed out after {timeout_s}s waiting for {what}")


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    base = tmp_path_factory.mktemp("orphans")
    inbox = base / "inbox"
    inbox.mkdir()
    for src in [*sorted(SEEDS.iterdir()), *sorted((FIXTURES / "finews").glob("*.md"))[:6]]:
        shutil.copy(src, inbox / src.name)
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("ZHNEWS_CRASH", "PREFECT_API_URL", "ZHNEWS_PARENT"))
    }
    if env.pop("PYTHONDONTWRITEBYTECODE", None):
        env["PYTHONPYCACHEPREFIX"] = str(base / "pycache")
    env.update(
        {
            "PREFECT_HOME": str(base / "prefect"),
            "PREFECT_LOGGING_LEVEL": "ERROR",
            "ZHNEWS_LOCK_TIMEOUT": "30",
            "ZHNEWS_WORKERS": "2",
            "ZHNEWS_SHARD_SIZE": "2",
        }
    )
    return {"base": base, "inbox": inbox, "db": base / "wh" / "w", "env": env}


def start_run(world, *args: str, **env) -> subprocess.Popen:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "zhnews",
            "run",
            str(world["inbox"]),
            "--db",
            str(world["db"]),
            *args,
        ],
        env={**world["env"], **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its session id is its pid: finds everything it starts
    )


def assert_nothing_left(run: subprocess.Popen) -> None:
    left = {}

    def gone():
        nonlocal left
        left = processes_of(run.pid)
        return not left

    try:
        wait_until(gone, GONE_WITHIN_S, "the killed run's processes to end")
    except AssertionError:
        for pid in left:  # do not leak them into the rest of the session
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        raise AssertionError(f"left behind: {left}") from None


def test_kill_while_workers_parse(world):
    run = start_run(world, ZHNEWS_CRASH_AT="parse.after_document", ZHNEWS_CRASH_SIGNAL="SIGSTOP")

    def two_stopped_workers():
        procs = processes_of(run.pid)
        stopped = [p for p in procs if (_stat(p) or ["?"])[0] == "T"]
        api = [p for p, cmd in procs.items() if b"uvicorn" in cmd]
        return len(stopped) >= 2 and api and (stopped, api)

    try:
        stopped, api = wait_until(two_stopped_workers, RUN_TIMEOUT_S, "2 stopped workers")
        assert all(_marker(p) for p in stopped + api)  # marked as the run's children
    finally:
        run.kill()
        run.communicate(timeout=60)
    assert_nothing_left(run)


@pytest.mark.parametrize(
    "point, runner",
    [("gate.before", "process"), ("publish.before_commit", "process"), ("gate.before", "dask")],
)
def test_kill_at_fault_point(world, point, runner):
    """With `--runner dask` the local Dask cluster (nanny processes) is alive at gate.before."""
    run = start_run(world, "--runner", runner, ZHNEWS_CRASH_AT=point)
    try:
        _, err = run.communicate(timeout=RUN_TIMEOUT_S)
    finally:
        run.kill()
    assert run.returncode == -signal.SIGKILL, err[-3000:]
    assert_nothing_left(run)


def test_next_run_succeeds(world):
    run = start_run(world)
    out, err = run.communicate(timeout=RUN_TIMEOUT_S)
    assert run.returncode == 0, err[-3000:]
    assert "status=published" in out or "status=partial" in out, out
    assert_nothing_left(run)


def test_reap_stale_stops_marked_children_of_a_dead_parent(tmp_path):
    from zhnews import procs

    parent = subprocess.Popen([sys.executable, "-c", "pass"])
    dead_mark = procs.marker_for(parent.pid)
    parent.wait()
    assert procs.start_time(parent.pid) is None or procs.marker_for(parent.pid) != dead_mark
    sleeper = [sys.executable, "-c", "import time; time.sleep(600)"]
    orphan = subprocess.Popen(sleeper, env={**os.environ, procs.MARKER: dead_mark})
    living = subprocess.Popen(
        sleeper, env={**os.environ, procs.MARKER: procs.marker_for(os.getpid())}
    )
    unmarked = subprocess.Popen(
        sleeper, env={k: v for k, v in os.environ.items() if k != procs.MARKER}
    )
    try:
        wait_until(lambda: _marker(orphan.pid) == dead_mark, 10, "the orphan to start")
        reaped = procs.reap_stale(grace_s=2)
        reaped_pids = [pid for pid, _ in reaped]
        assert orphan.pid in reaped_pids
        assert living.pid not in reaped_pids and unmarked.pid not in reaped_pids
        assert orphan.wait(timeout=10) in (-signal.SIGTERM, -signal.SIGKILL)
        assert living.poll() is None and unmarked.poll() is None
    finally:
        for p in (orphan, living, unmarked):
            p.kill()
            p.wait()
