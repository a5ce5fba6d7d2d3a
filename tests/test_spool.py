"""The spool: workers' Parquet files as the writer's staging (zhnews.store.spool).

A shard is in staging wholly or not at all; rows are typed by the staging DDL (a parser bug
cannot slip a wrongly typed or NULL key row through); staging read through the spool equals
what the worker produced; the spool is gone when the load ends.
"""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pytest
from conftest import FIXTURES
from zhnews.db import Warehouse
from zhnews.discover import discover
from zhnews.settings import Settings
from zhnews.shard import process_shard
from zhnews.store.spool import Spool, arrow_table, conform

SCHEMA = pa.schema(
    [
        pa.field("load_id", pa.string(), nullable=False),
        pa.field("n", pa.int32()),
        pa.field("tags", pa.list_(pa.string())),
    ]
)


def test_rows_are_typed_by_the_schema_and_missing_columns_are_null():
    table = arrow_table(SCHEMA, [{"load_id": "L", "n": 3}, {"load_id": "L", "tags": ["a"]}])
    assert table.schema == SCHEMA
    assert table.to_pylist() == [
        {"load_id": "L", "n": 3, "tags": None},
        {"load_id": "L", "n": None, "tags": ["a"]},
    ]


def test_unknown_column_and_null_key_are_errors():
    with pytest.raises(ValueError, match="not in the staging table"):
        arrow_table(SCHEMA, [{"load_id": "L", "surprise": 1}])
    with pytest.raises(ValueError, match="NOT NULL staging column 'load_id'"):
        arrow_table(SCHEMA, [{"load_id": None, "n": 1}])


def test_rows_a_dask_worker_sent_back_are_conformed_to_the_schema():
    inferred = pa.table({"tags": [["a"], None], "load_id": ["L", "L"], "n": [3, None]})
    table = conform(SCHEMA, inferred)  # int64 -> int32, columns in the DDL's order
    assert table.schema == SCHEMA
    assert table.to_pylist() == [
        {"load_id": "L", "n": 3, "tags": ["a"]},
        {"load_id": "L", "n": None, "tags": None},
    ]
    assert conform(SCHEMA, pa.table({"load_id": ["L"]})).to_pylist() == [
        {"load_id": "L", "n": None, "tags": None}
    ]
    with pytest.raises(ValueError, match="not in the staging table"):
        conform(SCHEMA, pa.table({"load_id": ["L"], "surprise": [1]}))
    with pytest.raises(ValueError, match="NOT NULL staging column 'load_id'"):
        conform(SCHEMA, pa.table({"load_id": [None, "L"]}))
    with pytest.raises(pa.ArrowInvalid):  # a value the column's type cannot hold
        conform(SCHEMA, pa.table({"load_id": ["L"], "n": [2**40]}))


def test_a_shard_is_in_the_spool_wholly_or_not_at_all(tmp_path, monkeypatch):
    import pyarrow.parquet as pq

    spool = Spool(tmp_path / "load", {"a": SCHEMA, "b": SCHEMA})
    written = spool.write({"a": [{"load_id": "L", "n": 1}], "b": [{"load_id": "L", "n": 2}]})
    assert written == {"a": 1, "b": 1}
    assert len(spool.files("a")) == len(spool.files("b")) == 1

    real = pq.write_table
    calls = []

    def fail_on_second(table, where, **kw):
        calls.append(where)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        return real(table, where, **kw)

    monkeypatch.setattr(pq, "write_table", fail_on_second)
    with pytest.raises(OSError):
        spool.write({"a": [{"load_id": "L", "n": 3}], "b": [{"load_id": "L", "n": 4}]})
    # the failed shard left nothing behind: a retry cannot count its first table twice
    assert len(spool.files("a")) == len(spool.files("b")) == 1
    assert not any((tmp_path / "load" / "incoming").iterdir())


def test_a_named_shard_is_staged_once_with_its_result(tmp_path):
    """After a worker died the writer asks whether a shard's rows are in place already (its
    name is the same files of the same load): then it reads the shard's counts from there and
    a second write of the same shard adds nothing."""
    spool = Spool(tmp_path / "load", {"a": SCHEMA})
    rows = {"a": arrow_table(SCHEMA, [{"load_id": "L", "n": 1}])}
    assert spool.staged_result("k1") is None
    (spool.folder / "incoming" / "k1").mkdir(parents=True)  # left by a worker that died
    (spool.folder / "incoming" / "k1" / "a.parquet").write_bytes(b"half a file")
    assert spool.write_tables(rows, shard="k1", result={"counters": {"documents": 1}}) == {"a": 1}
    assert spool.staged_result("k1") == {"counters": {"documents": 1}}
    assert spool.write_tables(rows, shard="k1", result={"counters": {"documents": 1}}) == {}
    assert len(spool.files("a")) == 1 and not any((spool.folder / "incoming").iterdir())


def _staged(wh: Warehouse, table: str) -> list[tuple]:
    # a document's ingested_at is when its worker read it: two reads, two times
    exclude = "load_id, ingested_at" if table == "documents" else "load_id"
    return wh.con.execute(
        f"SELECT * EXCLUDE ({exclude}) FROM staging.{table} ORDER BY ALL"
    ).fetchall()


def test_staging_through_the_spool_equals_the_workers_rows(tmp_path: Path):
    found, _ = discover([str(FIXTURES / "finews")], {})
    files = found.files[:12]
    wh = Warehouse(tmp_path / "w")
    try:
        load_id = wh.begin_load(None)
        direct = process_shard(files, load_id, Settings())  # rows travel back (Dask)
        spooled = process_shard(files, load_id, Settings(), wh.spool)  # a local worker
        assert not spooled.tables and spooled.counters == direct.counters
        wh.stage(spooled)
        via_spool = {t: _staged(wh, t) for t in direct.tables}
        types = dict(
            wh.con.execute(
                "SELECT column_name, data_type FROM duckdb_columns() "
                "WHERE schema_name = 'staging' AND table_name = 'articles'"
            ).fetchall()
        )
        assert types["published_at"] == "TIMESTAMP WITH TIME ZONE"
        assert types["authors"] == "VARCHAR[]"
        wh.clear_staging()
        assert _staged(wh, "articles") == []  # an empty typed table again
        wh.spool = Spool(wh.paths.spool / load_id, wh.spool.schemas)
        wh.stage(direct)  # the flow writes rows that came back in the result
        assert {t: _staged(wh, t) for t in direct.tables} == via_spool
        assert len(via_spool["documents"]) == 12
    finally:
        wh.close()
    assert not wh.paths.spool.exists()


def test_parse_workers_build_arrow_tables_without_importing_pandas():
    """pyarrow would import pandas (~55 MB per worker) just to check for pandas objects."""
    import subprocess
    import sys

    code = (
        "import sys; from zhnews.procs import block_pandas; block_pandas()\n"
        "import pyarrow as pa\n"
        "t = pa.table({'a': [1, None], 'b': [['x'], None]})\n"
        "assert t.num_rows == 2 and 'pandas' not in sys.modules\n"
        "try:\n    import pandas\nexcept ImportError:\n    print('refused')\n"
    )
    flows = str(Path(__file__).resolve().parents[1] / "flows")
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": flows, "PATH": ""},
        check=True,
    )
    assert out.stdout.strip() == "refused"


def test_the_zhnews_run_process_never_imports_pandas(tmp_path):
    """DuckDB imports pandas at the first query with parameters (~0.3 s, ~55 MB); the process of
    a command-line `zhnews run` (argv from the command line) refuses it and still loads."""
    import os
    import subprocess
    import sys

    repo = Path(__file__).resolve().parents[1]
    code = (
        "import sys\n"
        "from zhnews.cli import main\n"
        f"sys.argv = ['zhnews', 'run', {str(repo / 'seeds')!r}, '--db', {str(tmp_path / 'w')!r}, "
        "'--quiet']\n"
        "rc = main()\n"
        "print('RESULT', rc, 'pandas' in sys.modules)\n"
    )
    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect")}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300
    )
    assert out.returncode == 0, out.stderr[-2000:]
    assert "RESULT 0 False" in out.stdout.splitlines(), out.stdout[-2000:]


def test_a_parse_worker_never_imports_duckdb(tmp_path):
    """A worker unpickles a Spool and writes a shard; DuckDB (~35 MB) stays out of it. Its
    warm-up leaves the word lists frozen out of the cyclic collector's passes."""
    import pickle
    import subprocess
    import sys

    from zhnews.db import Warehouse

    wh = Warehouse(tmp_path / "w.duckdb")
    try:
        wh.begin_load(None)
        job = tmp_path / "job.pkl"
        job.write_bytes(pickle.dumps(wh.spool))
        post = tmp_path / "p.md"
        post.write_text("---\ntitle: 标题\n---\n\n正文一段。\n", encoding="utf-8")
        code = (
            "import pickle, sys\n"
            "from zhnews.pool import _warm\n"
            "import zhnews.procs; zhnews.procs.die_with_parent = lambda: None\n"
            "_warm()\n"
            "from zhnews.discover import discover\n"
            "from zhnews.shard import process_shard\n"
            "spool = pickle.loads(open(sys.argv[1], 'rb').read())\n"
            "refs = discover([sys.argv[2]], {})[0].files\n"
            "r = process_shard(refs, 'load', None, spool)\n"
            "import gc\n"
            "print(r.counters['documents'], 'duckdb' in sys.modules, gc.get_freeze_count() > 0)\n"
        )
        flows = str(Path(__file__).resolve().parents[1] / "flows")
        out = subprocess.run(
            [sys.executable, "-c", code, str(job), str(post)],
            capture_output=True,
            text=True,
            env={"PYTHONPATH": flows, "PATH": ""},
            timeout=120,
        )
        assert out.returncode == 0, out.stderr
        # ... and its long-lived word lists are out of the cyclic GC's passes (gc.freeze)
        assert out.stdout.split() == ["1", "False", "True"]
    finally:
        wh.close()
