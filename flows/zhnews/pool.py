"""Parse shards in local worker processes that never import Prefect.

Prefect's process-pool task runner starts its task engine in every worker (~150 MB and a few
seconds each) and ships every result through a Prefect state. Parsing is pure, so the flow
runs it here instead: a plain `ProcessPoolExecutor` whose workers import only the parser,
with at most `window` shards in flight so memory does not grow with the corpus, and the
parse-shard retry policy (transient I/O errors: retried after 1 s, then 5 s).
"""

from __future__ import annotations

import gc
import time
from collections import Counter, deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import get_context

from zhnews.discover import FileRef
from zhnews.procs import block_pandas
from zhnews.settings import Settings
from zhnews.shard import TRANSIENT_ERRNOS, ShardResult, process_shard, shard_key

# Delays before the 1st and 2nd retry of a shard that failed with a transient I/O error.
RETRY_DELAYS_S = (1, 5)

# A worker that dies (a native crash, the out-of-memory killer) takes the shards in flight
# with it. Their files are then parsed one at a time in a worker of their own; a file whose
# worker dies is tried once more alone in a fresh process, and if that dies too, the file is
# quarantined and the load goes on. More such files than this end the load (WorkerDied): the
# machine, not a file, is then the likelier cause.
MAX_KILLER_FILES = 3
KILLED_REASON = (
    "the parser's worker process died on this file twice, the second time alone in a fresh "
    "process (a native crash or the out-of-memory killer)"
)


class WorkerDied(RuntimeError):
    """A worker process ended abruptly (native crash, out-of-memory kill)."""


def _warm() -> None:
    """Load the segmenter and word lists once per worker, before the first shard arrives.

    First, tie the worker's life to the flow process (zhnews.procs): a SIGKILLed load must
    not leave parse workers behind.
    """
    from zhnews.procs import die_with_parent

    die_with_parent()
    block_pandas()
    import pyarrow as pa

    # The system allocator hands a finished shard's Arrow buffers back; pyarrow's default
    # (mimalloc) keeps ~25 MB more per worker for the rest of the load.
    pa.set_memory_pool(pa.system_memory_pool())
    warm_parser()
    # The word lists, the segmenter's dictionary and the compiled patterns live as long as
    # the worker: frozen out of the cyclic collector's sight, its passes walk only the
    # shard's own objects (`bench/worker_gc.py`: ~4% less CPU per shard, 7 rounds; the
    # machine's noise between rounds is larger). The collector still runs: parsed HTML
    # trees are cycles.
    gc.collect()
    gc.freeze()


_WARM_UP_DOCUMENT = (
    "---\ntitle: 聊城新建三所学校\ndate: 2020-01-01\n---\n\n"
    "本报讯（记者 张三）聊城市人民政府今天宣布，全市将新建3所学校，总投资5亿元。\n"
)


def warm_parser() -> None:
    """Load the segmenter's dictionary and the enrichment word lists (~1-2 s, once), then
    take a two-line sample document through parse, segmentation and enrichment: the modules
    they import on first use (~0.45 s of the first document's enrichment) load here, not in
    the first load of a process that stays up (`zhnews watch`)."""
    from zhnews.enrich import lexicon
    from zhnews.text import tokenize

    tokenize("聊城市人民政府")
    for load in (
        lexicon.pos_dictionary,
        lexicon.surnames,
        lexicon.titles,
        lexicon.curated_entities,
        lexicon.not_entities,
        lexicon.stopwords,
    ):
        load()
    from zhnews.parse import parse_document
    from zhnews.shard import enrich_segmented, segment_article

    for article in parse_document(_WARM_UP_DOCUMENT, "warm-up.md").articles:
        _, sentences, _ = segment_article(article)
        enrich_segmented(article, "warm-up", sentences)


class _InlineExecutor:
    """Runs each submitted call at once in this process (one shard, or --workers 1)."""

    def submit(self, fn, *args) -> Future:
        future: Future = Future()
        try:
            future.set_result(fn(*args))
        except BaseException as exc:  # handed to the caller through the future
            future.set_exception(exc)
        return future

    def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
        pass


def parse_shards(
    batches: list[list[FileRef]],
    load_id: str,
    settings: Settings,
    workers: int,
    on_retry: Callable[[int, BaseException, float], None] | None = None,
    spool=None,
) -> Iterator[tuple[ShardResult, int]]:
    """Yield (result, number of files) per shard, in submission order.

    With a `spool` (zhnews.store.spool.Spool), workers write the rows there themselves and
    results carry only counts: no row passes through this process.

    `workers` ≤ 1 or a single shard parses in this process, with the same retry policy.
    """
    inline = workers <= 1 or len(batches) <= 1
    window = 1 if inline else 2 * workers
    pool = _InlineExecutor() if inline else _take_pool(workers)
    pending: deque = deque()
    queue = deque(enumerate(batches))
    killers: list[FileRef] = []
    try:
        while queue or pending:
            while queue and len(pending) < window:
                index, batch = queue.popleft()
                pending.append(
                    (index, batch, 0, pool.submit(process_shard, batch, load_id, settings, spool))
                )
            index, batch, attempt, future = pending.popleft()
            try:
                result = future.result()
            except BrokenProcessPool:
                # every shard in flight went with the worker, but those that finished first
                suspects = [batch]
                finished: deque = deque()
                for entry in pending:
                    if _finished(entry[3]):
                        finished.append(entry)
                    else:
                        suspects.append(entry[1])
                pending = finished
                pool.shutdown(wait=True, cancel_futures=True)
                for suspect in suspects:
                    yield from _isolated(suspect, load_id, settings, spool, killers, len(batches))
                pool = _new_pool(workers)
                continue
            except OSError as exc:
                if exc.errno not in TRANSIENT_ERRNOS or attempt >= len(RETRY_DELAYS_S):
                    raise
                delay = RETRY_DELAYS_S[attempt]
                if on_retry:
                    on_retry(index, exc, delay)
                time.sleep(delay)
                retry = pool.submit(process_shard, batch, load_id, settings, spool)
                pending.appendleft((index, batch, attempt + 1, retry))
                continue
            yield result, len(batch)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _finished(future: Future) -> bool:
    return future.done() and not future.cancelled() and future.exception() is None


def _new_pool(workers: int) -> ProcessPoolExecutor:
    # spawn: the flow process has threads (Prefect, DuckDB), which fork would copy half-way
    return ProcessPoolExecutor(workers, mp_context=get_context("spawn"), initializer=_warm)


_prestarted: list[tuple[int, ProcessPoolExecutor]] = []


def prestart(workers: int) -> None:
    """Start `workers` parse workers now, for the next `parse_shards` of this process: a large
    load's `zhnews run` calls it before the flow run starts, so the workers spawn, import the
    parser and warm up (`_warm`, ~2 s of a core each) while Prefect's API boots and the flow
    run begins, not after. A pool that no load takes is stopped by `discard_prestarted`."""
    if workers <= 1 or _prestarted:
        return
    pool = _new_pool(workers)
    for _ in range(workers):
        pool.submit(int)  # a process-pool spawns a worker per submission while none is idle
    _prestarted.append((workers, pool))


def discard_prestarted() -> None:
    """Stop a prestarted pool no load took (the flow ended before parsing, or parsed
    inline)."""
    while _prestarted:
        _prestarted.pop()[1].shutdown(wait=True, cancel_futures=True)


def _take_pool(workers: int) -> ProcessPoolExecutor:
    if _prestarted and _prestarted[-1][0] == workers:
        return _prestarted.pop()[1]
    discard_prestarted()
    return _new_pool(workers)


def _isolated(
    batch: list[FileRef],
    load_id: str,
    settings: Settings,
    spool,
    killers: list[FileRef],
    shards: int,
) -> Iterator[tuple[ShardResult, int]]:
    """The files of a shard that was in flight when a worker died, one at a time (see
    MAX_KILLER_FILES); a shard whose rows were staged before the death is not parsed again.

    Each file's rows come back to this process (a worker writing a spool shard per file spent
    ~40 ms a file on tiny Parquet files); with a spool they are written as one shard, under the
    shard's own name, once every file of it is through."""
    if spool is not None:
        staged = spool.staged_result(shard_key(load_id, batch))
        if staged is not None:
            yield ShardResult.from_summary(staged), len(batch)
            return
    results: list[ShardResult] = []
    pool = _new_pool(1)
    try:
        for ref in batch:
            try:
                result = pool.submit(process_shard, [ref], load_id, settings).result()
            except BrokenProcessPool:
                pool.shutdown(wait=True)
                pool = _new_pool(1)  # the file alone, in a fresh process
                try:
                    result = pool.submit(process_shard, [ref], load_id, settings).result()
                except BrokenProcessPool as exc:
                    pool.shutdown(wait=True)
                    killers.append(ref)
                    if len(killers) > MAX_KILLER_FILES:
                        raise WorkerDied(
                            f"a parser worker process died on each of {len(killers)} files, "
                            "each alone in a fresh process "
                            f"({', '.join(k.source_path for k in killers)}; "
                            f"{shards} shards in this load): a native crash or the "
                            "out-of-memory killer; nothing was published"
                        ) from exc
                    pool = _new_pool(1)
                    result = _killed(ref, load_id, settings)
            if spool is None:
                yield result, 1
            else:
                results.append(result)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    if spool is not None:
        yield _spooled(results, batch, load_id, spool), len(batch)


def _spooled(results: list[ShardResult], batch: list[FileRef], load_id: str, spool) -> ShardResult:
    """The files' results as one shard in the spool, under the shard's own name."""
    merged = ShardResult({}, [], [], Counter())
    for r in results:
        merged.unchanged.extend(r.unchanged)
        merged.counters.update(r.counters)
    spool.write_returned(
        [(r.tables, r.rejections) for r in results],
        shard=shard_key(load_id, batch),
        result=merged.summary(),
    )
    return merged


def _killed(ref: FileRef, load_id: str, settings: Settings) -> ShardResult:
    """The quarantine row of a file that killed its worker twice (its bytes kept, as for any
    rejected file)."""
    from zhnews.shard import rejection_for

    rejection = rejection_for(ref, load_id, settings, "parse", KILLED_REASON)
    return ShardResult({}, [rejection], [], Counter(files_in=1, rejected_parse=1))
