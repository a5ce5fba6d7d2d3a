"""Peak memory and time of the quality gate alone, on a large staged load.

    .venv/bin/python bench/gate_memory.py [--documents 20000] [--batch-documents 100000 2000]
        [--file-cache true|false]

Stages the benchmark corpus of N documents (bench/corpus.py) once into a spool of Parquet
files under bench/.cache/gate-spool-N/ (parsed with zhnews' own shard workers, as a load
does), then runs `zhnews.gate.run_gate` once per `--batch-documents` value, each in a fresh
process with the gate process's DuckDB settings and staging as views over that spool. Each run
prints its peak RSS (getrusage of that process: interpreter, DuckDB, Great Expectations and
the gate's frames), its RSS just before the gate started, the gate's seconds and its
decision, so one batch size can be compared with another. A batch size of at least N
validates each suite as one frame (the gate before batching); the decisions must agree.
`--file-cache` overrides the gate process's setting of DuckDB's enable_external_file_cache.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / "bench" / ".cache"
EXPECTATIONS = ROOT / "expectations"
WAREHOUSE_SQL = ROOT / "warehouse"
LOAD_ID = "bench-gate"


def _rss_mb() -> float:
    """This process' peak resident set so far (ru_maxrss is in KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def stage_corpus(documents: int, workers: int) -> Path:
    """The spool folder of the corpus' load, parsed once and reused (a `.complete` marker)."""
    sys.path.insert(0, str(ROOT / "bench"))
    import corpus

    folder = CACHE / f"gate-spool-{documents}"
    if (folder / ".complete").exists():
        return folder
    from zhnews.discover import discover, shards
    from zhnews.pool import parse_shards
    from zhnews.settings import Settings
    from zhnews.store.lake import create_staging, load_sql_files, new_connection
    from zhnews.store.spool import Spool, staging_schemas

    shutil.rmtree(folder, ignore_errors=True)
    source = corpus.build(documents, CACHE)
    con = new_connection()
    create_staging(con, load_sql_files(WAREHOUSE_SQL))
    spool = Spool(folder, staging_schemas(con))
    found, _ = discover([str(source)], {})
    settings = Settings()
    started = time.perf_counter()
    staged = 0
    for result, _ in parse_shards(
        shards(found.files, settings.shard_size), LOAD_ID, settings, workers, None, spool
    ):
        if result.tables or result.rejections:  # rows that came back instead of to the spool
            spool.write_returned([(result.tables, result.rejections)])
        staged += result.counters.get("documents", 0)
    (folder / ".complete").write_text(str(staged), encoding="utf-8")
    print(f"staged {staged} documents in {time.perf_counter() - started:.0f} s -> {folder}")
    return folder


def run_child(
    spool_folder: Path, batch_documents: int | None, file_cache: str | None = None
) -> dict:
    """One gate run on the spool in this process; returns what it measured."""
    from zhnews.gate import run_gate
    from zhnews.gate_process import GATE_FILE_CACHE, _import_gx

    _import_gx()  # as the gate's process does (its import is not the gate's memory)
    from zhnews.store.lake import (
        GATE_MEMORY_LIMIT,
        create_staging,
        load_sql_files,
        new_connection,
    )
    from zhnews.store.spool import Spool, staging_columns, staging_schemas, view_sql

    con = new_connection(GATE_MEMORY_LIMIT)  # as the gate's process (gate_process.py)
    con.execute("SET preserve_insertion_order = false")  # as the writer's connection
    # as the gate's process unless --file-cache says otherwise
    con.execute(f"SET enable_external_file_cache = {file_cache or GATE_FILE_CACHE}")
    create_staging(con, load_sql_files(WAREHOUSE_SQL))
    columns = staging_columns(con)
    spool = Spool(spool_folder, staging_schemas(con, columns))
    for table, cols in columns.items():
        if spool.files(table):
            con.execute(f'DROP TABLE staging."{table}"')
            con.execute(view_sql(table, spool.pattern(table), cols))

    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp) / "expectations"
        shutil.copytree(EXPECTATIONS, directory)
        if batch_documents is not None:
            path = directory / "gate.json"
            config = json.loads(path.read_text(encoding="utf-8"))
            config["batch_documents"] = batch_documents
            path.write_text(json.dumps(config, ensure_ascii=False), encoding="utf-8")
        before = _rss_mb()
        started = time.perf_counter()
        report = run_gate(con, LOAD_ID, directory, history={})
        seconds = time.perf_counter() - started
    return {
        "batch_documents": batch_documents,
        "file_cache": file_cache or GATE_FILE_CACHE,
        "documents": report.documents_in,
        "decision": report.decision,
        "rejected": len(report.rejected),
        "articles_rejected": report.articles_rejected,
        "failed": sorted(
            (r.expectation, r.unexpected_count) for r in report.results if not r.success
        ),
        "seconds": round(seconds, 1),
        "rss_before_gate_mb": round(before),
        "peak_rss_mb": round(_rss_mb()),
        "suite_seconds": {k: round(v, 1) for k, v in report.suite_seconds.items()},
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--documents", type=int, default=20000)
    ap.add_argument(
        "--batch-documents",
        type=int,
        nargs="*",
        default=[10**9, 2000],
        help="one gate run per value (omit values to run with gate.json as it is)",
    )
    ap.add_argument("--workers", type=int, default=2, help="parse workers for staging")
    ap.add_argument(
        "--file-cache",
        choices=["true", "false"],
        help="DuckDB's enable_external_file_cache in the gate (default: as the gate's process)",
    )
    ap.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--child-batch", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        print(
            json.dumps(run_child(args.child, args.child_batch, args.file_cache), ensure_ascii=False)
        )
        return 0

    folder = stage_corpus(args.documents, args.workers)
    runs = []
    for batch in args.batch_documents or [None]:
        command = [sys.executable, __file__, "--child", str(folder)]
        if batch is not None:
            command += ["--child-batch", str(batch)]
        if args.file_cache is not None:
            command += ["--file-cache", args.file_cache]
        out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
        runs.append(json.loads(out.strip().splitlines()[-1]))
        r = runs[-1]
        print(
            f"batch_documents={r['batch_documents']}, file cache {r['file_cache']}: peak RSS {r['peak_rss_mb']} MB"
            f" (before the gate {r['rss_before_gate_mb']} MB), {r['seconds']} s,"
            f" decision {r['decision']}, {r['rejected']} documents and"
            f" {r['articles_rejected']} articles rejected; per suite {r['suite_seconds']}"
        )
    if len({json.dumps([r["decision"], r["failed"]]) for r in runs}) > 1:
        print("DECISIONS DIFFER between batch sizes:", json.dumps(runs, ensure_ascii=False))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
