"""Load files as they land: one warm process that watches folders (`zhnews watch`).

A `zhnews run` process pays its start-up on every load: the interpreter, the flow's
modules (~1.2 s), Prefect's flow machinery and, for the quality gate, Great Expectations in a
child process. For a feed that drops a few files every few minutes that fixed cost is most
of the time until analysts see them. `zhnews watch` pays it once: it stays up, notices new
or changed files, and runs the same ETL flow in-process on just those files (each load is a
flow run: with `zhnews ui` running and PREFECT_API_URL set it shows in the UI as any other),
the quality gate's process kept warm between small loads (`zhnews.gate_process`).

Noticing is cheap without a file-system event library: a folder's mtime changes when an
entry is added, removed or renamed in it, so each poll stats the folders only and lists again
the ones that changed (`TreeWatcher`). A file written in place after it was first seen (an
editor saving, a slow copy) changes no folder: files seen in the last `recent_s` seconds are
stat-ed again on every poll, and everything is listed again every `rescan_s` seconds. A file
is loaded once its size and mtime have held still for `settle_s` (a copy in progress is not
loaded half-written). Loading a file whose bytes did not change is a no-op for the ledger
(size, mtime, sha256 in ops.files), so seeing a file twice costs nothing but a check.

`TreeWatcher` and `watch_loop` are pure (the load is a function passed in) and tested
without Prefect; `zhnews.cli` wires them to the flow.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from zhnews.discover import is_document_name, is_hidden

DEFAULT_INTERVAL_S = 0.25  # between polls (stats of the folders only)
DEFAULT_SETTLE_S = 0.2  # a file's size and mtime hold still this long before it is loaded
DEFAULT_RECENT_S = 60.0  # files first seen this recently are stat-ed on every poll
DEFAULT_RESCAN_S = 300.0  # every folder is listed again this often (writes in place)
HOT_FOLDER_NS = 2_000_000_000  # a folder changed this recently is listed on every poll

Stat = tuple[int, int]  # (size, mtime_ns)


def _stat(path: str) -> Stat | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns


@dataclass
class TreeWatcher:
    """New and changed documents under `roots` (folders or single files), poll by poll.

    The first `changes()` takes the snapshot and reports nothing: what was there before the
    watch began is the catch-up load's business (`watch_loop` runs it over the roots)."""

    roots: list[str]
    recent_s: float = DEFAULT_RECENT_S
    rescan_s: float = DEFAULT_RESCAN_S
    clock: Callable[[], float] = time.monotonic
    _dirs: dict[str, int] = field(default_factory=dict)  # folder -> mtime_ns
    _files: dict[str, Stat] = field(default_factory=dict)
    _recent: dict[str, float] = field(default_factory=dict)  # file -> when first seen
    _scanned_at: float | None = None

    def changes(self) -> list[str]:
        """Files added or changed since the last call, sorted."""
        now = self.clock()
        first = self._scanned_at is None
        if first or now - self._scanned_at >= self.rescan_s:
            changed = self._rescan()
            self._scanned_at = now
        else:
            changed = self._poll()
        for path in changed:
            self._recent.setdefault(path, now)
        for path, seen in list(self._recent.items()):
            if now - seen > self.recent_s:
                del self._recent[path]
        return [] if first else sorted(changed)

    # --- scans ------------------------------------------------------------------------

    def _rescan(self) -> set[str]:
        dirs: dict[str, int] = {}
        files: dict[str, Stat] = {}
        for root in self.roots:
            root = os.path.abspath(root)
            if os.path.isdir(root):
                self._walk(root, dirs, files)
            elif is_document_name(os.path.basename(root)) and (st := _stat(root)) is not None:
                files[root] = st
        changed = {p for p, st in files.items() if self._files.get(p) != st}
        self._dirs, self._files = dirs, files
        return changed

    def _walk(self, top: str, dirs: dict[str, int], files: dict[str, Stat]) -> None:
        # followlinks=False, hidden folders skipped: the same tree discovery walks
        for folder, subdirs, names in os.walk(top, followlinks=False):
            subdirs[:] = [d for d in subdirs if not is_hidden(d)]
            st = _stat(folder)
            if st is None:
                continue
            dirs[folder] = st[1]
            for name in names:
                if is_document_name(name):
                    path = os.path.join(folder, name)
                    if (fst := _stat(path)) is not None:
                        files[path] = fst

    def _poll(self) -> set[str]:
        changed: set[str] = set()
        # A folder whose mtime is recent is listed again even if it did not move: a file
        # added within the same clock tick as the last listing leaves the mtime unchanged.
        hot = time.time_ns() - HOT_FOLDER_NS
        moved = [
            d
            for d, mtime in self._dirs.items()
            if mtime >= hot or (_stat(d) or (0, -1))[1] != mtime
        ]
        for folder in moved:
            changed |= self._relist(folder)
        for path in list(self._recent):
            st = _stat(path)
            if st is not None and st != self._files.get(path):
                self._files[path] = st
                changed.add(path)
        for root in self.roots:  # a single file named as a root
            root = os.path.abspath(root)
            if root not in self._dirs and (st := _stat(root)) is not None:
                if is_document_name(os.path.basename(root)) and st != self._files.get(root):
                    self._files[root] = st
                    changed.add(root)
        return changed

    def _relist(self, folder: str) -> set[str]:
        """List one folder again: its new or changed documents; new subfolders walked."""
        st = _stat(folder)
        if st is None:  # the folder went away
            self._dirs.pop(folder, None)
            return set()
        self._dirs[folder] = st[1]
        changed: set[str] = set()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            return changed
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                if not is_hidden(entry.name) and entry.path not in self._dirs:
                    files: dict[str, Stat] = {}
                    self._walk(entry.path, self._dirs, files)
                    changed |= {p for p, s in files.items() if self._files.get(p) != s}
                    self._files.update(files)
            elif is_document_name(entry.name):
                fst = _stat(entry.path)
                if fst is not None and fst != self._files.get(entry.path):
                    self._files[entry.path] = fst
                    changed.add(entry.path)
        return changed

    def settled(self, paths: Iterable[str]) -> tuple[list[str], list[str]]:
        """(files whose size and mtime are what the last scan saw, files still changing);
        a file gone since is dropped."""
        still, moving = [], []
        for path in paths:
            st = _stat(path)
            if st is None:
                continue
            if st == self._files.get(path):
                still.append(path)
            else:
                self._files[path] = st
                moving.append(path)
        return still, moving


class Retry(Exception):
    """Raised by a load function for a failure worth retrying with the same files (another
    writer holds the warehouse): the files stay pending."""


@dataclass
class WatchStats:
    loads: int = 0
    failed: int = 0
    files: int = 0  # files that landed while watching and were loaded (or tried)


def watch_loop(
    roots: list[str],
    load: Callable[[list[str]], None],
    stop: Callable[[], bool],
    interval_s: float = DEFAULT_INTERVAL_S,
    settle_s: float = DEFAULT_SETTLE_S,
    recent_s: float = DEFAULT_RECENT_S,
    rescan_s: float = DEFAULT_RESCAN_S,
    on_ready: Callable[[], None] = lambda: None,
    on_error: Callable[[BaseException], None] = lambda exc: None,
    sleep: Callable[[float], None] = time.sleep,
) -> WatchStats:
    """Catch up over `roots` (one load of everything new there), then load what lands until
    `stop()` is true. `load(paths)` runs one load; a `Retry` keeps its files pending for the
    next poll, any other exception is reported (`on_error`) and the files are left to the
    ledger (quarantined or recorded as failed: they are loaded again when they change)."""
    stats = WatchStats()
    watcher = TreeWatcher(list(roots), recent_s=recent_s, rescan_s=rescan_s)
    watcher.changes()  # the snapshot: whatever lands from now on is seen by the next poll

    def attempt(paths: list[str], landed: bool = True) -> bool:
        stats.loads += 1
        try:
            load(paths)
        except Retry as exc:
            on_error(exc)
            return False
        except Exception as exc:  # noqa: BLE001 - a watcher outlives a failed load
            stats.failed += 1
            on_error(exc)
        if landed:
            stats.files += len(paths)
        return True

    caught_up = False
    while not caught_up and not stop():
        caught_up = attempt(list(roots), landed=False)
        if not caught_up:
            sleep(interval_s)
    on_ready()
    pending: set[str] = set()
    while not stop():
        pending |= set(watcher.changes())
        if not pending:
            sleep(interval_s)
            continue
        sleep(settle_s)
        ready, moving = watcher.settled(sorted(pending))
        pending = set(moving)
        if ready and not attempt(ready):
            pending |= set(ready)
            sleep(interval_s)
    return stats
