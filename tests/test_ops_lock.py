"""Two writers: the second waits ZHNEWS_LOCK_TIMEOUT, then exits with code 3 naming the holder."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS
from zhnews.store.lake import WarehousePaths

pytestmark = pytest.mark.usefixtures("prefect_api")

HOLD_LOCK = textwrap.dedent("""
    import sys
    from pathlib import Path
    from zhnews.db import WriterLock
    with WriterLock(Path(sys.argv[1]), 5):
        print("locked", flush=True)
        sys.stdin.read()  # hold until the test closes our stdin
""")


@pytest.fixture
def lock_holder(tmp_path: Path):
    db = tmp_path / "zhnews.duckdb"
    script = tmp_path / "hold_lock.py"
    script.write_text(HOLD_LOCK)
    proc = subprocess.Popen(
        [sys.executable, str(script), str(db)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout.readline().strip() == "locked"
        yield db, proc
    finally:
        proc.stdin.close()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def test_locked_warehouse_fails_with_exit_3_naming_the_holder(lock_holder):
    from prefect.settings import PREFECT_API_URL

    db, holder = lock_holder
    # the test's Prefect API, so the CLI does not start a temporary server of its own
    env = {**os.environ, "ZHNEWS_LOCK_TIMEOUT": "2", "PREFECT_API_URL": PREFECT_API_URL.value()}
    started = time.monotonic()  # CLI start-up (imports) dominates; the wait itself is 2 s
    run = subprocess.run(
        [sys.executable, "-m", "zhnews", "run", "--quiet", "--db", str(db), str(SEEDS)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 3, run.stderr[-3000:]
    (message,) = [ln for ln in run.stderr.splitlines() if ln.startswith("error:")]
    assert f"pid {holder.pid}" in message
    assert "hold_lock.py" in message  # the holder's command line
    assert "writer lock" in message and "ZHNEWS_LOCK_TIMEOUT" in message
    assert "waited 2s" in message
    assert time.monotonic() - started < 240
    assert not WarehousePaths.of(db).exists(), (
        "nothing may be written while another writer holds the lock"
    )
