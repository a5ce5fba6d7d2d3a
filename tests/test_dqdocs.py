"""`zhnews dq-docs`: Great Expectations' own Data Docs HTML for the last loads' gate results."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import lxml.html
import pytest
from conftest import SEEDS, run_etl
from zhnews import dqdocs
from zhnews.cli import EXIT_OK, main
from zhnews.gate import load_suites
from zhnews.settings import EXPECTATIONS_DIR


def _text(path: Path) -> str:
    """The page's text as a reader sees it (scripts and styles left out)."""
    root = lxml.html.parse(str(path)).getroot()
    for node in root.xpath("//script|//style"):
        node.drop_tree()
    return re.sub(r"\s+", " ", root.text_content())


def _index(path: Path) -> str:
    """The index page's source: GX's scripts fill its tables from data embedded in it."""
    return path.read_text(encoding="utf-8")


def test_dq_docs_command_builds_the_site_for_a_fresh_warehouse(tmp_path, prefect_api, capsys):
    db = tmp_path / "w" / "zhnews.duckdb"
    summary = run_etl([SEEDS], db)
    out = tmp_path / "site"
    assert main(["dq-docs", "--db", str(db), "--out", str(out)]) == EXIT_OK
    assert (out / "index.html").as_uri() in capsys.readouterr().out
    index = _index(out / "index.html")
    suites = [s.name for s in load_suites(EXPECTATIONS_DIR)]
    for suite in suites:
        assert (out / "expectations" / f"{suite}.html").exists(), suite
        assert f"validations/{suite}/{summary['load_id']}/" in index, suite
    page = next((out / "validations" / "articles" / summary["load_id"]).rglob("*.html"))
    assert "Expectation Suite: articles" in _text(page)


@pytest.fixture()
def gate_results():
    """ops.loads / ops.dq_results of two loads, as the gate writes them, on an in-memory DB."""
    suite = next(s for s in load_suites(EXPECTATIONS_DIR) if s.name == "articles")
    row_wise = next(e for e in suite.expectations if e.scope == "row")
    table_wise = next(e for e in suite.expectations if e.scope == "table")
    con = duckdb.connect()
    con.execute("CREATE SCHEMA ops")
    con.execute("CREATE TABLE ops.loads (load_id VARCHAR, started_at TIMESTAMPTZ)")
    con.execute(
        "CREATE TABLE ops.dq_results (load_id VARCHAR, suite VARCHAR, expectation VARCHAR, "
        "column_name VARCHAR, severity VARCHAR, scope VARCHAR, success BOOLEAN, "
        "unexpected_count BIGINT, unexpected_sample VARCHAR[], observed_value VARCHAR, "
        "checked_at TIMESTAMPTZ)"
    )
    t1, t2 = datetime(2026, 1, 1, tzinfo=UTC), datetime(2026, 1, 2, tzinfo=UTC)
    con.executemany("INSERT INTO ops.loads VALUES (?, ?)", [("L-old", t1), ("L-new", t2)])
    rows = [
        ("L-old", row_wise.name, row_wise.column, row_wise.severity, "row", True, 0, [],
         "0 of 7 rows unexpected", t1),
        ("L-new", row_wise.name, row_wise.column, row_wise.severity, "row", False, 2,
         ["document_id=d1, article_id=a1: 【返回东财滚动新闻】", "document_id=d2, article_id=a2: x"],
         "2 of 8 rows unexpected", t2),
        ("L-new", table_wise.name, table_wise.column, table_wise.severity, table_wise.scope,
         True, None, [], "0.75", t2),
        ("L-new", "articles.a_check_renamed_since", "title", "warning", "row", False, 1,
         ["document_id=d3: …"], "1 of 8 rows unexpected", t2),
        ("L-new", "articles.expect_column_values_to_not_be_null(kicker_gone)", "kicker_gone",
         "warning", "row", False, 3, ["document_id=d4"], "3 of 8 rows unexpected", t2),
    ]  # fmt: skip
    con.executemany(
        "INSERT INTO ops.dq_results VALUES (?, 'articles', ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows
    )
    yield con, row_wise
    con.close()


def test_results_become_gx_validation_results(gate_results, tmp_path):
    con, row_wise = gate_results
    built = dqdocs.build(con, tmp_path / "site", loads=10)
    assert built.loads == ["L-new", "L-old"] and built.validations == 2
    assert built.unmatched == [
        "articles.a_check_renamed_since",  # GX cannot render it: left out
        "articles.expect_column_values_to_not_be_null(kicker_gone)",  # shown by its type
    ]
    (new_page,) = (tmp_path / "site" / "validations" / "articles" / "L-new").rglob("*.html")
    page = _text(new_page)
    assert "Failed" in page and "L-new" in page
    assert "返回东财滚动新闻" in page  # the failing rows the gate sampled
    assert "2 unexpected values found. 25% of 8 total rows" in page
    assert "kicker_gone" in page and "a_check_renamed_since" not in page
    assert "UnsuccessfulExpectations2" in page.replace(" ", "")
    (old_page,) = (tmp_path / "site" / "validations" / "articles" / "L-old").rglob("*.html")
    assert "Succeeded" in _text(old_page)


def test_only_the_last_loads_are_rendered(gate_results, tmp_path):
    con, _ = gate_results
    built = dqdocs.build(con, tmp_path / "site", loads=1)
    assert built.loads == ["L-new"]
    assert not (tmp_path / "site" / "validations" / "articles" / "L-old").exists()
    index = _index(tmp_path / "site" / "index.html")
    assert "L-new" in index and "L-old" not in index
