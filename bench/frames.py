"""Do polars frames beat the Arrow building in `zhnews.shard` for one shard's staging tables?

A parse worker collects one dict per staging row and turns each table's rows into an Arrow
table once per shard (`shard._Rows.table`); the tables are pickled back to the flow process and
inserted into DuckDB (`INSERT … BY NAME SELECT * FROM <arrow>`). This script parses one shard
of the benchmark corpus once (not timed), then times, for the same rows:

- `pyarrow (current)`: `pa.table({column: [row.get(column) …]})`, what shard.py does;
- `polars from dicts`: `pl.from_dicts(rows, infer_schema_length=None).to_arrow()`;
- `polars from columns`: `pl.DataFrame({column: [...]}, strict=False).to_arrow()`;

each as build time, pickle size and round trip (the worker → flow transfer), and DuckDB ingest
time, and checks that all three give DuckDB the same rows.

    .venv/bin/python bench/frames.py            # one shard of 500 documents, best of 5
    .venv/bin/python bench/frames.py --docs 2000 --repeat 3
"""

from __future__ import annotations

import argparse
import hashlib
import pickle
import platform
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # noqa: E402 (bench/corpus.py)
import duckdb  # noqa: E402
import polars as pl  # noqa: E402
import pyarrow as pa  # noqa: E402
from zhnews.discover import FileRef  # noqa: E402
from zhnews.settings import Settings  # noqa: E402
from zhnews.shard import _document_rows, _Rows  # noqa: E402


def shard_rows(n_docs: int) -> dict[str, list[dict]]:
    """Staging rows of `n_docs` benchmark documents, parsed exactly as a parse worker does."""
    templates = corpus.templates()
    settings = Settings()
    out: dict[str, _Rows] = defaultdict(_Rows)
    for i in range(n_docs):
        name, text = corpus.make_document(templates, i)
        data = text.encode("utf-8")
        ref = FileRef(f"bench/{name}", f"bench/{name}", len(data), 0)
        try:
            _document_rows(ref, data, hashlib.sha256(data).hexdigest(), "bench", settings, out)
        except Exception:  # noqa: BLE001 - a rejected document adds no rows, as in a shard
            continue
    return {name: rows.rows for name, rows in out.items() if rows.n}


def _columns(rows: list[dict]) -> list[str]:
    names: dict[str, None] = {}
    for keys in dict.fromkeys(tuple(r) for r in rows):
        names.update(dict.fromkeys(keys))
    return list(names)


def pyarrow_current(rows: list[dict]) -> pa.Table:
    table = _Rows()
    table.rows = rows
    return table.table()


def polars_from_dicts(rows: list[dict]) -> pa.Table:
    return pl.from_dicts(rows, infer_schema_length=None).to_arrow()


def polars_from_columns(rows: list[dict]) -> pa.Table:
    cols = _columns(rows)
    return pl.DataFrame({k: [r.get(k) for r in rows] for k in cols}, strict=False).to_arrow()


METHODS: dict[str, Callable[[list[dict]], pa.Table]] = {
    "pyarrow (current)": pyarrow_current,
    "polars from dicts": polars_from_dicts,
    "polars from columns": polars_from_columns,
}


def best(fn: Callable[[], object], repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return min(times), result


def ingest(tables: dict[str, pa.Table]) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    for name, table in tables.items():
        con.register("shard_rows", table)
        con.execute(f'CREATE TABLE "{name}" AS SELECT * FROM shard_rows')
        con.unregister("shard_rows")
    return con


def same_rows(a: dict[str, pa.Table], b: dict[str, pa.Table]) -> list[str]:
    """Tables whose rows differ once in DuckDB (column order and Arrow string types aside)."""
    differ = []
    con = duckdb.connect()
    for name in a:
        con.register("a", a[name])
        con.register("b", b[name])
        cols = ", ".join(f'"{c}"' for c in a[name].column_names)
        n = con.execute(
            f"SELECT (SELECT count(*) FROM (SELECT {cols} FROM a EXCEPT ALL SELECT {cols} FROM b))"
            f" + (SELECT count(*) FROM (SELECT {cols} FROM b EXCEPT ALL SELECT {cols} FROM a))"
        ).fetchone()[0]
        if n or a[name].num_rows != b[name].num_rows:
            differ.append(name)
        con.unregister("a")
        con.unregister("b")
    return differ


def export(tables: dict[str, pa.Table], repeat: int) -> None:
    """Writers for `zhnews sql --format csv|json -o`, on this shard's articles and sentences."""
    import io
    import json

    import pyarrow.csv as pacsv
    from zhnews import frames

    con = duckdb.connect()
    print("export (zhnews sql --format csv|json), articles + sentences of the shard:")
    for fmt in ("csv", "json"):
        data = [frames.portable(con, tables[n], fmt) for n in ("articles", "sentences")]
        if fmt == "csv":
            writers = {
                "pyarrow.csv": lambda t: pacsv.write_csv(t, io.BytesIO()),
                "polars write_csv": lambda t: pl.from_arrow(t).write_csv(io.BytesIO()),
            }
        else:
            writers = {
                "polars write_json": lambda t: pl.from_arrow(t).write_json(io.BytesIO()),
                "json.dumps(to_pylist)": lambda t: json.dumps(
                    t.to_pylist(), ensure_ascii=False, default=str
                ),
            }
        timings = [
            f"{label} {best(lambda w=w, d=data: [w(t) for t in d], repeat)[0] * 1e3:.1f} ms"
            for label, w in writers.items()
        ]
        print(f"  {fmt}: " + ", ".join(timings))


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--docs", type=int, default=500, help="documents in the shard (default 500)")
    p.add_argument("--repeat", type=int, default=5, help="runs per measure; the best counts")
    args = p.parse_args(argv)

    t = time.perf_counter()
    rows = shard_rows(args.docs)
    parse_s = time.perf_counter() - t
    n_rows = sum(len(r) for r in rows.values())
    print(
        f"{args.docs} documents → {len(rows)} staging tables, {n_rows} rows "
        f"(parsed in {parse_s:.1f} s, not timed below); python {platform.python_version()}, "
        f"pyarrow {pa.__version__}, polars {pl.__version__}, duckdb {duckdb.__version__}"
    )
    results: dict[str, dict[str, pa.Table]] = {}
    header = f"{'method':<20} | {'build':>9} | {'pickle':>9} | {'unpickle':>9} | {'MB':>6} | {'ingest':>9} | {'total':>9}"
    print(header)
    print("-" * len(header))
    for label, method in METHODS.items():
        build_s, tables = best(lambda m=method: {k: m(v) for k, v in rows.items()}, args.repeat)
        results[label] = tables
        dump_s, blob = best(lambda tb=tables: pickle.dumps(tb, protocol=5), args.repeat)
        load_s, _ = best(lambda b=blob: pickle.loads(b), args.repeat)
        ingest_s, _ = best(lambda tb=tables: ingest(tb).close(), args.repeat)
        total = build_s + dump_s + load_s + ingest_s
        print(
            f"{label:<20} | {build_s * 1e3:7.1f}ms | {dump_s * 1e3:7.1f}ms | {load_s * 1e3:7.1f}ms"
            f" | {len(blob) / 1e6:6.2f} | {ingest_s * 1e3:7.1f}ms | {total * 1e3:7.1f}ms"
        )
    reference = results["pyarrow (current)"]
    for label, tables in results.items():
        differ = same_rows(reference, tables)
        print(
            f"{label}: {'same rows as pyarrow (current)' if not differ else f'DIFFERENT: {differ}'}"
        )
    export(reference, args.repeat)
    per_table = sorted(rows.items(), key=lambda kv: -len(kv[1]))[:4]
    print("largest tables: " + ", ".join(f"{k} {len(v)} rows" for k, v in per_table))
    return 0


if __name__ == "__main__":
    sys.exit(main())
