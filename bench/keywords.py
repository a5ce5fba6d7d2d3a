"""Time and peak memory of the keywords publish statement, an older version against the tree.

    .venv/bin/python bench/keywords.py LAKE [--rev a6fdcef] [--limits 512MB 256MB 128MB]

LAKE is a warehouse a cold load built (e.g. `zhnews run bench/.cache/corpus-100000 --db
bench/.cache/w100/w`). Its `marts.article_terms` (every term of every current article) is
written once to `--shards` Parquet files (an article's terms in one of them, as a load's spool
holds a shard's) under a temporary folder and stands in for the load's `staging.article_terms`,
a view over them, so the statements rank as many articles as a cold load of that size publishes
and the optimizer sees a scan like the spool's; `marts.term_df` and the article count come from
the lake. Then the keywords publish statements of `warehouse/marts/keywords.sql` (all but its
DELETE of retired articles) at `--rev` and in the working tree run once per memory limit
`--rounds` times, each in a fresh process with the writer connection's settings
(`memory_limit`, `preserve_insertion_order = false`, a spill folder), and prints the median,
lowest and highest seconds, the highest peak RSS of those processes (ru_maxrss, the interpreter
and DuckDB included), the highest peak of the spill folder (sampled every 20 ms: what the
statements add to the disk row of `bench/run.py` when they run in a load) and the row count,
or that it ran out of memory. The rows of every version that finished are compared (EXCEPT ALL
both ways): they must be equal.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
SQL = "warehouse/marts/keywords.sql"


def keyword_statements(text: str) -> str:
    """The publish statements of keywords.sql that rank (not the DELETE of retired articles)."""
    sys.path.insert(0, str(ROOT / "flows"))
    from zhnews.store.lake import PUBLISH_MARKER, statements

    _, _, publish = text.partition("\n" + PUBLISH_MARKER + "\n")
    found = [s for s in statements(publish) if not s.lstrip().startswith("DELETE")]
    if sum("INSERT INTO marts.keywords" in s for s in found) != 1:
        raise SystemExit(f"{SQL}: expected one INSERT INTO marts.keywords")
    return ";\n".join(found) + ";\n"


def prepare(lake: Path, folder: Path, shards: int) -> None:
    """The stand-in inputs: the lake's terms (as the load's staging rows) and its df."""
    sys.path.insert(0, str(ROOT / "flows"))
    from zhnews.store.lake import WarehousePaths, attach_lake, new_connection

    con = new_connection()
    attach_lake(con, WarehousePaths.of(lake), read_only=True)
    con.execute(
        "COPY (SELECT 'bench' AS load_id, article_id AS document_id, article_id, term, tf, "
        f"hash(article_id) % {shards} AS shard FROM lake.marts.article_terms) "
        f"TO '{folder}/terms' (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (shard))"
    )
    con.execute(f"COPY lake.marts.term_df TO '{folder}/term_df.parquet'")
    con.execute(f"COPY (SELECT article_id FROM lake.marts.articles) TO '{folder}/articles.parquet'")
    con.close()


def child(folder: Path, statement_file: Path, limit: str) -> dict:
    import duckdb

    con = duckdb.connect(config={"memory_limit": limit})
    con.execute(f"SET temp_directory = '{folder}/spill'")
    con.execute("SET preserve_insertion_order = false")
    for schema in ("staging", "marts"):
        con.execute(f"CREATE SCHEMA {schema}")
    terms = f"read_parquet('{folder}/terms/*/*.parquet', hive_partitioning = false)"
    con.execute(f"CREATE VIEW staging.article_terms AS SELECT * FROM {terms}")
    con.execute(f"CREATE TABLE marts.term_df AS SELECT * FROM '{folder}/term_df.parquet'")
    con.execute(f"CREATE TABLE marts.articles AS SELECT * FROM '{folder}/articles.parquet'")
    con.execute(
        "CREATE TABLE publish_articles AS SELECT DISTINCT document_id, article_id "
        "FROM staging.article_terms"
    )
    con.execute("CREATE TABLE publish_load AS SELECT 'bench' AS load_id")
    con.execute("CREATE TABLE adopted_documents (document_id VARCHAR)")
    con.execute(
        "CREATE TABLE marts.keywords (article_id VARCHAR, rank INTEGER, term VARCHAR, "
        "tf INTEGER, idf DOUBLE, tfidf DOUBLE, load_id VARCHAR)"
    )
    from run import DiskSampler

    spill = DiskSampler(folder / "spill", interval=0.02)
    spill.start()
    started = time.perf_counter()
    try:
        con.execute(statement_file.read_text(encoding="utf-8"))
    except duckdb.OutOfMemoryException as exc:
        return {"error": str(exc).splitlines()[0]}
    finally:
        spill_peak = spill.stop()
    seconds = time.perf_counter() - started
    out = folder / f"{statement_file.stem}-{limit}.parquet"
    con.execute(f"COPY marts.keywords TO '{out}'")
    rows = con.execute("SELECT count(*) FROM marts.keywords").fetchone()[0]
    return {
        "seconds": round(seconds, 2),
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
        "spill_mb": round(spill_peak / 1e6),
        "rows": rows,
        "out": str(out),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("lake", type=Path, nargs="?")
    ap.add_argument("--rev", default="a6fdcef", help="the older version of the SQL file")
    ap.add_argument("--limits", nargs="+", default=["512MB", "256MB", "128MB"])
    ap.add_argument("--rounds", type=int, default=3, help="runs per version and limit")
    ap.add_argument("--shards", type=int, default=200, help="files of the stand-in terms")
    ap.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        folder, statement, limit = args.child
        print(json.dumps(child(Path(folder), Path(statement), limit)))
        return 0
    if args.lake is None:
        ap.error("LAKE is required")
    older = subprocess.run(
        ["git", "-C", str(ROOT), "show", f"{args.rev}:{SQL}"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    versions = {
        args.rev: keyword_statements(older),
        "tree": keyword_statements((ROOT / SQL).read_text(encoding="utf-8")),
    }
    with tempfile.TemporaryDirectory(prefix="zhnews-keywords-") as tmp:
        folder = Path(tmp)
        prepare(args.lake, folder, args.shards)
        outputs = []
        for limit in args.limits:
            for name, statement in versions.items():
                path = folder / f"{name}.sql"
                path.write_text(statement, encoding="utf-8")
                runs = []
                for _ in range(args.rounds):
                    proc = subprocess.run(
                        [sys.executable, __file__, "--child", str(folder), str(path), limit],
                        capture_output=True,
                        text=True,
                    )
                    if proc.returncode:
                        print(f"{name:>8} {limit:>6}: failed\n{proc.stderr[-2000:]}")
                        break
                    runs.append(json.loads(proc.stdout.splitlines()[-1]))
                    if "error" in runs[-1]:
                        break
                if not runs or "error" in runs[-1]:
                    print(f"{name:>8} {limit:>6}: {runs[-1]['error'] if runs else 'failed'}")
                    continue
                seconds = sorted(r["seconds"] for r in runs)
                print(
                    f"{name:>8} {limit:>6}: {statistics.median(seconds):6.2f} s median "
                    f"({seconds[0]:.2f}-{seconds[-1]:.2f} s over {len(runs)} runs), "
                    f"peak RSS {max(r['peak_mb'] for r in runs)} MB, "
                    f"peak spill {max(r['spill_mb'] for r in runs)} MB, {runs[0]['rows']} rows"
                )
                outputs.append(runs[0]["out"])
        if len(outputs) > 1:
            import duckdb

            cols = "article_id, rank, term, tf, idf, tfidf, load_id"
            first = outputs[0]
            for other in outputs[1:]:
                for a, b in ((first, other), (other, first)):
                    n = duckdb.sql(
                        f"SELECT count(*) FROM (SELECT {cols} FROM '{a}' "
                        f"EXCEPT ALL SELECT {cols} FROM '{b}')"
                    ).fetchone()[0]
                    if n:
                        print(f"DIFFERENT ROWS: {n} rows of {a} are not in {b}")
                        return 1
            print(f"rows equal across the {len(outputs)} runs that finished")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
