"""Named crash points for fault-injection tests.

`ZHNEWS_PAUSE_AT=<point>=<seconds>` makes the process wait there once (concurrency tests); with
`ZHNEWS_PAUSE_FILE=<path>` it creates `<path>.paused` when the wait begins and ends the wait as
soon as `<path>` exists (so a test runs its other process exactly inside the pause).
`ZHNEWS_CRASH_AT=<point>[:<n>]` makes the process SIGKILL itself the n-th time (default 1st) it
reaches <point>; `ZHNEWS_CRASH_SIGNAL=SIGINT` sends that signal instead (an operator's Ctrl-C at
that point). `ZHNEWS_CRASH_FILE=<file name>` makes a parse worker SIGKILL itself whenever it
starts on a file of that name (a file that crashes the parser natively, every time). Unset in
production, this costs one dict lookup per call.
"""

from __future__ import annotations

import os
import signal
import time

POINTS = (
    "parse.after_document",  # in a worker, after parsing a document
    "stage.after_shard",  # staging rows of a shard committed
    "gate.before",  # before the quality gate runs
    "publish.begin",  # publish transaction opened
    "publish.after_raw",  # raw.documents written, marts not yet
    "publish.after_marts",  # marts written, ops bookkeeping not yet
    "publish.before_commit",  # everything written, not committed
    "publish.after_commit",  # committed, staging not cleared
)

_counts: dict[str, int] = {}
_paused: set[str] = set()


def point(name: str) -> None:
    pause = os.environ.get("ZHNEWS_PAUSE_AT")  # <point>=<seconds>: wait there, once
    if pause and name not in _paused:
        target, _, seconds = pause.partition("=")
        if target == name:
            _paused.add(name)
            _pause(float(seconds or 1), os.environ.get("ZHNEWS_PAUSE_FILE"))
    spec = os.environ.get("ZHNEWS_CRASH_AT")
    if not spec:
        return
    target, _, nth = spec.partition(":")
    if target != name:
        return
    _counts[name] = _counts.get(name, 0) + 1
    if _counts[name] == int(nth or 1):
        sig = getattr(signal, os.environ.get("ZHNEWS_CRASH_SIGNAL", "SIGKILL"))
        os.kill(os.getpid(), sig)


def _pause(seconds: float, resume_file: str | None) -> None:
    if not resume_file:
        time.sleep(seconds)
        return
    with open(resume_file + ".paused", "w"):
        pass
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and not os.path.exists(resume_file):
        time.sleep(0.05)


def file_point(name: str) -> None:
    """In a parse worker, before a file is read: `ZHNEWS_CRASH_FILE` names a file that kills
    its process (see the module doc)."""
    poison = os.environ.get("ZHNEWS_CRASH_FILE")
    if poison and os.path.basename(name) == poison:
        os.kill(os.getpid(), signal.SIGKILL)
