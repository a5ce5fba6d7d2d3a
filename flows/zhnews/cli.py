"""`zhnews`: run the ETL, query the warehouse, see what happened."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

from zhnews.formatting import format_table
from zhnews.settings import DEFAULT_DB, configure_prefect_env

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_LOCKED = 0, 1, 2, 3
EXIT_HELD, EXIT_DAMAGED, EXIT_INTERRUPTED = 4, 5, 130

# Expected outcomes of a load and their exit codes (README, "Exit codes"), by exception class
# name, looked up along the class's MRO (most specific first): LoadHeld is a LoadFailed.
EXIT_CODES = {
    "LoadHeld": EXIT_HELD,
    "LoadFailed": EXIT_FAILED,
    "WarehouseLocked": EXIT_LOCKED,
    "WarehouseDamaged": EXIT_DAMAGED,
    "WorkerDied": EXIT_FAILED,
    "WarehouseError": EXIT_FAILED,
}
INTERRUPTED = (
    "interrupted: the load stopped where it was; the marts are the last published state "
    "(a load publishes in one transaction), and the next `zhnews run` marks it aborted and "
    "clears its staging rows"
)


def _print_result(columns: list[str], rows: list[tuple], fmt: str) -> None:
    if fmt == "csv":
        w = csv.writer(sys.stdout)
        w.writerow(columns)
        w.writerows(rows)
    elif fmt == "json":
        print(
            json.dumps(
                [dict(zip(columns, r, strict=True)) for r in rows],
                ensure_ascii=False,
                default=str,
                indent=1,
            )
        )
    else:
        print(format_table(columns, rows))


def _summary(db: Path, published: dict | None = None) -> str:
    """What the warehouse holds after a run: `published` (zhnews.db.published_summary, read
    by the run itself before it let go of the warehouse) or read now from a reader."""
    if published is None:
        from zhnews.db import open_published, published_summary

        con = open_published(db)
        try:
            published = published_summary(con)
        finally:
            con.close()
    lines = [f"warehouse: {db}"]
    for table, n in published["tables"].items():
        lines.append(f"  {table:<22} {n:>8} rows")
    if published["last_load"]:
        lines.append(
            "last load: "
            + ", ".join(f"{c}={v}" for c, v in published["last_load"].items() if v is not None)
        )
    return "\n".join(lines)


def _start_ephemeral_api():
    """Start Prefect's temporary API server unless PREFECT_API_URL names one (before Prefect
    is imported: it reads the URL at import). Its subprocess boots on the other core while the
    flow's modules and Great Expectations import; `_run` waits for it right before the flow."""
    import os

    if os.environ.get("PREFECT_API_URL"):
        return None
    from zhnews.procs import EphemeralApi

    api = EphemeralApi()
    os.environ["PREFECT_API_URL"] = api.url
    return api


def exit_code(exc: BaseException) -> int | None:
    """The documented exit code of an expected failure, None for anything else."""
    for cls in type(exc).__mro__:
        if cls.__name__ in EXIT_CODES:
            return EXIT_CODES[cls.__name__]
    return None


def expected_failure(exc: BaseException, db: Path | None) -> tuple[int, str] | None:
    """(exit code, one-line message) of an expected failure, None for anything else.

    Besides the classes in EXIT_CODES: SQLite's "database is locked" from the catalog, which
    another process holds in a write transaction (e.g. `sqlite3 catalog.sqlite` with BEGIN
    EXCLUSIVE): the load stopped before its commit, so this is the locked case.
    """
    code = exit_code(exc)
    if code is not None:
        return code, one_line(exc)
    if db is not None and _catalog_busy(exc):
        from zhnews.procs import open_by
        from zhnews.store.lake import WarehousePaths

        catalog = WarehousePaths.of(db).catalog
        holders = open_by([catalog, Path(f"{catalog}-wal")])
        who = "; ".join(f"pid {pid}: {cmd}" for pid, cmd in holders) or "holder unknown"
        return EXIT_LOCKED, (
            f"another process holds a write lock on the warehouse catalog {catalog} "
            f"(processes with it open: {who}); nothing was published. End that transaction "
            "and run again; read it only through zhnews sql or attach.sql (read-only)"
        )
    return None


def _catalog_busy(exc: BaseException | None) -> bool:
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if "database is locked" in str(exc):
            return True
        exc = exc.__cause__ or exc.__context__
    return False


def one_line(exc: BaseException) -> str:
    return " ".join(line.strip() for line in str(exc).splitlines() if line.strip())


def _missing_inputs(paths: list[str]) -> list[str]:
    import glob
    import os

    return [
        p
        for p in paths
        if not os.path.lexists(p) and not (glob.has_magic(p) and glob.glob(p, recursive=True))
    ]


class _HoldPrefectErrors:
    """Hold back Prefect's ERROR lines on the terminal until the run's outcome is known.

    For an expected failure (gate failed, source held, locked, damaged) the CLI's own
    `error:` line says it all, so they are dropped; otherwise they are printed as they came.
    Prefect's API (the UI) gets every record either way: only the console handler is held.
    """

    def __init__(self, db: Path | None) -> None:
        import logging

        self.db = db
        self.held: list = []
        self.handlers = [
            h for h in logging.getLogger().handlers if type(h).__name__ == "PrefectConsoleHandler"
        ]

    def filter(self, record) -> bool:
        if record.levelno >= 40 and record.name.startswith("prefect"):  # logging.ERROR
            self.held.append(record)
            return False
        return True

    def __enter__(self) -> _HoldPrefectErrors:
        for h in self.handlers:
            h.addFilter(self)
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        for h in self.handlers:
            h.removeFilter(self)
        expected = exc is not None and (
            isinstance(exc, KeyboardInterrupt) or expected_failure(exc, self.db) is not None
        )
        if not expected:
            for record in self.held:
                for h in self.handlers:
                    h.handle(record)
        self.held.clear()


def cmd_run(args) -> int:
    missing = _missing_inputs(args.paths or [])
    if missing:
        print(
            f"error: no such file, folder or matching glob: {', '.join(missing)}", file=sys.stderr
        )
        return EXIT_USAGE
    from zhnews import procs

    previous = procs.mark_children()
    try:
        reaped = procs.reap_stale()
        if reaped:
            print(
                f"note: stopped {len(reaped)} process(es) left behind by a killed zhnews run: "
                + "; ".join(f"pid {pid}: {cmd}" for pid, cmd in reaped),
                file=sys.stderr,
            )
        return _run(args)
    finally:
        procs.unmark_children(previous)


def _run(args) -> int:
    # Prefect's temporary API (a subprocess, ~5 s to boot) starts on the other core while
    # the check below opens the warehouse and lists the files; a no-op run stops it unused.
    always_flow = getattr(args, "always_flow", False)
    configure_prefect_env()
    api = _start_ephemeral_api()
    # The quality gate's process imports Great Expectations (~3.5 s) from now on, beside the
    # check below; a no-op run or a large load stops it (zhnews.gate_process).
    from zhnews import gate_process

    one_load, gate_process.ONE_LOAD_PER_PROCESS = gate_process.ONE_LOAD_PER_PROCESS, True
    gate_process.shared().start()
    try:
        if not always_flow:
            from zhnews.fastpath import try_noop
            from zhnews.settings import DEFAULT_SEEDS, Settings

            paths = [str(p) for p in (args.paths or [DEFAULT_SEEDS])]
            done = try_noop(paths, args.db, Settings())
            if done:
                gate_process.shared().close()
                print(
                    f"nothing new: {done['files_unchanged']} file(s) unchanged since they were "
                    "loaded"
                )
                print(_summary(args.db, done.get("published")))
                return EXIT_OK
        return _run_flow(args, api)
    finally:
        from zhnews.fastpath import release_unused

        # A child that answered the gate exits while the API stops; one that never did (the
        # flow did not get to its gate) is stopped now.
        gate_process.shared().close(wait=False)
        release_unused()  # the check's lock, if the flow never started
        if "zhnews.pool" in sys.modules:
            sys.modules["zhnews.pool"].discard_prestarted()  # workers no load took
        if api is not None:
            import os

            _drain_prefect_workers()  # logs and events reach the server before it stops
            api.stop()
            os.environ.pop("PREFECT_API_URL", None)
        gate_process.shared().reap()
        gate_process.ONE_LOAD_PER_PROCESS = one_load


def _drain_prefect_workers() -> None:
    import sys as _sys

    if "prefect" not in _sys.modules:
        return
    try:
        from prefect._internal.concurrency.services import QueueService

        QueueService.drain_all(timeout=10)
    except Exception:  # noqa: BLE001 - best effort: at worst a late log line is lost
        pass


def _run_flow(args, api) -> int:
    from zhnews import fastpath, gate_process, progress
    from zhnews.flow import etl, prewarm_gate
    from zhnews.settings import DEFAULT_SEEDS, Settings, without_flow_heartbeats

    paths = [str(p) for p in (args.paths or [DEFAULT_SEEDS])]
    if args.workers:
        import os

        os.environ["ZHNEWS_WORKERS"] = str(args.workers)
    settings = Settings()
    if fastpath.small_load(paths, settings.shard_size):
        prewarm_gate()  # a small load: the parser loads while the API server finishes booting
    else:
        # A large load: GX must not sit beside the parse workers; the gate process starts
        # again once they are done. The parse workers start now and warm up while the API
        # server boots and the flow run begins (zhnews.pool.prestart).
        gate_process.shared().close()
        if args.runner != "dask":
            from zhnews.pool import prestart

            prestart(settings.workers)
    if api is not None:
        api.wait(settings.api_start_timeout_s)

    flow_fn = etl
    if args.runner == "dask":
        from prefect_dask import DaskTaskRunner

        flow_fn = etl.with_options(
            task_runner=DaskTaskRunner(address=args.address) if args.address else DaskTaskRunner()
        )
    if not args.quiet and sys.stderr.isatty():
        progress.current = progress.RichProgress()
    paths = args.paths or None
    with _HoldPrefectErrors(args.db), without_flow_heartbeats():
        result = flow_fn(paths=paths, db=str(args.db))
    if result.get("status") == "noop":
        print(f"nothing new: {result['files_unchanged']} file(s) unchanged since they were loaded")
    print(_summary(args.db, result.get("published")))
    return EXIT_OK


def _open_published(db: Path, allow_dirs=()):
    """Read-only connection to the analysts' copy, or None after printing why not."""
    from zhnews.db import WarehouseError, open_published

    try:
        return open_published(db, allow_dirs)
    except WarehouseError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return None


def _readable_dirs(dirs: list[Path], db: Path) -> list[Path] | None:
    """The --allow-dir folders, or None after saying why one cannot be allowed.

    The warehouse's own folder is never one of them: its files are read through the lake only.
    """
    from zhnews.store.lake import WarehousePaths

    paths = WarehousePaths.of(db)
    # the folder of the spool and lock, and the lake's (elsewhere with ZHNEWS_LAKE)
    warehouse = {paths.base.parent.resolve(), paths.lake.parent.resolve()}
    out = []
    for d in dirs:
        folder = d.expanduser().resolve()
        if not folder.is_dir():
            print(f"error: --allow-dir {d} is not a folder", file=sys.stderr)
            return None
        for w in sorted(warehouse):
            if folder == w or folder in w.parents or w in folder.parents:
                print(
                    f"error: --allow-dir {d} overlaps the warehouse folder {w}: allow a "
                    "folder that holds only the files you want to read",
                    file=sys.stderr,
                )
                return None
        out.append(folder)
    return out


def cmd_sql(args) -> int:
    import duckdb

    from zhnews.store.reader import ReadOnlyViolation, check_query

    try:
        check_query(args.query, allow_file_reads=bool(args.allow_dir))
    except ReadOnlyViolation as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    allow_dirs = _readable_dirs(args.allow_dir or [], args.db)
    if allow_dirs is None:
        return EXIT_USAGE
    from zhnews import frames

    writing = frames.writing_statements(args.query)
    if writing:
        print(
            f"error: `zhnews sql` is read-only and does not run {', '.join(writing)}; "
            "export with --format csv|json|parquet -o FILE",
            file=sys.stderr,
        )
        return EXIT_FAILED
    target = None
    try:
        if args.out is not None:
            target = frames.check_target(args.out, Path(args.db).resolve().parent)
        elif args.format == "parquet":
            raise frames.ExportError("--format parquet writes a binary file: give -o FILE")
    except frames.ExportError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    con = _open_published(args.db, allow_dirs)
    if con is None:
        return EXIT_FAILED
    try:
        cur = con.execute(args.query)
        if args.format == "table":
            columns = [d[0] for d in cur.description] if cur.description else []
            rows = cur.fetchall() if columns else []
            text = format_table(columns, rows)
            data = (text + "\n").encode("utf-8")
        else:  # from Arrow, written by polars / pyarrow (see zhnews.frames)
            table = frames.fetch_arrow(cur)
            rows = table.num_rows
            if target is not None:
                frames.export(con, table, args.format, target)
            else:
                data = frames.render(con, table, args.format)
    except duckdb.PermissionException as exc:
        print(
            f"error: {str(exc).splitlines()[0]}: `zhnews sql` reads only the warehouse and the "
            "folders given with --allow-dir DIR",
            file=sys.stderr,
        )
        return EXIT_FAILED
    except (duckdb.Error, frames.ExportError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    finally:
        con.close()
    if target is None:
        sys.stdout.write(data.decode("utf-8"))
    elif args.format == "table":
        target.write_text(text + "\n", encoding="utf-8")
    if target is not None:
        n = rows if isinstance(rows, int) else len(rows)
        print(f"wrote {n} row{'s' if n != 1 else ''} to {target} ({args.format})", file=sys.stderr)
    return EXIT_OK


def cmd_status(args) -> int:
    con = _open_published(args.db)
    if con is None:
        return EXIT_FAILED
    try:
        cur = con.execute(
            "SELECT load_id, status, strftime(started_at, '%Y-%m-%d %H:%M:%S') AS started, "
            "round(epoch(finished_at - started_at), 1) AS seconds, files_seen AS seen, "
            "files_new AS new, files_unchanged AS unchanged, files_quarantined AS quarantined, "
            "documents_held AS held, articles_published AS articles, message FROM ops.loads ORDER BY started_at DESC LIMIT ?",
            [args.limit],
        )
        _print_result([d[0] for d in cur.description], cur.fetchall(), args.format)
    finally:
        con.close()
    return EXIT_OK


def cmd_retry(args) -> int:
    """Forget the quarantine outcome of files so the next run reads them again."""
    from zhnews.db import Warehouse, WriterLock
    from zhnews.settings import Settings

    settings = Settings()
    with WriterLock(args.db, settings.lock_timeout_s):
        wh = Warehouse(args.db, settings.lock_timeout_s)
        try:
            rows = wh.con.execute(
                "SELECT source_path FROM ops.files "
                "WHERE status IN ('quarantined', 'unreadable', 'held', 'partial')"
            ).fetchall()
            paths = [
                p
                for (p,) in rows
                if not args.paths or any(p.startswith(str(Path(a).resolve())) for a in args.paths)
            ]
            if paths:
                wh.con.executemany(
                    "DELETE FROM ops.files WHERE source_path = ?", [(p,) for p in paths]
                )
        finally:
            wh.close()
    if not paths:
        print("nothing quarantined to retry")
        return EXIT_OK
    print(f"retrying {len(paths)} quarantined file(s)")
    args.paths = [p for p in paths if Path(p).exists()]
    if not args.paths:
        print("none of them exist any more")
        return EXIT_OK
    return cmd_run(args)


def cmd_maintain(args) -> int:
    """Compact the lake (small files merged, old snapshots expired, unreferenced files removed)."""
    from zhnews.db import Warehouse, WriterLock
    from zhnews.settings import Settings
    from zhnews.store.lake import WarehousePaths

    if not WarehousePaths.of(args.db).exists():
        print(f"error: no warehouse at {args.db}: run `zhnews run` first", file=sys.stderr)
        return EXIT_USAGE
    settings = Settings()
    with WriterLock(args.db, settings.lock_timeout_s):
        wh = Warehouse(args.db, settings.lock_timeout_s)
        try:
            done = wh.maintain(args.keep_hours)
        finally:
            wh.close()
    print(
        f"lake data: {done['files_before']} files, {done['bytes_before'] / 1e6:.1f} MB -> "
        f"{done['files_after']} files, {done['bytes_after'] / 1e6:.1f} MB "
        f"(snapshots older than {args.keep_hours:g} h expired)"
    )
    return EXIT_OK


def cmd_watch(args) -> int:
    """Load files as they land in PATHS, in one warm process (zhnews.watch)."""
    missing = _missing_inputs(args.paths)
    if missing:
        print(f"error: no such file or folder: {', '.join(missing)}", file=sys.stderr)
        return EXIT_USAGE
    from zhnews import procs

    previous = procs.mark_children()
    try:
        return _watch(args)
    finally:
        procs.unmark_children(previous)


def _watch(args) -> int:
    import os
    import signal
    import time

    from zhnews import gate_process, watch

    configure_prefect_env()
    api = _start_ephemeral_api()
    if api is None:
        print(f"flow runs report to {os.environ['PREFECT_API_URL']}", flush=True)
    else:
        print(
            "note: PREFECT_API_URL is not set: flow runs go to a temporary API that stops with "
            "this process (start `zhnews ui` and export the URL it prints to see them in the UI)",
            flush=True,
        )
    from zhnews.settings import Settings

    # GX imports in its process while the flow's modules load, then validates the suites once
    # on nothing: the first landed file's gate runs warm
    gate_process.WARM_UP = Settings().expectations_dir
    gate_process.shared().start()
    stopping: list[int] = []

    def on_signal(signum, _frame) -> None:
        if stopping and signum == signal.SIGINT:
            raise KeyboardInterrupt
        stopping.append(signum)
        if signum == signal.SIGINT:
            print("stopping after the current load (Ctrl-C again to abort it)", flush=True)
        else:
            print("stopping (SIGTERM)", flush=True)

    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, on_signal)
    # During a flow run Prefect's own SIGTERM handler stands in for ours (it ends the run as
    # crashed, and its exception can reach us as another one, e.g. DuckDB's "Query
    # interrupted"): the signal's byte on this pipe still says the watcher was asked to stop.
    wake_r, wake_w = os.pipe()
    os.set_blocking(wake_r, False)
    os.set_blocking(wake_w, False)
    signal.set_wakeup_fd(wake_w, warn_on_full_buffer=False)

    def stop() -> bool:
        try:
            signals = os.read(wake_r, 512)
        except BlockingIOError:
            signals = b""
        if signal.SIGTERM in signals and signal.SIGTERM not in stopping:
            stopping.append(signal.SIGTERM)
        return bool(stopping)

    try:
        from zhnews.flow import etl, prewarm_gate
        from zhnews.settings import without_flow_heartbeats

        prewarm_gate()  # the segmenter loads in a thread: the first landed file parses warm
        if api is not None:
            api.wait(Settings().api_start_timeout_s)

        def load(paths: list[str]) -> None:
            started = time.perf_counter()
            try:
                with _HoldPrefectErrors(args.db), without_flow_heartbeats():
                    result = etl(paths=paths, db=str(args.db), row_counts=False)
            except Exception as exc:
                failure = expected_failure(exc, args.db)
                if failure is not None and failure[0] == EXIT_LOCKED:
                    raise watch.Retry(failure[1]) from exc
                raise
            finally:
                # A load that did not use the gate (nothing new) or a large one stops its
                # process; the next file's gate should not wait for GX to import again.
                gate_process.shared().start()
            seconds = time.perf_counter() - started
            last = (result.get("published") or {}).get("last_load") or {}
            if result.get("status") == "noop":
                what = f"nothing new ({result.get('files_unchanged', 0)} file(s) unchanged)"
            else:
                what = ", ".join(f"{k}={v}" for k, v in last.items() if v is not None)
            print(
                f"{time.strftime('%H:%M:%S')} {len(paths)} path(s), {seconds:.1f} s: {what}",
                flush=True,
            )

        def on_error(exc: BaseException) -> None:
            failure = expected_failure(exc, args.db)
            message = (
                failure[1] if failure is not None else f"{type(exc).__name__}: {one_line(exc)}"
            )
            retry = " (will retry)" if isinstance(exc, watch.Retry) else ""
            print(
                f"{time.strftime('%H:%M:%S')} error{retry}: {message}", file=sys.stderr, flush=True
            )

        def on_ready() -> None:
            # the catch-up restarted the gate's process: report ready once it is warm
            gate_process.shared().wait_warm(Settings().api_start_timeout_s)
            print(
                f"watching {len(args.paths)} path(s) (poll every {args.interval:g} s); "
                "Ctrl-C stops",
                flush=True,
            )

        stats = watch.watch_loop(
            args.paths,
            load,
            stop=stop,
            interval_s=args.interval,
            settle_s=args.settle,
            rescan_s=args.rescan,
            on_ready=on_ready,
            on_error=on_error,
        )
    except KeyboardInterrupt:
        print(f"error: {INTERRUPTED}", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BaseException as exc:
        if type(exc).__name__ != "TerminationSignal":
            raise
        # SIGTERM during a load: Prefect's handler ended the flow run (Crashed in the UI);
        # what it had not committed is not published, and its files load at the next start
        print("stopped: SIGTERM during a load, which ended where it was (nothing half published)")
        return EXIT_OK
    finally:
        gate_process.WARM_UP = None
        signal.set_wakeup_fd(-1)
        os.close(wake_r)
        os.close(wake_w)
        gate_process.shared().close(wait=False)
        if api is not None:
            _drain_prefect_workers()
            api.stop()
            os.environ.pop("PREFECT_API_URL", None)
        gate_process.shared().reap()
    print(
        f"stopped: {stats.loads} load(s), {stats.failed} failed; {stats.files} file(s) landed "
        "while watching"
    )
    return EXIT_OK


def cmd_ui(args) -> int:
    """Local Prefect server + UI (project-local PREFECT_HOME, offline, no telemetry)."""
    configure_prefect_env()
    from zhnews.ops import OpsError, run_ui

    try:
        return run_ui(args.port, args.host)
    except OpsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_FAILED


def cmd_serve(args) -> int:
    """Register the scheduled inbox deployment on the Prefect server and run its runs."""
    import os

    from zhnews.ops import OpsError, resolve_api_url

    if not args.inbox.is_dir():
        print(f"error: --inbox {args.inbox} is not a folder", file=sys.stderr)
        return EXIT_USAGE
    # A long-running service: its console is the operations log (runs started, skipped, failed).
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "INFO")
    os.environ.setdefault("PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL", "INFO")
    configure_prefect_env()
    try:
        os.environ["PREFECT_API_URL"] = resolve_api_url()  # before prefect is imported
        from zhnews.ops import serve_inbox

        return serve_inbox(args.inbox, args.db, args.cron, args.name, args.timezone)
    except OpsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return EXIT_OK


def _render_section(args, module, what: str) -> int:
    """Print a README section generated from the warehouse, or rewrite it in the README."""
    con = _open_published(args.db)
    if con is None:
        return EXIT_FAILED
    try:
        if args.write_readme:
            module.write_readme(con)
            print(f"README.md {what} section rewritten")
        else:
            print(module.render_markdown(con))
    finally:
        con.close()
    return EXIT_OK


def cmd_cookbook(args) -> int:
    from zhnews import cookbook

    return _render_section(args, cookbook, "cookbook")


def cmd_schema(args) -> int:
    from zhnews import schemadoc

    return _render_section(args, schemadoc, "schema")


def cmd_dq_docs(args) -> int:
    """Great Expectations Data Docs (HTML) for the last loads' quality-gate results."""
    configure_prefect_env()  # GX analytics off, like every other GX use here
    from zhnews import dqdocs
    from zhnews.gate import SuiteError

    con = _open_published(args.db)
    if con is None:
        return EXIT_FAILED
    try:
        built = dqdocs.build(con, args.out or dqdocs.DEFAULT_OUT, args.loads)
    except SuiteError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    finally:
        con.close()
    if not built.loads:
        print("no quality-gate results yet: the index lists the suites only", file=sys.stderr)
    if built.unmatched:
        print(
            f"note: {len(built.unmatched)} recorded expectation(s) are no longer defined in "
            "expectations/ (shown with what the gate recorded when GX knows their type, left "
            f"out otherwise): {', '.join(built.unmatched[:5])}",
            file=sys.stderr,
        )
    print(
        f"Data Docs for {len(built.loads)} load(s), {built.validations} suite validation(s): "
        f"{built.index.as_uri()}"
    )
    return EXIT_OK


def cmd_eval(args) -> int:
    from zhnews.evaluate import run as eval_run

    return eval_run(args.path, args.docs, args.peers, args.json, args.per_doc)


def build_parser() -> argparse.ArgumentParser:
    from zhnews import watch

    p = argparse.ArgumentParser(
        prog="zhnews",
        description="Load Chinese news documents into a DuckDB warehouse and query it.",
        epilog="Start with `zhnews run` (loads the bundled seeds/), then "
        '`zhnews sql "SELECT title FROM marts.articles"`.',
    )
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add_db(sp):
        sp.add_argument(
            "--db",
            type=Path,
            default=DEFAULT_DB,
            help=f"warehouse file analysts open (default: {DEFAULT_DB.relative_to(Path.cwd()) if DEFAULT_DB.is_relative_to(Path.cwd()) else DEFAULT_DB})",
        )

    r = sub.add_parser(
        "run",
        help="load files into the warehouse (new and changed files only)",
        description="Run the ETL flow once: discover, parse, stage, check quality, publish. "
        "Exit code 0 when the load published (or had nothing new), 1 when it published nothing.",
    )
    r.add_argument("paths", nargs="*", help="files, folders or globs (default: seeds/)")
    add_db(r)
    r.add_argument(
        "--runner",
        choices=["process", "dask"],
        default="process",
        help="where parse shards run: local worker processes (default) or a Dask cluster",
    )
    r.add_argument(
        "--address",
        help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (default: a local cluster)",
    )
    r.add_argument("--workers", type=int, help="worker processes (default: number of CPUs)")
    r.add_argument("--quiet", action="store_true", help="no progress bar")
    r.add_argument(
        "--always-flow",
        action="store_true",
        help="start a Prefect flow run even when no file changed (by default such a run is "
        "recorded in ops.loads as noop without starting Prefect)",
    )
    r.set_defaults(func=cmd_run)

    s = sub.add_parser("sql", help="run a SQL query on the warehouse (read-only)")
    s.add_argument("query", help='e.g. "SELECT title, publisher FROM marts.articles LIMIT 5"')
    add_db(s)
    s.add_argument(
        "--format",
        choices=["table", "csv", "json", "parquet"],
        default="table",
        help="table (default), csv, json (an array of row objects) or parquet (needs -o)",
    )
    s.add_argument(
        "-o",
        "--out",
        type=Path,
        help="write the result to FILE instead of stdout (not inside the warehouse folder)",
    )
    s.add_argument(
        "--allow-dir",
        type=Path,
        action="append",
        metavar="DIR",
        help="let read_csv/read_parquet/read_json/… read files under DIR (repeatable; never "
        "the warehouse folder); without it the query reads only the warehouse",
    )
    s.set_defaults(func=cmd_sql)

    st = sub.add_parser("status", help="recent loads with their counts and outcome")
    add_db(st)
    st.add_argument("--limit", type=int, default=10)
    st.add_argument("--format", choices=["table", "csv", "json"], default="table")
    st.set_defaults(func=cmd_status)

    rt = sub.add_parser("retry", help="load quarantined files again (all, or those under PATHs)")
    rt.add_argument("paths", nargs="*")
    add_db(rt)
    rt.set_defaults(func=cmd_retry, runner="process", address=None, workers=None, quiet=False)

    mt = sub.add_parser(
        "maintain", help="compact the lake: merge small files, expire old snapshots, delete files"
    )
    add_db(mt)
    mt.add_argument(
        "--keep-hours",
        type=float,
        default=24.0,
        help="keep snapshots younger than this (time travel and pinned readers), default 24",
    )
    mt.set_defaults(func=cmd_maintain)

    ui = sub.add_parser(
        "ui",
        help="start a local Prefect server and UI (runs, logs, artifacts)",
        description="Start `prefect server start` on 127.0.0.1 with the project's "
        ".prefect/ home and telemetry off; prints the PREFECT_API_URL to export.",
    )
    ui.add_argument("--port", type=int, default=4200)
    ui.add_argument("--host", default="127.0.0.1", help="bind address (default: local only)")
    ui.set_defaults(func=cmd_ui)

    sv = sub.add_parser(
        "serve",
        help="load an inbox folder on a cron schedule (needs `zhnews ui`)",
        description="Register the ETL flow as a Prefect deployment with a cron "
        "schedule on the server at PREFECT_API_URL (default: a local `zhnews ui`) "
        "and run its scheduled runs until Ctrl-C. Each run loads what is new in "
        "the inbox. One run at a time: a run that fires while one is running is "
        "cancelled. Stopping leaves the schedule active.",
    )
    sv.add_argument("--inbox", type=Path, required=True, help="folder to load new files from")
    add_db(sv)
    sv.add_argument("--cron", default="*/5 * * * *", help='schedule (default: "*/5 * * * *")')
    sv.add_argument("--timezone", default="UTC", help="time zone of the cron (default: UTC)")
    sv.add_argument("--name", default="inbox", help="deployment name (default: inbox → etl/inbox)")
    sv.set_defaults(func=cmd_serve)

    wt = sub.add_parser(
        "watch",
        help="load files as they land in folders, in one warm process",
        description="Load what is new in PATHS once, then keep watching them and load each "
        "new or changed file as it lands (a few seconds until analysts see it): the flow's "
        "modules, Prefect and the quality gate's Great Expectations stay loaded between "
        "loads. Every load is a Prefect flow run (with `zhnews ui` running and "
        "PREFECT_API_URL exported, visible in the UI). Ctrl-C stops after the current load "
        "(a second Ctrl-C at once); SIGTERM stops at once, a load in progress ending "
        "unpublished as a killed `zhnews run` does (its files load at the next start).",
    )
    wt.add_argument("paths", nargs="+", help="folders (or files) to watch")
    add_db(wt)
    wt.add_argument(
        "--interval",
        type=float,
        default=watch.DEFAULT_INTERVAL_S,
        help=f"seconds between polls ({watch.DEFAULT_INTERVAL_S:g})",
    )
    wt.add_argument(
        "--settle",
        type=float,
        default=watch.DEFAULT_SETTLE_S,
        help="seconds a new file's size and mtime must hold still before it is loaded "
        f"({watch.DEFAULT_SETTLE_S:g})",
    )
    wt.add_argument(
        "--rescan",
        type=float,
        default=watch.DEFAULT_RESCAN_S,
        help="seconds between full listings, which catch files rewritten in place "
        f"({watch.DEFAULT_RESCAN_S:g})",
    )
    wt.set_defaults(func=cmd_watch)

    cb = sub.add_parser(
        "cookbook", help="run the SQL cookbook (warehouse/cookbook/*.sql) and print it as markdown"
    )
    add_db(cb)
    cb.add_argument(
        "--write-readme", action="store_true", help="replace the README's cookbook section"
    )
    cb.set_defaults(func=cmd_cookbook)

    sc = sub.add_parser(
        "schema",
        help="print the schema reference (from the warehouse's COMMENT ON texts) as markdown",
    )
    add_db(sc)
    sc.add_argument(
        "--write-readme", action="store_true", help="replace the README's schema section"
    )
    sc.set_defaults(func=cmd_schema)

    dq = sub.add_parser(
        "dq-docs",
        help="build Great Expectations Data Docs (HTML) for the last loads' quality gate",
        description="Render the quality gate's results of the last loads (ops.dq_results) and "
        "the suites in expectations/ with Great Expectations' own Data Docs site builder. "
        "Offline; GX analytics off.",
    )
    add_db(dq)
    dq.add_argument(
        "--out", type=Path, default=None, help="folder for the site (default: dq-docs/)"
    )
    dq.add_argument("--loads", type=int, default=10, help="how many recent loads (default 10)")
    dq.set_defaults(func=cmd_dq_docs)

    ev = sub.add_parser(
        "eval",
        help="measure the parser against gold (bench/extraction: side by side with --peers)",
        description="Score zhnews (and peers) on an extraction dev set (a folder with gold/ "
        "and docs/, per source and overall; metric definitions in zhnews/evaluate.py) or "
        "on a folder of gold JSON files (tests/gold).",
    )
    ev.add_argument("path", type=Path, help="bench dir with gold/ and docs/, or a gold dir")
    ev.add_argument("--docs", type=Path, help="(gold dir only) root of the `file` paths")
    ev.add_argument(
        "--peers", action="store_true", help="also run trafilatura, gne and newspaper4k"
    )
    ev.add_argument("--json", action="store_true", help="print the full result as JSON")
    ev.add_argument(
        "--per-doc", type=int, nargs="?", const=10, default=0, metavar="N",
        help="list the N worst documents per system (default 10)",
    )  # fmt: skip
    ev.set_defaults(func=cmd_eval)
    return p


def main(argv: list[str] | None = None) -> int:
    """Run a command; expected failures print one `error:` line and their exit code."""
    args = build_parser().parse_args(argv)
    if argv is None and args.command in ("run", "retry", "watch"):
        # A `zhnews` process that loads never uses pandas (the gate runs in its own process),
        # but DuckDB imports it at the first query with parameters, only to check whether they
        # are pandas objects: ~0.3 s and ~55 MB for the rest of the load. Only for the
        # command-line process: an in-process caller (tests) may use pandas afterwards, and
        # pyarrow would keep taking it as missing.
        import faulthandler

        from zhnews.procs import block_pandas

        # a native crash (a segmentation fault in a library) prints every thread's Python
        # stack on stderr instead of ending the load without a word
        faulthandler.enable()
        block_pandas()
        _exit_after_atexit_handlers()
    try:
        code = args.func(args)
        _exit_code[:] = [code]
        return code
    except KeyboardInterrupt:
        loading = args.command in ("run", "retry")
        print(f"error: {INTERRUPTED}" if loading else "error: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as exc:
        expected = expected_failure(exc, getattr(args, "db", None))
        if expected is None:
            raise
        code, message = expected
        print(f"error: {message}", file=sys.stderr)
        if any(c.__name__ == "LoadFailed" for c in type(exc).__mro__):
            print(_summary(args.db))  # a held load: what the other sources published
        _exit_code[:] = [code]
        return code


_exit_code: list[int] = []  # what main returned, for _exit_after_atexit_handlers


def _exit_after_atexit_handlers() -> None:
    """End the command-line process of a load right after the atexit handlers, without the
    interpreter's teardown.

    Registered before anything else registers one (Prefect, logging and multiprocessing are
    imported later), so it runs last: Prefect has drained its logs and events to the API,
    multiprocessing has joined its children and temporary folders are gone by then. What it
    skips is freeing every module and object (Prefect, DuckDB, the segmenter's dictionaries):
    ~0.35 s of every run, and nothing anyone sees. Only after main returned a code; an
    unexpected exception ends the usual way, traceback and all."""
    import atexit

    def finish() -> None:
        if not _exit_code:
            return
        import logging
        import os

        logging.shutdown()  # idempotent: closes handlers that are still open
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(_exit_code[0])

    atexit.register(finish)


if __name__ == "__main__":
    sys.exit(main())
