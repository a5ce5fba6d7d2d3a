"""The quality gate in a child process of its own.

Great Expectations costs ~3.5 s and ~265 MB to import, and a gate over a large load holds one
batch's pandas frames on top. In the flow process both stayed for the rest of the load: the
publish transaction (DuckDB up to its memory limit) ran beside a GX that was no longer used,
and on a small load the import, started in a thread, held the GIL while the flow talked to
Prefect. Here the gate runs in a spawned process that:

- starts early on a small load (`start()` right after discovery), so GX imports while the
  flow parses and talks to Prefect, off the GIL of the flow process;
- starts after parsing on a large load, so GX is not resident beside the parse workers;
- reads the load's staging rows where they lie: its own in-memory DuckDB with `staging.<table>`
  as views over the same spool Parquet files as the writer's (nothing is copied or pickled);
- gets the sources' history from the writer (a few rows of ops.source_stats, read before the
  call), so it never opens the lake;
- after a large load's gate, exits, handing its memory back before the publish begins; after
  a small load's, stays for the next load of the same process (the test suite, a `zhnews
  serve` process running a load every few minutes), so GX is imported once per process as it
  was before the gate had a process of its own (`run(..., keep=True)`); under `zhnews run`,
  whose process runs one load, it exits during the publish instead (`ONE_LOAD_PER_PROCESS`);
- dies with the flow process if that is killed (`zhnews.procs.die_with_parent`).

`run_gate` (zhnews.gate) stays the pure function the tests call on any connection; this module
only moves where it runs.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import sys
from multiprocessing import get_context
from pathlib import Path

from zhnews.gate import SOURCE_STATS_TABLE, GateReport, load_gate_config, source_history

GATE_NICENESS = 10  # added to the flow process's niceness (see `_child`)
# DuckDB keeps the bytes it reads from files (the spool's Parquet) in its buffer pool, up to
# the memory limit, in case they are read again. Off in the gate's process: at 100,000
# documents it peaked at ~605 MB with the cache and ~555 MB without, in about the same time
# (`bench/gate_memory.py --documents 100000 --file-cache true|false`; each load's spool is read
# once by a gate, so the cache would only serve the suites that read the same table).
GATE_FILE_CACHE = "false"


class GateProcessDied(RuntimeError):
    """The gate's process ended abruptly (native crash, out-of-memory kill)."""


# Imported by Great Expectations, unused by the gate's suites: loaded lazily in its process.
LAZY_PACKAGES = ("scipy", "altair")


def _import_gx() -> None:
    import logging
    import threading

    from zhnews.procs import lazy_imports

    lazy_imports(LAZY_PACKAGES)
    import great_expectations  # noqa: F401  (the import is the point: ~1.5 s, once)
    from tqdm import tqdm

    logging.getLogger("great_expectations").setLevel(logging.WARNING)
    # GX builds a tqdm progress bar per validation even with progress bars off, and tqdm's
    # default lock is a multiprocessing RLock: a named semaphore that only the interpreter's
    # finalisation unlinks, which `_exit_now` skips (the resource tracker then warns of a
    # leaked semaphore). One process, one thread at a time: a thread lock does.
    tqdm.set_lock(threading.RLock())


def _child(conn, warm_up: str | None = None) -> None:
    """The gate process: import GX (and with `warm_up`, an expectations folder, validate its
    suites once on nothing: `zhnews.gate.warm_up`), then answer jobs (a report or the error)
    until the flow process closes the pipe (the load ended without a gate, or `close()`)."""
    from zhnews.procs import die_with_parent

    die_with_parent()
    # Yield the CPU: on a small load GX imports while Prefect's temporary API boots and the
    # flow imports, and those are the run's critical path (the gate is needed only after
    # parsing, by when the import is done). When the gate validates, nothing else competes,
    # so the lower priority costs nothing there.
    os.nice(GATE_NICENESS)
    _import_gx()
    if warm_up is not None:
        from zhnews.gate import warm_up as warm

        with contextlib.suppress(Exception):  # a suite that cannot run fails in the load
            warm(Path(warm_up))
        conn.send((WARM, None))  # `GateProcess.wait_warm`; a job's answer skips it
    while True:
        try:
            job = conn.recv()
        except EOFError:
            _exit_now()
        try:
            outcome = ("report", _gate(*job))
        except BaseException as exc:  # noqa: BLE001 - handed to the flow process, raised there
            try:
                pickle.dumps(exc)
            except Exception:  # noqa: BLE001 - an exception that cannot travel: its text does
                exc = RuntimeError(f"{type(exc).__name__}: {exc}")
            outcome = ("error", exc)
        conn.send(outcome)


def _exit_now() -> None:
    """End the process without the interpreter's finalisation: a spawned child otherwise ends
    with sys.exit, which with GX, pandas and the gate's frames loaded took ~0.9 s of CPU (the
    comment in `close`): beside the publish of a small load, and before the publish of a large
    one, whose flow process waits for this process to end. Nothing here needs tearing down:
    the gate's DuckDB connection is closed (`_gate`), the pipe is the flow process's."""
    import logging

    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(0)


def _gate(
    views: dict[str, tuple[str, list[tuple]]],
    load_id: str,
    directory: str,
    history: dict,
    memory_limit: str,
    spill: str,
) -> GateReport:
    import duckdb

    from zhnews.gate import run_gate
    from zhnews.store.lake import create_staging, load_sql_files, sql_literal
    from zhnews.store.spool import view_sql

    con = duckdb.connect(config={"memory_limit": memory_limit})
    try:
        con.execute(f"SET temp_directory = {sql_literal(spill)}")
        con.execute("SET preserve_insertion_order = false")  # as the writer's connection
        con.execute(f"SET enable_external_file_cache = {GATE_FILE_CACHE}")
        create_staging(con, load_sql_files())
        for table, (pattern, columns) in views.items():
            con.execute(f'DROP TABLE staging."{table}"')
            con.execute(view_sql(table, Path(pattern), columns))
        return run_gate(con, load_id, Path(directory), history)
    finally:
        con.close()


# `zhnews run` sets this: its process runs one load, so a small load's child is not kept.
ONE_LOAD_PER_PROCESS = False
# `zhnews watch` sets this to the expectations folder: a child it starts validates the suites
# once on nothing after importing GX, before any file lands (one-shot runs do not: there the
# gate is asked soon after the import, and the warm-up would sit on its path).
WARM_UP: Path | None = None
WARM = "warm"  # the child's message once it has imported GX and warmed up (with `WARM_UP`)


class GateProcess:
    """One spawned process that imports GX (`start`) and validates one load (`run`)."""

    def __init__(self) -> None:
        self._process = None
        self._conn = None
        self._answered = False
        self._warm = False
        self._exiting: list = []  # answered children closed with wait=False, still exiting

    @property
    def started(self) -> bool:
        return self._process is not None

    def start(self) -> None:
        """Spawn the process, which begins importing GX (and warming it up, `WARM_UP`);
        returns at once."""
        if self._process is None:
            # spawn: the flow process has threads (Prefect, DuckDB) that fork would copy
            # half-way. daemon: a load that ends without a gate does not wait for the import.
            ctx = get_context("spawn")
            parent, child = ctx.Pipe()
            warm = None if WARM_UP is None else str(WARM_UP)
            self._process = ctx.Process(
                target=_child, args=(child, warm), name="zhnews-gate", daemon=True
            )
            self._process.start()
            child.close()
            self._conn = parent
            self._warm = False

    def wait_warm(self, timeout: float) -> bool:
        """Wait up to `timeout` seconds for the child to say it has imported GX and validated
        the suites once (`WARM_UP` set when it started); True once it has. A watcher waits so
        before it reports itself ready: a file landing then is validated warm, instead of
        beside the import and warm-up (~4-6 s of a core) it would otherwise wait for."""
        if self._warm:
            return True
        if self._conn is None or WARM_UP is None:
            return False
        try:
            if self._conn.poll(timeout):
                kind, _ = self._conn.recv()
                self._warm = kind == WARM
        except (EOFError, OSError):
            return False
        return self._warm

    def run(self, wh, load_id: str, directory: Path, keep: bool = False) -> GateReport:
        """Validate `load_id`'s staging rows (the writer `wh`'s spool) in the child; `keep`
        leaves the child running for the next load (a small load: its frames were small)."""
        from zhnews.store.lake import GATE_MEMORY_LIMIT

        # Every source's recent loads (a few rows each): the child never opens the lake.
        query = f"SELECT DISTINCT source FROM {SOURCE_STATS_TABLE}"
        sources = [s for (s,) in wh.con.execute(query).fetchall()]
        k = load_gate_config(Path(directory)).sources.history_loads
        history = source_history(wh.con, sources, k)
        job = (
            wh.staging_views(),
            load_id,
            str(directory),
            history,
            GATE_MEMORY_LIMIT,
            str(wh.spool.folder / "gate.tmp"),
        )
        self.start()
        answered = False
        try:
            try:
                self._conn.send(job)
                kind, value = self._conn.recv()
                while kind == WARM:  # the warm-up's message, not yet read by `wait_warm`
                    self._warm = True
                    kind, value = self._conn.recv()
                answered = self._answered = True
            except (EOFError, BrokenPipeError, ConnectionResetError):
                self._process.join(5)
                raise GateProcessDied(
                    f"the quality gate's process ended while validating load {load_id} "
                    f"(exit code {self._process.exitcode}: a native crash or the out-of-memory "
                    "killer); nothing was published"
                ) from None
            if kind == "error":
                raise value
            return value
        finally:
            if not (keep and answered):
                self.close()
            elif ONE_LOAD_PER_PROCESS:
                # No next load will use it: a small load's child exits during the publish
                # (a large load's is waited for above: its memory goes before the publish).
                self.close(wait=False)

    def release(self) -> None:
        """At the end of a load: keep a child that has answered a gate and was kept (`run(...,
        keep=True)`), idle with GX imported; stop one that was started for this load and
        never used (a no-op, a load that failed before its gate)."""
        if not self._answered:
            self.close()

    def close(self, wait: bool = True) -> None:
        """Stop the process (it holds GX and the gate's frames); safe to call twice.

        After `run` the child has answered and exits when its pipe closes; before it (a no-op
        run, a large load, a load that failed first) it is importing GX or waiting, and is
        killed: nothing there is worth waiting for. An answered child exits without the
        interpreter's finalisation (`_exit_now`: it was ~0.9 s with GX and pandas loaded).
        `wait=False`: its exit overlaps what the caller does next, and `reap()` waits for
        it."""
        process, conn = self._process, self._conn
        self._process = self._conn = None
        if conn is not None:
            conn.close()
        if process is not None:
            if self._answered and not wait:
                self._exiting.append(process)
            else:
                _stop(process, 5 if self._answered else 0)
        self._answered = False

    def reap(self) -> None:
        """Wait for the children `close(wait=False)` left exiting (killed after 5 s)."""
        while self._exiting:
            _stop(self._exiting.pop(), 5)


def _stop(process, grace_s: float) -> None:
    process.join(grace_s)
    if process.is_alive():
        process.kill()
        process.join()


_shared: list[GateProcess] = []


def shared() -> GateProcess:
    """The run's gate process: `zhnews run` starts it with the run (like Prefect's temporary
    API) and stops it when the run finds nothing new or a large load; the flow's quality-gate
    task uses it, starting it then if it is not running."""
    if not _shared:
        _shared.append(GateProcess())
    return _shared[0]
