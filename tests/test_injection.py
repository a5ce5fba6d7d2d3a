"""Values from documents never reach SQL as text: hostile titles, tags and file names are data.

The flow loads files whose title, tags, category, body and file name are SQL payloads; the
tables must be intact and every value stored verbatim. `zhnews sql` opens the published copy
read-only, so even a hostile *query* cannot change the warehouse.
"""

from __future__ import annotations

import json
import shutil

import pytest
from conftest import FIXTURES, query, run_etl

pytestmark = pytest.mark.usefixtures("prefect_api")

PAYLOAD = "'); DROP TABLE marts.articles; --"
PAYLOADS = [
    PAYLOAD,
    'Robert"); DELETE FROM raw.documents; --',
    "x' OR '1'='1",
    "$load_id'; UPDATE ops.loads SET status = 'failed'; --",
    "\\'; COPY marts.articles TO '/tmp/pwned.csv'; --",
]
TABLES = [
    "raw.documents",
    "marts.articles",
    "marts.paragraphs",
    "marts.sentences",
    "ops.loads",
    "ops.files",
    "ops.quarantine",
]


def _yaml_quote(s: str) -> str:
    return "'" + s.replace("'", "''") + "'"


def _hostile_post(i: int, title: str) -> str:
    story = f"20211208{2400000000 + i}"
    # categories as a list: a string is split on whitespace, as Jekyll does
    tags = "\n".join(f"  - {_yaml_quote(p)}" for p in PAYLOADS)
    return (
        f"---\nlayout: post\ntitle: {_yaml_quote(title)}\ndate: 2021-12-08 10:46:18\n"
        f"categories: [{_yaml_quote(PAYLOAD)}]\ntags:\n{tags}\n---\n\n"
        f"人民币汇率{i}稳定。正文里也有注入：{PAYLOADS[1]}。\n\n"
        f"<http://finance.eastmoney.com/news/11060,{story}.html>\n"
    )


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    root = tmp_path_factory.mktemp("inject")
    inbox = root / "inbox"
    shutil.copytree(FIXTURES / "finews", inbox)
    files = {}
    for i, payload in enumerate(PAYLOADS):
        name = f"{payload.replace('/', '∕')}-{i}.md"  # '/' cannot be in a file name
        path = inbox / name
        path.write_text(_hostile_post(i, payload), encoding="utf-8")
        files[payload] = path
    broken = inbox / f"{PAYLOAD}-broken.md"
    broken.write_bytes(b"\x00" * 512)  # quarantined: its path and reason go to ops.quarantine
    db = root / "w.duckdb"
    summary = run_etl([inbox], db)
    return {"db": db, "files": files, "broken": broken, "summary": summary}


def test_tables_intact_and_rows_loaded(hostile):
    db = hostile["db"]
    assert hostile["summary"]["status"] == "partial"
    counts = {t: query(db, f"SELECT count(*) FROM {t}")[0][0] for t in TABLES}
    assert counts["marts.articles"] == 74 + len(PAYLOADS)
    assert counts["raw.documents"] == 74 + len(PAYLOADS)
    assert counts["ops.quarantine"] == 1
    assert query(db, "SELECT count(*) FROM ops.loads WHERE status = 'failed'")[0][0] == 0
    # the writer's spool only exists during a load (it holds staging only)
    assert not db.with_name("w.work").exists()


def test_values_stored_verbatim(hostile):
    db = hostile["db"]
    for payload, path in hostile["files"].items():
        ((title, tags, category, body, source_path),) = query(
            db,
            "SELECT title, tags, category, body_text, source_path FROM marts.articles "
            "WHERE source_path = ?",
            [str(path)],
        )
        assert title == payload
        assert tags == PAYLOADS
        assert category == PAYLOAD
        assert PAYLOADS[1] in body
        assert source_path == str(path)
    ((path, reason),) = query(db, "SELECT source_path, reason FROM ops.quarantine")
    assert path == str(hostile["broken"])
    assert reason


def test_zhnews_sql_returns_hostile_values_as_data(hostile, capsys):
    from zhnews.cli import EXIT_OK, main

    rc = main(
        [
            "sql",
            "SELECT title, tags FROM marts.articles WHERE title LIKE '%DROP%' ORDER BY title",
            "--db",
            str(hostile["db"]),
            "--format",
            "json",
        ]
    )
    assert rc == EXIT_OK
    rows = json.loads(capsys.readouterr().out)
    assert [r["title"] for r in rows] == sorted(p for p in PAYLOADS if "DROP" in p)
    assert all(r["tags"] == PAYLOADS for r in rows)


@pytest.mark.parametrize(
    "statement",
    [
        "DROP TABLE marts.articles",
        "SELECT 1; DROP TABLE marts.articles",
        "DELETE FROM raw.documents",
        "UPDATE ops.loads SET status = 'failed'",
    ],
)
def test_zhnews_sql_cannot_change_the_warehouse(hostile, capsys, statement):
    from zhnews.cli import EXIT_FAILED, main

    before = {t: query(hostile["db"], f"SELECT count(*) FROM {t}")[0][0] for t in TABLES}
    assert main(["sql", statement, "--db", str(hostile["db"])]) == EXIT_FAILED
    assert "read-only" in capsys.readouterr().err.lower()
    after = {t: query(hostile["db"], f"SELECT count(*) FROM {t}")[0][0] for t in TABLES}
    assert after == before


def test_status_and_rerun_survive_hostile_values(hostile, capsys):
    from zhnews.cli import EXIT_OK, main

    assert main(["status", "--db", str(hostile["db"])]) == EXIT_OK
    again = run_etl([hostile["db"].parent / "inbox"], hostile["db"])
    assert again["status"] == "noop"
    assert query(hostile["db"], "SELECT count(*) FROM marts.articles")[0][0] == 74 + len(PAYLOADS)
