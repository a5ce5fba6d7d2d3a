"""Scale-out: parse shards on a Dask cluster give the same warehouse as local worker processes."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES, SEEDS, query, run_etl
from zhnews.store.lake import WarehousePaths

pytestmark = pytest.mark.usefixtures("prefect_api")

SHARD_ENV = {"ZHNEWS_SHARD_SIZE": "8", "ZHNEWS_WORKERS": "2"}  # 76 files → 10 shards
CHECKED_MARTS = ("marts.articles", "marts.paragraphs", "marts.sentences")


def fingerprint(db: Path, table: str) -> tuple[int, str]:
    """Row count and an order-independent checksum of every column except the load id."""
    ((n, digest),) = query(
        db,
        f"""
        SELECT count(*), md5(coalesce(string_agg(row_text, '\n' ORDER BY row_text), ''))
        FROM (SELECT CAST(t AS VARCHAR) AS row_text
              FROM (SELECT * EXCLUDE (load_id) FROM {table}) t)""",
    )
    return n, digest


def marts_row_counts(db: Path) -> dict[str, int]:
    tables = [
        f"marts.{t}"
        for (t,) in query(
            db, "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'marts' ORDER BY 1"
        )
    ]
    return {t: query(db, f"SELECT count(*) FROM {t}")[0][0] for t in tables}


def parse_shard_runs(flow_run_id) -> int:
    from prefect import get_client
    from prefect.client.schemas.filters import (
        FlowRunFilter,
        FlowRunFilterId,
        TaskRunFilter,
        TaskRunFilterName,
    )

    with get_client(sync_client=True) as client:
        runs = client.read_task_runs(
            flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[flow_run_id])),
            task_run_filter=TaskRunFilter(name=TaskRunFilterName(like_="parse-shard")),
        )
    return sum(1 for r in runs if r.state and r.state.is_completed())


def test_shard_task_arguments_and_results_pickle():
    """What crosses to a Dask worker: the task, FileRef and Settings in, ShardResult out."""
    import cloudpickle
    from zhnews.discover import FileRef
    from zhnews.flow import parse_shard
    from zhnews.settings import Settings
    from zhnews.shard import process_shard

    seed = sorted(SEEDS.iterdir())[0]
    st = seed.stat()
    ref = FileRef(str(seed), str(seed), st.st_size, st.st_mtime_ns)
    settings = Settings()
    result = process_shard([ref], "load-x", settings)
    for obj in (parse_shard, ref, settings):
        assert cloudpickle.loads(cloudpickle.dumps(obj)) is not None
    back = cloudpickle.loads(cloudpickle.dumps(result))
    assert back.counters == result.counters
    assert {k: t.to_pylist() for k, t in back.tables.items()} == {
        k: t.to_pylist() for k, t in result.tables.items()
    }


def test_dask_runner_builds_the_same_marts(tmp_path: Path, monkeypatch):
    from prefect_dask import DaskTaskRunner
    from zhnews.flow import etl

    inputs = [SEEDS, FIXTURES / "finews"]
    local_db = tmp_path / "process.duckdb"
    summary = run_etl(inputs, local_db, **SHARD_ENV)
    assert summary["status"] == "published"

    for k, v in SHARD_ENV.items():
        monkeypatch.setenv(k, v)
    dask_db = tmp_path / "dask.duckdb"
    on_dask = etl.with_options(
        task_runner=DaskTaskRunner(
            cluster_kwargs={
                "n_workers": 2,
                "threads_per_worker": 1,
                "processes": True,
                "dashboard_address": None,
            }
        )
    )
    state = on_dask(paths=[str(p) for p in inputs], db=str(dask_db), return_state=True)
    dask_summary = state.result()
    assert dask_summary["status"] == "published"
    assert dask_summary["articles_published"] == summary["articles_published"] > 0
    n_files = len(list((FIXTURES / "finews").iterdir())) + len(list(SEEDS.iterdir()))
    assert parse_shard_runs(state.state_details.flow_run_id) == -(-n_files // 8)

    for table in CHECKED_MARTS:
        assert fingerprint(dask_db, table) == fingerprint(local_db, table), table
    assert marts_row_counts(dask_db) == marts_row_counts(local_db)
    assert WarehousePaths.of(dask_db).exists()  # the lake is written; no spool is left
    assert not WarehousePaths.of(dask_db).spool.exists()
