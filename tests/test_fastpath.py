"""`zhnews run` with nothing new answers without starting Prefect, and still records the load."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS, query, run_etl
from zhnews.db import Warehouse, WriterLock
from zhnews.fastpath import try_noop
from zhnews.settings import Settings

pytestmark = pytest.mark.usefixtures("prefect_api")


@pytest.fixture
def loaded(tmp_path: Path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for f in SEEDS.iterdir():
        (inbox / f.name).write_bytes(f.read_bytes())
    db = tmp_path / "w" / "zhnews.duckdb"
    assert run_etl([inbox], db)["status"] == "published"
    return inbox, db


def test_unchanged_files_finish_as_noop_without_a_flow_run(loaded):
    inbox, db = loaded
    done = try_noop([str(inbox)], db, Settings())
    assert done and done["status"] == "noop" and done["files_unchanged"] == 2
    rows = query(
        db,  # analysts see the noop at once: ops lives in the lake, committed on its own
        "SELECT status, flow_run_id, files_seen, files_new, files_unchanged FROM ops.loads "
        "ORDER BY started_at",
    )
    assert rows[-1] == ("noop", None, 2, 0, 2)
    assert rows[0][0] == "published" and rows[0][1]  # the real load had a flow run


def test_anything_to_do_goes_through_the_flow(loaded, tmp_path):
    inbox, db = loaded
    (inbox / "new.md").write_text("---\ntitle: 新稿\n---\n\n正文一段。\n", encoding="utf-8")
    assert try_noop([str(inbox)], db, Settings()) is None
    (inbox / "new.md").unlink()
    assert try_noop([str(inbox / "missing")], db, Settings()) is None  # a path to warn about
    assert try_noop([str(inbox)], tmp_path / "none" / "x.duckdb", Settings()) is None
    with WriterLock(db, 5):
        assert try_noop([str(inbox)], db, Settings()) is None  # the flow waits for the lock
    wh = Warehouse(db)
    try:
        wh.begin_load("killed")  # left 'running' as by a SIGKILL: recovery is a flow's job
    finally:
        wh.close()
    assert try_noop([str(inbox)], db, Settings()) is None


def test_cli_noop_does_not_import_prefect(loaded):
    inbox, db = loaded
    code = (
        "import sys; from zhnews.cli import main; rc = main(['run', sys.argv[1], '--db', sys.argv[2]]);"
        "assert 'prefect' not in sys.modules, 'prefect was imported'; sys.exit(rc)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(inbox), str(db)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=dict(os.environ),
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    assert "nothing new: 2 file(s) unchanged" in out.stdout
    last = "SELECT status FROM ops.loads ORDER BY started_at DESC LIMIT 1"
    assert query(db, last)[0][0] == "noop"
