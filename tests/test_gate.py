"""The quality gate on realistic loads built in an in-memory DuckDB (no Prefect).

Rows come from real posts (the finews corpus and seed 000), staged the way the shard writer
stages them; each test breaks one thing and checks what the gate decides.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

import duckdb
import pytest
from zhnews.gate import (
    SuiteError,
    dq_rows,
    load_gate_config,
    load_suites,
    render_markdown,
    run_gate,
)

ROOT = Path(__file__).resolve().parents[1]
EXPECTATIONS = ROOT / "expectations"
WAREHOUSE = ROOT / "warehouse"
FINEWS_DIRS = [ROOT / "tests" / "fixtures" / "finews", Path("/work/shared/corpus/finews")]
SEED_HTML = ROOT / "seeds" / "000_66bb122d1a376937.txt"
CST = timezone(timedelta(hours=8))
LOAD = "load-0001"
TABLES = ("documents", "articles", "paragraphs", "sentences", "article_authors", "stock_mentions")


@pytest.fixture(scope="module", autouse=True)
def _gx_imported():
    """Import Great Expectations once for the module (the import alone takes seconds)."""
    import great_expectations  # noqa: F401


@pytest.fixture(autouse=True)
def _no_env_override(monkeypatch):
    monkeypatch.delenv("ZHNEWS_MAX_REJECTED_SHARE", raising=False)


# --------------------------------------------------------------------------- staging rows


@dataclass
class Sentence:
    text: str
    tokens: list[str]


@dataclass
class Paragraph:
    text: str
    sentences: list[Sentence]
    kind: str = "body"


@dataclass
class Article:
    article_id: str
    title: str | None
    published_at: datetime | None
    published_at_source: str
    paragraphs: list[Paragraph]
    authors: list[str] = field(default_factory=list)
    stock_codes: list[str] = field(default_factory=list)
    title_derived: bool = False
    body_text: str | None = None  # None: join of body paragraphs


@dataclass
class Document:
    document_id: str
    source_path: str
    content: str
    articles: list[Article]
    n_articles: int | None = None  # None: len(articles)


def tokenize(text: str) -> list[str]:
    """Han characters one by one, other runs whole: joins back to the text like rjieba's."""
    return re.findall(r"[\u4e00-\u9fff]|[^\u4e00-\u9fff]+", text)


def paragraph(text: str, kind: str = "body") -> Paragraph:
    parts = [s for s in re.findall(r"[^。！？]*[。！？]?", text) if s.strip()]
    return Paragraph(text, [Sentence(s, tokenize(s)) for s in parts], kind)


def _finews_dir() -> Path:
    for directory in FINEWS_DIRS:
        if any(directory.glob("*.md")):
            return directory
    pytest.skip("finews corpus not available")


def _document_id(path: str, content: str) -> str:
    sha = hashlib.sha256(content.encode()).hexdigest()
    return hashlib.sha256(f"{path}\0{sha}".encode()).hexdigest()[:16]


def real_documents() -> list[Document]:
    """74 finews posts plus the HTML seed, parsed just enough to stage realistic rows."""
    docs = []
    for path in sorted(_finews_dir().glob("*.md")):
        content = path.read_text(encoding="utf-8")
        _, front, body = content.lstrip("\n").split("---", 2)
        title = re.search(r'^title:\s*"?(.*?)"?\s*$', front, re.M).group(1)
        date = re.search(r"^date:\s*(\S+ \S+)", front, re.M).group(1)
        lines = [
            line.strip()
            for line in body.splitlines()
            if line.strip() and not re.fullmatch(r"<[^>]*>|\[返回.*", line.strip())
        ]
        story_id = path.stem.rsplit("-", 1)[-1]
        text = "\n".join(lines)
        article = Article(
            article_id=story_id,
            title=title,
            published_at=datetime.fromisoformat(date).replace(tzinfo=CST),
            published_at_source="front_matter",
            paragraphs=[paragraph(line) for line in lines],
            stock_codes=re.findall(r"\((\d{6})\)", text),
        )
        docs.append(Document(_document_id(path.name, content), path.name, content, [article]))

    content = SEED_HTML.read_text(encoding="utf-8")
    texts = [re.sub(r"<[^>]+>", "", p) for p in re.findall(r"<p>(.*?)</p>", content)]
    texts = [t for t in texts if t.strip() and "文章来源" not in t]
    docs.append(
        Document(
            _document_id(SEED_HTML.name, content),
            SEED_HTML.name,
            content,
            [
                Article(
                    article_id="NW202201282265506876",
                    title="办公产品年销5亿冠领聊城的智汇谷究竟有何魅力?",
                    published_at=datetime(2022, 1, 28, 11, 6, 8, tzinfo=CST),
                    published_at_source="front_matter",
                    paragraphs=[paragraph(t) for t in texts],
                    authors=["孙亚飞", "王兆锋"],
                )
            ],
        )
    )
    return docs


def new_warehouse() -> duckdb.DuckDBPyConnection:
    """In-memory DuckDB with the staging DDL (the part of each file before `-- @publish`)."""
    con = duckdb.connect()
    con.execute("CREATE SCHEMA staging")
    con.execute("CREATE SCHEMA ops")
    for sql in sorted((WAREHOUSE / "staging").glob("*.sql")) + [
        WAREHOUSE / "ops" / "dq_results.sql"
    ]:
        ddl = sql.read_text(encoding="utf-8").split("\n-- @publish\n")[0]
        con.execute(ddl)
    return con


def stage(con: duckdb.DuckDBPyConnection, docs: list[Document], load_id: str = LOAD) -> None:
    """Write the rows of `docs` to the staging tables, in bulk (Arrow), like the shard writer."""
    import pyarrow as pa

    rows: dict[str, list[dict]] = {t: [] for t in TABLES}
    for doc in docs:
        sha = hashlib.sha256(doc.content.encode()).hexdigest()
        ids = {"load_id": load_id, "document_id": doc.document_id}
        rows["documents"].append(
            {
                **ids,
                "source_path": doc.source_path,
                "sha256": sha,
                "bytes": len(doc.content.encode()),
                "mtime_ns": None,
                "encoding": "utf-8",
                "format": "jekyll-markdown",
                "content": doc.content,
                "parser_version": "1.0.0",
                "n_articles": len(doc.articles) if doc.n_articles is None else doc.n_articles,
            }
        )
        for ordinal, art in enumerate(doc.articles, 1):
            body = [p.text for p in art.paragraphs if p.kind == "body"]
            sentences = [s for p in art.paragraphs if p.kind == "body" for s in p.sentences]
            aid = {**ids, "article_id": art.article_id}
            rows["articles"].append(
                {
                    **aid,
                    "source_path": doc.source_path,
                    "sha256": sha,
                    "parser_version": "1.0.0",
                    "ordinal": ordinal,
                    "story_id": art.article_id,
                    "title": art.title,
                    "title_derived": art.title_derived,
                    "authors": art.authors,
                    "published_at": art.published_at,
                    "published_at_source": art.published_at_source,
                    "category": "emnews",
                    "tags": ["东财滚动新闻"],
                    "body_text": "\n".join(body) if art.body_text is None else art.body_text,
                    "n_paragraphs": len(body),
                    "n_sentences": len(sentences),
                    "n_tokens": sum(len(s.tokens) for s in sentences),
                    "flags": [],
                }
            )
            for p_ord, par in enumerate(art.paragraphs, 1):
                rows["paragraphs"].append(
                    {**aid, "ordinal": p_ord, "kind": par.kind, "text": par.text}
                )
                for s_ord, sent in enumerate(par.sentences, 1):
                    rows["sentences"].append(
                        {
                            **aid,
                            "paragraph_ordinal": p_ord,
                            "ordinal": s_ord,
                            "text": sent.text,
                            "tokens": sent.tokens,
                        }
                    )
            for a_ord, name in enumerate(art.authors, 1):
                rows["article_authors"].append(
                    {**aid, "ordinal": a_ord, "name": name, "role": "记者"}
                )
            for m_ord, code in enumerate(art.stock_codes, 1):
                rows["stock_mentions"].append(
                    {
                        **aid,
                        "ordinal": m_ord,
                        "code": code,
                        "market": "0",
                        "kind": "stock",
                        "raw_code": code,
                    }
                )
    for table, records in rows.items():
        if records:
            con.register("batch", pa.Table.from_pylist(records))
            con.execute(f"INSERT INTO staging.{table} BY NAME SELECT * FROM batch")
            con.unregister("batch")


def gate(docs: list[Document], directory: Path = EXPECTATIONS, **kwargs):
    con = new_warehouse()
    stage(con, docs)
    return run_gate(con, LOAD, directory, **kwargs)


@pytest.fixture
def docs() -> list[Document]:
    return real_documents()


# --------------------------------------------------------------------------- decisions


def test_clean_real_load_publishes_everything(docs):
    report = gate(docs)

    assert report.decision == "publish", render_markdown(report)
    assert report.documents_in == len(docs) >= 25
    assert report.rejected == {}
    assert report.reasons == []
    assert not [r for r in report.failed_expectations if r.severity == "critical"]
    suites = {r.suite for r in report.results}
    assert suites == {
        "documents",
        "articles",
        "paragraphs",
        "sentences",
        "article_authors",
        "stock_mentions",
    }


def _break_html(doc: Document) -> None:
    art = doc.articles[0]
    art.paragraphs[0] = paragraph(art.paragraphs[0].text + "</p><p>")


def _break_title(doc: Document) -> None:
    doc.articles[0].title = "  "


def _break_tokens(doc: Document) -> None:
    sentence = doc.articles[0].paragraphs[0].sentences[0]
    sentence.tokens = sentence.tokens[:-1]


def _break_footer(doc: Document) -> None:
    art = doc.articles[0]
    art.paragraphs.append(paragraph("[返回东财滚动新闻](../emnews/)"))


def _break_paragraph_ordinals(doc: Document) -> None:
    art = doc.articles[0]
    art.paragraphs.insert(0, Paragraph("", []))  # staged as ordinal 1, empty


def _break_date(doc: Document) -> None:
    doc.articles[0].published_at = datetime(2112, 8, 22, tzinfo=CST)  # story id read as a date


@pytest.mark.parametrize(
    ("breakage", "expectation"),
    [
        (_break_html, "articles.expect_column_values_to_be_null(body_html_tag)"),
        (_break_title, "articles.expect_column_values_to_not_be_null(title)"),
        (_break_tokens, "sentences.expect_column_values_to_be_in_set(tokens_rejoin_text)"),
        (_break_footer, "articles.expect_column_values_to_be_null(body_footer_nav)"),
        (_break_paragraph_ordinals, "paragraphs.expect_column_values_to_be_between(text_chars)"),
        (_break_date, "articles.expect_column_values_to_be_null(published_at_out_of_range)"),
    ],
)
def test_one_broken_document_is_quarantined_and_the_rest_publishes(docs, breakage, expectation):
    broken = docs[7]
    breakage(broken)

    report = gate(docs)

    assert report.decision == "partial", render_markdown(report)
    assert list(report.rejected) == [broken.document_id]
    assert expectation in report.rejected[broken.document_id]
    failed = {r.expectation: r for r in report.failed_expectations}
    assert failed[expectation].failed_document_ids == [broken.document_id]
    assert broken.document_id in failed[expectation].unexpected_sample[0]


def test_sample_shows_the_offending_value(docs):
    _break_html(docs[3])
    report = gate(docs)
    result = next(r for r in report.results if r.expectation.endswith("(body_html_tag)"))
    assert result.unexpected_count == 1
    assert result.unexpected_sample == [
        f"document_id={docs[3].document_id}, article_id={docs[3].articles[0].article_id}: </p>"
    ]


def test_two_versions_of_one_story_in_a_load_pass_the_gate(docs):
    """Two documents may carry the same article_id (versions of one story); publish keeps one."""
    docs[2].articles[0].article_id = docs[1].articles[0].article_id
    report = gate(docs, max_rejected_share=0.1)
    assert report.decision == "publish"


def test_same_article_twice_in_one_document_is_rejected(docs):
    docs[1].articles.append(replace(docs[1].articles[0]))
    report = gate(docs, max_rejected_share=0.1)
    assert report.decision == "partial"
    assert set(report.rejected) == {docs[1].document_id}


def test_failed_table_level_critical_expectation_fails_the_load(docs):
    """Every page split into 60 articles: each document is within bounds, the load is not."""
    load = docs[:25]
    for doc in load:
        template = doc.articles[0]
        doc.articles = [
            replace(template, article_id=f"{template.article_id}-{i}") for i in range(60)
        ]

    report = gate(load)

    assert report.decision == "fail"
    assert report.rejected == {}
    assert len(report.reasons) == 1
    assert "documents.expect_column_mean_to_be_between(articles_in_document)" in report.reasons[0]


def test_rejected_share_above_threshold_fails_the_load(docs):
    load = docs[:25]
    _break_html(load[0])
    _break_title(load[1])  # 2 of 25 = 8% > 5%

    report = gate(load)

    assert report.decision == "fail"
    assert set(report.rejected) == {load[0].document_id, load[1].document_id}
    assert "above max_rejected_share" in report.reasons[0]
    assert gate(load, max_rejected_share=0.1).decision == "partial"


def test_env_var_overrides_gate_json(docs, monkeypatch):
    load = docs[:25]
    _break_html(load[0])
    _break_title(load[1])
    monkeypatch.setenv("ZHNEWS_MAX_REJECTED_SHARE", "0.2")
    assert load_gate_config(EXPECTATIONS).max_rejected_share == 0.2
    assert gate(load).decision == "partial"


def test_one_document_load_with_a_broken_document_fails(docs):
    _break_html(docs[0])
    report = gate(docs[:1])
    assert report.decision == "fail"  # 1 of 1 = 100%, by spec
    assert report.rejected_share == 1.0


def test_warnings_never_block(docs):
    """A body that is mostly figures (row warning) and mostly derived titles (table warning)."""
    docs[0].articles[0].paragraphs = [
        paragraph("上证指数 3589.12 +0.32%，深证成指 14862.35 +0.87%。")
    ]
    for doc in docs[1:]:
        doc.articles[0].title_derived = True

    report = gate(docs)

    assert report.decision == "publish", render_markdown(report)
    failed = {r.expectation: r for r in report.failed_expectations}
    assert set(failed) == {"articles.body_cjk_share_typical", "articles.title_derived_share"}
    assert all(r.severity == "warning" for r in failed.values())
    assert failed["articles.body_cjk_share_typical"].failed_document_ids == [docs[0].document_id]
    assert failed["articles.title_derived_share"].scope == "table"


def test_empty_load_is_not_a_failure():
    con = new_warehouse()
    report = run_gate(con, "nothing-new", EXPECTATIONS)
    assert (report.decision, report.documents_in, report.results) == ("publish", 0, [])


# --------------------------------------------------------------------------- config is data


def _copy_expectations(tmp_path: Path) -> Path:
    target = tmp_path / "expectations"
    shutil.copytree(EXPECTATIONS, target)
    return target


def test_threshold_change_is_a_json_edit(docs, tmp_path):
    """Raising the critical CJK share to 0.3 rejects the real SHIBOR brief (0.29)."""
    directory = _copy_expectations(tmp_path)
    suite_path = directory / "articles.json"
    suite = json.loads(suite_path.read_text(encoding="utf-8"))
    rule = next(e for e in suite["expectations"] if e["meta"].get("name") == "body_is_chinese")
    rule["kwargs"]["min_value"] = 0.3
    suite_path.write_text(json.dumps(suite, ensure_ascii=False), encoding="utf-8")

    assert gate(docs).decision == "publish"
    report = gate(docs, directory)

    assert report.decision == "partial"
    [(document_id, names)] = report.rejected.items()
    shibor = next(d for d in docs if d.source_path.endswith("202112082206782366.md"))
    assert document_id == shibor.document_id
    assert names == ["articles.body_is_chinese"]


def test_new_expectation_is_a_json_edit(docs, tmp_path):
    directory = _copy_expectations(tmp_path)
    suite_path = directory / "stock_mentions.json"
    suite = json.loads(suite_path.read_text(encoding="utf-8"))
    suite["expectations"].append(
        {
            "type": "expect_column_values_to_match_regex",
            "kwargs": {"column": "code", "regex": "^6"},
            "meta": {
                "name": "shanghai_only",
                "severity": "critical",
                "scope": "row",
                "why": "test: only Shanghai codes",
            },
        }
    )
    suite_path.write_text(json.dumps(suite, ensure_ascii=False), encoding="utf-8")

    report = gate(docs, directory, max_rejected_share=1.0)

    assert report.decision == "partial"
    with_sz_codes = {
        d.document_id
        for d in docs
        if any(not c.startswith("6") for a in d.articles for c in a.stock_codes)
    }
    assert with_sz_codes and set(report.rejected) == with_sz_codes


def test_malformed_json_names_the_file(tmp_path):
    directory = _copy_expectations(tmp_path)
    (directory / "articles.json").write_text('{"name": "articles",', encoding="utf-8")
    with pytest.raises(SuiteError, match=r"articles\.json: line 1 column \d+: invalid JSON"):
        load_suites(directory)


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (
            lambda s: s["expectations"][0]["meta"].update(severity="high"),
            r"paragraphs\.json: expectations\[0\]\.meta\.severity: expected one of",
        ),
        (
            lambda s: s.update(query="SELECT * FROM staging.paragraphs"),
            r"paragraphs\.json: query: must filter to the load with the named parameter \$load_id",
        ),
        (
            lambda s: s.update(key_columns=["article_id"]),
            r"paragraphs\.json: key_columns: must include 'document_id'",
        ),
        (
            lambda s: s["expectations"][0]["meta"].pop("why"),
            r"paragraphs\.json: expectations\[0\]\.meta\.why",
        ),
    ],
)
def test_invalid_suite_names_the_file_and_field(tmp_path, edit, message):
    directory = _copy_expectations(tmp_path)
    path = directory / "paragraphs.json"
    suite = json.loads(path.read_text(encoding="utf-8"))
    edit(suite)
    path.write_text(json.dumps(suite, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(SuiteError, match=message):
        load_suites(directory)


def test_aggregate_expectation_cannot_be_row_scoped(docs, tmp_path):
    directory = _copy_expectations(tmp_path)
    path = directory / "documents.json"
    suite = json.loads(path.read_text(encoding="utf-8"))
    suite["expectations"][-1]["meta"]["scope"] = "row"
    path.write_text(json.dumps(suite, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(SuiteError, match=r"documents\.json: expectations\[3\]\.meta\.scope"):
        gate(docs[:3], directory)


def test_expectation_that_cannot_run_fails_the_load(docs, tmp_path):
    """A critical row check GX cannot evaluate names no documents, so nothing publishes."""
    directory = _copy_expectations(tmp_path)
    path = directory / "paragraphs.json"
    suite = json.loads(path.read_text(encoding="utf-8"))
    suite["expectations"][2]["kwargs"]["column"] = "paragraph_kind"  # not in the query
    path.write_text(json.dumps(suite, ensure_ascii=False), encoding="utf-8")

    report = gate(docs, directory)

    assert report.decision == "fail"
    [result] = report.failed_expectations
    assert result.error and "paragraph_kind" in result.error
    assert "paragraphs.expect_column_values_to_be_in_set(paragraph_kind)" in report.reasons[0]


def test_shipped_suites_load():
    suites = load_suites(EXPECTATIONS)
    names = [e.name for s in suites for e in s.expectations]
    assert len(names) == len(set(names))
    assert all("document_id" in s.key_columns for s in suites)
    assert load_gate_config(EXPECTATIONS).max_rejected_share == 0.05


# --------------------------------------------------------------------------- outputs


def test_render_markdown_names_decision_and_failing_expectation(docs):
    _break_html(docs[5])
    text = render_markdown(gate(docs))
    assert "**PARTIAL**" in text
    assert "articles.expect_column_values_to_be_null(body_html_tag)" in text
    assert docs[5].document_id in text
    assert "| suite | expectation | column | severity | scope | unexpected_count | sample |" in text


def test_dq_rows_fit_ops_dq_results(docs):
    """Inserted the way the backbone does it: pyarrow table, INSERT BY NAME."""
    import pyarrow as pa

    _break_tokens(docs[4])
    report = gate(docs)
    rows = dq_rows(report)
    con = new_warehouse()
    con.register("dq_rows", pa.Table.from_pylist(rows))
    con.execute("INSERT INTO ops.dq_results BY NAME SELECT * FROM dq_rows")

    assert con.execute("SELECT count(*) FROM ops.dq_results").fetchone()[0] == len(report.results)
    [(name, count, sample)] = con.execute(
        "SELECT expectation, unexpected_count, unexpected_sample FROM ops.dq_results"
        " WHERE NOT success"
    ).fetchall()
    assert name == "sentences.expect_column_values_to_be_in_set(tokens_rejoin_text)"
    assert count == 1 and docs[4].document_id in sample[0]
