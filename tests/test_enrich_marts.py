"""DDL + publish parts of the enrichment marts on an in-memory DuckDB, two loads."""

from __future__ import annotations

import math
from datetime import datetime, timedelta, timezone

import duckdb
import pytest
from zhnews.enrich import enrich
from zhnews.enrich.measure import segment, simple_parse
from zhnews.model import Article, Author, Paragraph, StockMention
from zhnews.settings import PROJECT_ROOT
from zhnews.store.adopt import run_statement
from zhnews.store.components import execute
from zhnews.store.lake import LAKE_SCHEMAS, WORK_SCHEMAS, load_sql_files

WAREHOUSE = PROJECT_ROOT / "warehouse"
CORPUS = PROJECT_ROOT / "tests" / "fixtures" / "finews"
CST = timezone(timedelta(hours=8))
# The finews pair with identical summaries under different ids (story 202112082206672930
# and 202112082206781916); test_two_loads checks that both fixture posts really carry it.
PAIR_TEXT = "离岸人民币兑美元升至6.3512，为2018年以来最高水平。"


def _files():
    """Every table's SQL, in the product's manifest order (the same loader the writer uses)."""
    return load_sql_files()


@pytest.fixture()
def con():
    c = duckdb.connect()
    for schema in (*LAKE_SCHEMAS, *WORK_SCHEMAS):
        c.execute(f"CREATE SCHEMA {schema}")
    for _ in range(2):  # DDL runs on every start: it must be idempotent
        for f in _files():
            for stmt in f.ddl:
                execute(c, stmt)  # as the writer's DDL runner (`-- @components` honoured)
    yield c
    c.close()


def _insert(c, table: str, rows: list[dict]) -> None:
    if not rows:
        return
    cols = list(rows[0])
    c.executemany(
        f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
        [[r.get(k) for k in cols] for r in rows],
    )


def _stage(c, load_id: str, doc_id: str, article_id: str, art: Article) -> None:
    sents = segment(art)
    body = "\n".join(art.body_paragraphs)
    _insert(
        c,
        "staging.articles",
        [
            {
                "load_id": load_id,
                "document_id": doc_id,
                "article_id": article_id,
                "source_path": f"{doc_id}.md",
                "sha256": doc_id,
                "parser_version": "test",
                "ordinal": 1,
                "story_id": art.story_id,
                "title": art.title,
                "title_derived": False,
                "authors": [a.name for a in art.authors],
                "published_at": art.published_at,
                "published_at_source": "front_matter",
                "category": art.category,
                "publisher": art.publisher,
                "body_text": body,
                "n_paragraphs": len(art.paragraphs),
                "n_sentences": len(sents),
                "n_tokens": sum(len(s[3]) for s in sents),
            }
        ],
    )
    _insert(
        c,
        "staging.sentences",
        [
            {
                "load_id": load_id,
                "document_id": doc_id,
                "article_id": article_id,
                "paragraph_ordinal": p,
                "ordinal": o,
                "text": text,
                "tokens": tokens,
            }
            for p, o, text, tokens in sents
        ],
    )
    _insert(
        c,
        "staging.article_authors",
        [
            {
                "load_id": load_id,
                "document_id": doc_id,
                "article_id": article_id,
                "ordinal": i,
                "name": a.name,
                "role": a.role,
            }
            for i, a in enumerate(art.authors, start=1)
        ],
    )
    _insert(
        c,
        "staging.stock_mentions",
        [
            {
                "load_id": load_id,
                "document_id": doc_id,
                "article_id": article_id,
                "ordinal": i,
                "code": m.code,
                "market": m.market,
                "name": m.name,
                "kind": m.kind,
                "raw_code": m.raw,
            }
            for i, m in enumerate(art.stocks, start=1)
        ],
    )
    for table, rows in enrich(art, article_id, sents).items():
        _insert(
            c, f"staging.{table}", [{"load_id": load_id, "document_id": doc_id, **r} for r in rows]
        )


def _publish(c, load_id: str, retired: list[str]) -> None:
    c.execute("BEGIN")
    c.execute(
        "CREATE OR REPLACE TEMP TABLE publish_load AS SELECT ?::VARCHAR AS load_id", [load_id]
    )
    c.execute(
        "CREATE OR REPLACE TEMP TABLE publish_articles AS SELECT document_id, article_id "
        "FROM staging.articles WHERE load_id = ?",
        [load_id],
    )
    c.execute(
        "CREATE OR REPLACE TEMP TABLE publish_documents AS "
        "SELECT DISTINCT document_id FROM publish_articles"
    )
    c.execute(
        "CREATE OR REPLACE TEMP TABLE accepted_documents AS "
        "SELECT DISTINCT document_id FROM publish_articles"
    )
    c.execute("CREATE OR REPLACE TEMP TABLE retired_articles (article_id VARCHAR)")
    c.execute("CREATE OR REPLACE TEMP TABLE adopted_documents (document_id VARCHAR)")
    for a in retired:
        c.execute("INSERT INTO retired_articles VALUES (?)", [a])
    # as zhnews.store.publish: only ids the marts hold
    c.execute(
        "INSERT INTO retired_articles SELECT article_id FROM marts.articles "
        "WHERE article_id IN (SELECT article_id FROM publish_articles)"
    )
    for f in _files():
        for stmt in f.publish:
            try:
                run_statement(c, stmt, f"{f.schema}.{f.path.stem}", None)  # marks as the publish
            except duckdb.Error as exc:
                raise AssertionError(f"{f.path.name}: {exc}\n{stmt}") from exc
    c.execute("COMMIT")


def _finews(story: str, minute: int, text: str = PAIR_TEXT) -> Article:
    return Article(
        title=text[:20],
        published_at=datetime(2021, 12, 8, 10, minute, tzinfo=CST),
        category="emnews",
        publisher="东财",
        story_id=story,
        paragraphs=[Paragraph("body", text)],
        stocks=[StockMention("600160", "1", "巨化股份", raw="1.600160")],
    )


def _seed() -> Article:
    art = simple_parse(
        (PROJECT_ROOT / "seeds/000_66bb122d1a376937.txt").read_text(encoding="utf-8")
    )[0]
    art.published_at = datetime(2022, 1, 28, 11, 6, tzinfo=CST)
    art.publisher, art.category = "（齐鲁晚报）", "qiluwanbao"
    art.authors = [Author("王某", "记者")]
    return art


def _df_full(c) -> list[tuple]:
    return c.execute(
        "SELECT term, count(*) FROM marts.article_terms GROUP BY term ORDER BY term"
    ).fetchall()


def _keywords_by_definition(c) -> list[tuple]:
    """Every current article's top ten terms computed here from marts.article_terms and
    marts.term_df, as marts.keywords documents them: tf * idf descending, ties by term."""
    n = c.execute("SELECT count(*) FROM marts.articles").fetchone()[0]
    df = dict(c.execute("SELECT term, df FROM marts.term_df").fetchall())
    terms: dict[str, list] = {}
    for article_id, term, tf in c.execute(
        "SELECT article_id, term, tf FROM marts.article_terms"
    ).fetchall():
        terms.setdefault(article_id, []).append(
            (-tf * (math.log((1 + n) / (1 + df[term])) + 1), term)
        )
    return sorted(
        (article_id, rank, term)
        for article_id, scored in terms.items()
        for rank, (_, term) in enumerate(sorted(scored)[:10], start=1)
    )


def test_two_loads(con):
    c = con
    texts = [
        p.read_text(encoding="utf-8")
        for p in sorted(CORPUS.glob("*.md"))
        if p.name.endswith(("202112082206672930.md", "202112082206781916.md"))
    ]
    assert len(texts) == 2 and all(PAIR_TEXT in t for t in texts)
    _stage(c, "L1", "d1", "a1", _finews("202112082206672930", 46))
    _stage(c, "L1", "d2", "a2", _finews("202112082206781916", 59))
    _stage(c, "L1", "d3", "a3", _seed())
    _publish(c, "L1", [])

    clusters = c.execute(
        "SELECT kind, cluster_id, list_sort(list(article_id)) FROM marts.duplicate_clusters "
        "GROUP BY ALL ORDER BY kind"
    ).fetchall()
    assert clusters == [("exact", "exact:a1", ["a1", "a2"]), ("near", "near:a1", ["a1", "a2"])]

    ents = dict(c.execute("SELECT entity_id, n_articles FROM marts.entities").fetchall())
    assert ents["stock:600160"] == 2
    assert ents["organization:聊城华稔酵素生物工程有限公司"] == 1
    assert "person:智汇谷" not in ents
    role = c.execute(
        "SELECT role FROM marts.article_entities WHERE entity_id = 'person:付言祥'"
    ).fetchone()
    assert role == ("总经理",)
    assert c.execute(
        "SELECT role FROM marts.article_entities WHERE entity_id = 'person:王某'"
    ).fetchone() == ("记者",)

    money = c.execute(
        "SELECT value_base FROM marts.figures WHERE article_id = 'a3' AND raw = '3.2亿元'"
    ).fetchone()
    assert money == (320000000.0,)

    assert c.execute("SELECT df FROM marts.term_df WHERE term = '离岸'").fetchone() == (2,)
    assert c.execute("SELECT df FROM marts.term_df ORDER BY term").fetchall() == [
        (n,) for _, n in _df_full(c)
    ]
    kw = c.execute(
        "SELECT count(*), max(rank) FROM marts.keywords WHERE article_id = 'a3'"
    ).fetchone()
    assert kw == (10, 10)
    # Ties at the tenth place are common (terms seen once, with the same df): the two-pass
    # statement must pick the same ten as a full ranking by (-tf*idf, term).
    assert c.execute(
        "SELECT article_id, rank, term FROM marts.keywords ORDER BY ALL"
    ).fetchall() == _keywords_by_definition(c)

    pubs = dict(c.execute("SELECT name, n_articles FROM marts.publishers").fetchall())
    assert pubs == {"东方财富网": 2, "齐鲁晚报": 1}
    assert c.execute("SELECT name, n_articles FROM marts.authors").fetchall() == [("王某", 1)]
    dates = c.execute(
        "SELECT count(*), sum(n_articles), count(*) FILTER (WHERE is_weekend) FROM marts.dates"
    ).fetchone()
    assert dates[0] == (datetime(2022, 1, 28) - datetime(2021, 12, 8)).days + 1 and dates[1] == 3
    daily = c.execute(
        "SELECT date::VARCHAR, publisher, articles FROM marts.daily_counts ORDER BY 1"
    ).fetchall()
    assert daily == [("2021-12-08", "东方财富网", 2), ("2022-01-28", "齐鲁晚报", 1)]

    # Load 2: a new version of a2 (different text), so the exact pair dissolves; term_df follows.
    _stage(
        c,
        "L2",
        "d4",
        "a2",
        _finews("202112082206781916", 59, "美联储宣布加息25个基点，美元指数走强，黄金价格回落。"),
    )
    _publish(c, "L2", ["a2"])
    assert c.execute("SELECT df FROM marts.term_df WHERE term = '离岸'").fetchone() == (1,)
    assert c.execute("SELECT df FROM marts.term_df WHERE term = '美联储'").fetchone() == (1,)
    assert c.execute("SELECT df FROM marts.term_df ORDER BY term").fetchall() == [
        (n,) for _, n in _df_full(c)
    ]
    assert c.execute(
        "SELECT count(*) FROM marts.duplicate_clusters WHERE kind <> 'story'"
    ).fetchone() == (0,)
    assert c.execute("SELECT count(*) FROM marts.keywords WHERE article_id = 'a3'").fetchone() == (
        10,
    )
    assert (
        c.execute("SELECT count(*) FROM marts.article_entities WHERE article_id = 'a2'").fetchone()[
            0
        ]
        >= 1
    )


def test_every_mart_column_is_commented(con):
    # Columns of tables only: DuckLake refuses COMMENT ON COLUMN for a view's columns.
    missing = con.execute("""
        SELECT c.table_name || '.' || c.column_name FROM duckdb_columns() c
        JOIN duckdb_tables() t USING (database_name, schema_name, table_name)
        WHERE c.schema_name = 'marts' AND c.comment IS NULL
          AND c.table_name NOT IN ('articles', 'paragraphs', 'sentences', 'stock_mentions')
    """).fetchall()
    assert missing == []
    relations = con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'marts' "
        "AND (comment IS NULL OR comment NOT LIKE '%grain%') "
        "UNION ALL SELECT view_name FROM duckdb_views() WHERE schema_name = 'marts' "
        "AND (comment IS NULL OR comment NOT LIKE '%grain%')"
    ).fetchall()
    assert relations == []


def test_cookbook_queries_run(con):
    _stage(con, "L1", "d1", "a1", _finews("202112082206672930", 46))
    _stage(con, "L1", "d2", "a2", _finews("202112082206781916", 59))
    _stage(con, "L1", "d3", "a3", _seed())
    _publish(con, "L1", [])
    files = sorted((WAREHOUSE / "cookbook").glob("*.sql"))
    assert len(files) >= 10
    for path in files:
        sql = path.read_text(encoding="utf-8")
        assert sql.startswith("-- Q: "), path.name
        rows = con.execute(sql).fetchall()
        assert rows, f"{path.name} returned nothing"
