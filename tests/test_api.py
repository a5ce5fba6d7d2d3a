"""The analysts' ways in: `zhnews.read` / `zhnews.query` (polars) and `zhnews sql` exports.

One warehouse is loaded from the seeds and the finews posts by the real flow; every reader here
opens it read-only, and its rows are compared with what DuckDB returns for the same SQL.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys

import polars as pl
import pyarrow.parquet as pq
import pytest
import zhnews
from conftest import FIXTURES, SEEDS, run_etl
from zhnews.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE, main

pytestmark = pytest.mark.usefixtures("prefect_api")


@pytest.fixture(scope="module")
def db(tmp_path_factory, prefect_api):
    path = tmp_path_factory.mktemp("api") / "zhnews.duckdb"
    summary = run_etl([SEEDS, FIXTURES / "finews"], path)
    assert summary["status"] == "published"
    return path


def duck(db, sql: str, params=None) -> list[tuple]:
    con = zhnews.connect(db)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def test_importing_zhnews_imports_no_data_library():
    code = (
        "import sys, zhnews; "
        "print(sorted(m for m in ('duckdb', 'polars', 'pyarrow', 'pandas') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_read_a_mart_with_where_columns_and_params(db):
    frame = zhnews.read(
        "marts.articles",
        where="publisher = $p AND n_paragraphs > 0",
        params={"p": "东方财富网"},
        columns=["article_id", "title", "published_at", "authors"],
        order_by="article_id",
        db=db,
    )
    assert isinstance(frame, pl.DataFrame)
    assert frame.columns == ["article_id", "title", "published_at", "authors"]
    expected = duck(
        db,
        "SELECT article_id, title FROM marts.articles WHERE publisher = ? AND n_paragraphs > 0 "
        "ORDER BY article_id",
        ["东方财富网"],
    )
    assert len(expected) > 10
    assert list(frame.select("article_id", "title").iter_rows()) == expected
    assert frame.schema["authors"] == pl.List(pl.String)
    assert frame.schema["published_at"].time_zone is not None


def test_read_defaults_to_marts_and_all_columns(db):
    frame = zhnews.read("publishers", db=db)
    names = [c for (c,) in duck(db, "SELECT column_name FROM (DESCRIBE marts.publishers)")]
    assert frame.columns == names
    assert frame.height == duck(db, "SELECT count(*) FROM marts.publishers")[0][0]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"table": "marts.nope"}, "no published table or view 'marts.nope'"),
        ({"table": "staging.articles"}, "no published table or view"),
        ({"table": "marts.articles", "columns": ["title", "nope"]}, "no column(s) ['nope']"),
        ({"table": "marts.articles", "where": "true; DROP TABLE marts.articles"}, "expressions"),
        ({"table": "marts.articles", "order_by": "1; COPY marts.articles TO 'x'"}, "expressions"),
    ],
)
def test_read_refuses_what_is_not_one_query_over_one_table(db, kwargs, message):
    kwargs = dict(kwargs)
    table = kwargs.pop("table")
    with pytest.raises(ValueError, match=re.escape(message)):
        zhnews.read(table, db=db, **kwargs)
    assert duck(db, "SELECT count(*) FROM marts.articles")[0][0] > 0


def test_query_returns_the_rows_duckdb_returns(db):
    sql = (
        "SELECT date, publisher, sum(articles) AS articles FROM marts.daily_counts "
        "GROUP BY ALL ORDER BY date, publisher"
    )
    frame = zhnews.query(sql, db=db)
    assert list(frame.iter_rows()) == duck(db, sql)
    assert frame.schema["date"] == pl.Date


def test_query_binds_params_and_refuses_file_writes(db):
    frame = zhnews.query("SELECT ?::INTEGER + 1 AS x", [41], db=db)
    assert frame.to_dicts() == [{"x": 42}]
    with pytest.raises(ValueError, match="COPY"):
        zhnews.query("COPY marts.articles TO 'articles.csv'", db=db)
    with pytest.raises(ValueError, match="read"):
        zhnews.query("SELECT * FROM read_csv('articles.csv')", db=db)
    with pytest.raises(ValueError, match="read"):
        zhnews.read("articles", where="title IN (SELECT * FROM read_text('notes.txt'))", db=db)


def test_types_polars_cannot_import_arrive_as_duckdb_text(db):
    frame = zhnews.query(
        "SELECT INTERVAL 3 DAY AS iv, union_value(n := 2) AS u, [INTERVAL 1 HOUR] AS ivs, "
        "1 AS a, 2 AS a",
        db=db,
    )
    assert frame.columns == ["iv", "u", "ivs", "a", "a_1"]
    assert frame.row(0) == ("3 days", "2", '["01:00:00"]', 1, 2)


# ---------------------------------------------------------------- zhnews sql exports


SQL = (
    "SELECT article_id, title, authors, published_at, n_paragraphs FROM marts.articles "
    "ORDER BY article_id"
)


def test_sql_exports_parquet_csv_and_json_from_arrow(db, tmp_path, capsys):
    expected = zhnews.query(SQL, db=db)
    out = tmp_path / "out"
    out.mkdir()
    for fmt in ("parquet", "csv", "json"):
        target = out / f"articles.{fmt}"
        assert main(["sql", SQL, "--db", str(db), "--format", fmt, "-o", str(target)]) == EXIT_OK
        assert f"wrote {expected.height} rows to {target}" in capsys.readouterr().err
    parquet = pl.from_arrow(pq.read_table(out / "articles.parquet"))
    assert parquet.equals(expected)
    csv = pl.read_csv(out / "articles.csv")
    assert csv["article_id"].to_list() == expected["article_id"].to_list()
    assert [json.loads(a) for a in csv["authors"]] == expected["authors"].to_list()
    rows = json.loads((out / "articles.json").read_text(encoding="utf-8"))
    assert [r["title"] for r in rows] == expected["title"].to_list()
    assert [r["authors"] for r in rows] == expected["authors"].to_list()
    assert sorted(p.name for p in out.iterdir()) == [
        "articles.csv",
        "articles.json",
        "articles.parquet",
    ]


def test_sql_csv_and_json_to_stdout(db, capsys):
    assert main(["sql", "SELECT 1 AS n, ['a', 'b'] AS l", "--db", str(db), "--format", "csv"]) == 0
    assert capsys.readouterr().out == '"n","l"\n1,"[""a"",""b""]"\n'
    assert main(["sql", "SELECT 1 AS n, ['a'] AS l", "--db", str(db), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == [{"n": 1, "l": ["a"]}]


def test_sql_refuses_exports_inside_the_warehouse_folder(db, capsys):
    for target in (db.parent / "x.csv", db.parent / "sub" / "x.csv", db.parent):
        rc = main(["sql", SQL, "--db", str(db), "--format", "csv", "-o", str(target)])
        assert rc == EXIT_USAGE
        assert "inside the warehouse folder" in capsys.readouterr().err
    assert not (db.parent / "x.csv").exists()


def test_sql_parquet_needs_a_file_and_copy_is_refused(db, tmp_path, capsys):
    assert main(["sql", SQL, "--db", str(db), "--format", "parquet"]) == EXIT_USAGE
    assert "-o FILE" in capsys.readouterr().err
    target = tmp_path / "copied.csv"
    rc = main(["sql", f"COPY marts.articles TO '{target}'", "--db", str(db)])
    assert rc == EXIT_FAILED
    assert "-o FILE" in capsys.readouterr().err
    assert not target.exists()


def test_sql_exports_every_duckdb_type(db, tmp_path, capsys):
    sql = (
        "SELECT INTERVAL 3 DAY AS iv, '\\xAB'::BLOB AS bl, 123::UHUGEINT AS uh, '101'::BIT AS bit, "
        "[1, 2]::INTEGER[2] AS arr, {'a': 1} AS st, MAP {'k': 1} AS mp, union_value(n := 2) AS un, "
        "'a'::ENUM('a', 'b') AS en, ['x'] AS li, NULL AS nothing"
    )
    for fmt in ("csv", "json", "parquet"):
        target = tmp_path / f"types.{fmt}"
        assert main(["sql", sql, "--db", str(db), "--format", fmt, "-o", str(target)]) == EXIT_OK
    capsys.readouterr()
    (row,) = json.loads((tmp_path / "types.json").read_text(encoding="utf-8"))
    assert (row["iv"], row["bl"], row["uh"], row["un"], row["li"]) == (
        "3 days",
        "\\xAB",
        "123",
        "2",
        ["x"],
    )
    csv = pl.read_csv(tmp_path / "types.csv", infer_schema=False)
    assert csv.row(0, named=True)["arr"] == "[1,2]" and csv["bl"][0] == "\\xAB"
    parquet = pq.read_table(tmp_path / "types.parquet")
    assert parquet.num_rows == 1 and parquet.column("iv").to_pylist() == ["3 days"]
