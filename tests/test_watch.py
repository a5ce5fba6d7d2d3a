"""`zhnews watch`: files that land in watched folders are loaded by one warm process.

The scanner (`TreeWatcher`) and the loop (`watch_loop`) are tested without Prefect, on real
folders with a fake clock; one test runs the real command in a subprocess against the
session's Prefect test API and checks that a document dropped into the folder reaches the
marts, and that SIGTERM stops the watcher cleanly.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from conftest import ROOT
from zhnews.watch import Retry, TreeWatcher, watch_loop


def _gate_children(pid: int) -> list[int]:
    """Child processes of `pid` started by multiprocessing's spawn (`spawn_main`: the gate's;
    the resource tracker is started another way)."""
    out = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        if ppid == pid and b"spawn_main" in cmdline:
            out.append(int(entry.name))
    return out


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _write(path: Path, text: str, mtime: int | None = None) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    if mtime is not None:
        os.utime(path, ns=(mtime, mtime))
    return str(path)


def _age_folders(root: Path) -> None:
    """Set every folder's mtime to a fixed past time (as a folder untouched for a while)."""
    for folder, _, _ in os.walk(root):
        os.utime(folder, ns=(10**18, 10**18))


def test_the_first_scan_is_the_snapshot_and_new_files_are_seen(tmp_path):
    _write(tmp_path / "a" / "old.md", "old")
    watcher = TreeWatcher([str(tmp_path)], clock=Clock())
    assert watcher.changes() == []  # what was there is the catch-up load's
    new = _write(tmp_path / "a" / "new.md", "new")
    nested = _write(tmp_path / "b" / "c" / "deep.html", "<p>x</p>")  # a folder made since
    assert watcher.changes() == sorted([new, nested])
    assert watcher.changes() == []


def test_hidden_and_non_document_files_are_not_loaded(tmp_path):
    watcher = TreeWatcher([str(tmp_path)], clock=Clock())
    watcher.changes()
    _write(tmp_path / ".part.md", "a copy in progress")
    _write(tmp_path / "notes.docx", "not a document type")
    _write(tmp_path / ".git" / "x.md", "a hidden folder")
    assert watcher.changes() == []


def test_a_file_added_to_an_unchanged_looking_folder_is_found_by_the_rescan(tmp_path):
    clock = Clock()
    watcher = TreeWatcher([str(tmp_path)], clock=clock, rescan_s=60)
    _age_folders(tmp_path)
    watcher.changes()
    path = _write(tmp_path / "late.md", "x")
    _age_folders(tmp_path)  # as if the folder's mtime had not moved (same clock tick)
    assert watcher.changes() == []
    clock.now += 61
    assert watcher.changes() == [path]


def test_a_folder_changed_recently_is_listed_even_when_its_mtime_did_not_move(tmp_path):
    watcher = TreeWatcher([str(tmp_path)], clock=Clock())
    watcher.changes()
    stamp = os.stat(tmp_path).st_mtime_ns
    path = _write(tmp_path / "same-tick.md", "x")
    os.utime(tmp_path, ns=(stamp, stamp))  # the add landed within the last listing's tick
    assert watcher.changes() == [path]


def test_a_recent_file_rewritten_in_place_is_seen_again(tmp_path):
    clock = Clock()
    watcher = TreeWatcher([str(tmp_path)], clock=clock, recent_s=30)
    watcher.changes()
    path = _write(tmp_path / "a.md", "first", mtime=1_000)
    assert watcher.changes() == [path]
    _write(tmp_path / "a.md", "second, longer", mtime=2_000)  # no folder entry changes
    assert watcher.changes() == [path]
    clock.now += 31  # no longer recent: a rewrite now waits for the rescan
    _age_folders(tmp_path)  # nor is its folder (a folder changed lately is listed each poll)
    assert watcher.changes() == []
    _write(tmp_path / "a.md", "third, longer still", mtime=3_000)
    assert watcher.changes() == []


def test_a_file_still_being_written_is_not_settled(tmp_path):
    watcher = TreeWatcher([str(tmp_path)], clock=Clock())
    watcher.changes()
    done = _write(tmp_path / "done.md", "complete", mtime=1_000)
    growing = _write(tmp_path / "growing.md", "part", mtime=1_000)
    assert watcher.changes() == [done, growing]
    _write(tmp_path / "growing.md", "part and more", mtime=2_000)
    assert watcher.settled([done, growing]) == ([done], [growing])
    assert watcher.settled([growing]) == ([growing], [])  # held still since


def test_the_loop_catches_up_then_loads_what_lands(tmp_path):
    (tmp_path / "in").mkdir()
    calls: list[list[str]] = []
    landed: list[str] = []

    def load(paths: list[str]) -> None:
        calls.append(paths)
        if len(calls) == 1:  # after the catch-up, a feed drops a file
            landed.append(_write(tmp_path / "in" / "new.md", "x"))

    stats = watch_loop(
        [str(tmp_path / "in")],
        load,
        stop=lambda: len(calls) >= 2,
        interval_s=0,
        settle_s=0,
        sleep=lambda s: None,
    )
    assert calls == [[str(tmp_path / "in")], landed]
    assert (stats.loads, stats.failed, stats.files) == (2, 0, 1)


def test_a_locked_warehouse_keeps_the_files_pending_and_a_failed_load_does_not_stop(tmp_path):
    (tmp_path / "in").mkdir()
    calls: list[list[str]] = []
    errors: list[BaseException] = []
    paths: list[str] = []

    def load(batch: list[str]) -> None:
        calls.append(batch)
        if len(calls) == 1:
            paths.append(_write(tmp_path / "in" / "a.md", "x"))
        elif len(calls) == 2:
            raise Retry("another writer holds the warehouse")
        elif len(calls) == 3:
            paths.append(_write(tmp_path / "in" / "b.md", "y"))
            raise RuntimeError("the gate failed")

    stats = watch_loop(
        [str(tmp_path / "in")],
        load,
        stop=lambda: len(calls) >= 4,
        interval_s=0,
        settle_s=0,
        on_error=errors.append,
        sleep=lambda s: None,
    )
    # the locked load is tried again with the same file; the failed one is not retried
    assert calls[1:] == [[paths[0]], [paths[0]], [paths[1]]]
    assert [type(e).__name__ for e in errors] == ["Retry", "RuntimeError"]
    assert (stats.loads, stats.failed) == (4, 1)


@pytest.mark.timeout(300)
def test_zhnews_watch_loads_a_dropped_file_and_stops_on_sigterm(tmp_path, prefect_api):
    from prefect.settings import PREFECT_API_URL
    from zhnews.db import open_published

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    db = tmp_path / "w"
    env = {k: v for k, v in os.environ.items() if not k.startswith("ZHNEWS_CRASH")}
    env.update(
        {
            "PREFECT_API_URL": str(PREFECT_API_URL.value()),
            "PREFECT_HOME": str(tmp_path / "prefect"),
            "ZHNEWS_WORKERS": "1",
        }
    )
    cmd = [sys.executable, "-m", "zhnews", "watch", str(inbox), "--db", str(db)]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(proc.stdout), daemon=True)
    reader.start()

    def wait_for(text: str) -> None:
        deadline = time.monotonic() + 120
        while not any(text in line for line in list(lines)) and time.monotonic() < deadline:
            time.sleep(0.2)

    try:
        wait_for("watching ")  # the catch-up load, then the ready line
        # the catch-up found nothing new and did not use the gate; its process is up again
        # (warm) before the first file lands
        deadline = time.monotonic() + 30
        while not _gate_children(proc.pid) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert _gate_children(proc.pid), "no warm quality-gate process beside the watcher"
        seed = sorted((ROOT / "seeds").iterdir())[0]
        staged = tmp_path / seed.name
        shutil.copy(seed, staged)
        os.rename(staged, inbox / seed.name)  # lands at once, as a feed's mv does
        deadline = time.monotonic() + 120
        titles: list = []
        while time.monotonic() < deadline and not titles:
            time.sleep(0.5)
            try:
                con = open_published(db)
            except Exception:  # noqa: BLE001 - not published yet
                continue
            try:
                titles = con.execute(
                    "SELECT title FROM marts.articles WHERE source_path LIKE ?", [f"%{seed.name}"]
                ).fetchall()
            finally:
                con.close()
        assert titles, "the dropped file never reached marts.articles"
        # the load's line: readers see its rows from its commit, a few steps before it ends;
        # this checks a stop between loads (a SIGTERM inside a load ends that load instead)
        wait_for("status=published")
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=120)
        reader.join(10)
        err = proc.stderr.read()
    out = "".join(lines)
    assert proc.returncode == 0, err
    assert "stopped: 2 load(s), 0 failed; 1 file(s) landed while watching" in out
    assert "Traceback" not in err
