"""`zhnews run` with nothing new answers without starting Prefect, and still records the load."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS, query, run_etl
from zhnews import fastpath
from zhnews.db import Warehouse, WarehouseLocked, WriterLock
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
    fastpath.release_unused()
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


def test_work_found_is_handed_to_the_flow_under_the_same_lock(loaded):
    """The check's lock, catalog and discovery go to the flow run in the same process; a
    handoff nobody takes (or one for other paths) releases the lock."""
    inbox, db = loaded
    (inbox / "new.md").write_text("---\ntitle: 新稿\n---\n\n正文一段。\n", encoding="utf-8")
    assert try_noop([str(inbox)], db, Settings()) is None
    assert fastpath.pending_files() == 1
    with pytest.raises(WarehouseLocked):
        WriterLock(db, 0).__enter__()  # held for the flow: no other writer slips in between
    assert fastpath.take(db, [str(inbox / "other")]) is None  # not this flow's paths
    with WriterLock(db, 0):
        pass  # … so it was released
    assert try_noop([str(inbox)], db, Settings()) is None
    result = run_etl([inbox], db)  # the flow takes the handoff
    assert result["status"] == "published" and result["articles_published"] == 1
    assert fastpath.pending_files() is None
    with WriterLock(db, 0):
        pass  # released when the flow ended
    steps = dict(
        query(db, "SELECT step, seconds FROM ops.load_steps WHERE load_id = ?", [result["load_id"]])
    )
    assert steps["discover"] > 0  # the check's discovery time is the load's discover step
    (inbox / "new2.md").write_text("---\ntitle: 又一稿\n---\n\n正文两段。\n", encoding="utf-8")
    assert try_noop([str(inbox)], db, Settings()) is None
    fastpath.release_unused()
    with WriterLock(db, 0):
        pass


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


def test_small_load_counts_only_up_to_its_limit(tmp_path: Path, monkeypatch):
    """Whether GX is imported early (a small load) is decided without listing a big inbox."""
    inbox = tmp_path / "in"
    (inbox / "sub").mkdir(parents=True)
    for name in ("a.md", "b.md", "sub/c.md"):
        (inbox / name).write_text("x", encoding="utf-8")
    assert fastpath.small_load([str(inbox)], 3)
    assert not fastpath.small_load([str(inbox)], 2)
    seen = []
    real = fastpath.expand

    def counting(paths):
        for item in real(paths):
            seen.append(item)
            yield item

    monkeypatch.setattr(fastpath, "expand", counting)
    assert not fastpath.small_load([str(inbox)], 1)
    assert len(seen) == 2  # stopped one past the limit


def test_runs_report_what_analysts_see_without_a_second_connection(loaded):
    """The counts a run prints come from its own connection after the commit (or after the
    no-op), and equal what a reader opened afterwards sees."""
    from zhnews.cli import _summary
    from zhnews.db import open_published, published_summary

    inbox, db = loaded
    done = try_noop([str(inbox)], db, Settings())
    con = open_published(db)
    try:
        assert done["published"] == published_summary(con)
    finally:
        con.close()
    assert done["published"]["last_load"]["status"] == "noop"
    assert done["published"]["tables"]["raw.documents"] == 2
    assert _summary(db, done["published"]) == _summary(db)  # the same text either way
    (inbox / "new.md").write_text("---\ntitle: 新稿\n---\n\n正文一段。\n", encoding="utf-8")
    result = run_etl([inbox], db)
    assert result["published"]["last_load"]["load_id"] == result["load_id"]
    assert result["published"]["tables"]["raw.documents"] == 3


def test_discovery_looks_up_only_the_listed_files_when_they_are_few(loaded, monkeypatch):
    """A watched load's few files are looked up in ops.files, not the whole table read; the
    answer is the same either way (the threshold moved below and above the listing)."""
    from zhnews import db as db_module
    from zhnews.discover import discover

    inbox, db = loaded
    seeds = sorted(str(p) for p in inbox.iterdir())
    wh = Warehouse(db)
    try:
        everything = wh.known_files()
        assert len(everything) == 2
        asked = wh.known_files([os.path.abspath(seeds[0]), "/nowhere/else.md"])
        assert asked == {os.path.abspath(seeds[0]): everything[os.path.abspath(seeds[0])]}
        assert wh.known_files([]) == {}
        (inbox / seeds[1]).touch()  # a new mtime: listed as changed, by either route
        for limit in (0, 1000):
            monkeypatch.setattr(db_module, "KNOWN_LOOKUP_MAX", limit)
            found, unchanged = discover([str(inbox)], wh.known_files)
            assert unchanged == 1 and [f.source_path for f in found.files] == [seeds[1]]
            assert found.files[0].known_sha256 == everything[seeds[1]][2]
            found, unchanged = discover(seeds[:1], wh.known_files)
            assert (found.files, unchanged) == ([], 1)
    finally:
        wh.close()
