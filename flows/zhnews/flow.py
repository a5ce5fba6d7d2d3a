"""The Prefect flow: thin wiring of coarse tasks around the pure modules.

discover → (parse-shard × N, in worker processes) → stage (single writer) → quality gate →
publish (one DuckLake transaction: readers see the new snapshot at once). One task per shard of files, never per document.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections import Counter, deque
from pathlib import Path

from zhnews.settings import DEFAULT_DB, DEFAULT_SEEDS, Settings, configure_prefect_env

configure_prefect_env()

from prefect import flow, get_run_logger, task  # noqa: E402
from prefect.artifacts import (  # noqa: E402
    create_markdown_artifact,
    create_progress_artifact,
    create_table_artifact,
    update_progress_artifact,
)
from prefect.cache_policies import NO_CACHE  # noqa: E402
from prefect.context import FlowRunContext  # noqa: E402
from prefect.runtime import flow_run  # noqa: E402
from prefect.task_runners import ThreadPoolTaskRunner  # noqa: E402

from zhnews import faults, progress  # noqa: E402
from zhnews.db import Warehouse, WriterLock, published_summary  # noqa: E402
from zhnews.discover import FileRef, discover, shards  # noqa: E402
from zhnews.pool import RETRY_DELAYS_S, parse_shards  # noqa: E402
from zhnews.shard import ShardResult, process_shard  # noqa: E402

_prewarm: list = []


class Opaque:
    """A task argument Prefect passes through without walking into it (it walks lists and
    dataclasses in parameters, ~1.9 s per walk over 100,000 file references)."""

    __slots__ = ("value",)

    def __init__(self, value) -> None:
        self.value = value


def gate_process():
    from zhnews import gate_process

    return gate_process.shared()


def prewarm_gate() -> None:
    """A small load: start the gate's process now, so Great Expectations (~3.5 s) imports
    there while this process parses and talks to Prefect, and load the segmenter for the
    inline shard in a background thread.

    Not on a large load: its gate process starts after the parse workers have exited, so GX
    is never resident beside them (zhnews.gate_process)."""
    gate_process().start()
    if not _prewarm:
        import threading

        from zhnews.pool import warm_parser

        t = threading.Thread(target=warm_parser, name="parser-warm", daemon=True)
        t.start()
        _prewarm.append(t)


class LoadFailed(RuntimeError):
    """The load published nothing; the message says why (e.g. the failing expectations)."""


class LoadHeld(LoadFailed):
    """The gate held one or more sources (others published); the message names them."""


class _ExpectedFailureFilter(logging.Filter):
    """Prefect logs a flow's exception with its traceback; for an expected outcome (gate
    failed, source held) the message is the whole story, so the traceback is dropped."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and isinstance(record.exc_info[1], LoadFailed):
            record.exc_info = None
            record.exc_text = None
        return True


logging.getLogger("prefect.flow_runs").addFilter(_ExpectedFailureFilter())


@task(
    name="parse-shard",
    cache_policy=NO_CACHE,
    persist_result=False,
    retries=len(RETRY_DELAYS_S),
    retry_delay_seconds=list(RETRY_DELAYS_S),
)
def parse_shard(files: list[FileRef], load_id: str, settings: Settings) -> ShardResult:
    """Read, decode, parse, segment and enrich one shard (retried on transient I/O errors)."""
    return process_shard(files, load_id, settings)


@task(name="discover", cache_policy=NO_CACHE, persist_result=False)
def discover_files(wh: Warehouse, paths: list[str]):
    """New and changed files under `paths`, or the discovery `zhnews run`'s no-op check made a
    moment ago under the same writer lock (`wh.prior_discovery`; not a task parameter, see
    Opaque)."""
    done = wh.__dict__.pop("prior_discovery", None)
    return done if done is not None else discover(paths, wh.known_files)


@task(name="quality-gate", cache_policy=NO_CACHE, persist_result=False)
def quality_gate(wh: Warehouse, load_id: str, settings: Settings, small: bool = False):
    from zhnews.gate import render_markdown

    # A small load's gate process stays for the next load of this process (GX imported once).
    report = gate_process().run(wh, load_id, settings.expectations_dir, keep=small)
    create_markdown_artifact(
        render_markdown(report),
        key="dq-report",
        description=f"Quality gate decision for load {load_id}",
    )
    return report


@task(name="publish", cache_policy=NO_CACHE, persist_result=False)
def publish(wh: Warehouse, load_id: str, report):
    """One DuckLake commit. On a failed gate only the ledger is written and the task shows as
    Cancelled (nothing published), not Completed."""
    from prefect.states import Cancelled

    counts = wh.publish(load_id, report)
    if report.decision == "fail":
        return Cancelled(
            message=f"nothing published: the quality gate failed the load ({report.message})",
            data=counts,
        )
    return counts


def _parse_all(
    batches: list[list[FileRef]], load_id: str, settings: Settings, wh: Warehouse
) -> Counter:
    """Parse shards and stage each result as soon as it arrives (single writer).

    At most 2 × workers shards are in flight, so memory does not grow with the corpus.
    Local workers are plain processes (zhnews.pool); a Dask task runner gets one
    `parse-shard` task per shard instead.
    """
    totals: Counter = Counter()
    total_files = sum(len(b) for b in batches)
    artifact_id = create_progress_artifact(0.0, key="etl-progress", description="files parsed")
    done_files = 0

    def consume(result: ShardResult, n_files: int) -> None:
        nonlocal done_files
        wh.stage(result)
        wh.touch_unchanged(result.unchanged)
        totals.update(result.counters)
        done_files += n_files
        progress.current.advance(n_files, result.counters.get("documents", 0))
        update_progress_artifact(artifact_id, 100.0 * done_files / max(total_files, 1))

    runner = FlowRunContext.get().task_runner
    if isinstance(runner, ThreadPoolTaskRunner):
        parse_and_stage(Opaque(batches), load_id, settings, consume, wh.spool)
    else:
        with _api_shared_with_workers():
            _parse_with_task_runner(batches, load_id, settings, consume)
    return totals


@task(name="parse-and-stage", cache_policy=NO_CACHE, persist_result=False)
def parse_and_stage(batches: Opaque, load_id: str, settings: Settings, consume, spool) -> None:
    """Read, decode, parse, segment and enrich every shard in local worker processes."""
    batches = batches.value
    log = get_run_logger()

    def on_retry(index: int, exc: BaseException, delay: float) -> None:
        log.warning("shard %d: %s; retrying in %s s", index + 1, exc, delay)

    for i, (result, n_files) in enumerate(
        parse_shards(batches, load_id, settings, settings.workers, on_retry, spool), start=1
    ):
        consume(result, n_files)
        log.info("shard %d/%d staged: %s", i, len(batches), dict(result.counters))


@contextlib.contextmanager
def _api_shared_with_workers():
    """Point worker processes at this run's Prefect API.

    Without a PREFECT_API_URL, each spawned worker would start an ephemeral API server of its
    own (~10 s and ~250 MB each); with it they report to the flow's server.
    """
    if os.environ.get("PREFECT_API_URL"):
        yield
        return
    from prefect.client.orchestration import get_client

    with get_client(sync_client=True) as client:
        os.environ["PREFECT_API_URL"] = str(client.api_url)
    try:
        yield
    finally:
        os.environ.pop("PREFECT_API_URL", None)


def _parse_with_task_runner(batches, load_id, settings, consume) -> None:
    window = max(2, 2 * settings.workers)
    pending: deque = deque()
    queue = deque(batches)
    while queue or pending:
        while queue and len(pending) < window:
            batch = queue.popleft()
            pending.append((parse_shard.submit(batch, load_id, settings), len(batch)))
        future, n = pending.popleft()
        consume(future.result(), n)


@flow(name="etl", task_runner=ThreadPoolTaskRunner(max_workers=1), log_prints=False)
def etl(paths: list[str] | None = None, db: str | None = None, row_counts: bool = True) -> dict:
    """Load news files into the warehouse: new and changed files only, gated, published atomically.

    `row_counts`: the result's `published` holds the main tables' row counts (what `zhnews
    run` prints) as well as the load's outcome; `zhnews watch` prints only the outcome, and
    counting the lake's tables right after its commit took ~0.3-0.6 s per load at 100,000
    documents, time in which the watcher noticed nothing that landed."""
    log = get_run_logger()
    settings = Settings()
    db_path = Path(db) if db else DEFAULT_DB
    paths = [str(p) for p in (paths or [DEFAULT_SEEDS])]
    from zhnews import fastpath

    handoff = fastpath.take(db_path, paths)
    try:
        if handoff is not None:  # `zhnews run` checked, found work and holds the lock
            try:
                return _load(handoff.wh, paths, settings, log, row_counts, handoff)
            finally:
                handoff.release()
        with WriterLock(db_path, settings.lock_timeout_s):
            wh = Warehouse(db_path, settings.lock_timeout_s)
            try:
                return _load(wh, paths, settings, log, row_counts)
            finally:
                wh.close()
    finally:
        gate_process().release()  # a load that ended before its gate: stop the early start


def _load(
    wh: Warehouse, paths: list[str], settings: Settings, log, row_counts: bool, discovered=None
) -> dict:
    """One load; `discovered` is `zhnews run`'s fastpath.Handoff when it already looked."""
    aborted = wh.recover()
    if aborted:
        log.warning("cleaned up %d load(s) left unfinished by a killed run", aborted)
    load_id = wh.begin_load(str(flow_run.get_id() or ""))
    _name_run(load_id, paths, None)
    try:
        if discovered:
            wh.prior_discovery = (discovered.found, discovered.unchanged)
        with wh.timed("discover"):
            found, unchanged = discover_files(wh, paths)
        if discovered:
            wh.step_seconds["discover"] += discovered.seconds
        small = len(found.files) <= settings.shard_size  # one shard, parsed in this process
        if small:
            prewarm_gate()  # a small load: the gate's import overlaps parsing
        else:
            gate_process().close()  # a large load: no GX beside the parse workers
        for path, why in found.skipped:
            log.warning("skipped %s: %s", path, why)
        wh.record_counts(
            load_id,
            files_seen=len(found.files) + unchanged,
            files_new=len(found.files),
            files_unchanged=unchanged,
        )
        if not found.files:
            wh.finish_noop(load_id, unchanged)
            _name_run(load_id, paths, {"status": "noop"})
            create_markdown_artifact(
                f"Load `{load_id}`: nothing new, {unchanged} file(s) unchanged since they were "
                "loaded.",
                key="load-summary",
                description=f"Outcome of load {load_id}",
            )
            log.info("nothing new: %d file(s) unchanged", unchanged)
            return {
                "load_id": load_id,
                "status": "noop",
                "files_unchanged": unchanged,
                "published": published_summary(wh.con, row_counts),
            }
        batches = shards(found.files, settings.shard_size)
        progress.current.start(len(found.files))
        try:
            with wh.timed("parse and stage"):
                totals = _parse_all(batches, load_id, settings, wh)
        finally:
            progress.current.stop()
        touched = totals.get("unchanged", 0)
        if touched:
            wh.record_counts(
                load_id, files_new=len(found.files) - touched, files_unchanged=unchanged + touched
            )
        faults.point("gate.before")
        with wh.timed("quality gate"):
            report = quality_gate(wh, load_id, settings, small)
        # A Cancelled publish (gate failed) still carries its counts; a crashed one raises.
        counts = publish(wh, load_id, report, return_state=True).result(raise_on_failure=False)
        if isinstance(counts, BaseException):
            raise counts
        create_table_artifact(
            [
                {
                    "stage": "files read",
                    "in": len(found.files),
                    "kept": totals.get("documents", 0),
                    "quarantined": sum(v for k, v in totals.items() if k.startswith("rejected_")),
                },
                {
                    "stage": "quality gate",
                    "in": report.documents_in,
                    "kept": report.documents_in - len(report.rejected) - counts["documents_held"]
                    if report.decision != "fail"
                    else 0,
                    "quarantined": len(report.rejected),
                    "held": counts["documents_held"],
                },
                {
                    "stage": "published articles",
                    "in": totals.get("articles", 0),
                    "kept": counts["articles_published"],
                    "quarantined": counts["articles_quarantined"],
                },
            ],
            key="stage-counts",
            description=f"Rows per stage for load {load_id}",
        )
    except Exception as exc:
        wh.fail(load_id, f"{type(exc).__name__}: {exc}")
        raise
    summary = {"load_id": load_id, "files_unchanged": unchanged + touched, **counts}
    _name_run(load_id, paths, counts)
    if counts["status"] == "failed":
        raise LoadFailed(f"load {load_id} published nothing: {report.message}")
    if counts["status"] == "held":
        raise LoadHeld(
            f"load {load_id} held {len(report.held_sources)} source(s), "
            f"{counts['documents_held']} document(s) kept for `zhnews retry`; "
            f"{counts['articles_published']} article(s) of other sources published: "
            f"{report.message}"
        )
    log.info("load %s %s: %s", load_id, counts["status"], summary)
    return {**summary, "published": published_summary(wh.con, row_counts)}


def run_outcome(counts: dict | None) -> str:
    """The outcome part of a run's name: what was published and, when the load is partial or
    held, what it left out (`partial 7 articles, 3 files quarantined`), so the run list
    shows a load that rejected something without opening it."""
    if counts is None:
        return "running"
    if counts["status"] in ("noop", "failed"):
        return counts["status"]
    outcome = f"{counts['status']} {counts.get('articles_published', 0)} articles"
    left_out = [
        f"{n} {noun}{'' if n == 1 else 's'} {what}"
        for n, noun, what in (
            (counts.get("files_quarantined", 0), "file", "quarantined"),
            (counts.get("articles_quarantined", 0), "article", "quarantined"),
            (counts.get("documents_held", 0), "document", "held"),
        )
        if n
    ]
    return ", ".join([outcome, *left_out])


def _name_run(load_id: str, paths: list[str], counts: dict | None) -> None:
    """Name the flow run after the load so the UI's run list reads at a glance:
    `<load id> · <input> · <outcome>`."""
    run_id = flow_run.get_id()
    if not run_id:
        return
    inputs = ", ".join(Path(p).name or p for p in paths[:2]) + (" …" if len(paths) > 2 else "")
    outcome = run_outcome(counts)
    try:
        from prefect.client.orchestration import get_client

        with get_client(sync_client=True) as client:
            client.update_flow_run(run_id, name=f"{load_id} · {inputs} · {outcome}"[:200])
    except Exception as exc:  # noqa: BLE001 - a cosmetic rename never fails a load
        get_run_logger().debug("could not rename the flow run: %s", exc)
