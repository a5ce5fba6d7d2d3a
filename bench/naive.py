"""The baseline a user would write without zhnews.

One Prefect task per document and row-by-row INSERTs into DuckDB.

Run as `python bench/naive.py <file-list.txt> <db>`; prints JSON {"documents", "seconds"} where
seconds covers the flow run only (Prefect start-up excluded, which flatters the baseline).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from zhnews.settings import configure_prefect_env

configure_prefect_env()

import duckdb  # noqa: E402
from prefect import flow, task  # noqa: E402
from zhnews.decode import decode_bytes  # noqa: E402
from zhnews.parse import parse_document  # noqa: E402
from zhnews.shard import article_id_for, segment_article  # noqa: E402

DDL = """
CREATE TABLE IF NOT EXISTS articles (article_id VARCHAR, source_path VARCHAR, title VARCHAR,
    published_at TIMESTAMPTZ, body_text VARCHAR, n_paragraphs INTEGER);
CREATE TABLE IF NOT EXISTS paragraphs (article_id VARCHAR, ordinal INTEGER, kind VARCHAR,
    text VARCHAR);
CREATE TABLE IF NOT EXISTS sentences (article_id VARCHAR, paragraph_ordinal INTEGER,
    ordinal INTEGER, text VARCHAR, tokens VARCHAR[]);
"""

_DB: str = ""


@task
def load_document(path: str) -> int:
    con = duckdb.connect(_DB)
    try:
        text, _ = decode_bytes(Path(path).read_bytes())
        parsed = parse_document(text, path)
        for ordinal, art in enumerate(parsed.articles, start=1):
            article_id = article_id_for(path, art.story_id, ordinal)
            paragraphs, sentences, _ = segment_article(art)
            con.execute(
                "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?)",
                [
                    article_id,
                    path,
                    art.title,
                    art.published_at,
                    "\n".join(art.body_paragraphs),
                    len(art.body_paragraphs),
                ],
            )
            for p in paragraphs:
                con.execute(
                    "INSERT INTO paragraphs VALUES (?, ?, ?, ?)",
                    [article_id, p["ordinal"], p["kind"], p["text"]],
                )
            for s in sentences:
                con.execute(
                    "INSERT INTO sentences VALUES (?, ?, ?, ?, ?)",
                    [article_id, s["paragraph_ordinal"], s["ordinal"], s["text"], s["tokens"]],
                )
        return len(parsed.articles)
    finally:
        con.close()


@flow(name="naive-etl")
def naive(paths: list[str]) -> int:
    return sum(load_document(p) for p in paths)


def main() -> None:
    global _DB
    paths = Path(sys.argv[1]).read_text(encoding="utf-8").splitlines()
    _DB = sys.argv[2]
    con = duckdb.connect(_DB)
    con.execute(DDL)
    con.close()
    t0 = time.perf_counter()
    articles = naive(paths)
    seconds = time.perf_counter() - t0
    print(json.dumps({"documents": len(paths), "articles": articles, "seconds": seconds}))


if __name__ == "__main__":
    main()
