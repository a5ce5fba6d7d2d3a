"""The quality gate on realistic loads built in an in-memory DuckDB (no Prefect).

Rows come from real posts (tests/fixtures/finews and seed 000), staged the way the shard
writer stages them; each test breaks one thing and checks what the gate decides. The
per-source statistics (`decide_sources`) are tested on counts alone at the end.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import duckdb
import pytest
from zhnews.gate import (
    SourceCounts,
    SourceGateConfig,
    SuiteError,
    decide_sources,
    dq_rows,
    load_gate_config,
    load_suites,
    render_markdown,
    run_gate,
    source_history,
    source_rows,
)

ROOT = Path(__file__).resolve().parents[1]
EXPECTATIONS = ROOT / "expectations"
WAREHOUSE = ROOT / "warehouse"
FINEWS = ROOT / "tests" / "fixtures" / "finews"
SEED_HTML = ROOT / "seeds" / "000_66bb122d1a376937.txt"
CST = timezone(timedelta(hours=8))
LOAD = "load-0001"
TABLES = ("documents", "articles", "paragraphs", "sentences", "article_authors", "stock_mentions")


@pytest.fixture(scope="module", autouse=True)
def _gx_imported():
    """Import Great Expectations once for the module (the import alone takes seconds)."""
    import great_expectations  # noqa: F401


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
    source: str = "finews"  # the parent folder of the file


def tokenize(text: str) -> list[str]:
    """Han characters one by one, other runs whole: joins back to the text like rjieba's."""
    return re.findall(r"[\u4e00-\u9fff]|[^\u4e00-\u9fff]+", text)


def paragraph(text: str, kind: str = "body") -> Paragraph:
    parts = [s for s in re.findall(r"[^。！？]*[。！？]?", text) if s.strip()]
    return Paragraph(text, [Sentence(s, tokenize(s)) for s in parts], kind)


def _document_id(path: str, content: str) -> str:
    sha = hashlib.sha256(content.encode()).hexdigest()
    return hashlib.sha256(f"{path}\0{sha}".encode()).hexdigest()[:16]


def real_documents() -> list[Document]:
    """74 finews posts plus the HTML seed, parsed just enough to stage realistic rows."""
    docs = []
    for path in sorted(FINEWS.glob("*.md")):
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
            source="seeds",
        )
    )
    return docs


def new_warehouse() -> duckdb.DuckDBPyConnection:
    """In-memory DuckDB with the staging DDL (the part of each file before `-- @publish`)."""
    con = duckdb.connect()
    con.execute("CREATE SCHEMA staging")
    con.execute("CREATE SCHEMA ops")
    for sql in sorted((WAREHOUSE / "staging").glob("*.sql")) + [
        WAREHOUSE / "ops" / "dq_results.sql",
        WAREHOUSE / "ops" / "source_stats.sql",
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
                "source": doc.source,
                "sha256": sha,
                "bytes": len(doc.content.encode()),
                "mtime_ns": None,
                "encoding": "utf-8",
                "format": "jekyll-markdown",
                "content": doc.content,
                "parser_version": "1.0.0",
                "n_articles": len(doc.articles) if doc.n_articles is None else doc.n_articles,
                "ingested_at": datetime.now(UTC),
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
    """Single-article documents: the broken article is the whole document."""
    broken = docs[7]
    breakage(broken)

    report = gate(docs)

    assert report.decision == "partial", render_markdown(report)
    assert list(report.rejected) == [broken.document_id]
    assert expectation in report.rejected[broken.document_id]
    assert report.rejected_articles == {}
    failed = {r.expectation: r for r in report.failed_expectations}
    assert failed[expectation].failed_document_ids == [broken.document_id]
    assert broken.document_id in failed[expectation].unexpected_sample[0]


def test_a_gap_in_a_paragraphs_sentence_ordinals_rejects_that_document(docs):
    """The contiguity check (min = 1 and max = count per paragraph, a grouped aggregate that
    spills, not window functions that hold the load in memory) names the document."""
    con = new_warehouse()
    stage(con, docs)
    broken = docs[5]
    con.execute(
        "UPDATE staging.sentences SET ordinal = ordinal + 10 WHERE document_id = ? "
        "AND paragraph_ordinal = 1 AND ordinal = (SELECT max(ordinal) FROM staging.sentences "
        "WHERE document_id = ? AND paragraph_ordinal = 1)",
        [broken.document_id, broken.document_id],
    )
    report = run_gate(con, LOAD, EXPECTATIONS)
    expectation = "sentences.expect_column_values_to_be_in_set(ordinals_contiguous_in_paragraph)"
    assert report.decision == "partial", render_markdown(report)
    assert list(report.rejected) == [broken.document_id]
    assert expectation in report.rejected[broken.document_id]


def test_a_gap_in_an_articles_paragraph_ordinals_is_named(docs):
    """The same grouped-aggregate contiguity check for paragraphs within their article."""
    con = new_warehouse()
    stage(con, docs)
    broken = docs[5]
    last = "(SELECT max(ordinal) FROM staging.paragraphs WHERE document_id = ?)"
    for table, column in (("paragraphs", "ordinal"), ("sentences", "paragraph_ordinal")):
        con.execute(
            f"UPDATE staging.{table} SET {column} = {column} + 10 "
            f"WHERE document_id = ? AND {column} = {last}",
            [broken.document_id, broken.document_id],
        )
    report = run_gate(con, LOAD, EXPECTATIONS)
    expectation = "paragraphs.expect_column_values_to_be_in_set(ordinals_contiguous_in_article)"
    failed = {r.expectation: r for r in report.failed_expectations}
    assert failed[expectation].failed_document_ids == [broken.document_id]
    assert broken.document_id in report.rejected


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
    report = gate(docs)
    assert report.decision == "publish"


# --------------------------------------------------------------------------- article level


def _page(docs: list[Document], n: int = 3) -> Document:
    """A multi-story page: the stories of n real posts in one document."""
    page = docs[0]
    for other in docs[1:n]:
        page.articles.append(other.articles[0])
    del docs[1:n]
    return page


def test_untitled_fragment_rejects_that_article_and_its_siblings_publish(docs):
    page = _page(docs)
    fragment = page.articles[1]
    fragment.title = None

    report = gate(docs)

    assert report.decision == "partial", render_markdown(report)
    assert report.rejected == {}
    assert report.rejected_articles == {
        page.document_id: {
            fragment.article_id: ["articles.expect_column_values_to_not_be_null(title)"]
        }
    }
    assert report.articles_rejected == 1
    assert fragment.article_id in render_markdown(report)


def test_paragraph_and_sentence_failures_reject_their_article_only(docs):
    page = _page(docs)
    _break_paragraph_ordinals(Document("", "", "", [page.articles[2]]))
    sentence = page.articles[0].paragraphs[0].sentences[0]
    sentence.tokens = sentence.tokens[:-1]

    report = gate(docs)

    assert report.rejected == {}
    assert report.rejected_articles[page.document_id] == {
        page.articles[0].article_id: [
            "sentences.expect_column_values_to_be_in_set(tokens_rejoin_text)"
        ],
        page.articles[2].article_id: ["paragraphs.expect_column_values_to_be_between(text_chars)"],
    }


def test_a_document_whose_articles_are_all_rejected_is_rejected_whole(docs):
    page = _page(docs)
    for article in page.articles:
        article.title = ""

    report = gate(docs)

    assert report.rejected == {
        page.document_id: ["articles.expect_column_values_to_not_be_null(title)"]
    }
    assert report.rejected_articles == {}


def test_which_suites_reject_articles_is_explicit():
    levels = {s.name: s.rejects for s in load_suites(EXPECTATIONS)}
    assert levels == {
        "documents": "document",
        "articles": "article",
        "paragraphs": "article",
        "sentences": "article",
        "article_authors": "article",
        "stock_mentions": "article",
    }


# --------------------------------------------------------------------------- table level


def test_duplicate_document_fails_the_whole_load(docs):
    """A key violation is a writer fault: every document would be suspect, nothing publishes."""
    docs.append(replace(docs[4]))

    report = gate(docs)

    assert report.decision == "fail"
    assert any(
        "documents.expect_column_values_to_be_unique(document_id)" in r for r in report.reasons
    )
    assert report.message == "; ".join(report.reasons)


def test_same_article_twice_in_one_document_fails_the_load(docs):
    docs[1].articles.append(replace(docs[1].articles[0]))
    report = gate(docs)
    assert report.decision == "fail"
    assert "articles.expect_column_values_to_be_unique(article_key)" in report.reasons[0]


def test_whole_issue_files_publish_with_a_warning(docs):
    """Every file a 60-story issue: the load's mean (once critical, 0.5..50) only warns now."""
    load = docs[:25]
    for doc in load:
        template = doc.articles[0]
        doc.articles = [
            replace(template, article_id=f"{template.article_id}-{i}") for i in range(60)
        ]

    report = gate(load)

    assert report.decision == "publish", render_markdown(report)
    [failed] = report.failed_expectations
    assert failed.expectation == "documents.expect_column_mean_to_be_between(articles_in_document)"
    assert failed.severity == "warning"


# --------------------------------------------------------------------------- sources


def test_a_few_rejected_documents_of_a_new_source_do_not_hold_it(docs):
    """2 of 25 (8%) used to fail the load at max_rejected_share 5%; now both are quarantined."""
    load = docs[:25]
    _break_html(load[0])
    _break_title(load[1])

    report = gate(load)

    assert report.decision == "partial", render_markdown(report)
    assert set(report.rejected) == {load[0].document_id, load[1].document_id}
    assert report.held_sources == {}
    assert report.sources["finews"].rejected == 2


def test_one_document_load_with_a_broken_document_is_quarantined_not_held(docs):
    _break_html(docs[0])
    report = gate(docs[:1])
    assert report.decision == "partial"  # 1 of 1 from a new source: a file problem
    assert report.sources["finews"].allowed_rejected == 1


def _empty_body(doc: Document) -> None:
    doc.articles[0].paragraphs = []
    doc.articles[0].body_text = ""


def test_broken_source_is_held_and_the_others_publish(docs):
    """Source A: 50 sound posts. Source B: 20 posts, 16 with an empty body."""
    a, b = docs[:50], docs[50:70]
    for doc in b:
        doc.source = "B"
    for doc in a:
        doc.source = "A"
    for doc in b[:16]:
        _empty_body(doc)

    report = gate(a + b)

    assert report.decision == "held", render_markdown(report)
    assert set(report.held_sources) == {"B"}
    assert report.held_sources["B"] == (
        "source 'B' held: 16 of 20 documents rejected (80.0%); baseline 5.0%"
        " (prior for a new source), at most 8 of 20 (40.0%) pass"
    )
    assert report.message == report.held_sources["B"]
    assert report.held_documents == sorted(d.document_id for d in b[16:])
    assert set(report.rejected) == {d.document_id for d in b[:16]}
    assert not report.sources["A"].held
    assert "## Held sources" in render_markdown(report)


def test_files_refused_before_the_gate_count_for_their_source(docs):
    """16 of B's 20 files could not be parsed (staging.rejections), 4 were staged."""
    a, b = docs[:30], docs[30:34]
    for doc in b:
        doc.source = "B"
    con = new_warehouse()
    stage(con, a + b)
    con.executemany(
        "INSERT INTO staging.rejections (load_id, source_path, source, stage, reason)"
        " VALUES (?, ?, 'B', 'parse', 'no article found in the document')",
        [(LOAD, f"/inbox/B/empty-{i}.md") for i in range(16)],
    )

    report = run_gate(con, LOAD, EXPECTATIONS)

    assert report.refused == 16
    assert (report.sources["B"].documents, report.sources["B"].rejected) == (20, 16)
    assert report.decision == "held"
    assert report.held_documents == sorted(d.document_id for d in b)


def test_a_load_of_only_refused_files_can_hold_its_source():
    con = new_warehouse()
    con.executemany(
        "INSERT INTO staging.rejections (load_id, source_path, source, stage, reason)"
        " VALUES (?, ?, 'B', 'decode', 'looks binary')",
        [(LOAD, f"/inbox/B/{i}.html") for i in range(5)],
    )
    report = run_gate(con, LOAD, EXPECTATIONS)
    assert (report.documents_in, report.results, report.decision) == (0, [], "held")


def test_baseline_comes_from_ops_source_stats(docs):
    """A source that always rejects 30% of its files (photo pages) is not held for 40% of a
    small load; a new source would be."""
    for doc in docs[:16]:
        _empty_body(doc)
    con = new_warehouse()
    con.executemany(
        "INSERT INTO ops.source_stats VALUES (?, 'finews', 100, 30, false, NULL, NULL, ?)",
        [(f"load-{i:02d}", datetime(2024, 1, i + 1, tzinfo=CST)) for i in range(10)],
    )
    stage(con, docs[:40])  # 16 of 40 = 40%

    report = run_gate(con, LOAD, EXPECTATIONS)

    source = report.sources["finews"]
    assert (source.baseline_loads, source.baseline_documents) == (10, 1000)
    assert source.baseline_share == pytest.approx((1 + 60) / (20 + 200))
    assert not source.held and report.decision == "partial"
    assert run_gate(con, LOAD, EXPECTATIONS, history={}).decision == "held"  # as a new source


def test_source_history_takes_the_last_loads_that_were_not_held():
    con = new_warehouse()
    rows = [
        ("l1", "A", 10, 1, False, datetime(2024, 1, 1, tzinfo=CST)),
        ("l2", "A", 20, 2, False, datetime(2024, 1, 2, tzinfo=CST)),
        ("l3", "A", 30, 24, True, datetime(2024, 1, 3, tzinfo=CST)),
        ("l4", "A", 40, 4, False, datetime(2024, 1, 4, tzinfo=CST)),
        ("l4", "B", 5, 0, False, datetime(2024, 1, 4, tzinfo=CST)),
        ("l4", "C", 5, 0, False, datetime(2024, 1, 4, tzinfo=CST)),
    ]
    con.executemany(
        "INSERT INTO ops.source_stats (load_id, source, documents, rejected, held, decided_at)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        rows,
    )
    history = source_history(con, ["A", "B", "D"], 2)
    assert history == {
        "A": [SourceCounts(40, 4), SourceCounts(20, 2)],
        "B": [SourceCounts(5, 0)],
    }
    assert source_history(con, [], 2) == {}


def test_source_rows_fit_ops_source_stats(docs):
    import pyarrow as pa

    for doc in docs[:3]:
        _break_title(doc)
    report = gate(docs)
    con = new_warehouse()
    con.register("rows", pa.Table.from_pylist(source_rows(report)))
    con.execute("INSERT INTO ops.source_stats BY NAME SELECT * FROM rows")
    assert con.execute(
        "SELECT source, documents, rejected, held, allowed_rejected FROM ops.source_stats"
        " ORDER BY source"
    ).fetchall() == [("finews", 74, 3, False, 25), ("seeds", 1, 0, False, 1)]


def test_a_failed_load_adds_nothing_to_the_baseline(docs):
    docs.append(replace(docs[4]))
    report = gate(docs)
    assert report.decision == "fail" and source_rows(report) == []


def test_empty_load_is_not_a_failure():
    con = new_warehouse()
    report = run_gate(con, "nothing-new", EXPECTATIONS)
    assert (report.decision, report.documents_in, report.results) == ("publish", 0, [])
    assert report.sources == {} and report.message is None


# --------------------------------------------------------------------------- the statistics

CFG = SourceGateConfig()


def _decide(documents: int, rejected: int, history: list[tuple[int, int]] = ()):
    return decide_sources(
        {"s": SourceCounts(documents, rejected)},
        {"s": [SourceCounts(n, r) for n, r in history]},
        CFG,
    )["s"]


@pytest.mark.parametrize(
    ("documents", "rejected", "history", "held", "allowed"),
    [
        (1, 1, [], False, 1),  # a new source with 1 bad document of 1: a file problem
        (13, 3, [], False, 6),  # 3 of 13 from a new source (P = 0.058)
        (20, 16, [], True, 8),  # 80% empty bodies out of 20: held
        (5, 5, [], True, 3),  # a new feed whose first 5 files are all broken
        (200, 8, [(100, 3)] * 10, False, 21),  # always 3%, now 4%: fine
        (200, 40, [(100, 3)] * 10, True, 21),  # always 3%, now 20%: held
        (100, 35, [(100, 30)] * 10, False, 45),  # always 30%, now 35%: its normal
        (100, 50, [(100, 30)] * 10, True, 45),
        (1000, 40, [(1000, 30)] * 10, False, 99),  # the floor: below 10% never holds
    ],
)
def test_decide_sources_scenarios(documents, rejected, history, held, allowed):
    decision = _decide(documents, rejected, history)
    assert (decision.held, decision.allowed_rejected) == (held, allowed)
    assert decision.held == (rejected > decision.allowed_rejected)


def test_tail_probabilities_quoted_in_gate_json():
    assert _decide(1, 1).tail_probability == pytest.approx(0.05)
    assert _decide(13, 3).tail_probability == pytest.approx(0.0577, abs=5e-4)
    assert _decide(20, 16).tail_probability == pytest.approx(1.28e-7, rel=0.01)
    why = json.loads((EXPECTATIONS / "gate.json").read_text(encoding="utf-8"))["why"]["sources"]
    for fragment in ("P = 0.058", "P = 1.3e-7", "at most 8 of 20", "at most 21 of 200"):
        assert fragment in why


def test_held_history_is_ignored_and_history_weight_is_capped():
    held = [SourceCounts(20, 16, held=True)] * 5
    assert _decide(20, 1).baseline_share == pytest.approx(0.05)
    fresh = decide_sources({"s": SourceCounts(20, 1)}, {"s": held}, CFG)["s"]
    assert (fresh.baseline_loads, fresh.baseline_share) == (0, pytest.approx(0.05))
    big = _decide(100, 0, [(100_000, 3_000)])
    assert big.baseline_share == pytest.approx((1 + 6) / (20 + 200))


def test_only_the_last_history_loads_count():
    recent = [(100, 0)] * CFG.history_loads
    old_bad = [(100, 90)] * 5
    assert _decide(100, 0, recent + old_bad).baseline_share == pytest.approx(1 / 220)


# --------------------------------------------------------------------------- config is data


def _copy_expectations(tmp_path: Path) -> Path:
    target = tmp_path / "expectations"
    shutil.copytree(EXPECTATIONS, target)
    return target


def test_threshold_change_is_a_json_edit(docs, tmp_path):
    """Making the CJK-share warning critical at 0.3 rejects the real SHIBOR brief (0.29)."""
    directory = _copy_expectations(tmp_path)
    suite_path = directory / "articles.json"
    suite = json.loads(suite_path.read_text(encoding="utf-8"))
    name = "body_cjk_share_typical"
    rule = next(e for e in suite["expectations"] if e["meta"].get("name") == name)
    rule["kwargs"]["min_value"] = 0.3
    rule["meta"]["severity"] = "critical"
    suite_path.write_text(json.dumps(suite, ensure_ascii=False), encoding="utf-8")

    assert gate(docs).decision == "publish"
    report = gate(docs, directory)

    assert report.decision == "partial"
    [(document_id, names)] = report.rejected.items()
    shibor = next(d for d in docs if d.source_path.endswith("202112082206782366.md"))
    assert document_id == shibor.document_id
    assert names == ["articles.body_cjk_share_typical"]


def test_source_threshold_change_is_a_json_edit(docs, tmp_path):
    """A prior of 0.1% rejections (worth 1000 documents) and no floor or margin: 3 broken
    posts of 74 hold the source."""
    directory = _copy_expectations(tmp_path)
    path = directory / "gate.json"
    config = json.loads(path.read_text(encoding="utf-8"))
    for name, value in (
        ("prior_share", 0.001),
        ("prior_weight", 1000),
        ("min_rejected", 1),
        ("floor_share", 0),
        ("margin", 0),
    ):
        config["sources"][name]["value"] = value
    path.write_text(json.dumps(config, ensure_ascii=False), encoding="utf-8")
    for doc in docs[:3]:
        _break_title(doc)

    assert gate(docs).decision == "partial"
    report = gate(docs, directory)
    assert report.decision == "held" and set(report.held_sources) == {"finews"}


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda c: c["sources"]["alpha"].pop("why"), r"sources\.alpha: expected"),
        (lambda c: c["sources"]["alpha"].update(value=2), r"sources\.alpha\.value"),
        (
            lambda c: c["sources"]["min_rejected"].update(value=1.5),
            r"sources\.min_rejected\.value: expected an integer",
        ),
        (lambda c: c["sources"].update(max_share={"value": 1, "why": "x"}), r"sources: unknown"),
        (lambda c: c.update(max_rejected_share=0.05), r"unknown field"),
    ],
)
def test_invalid_gate_json_names_the_field(tmp_path, edit, message):
    directory = _copy_expectations(tmp_path)
    path = directory / "gate.json"
    config = json.loads(path.read_text(encoding="utf-8"))
    edit(config)
    path.write_text(json.dumps(config, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(SuiteError, match=r"gate\.json: " + message):
        load_gate_config(directory)


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

    report = gate(docs, directory)

    with_sz_codes = {
        d.document_id
        for d in docs
        if any(not c.startswith("6") for a in d.articles for c in a.stock_codes)
    }
    assert with_sz_codes and set(report.rejected) == with_sz_codes
    assert report.decision == "partial"  # 2 of 74: quarantined, the source is not held


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
        (
            lambda s: s.pop("rejects"),
            r"paragraphs\.json: rejects: expected one of \('article', 'document'\)",
        ),
        (
            lambda s: s.update(key_columns=["document_id", "ordinal"]),
            r"paragraphs\.json: key_columns: must include 'article_id'",
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
    with pytest.raises(SuiteError, match=r"documents\.json: expectations\[4\]\.meta\.scope"):
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
    config = load_gate_config(EXPECTATIONS)
    assert config.sources == SourceGateConfig()  # gate.json states every threshold's default
    raw = json.loads((EXPECTATIONS / "gate.json").read_text(encoding="utf-8"))
    assert set(raw["sources"]) == {f for f in SourceGateConfig.__dataclass_fields__}


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
    con.execute("INSERT INTO ops.dq_results BY NAME SELECT *, now() AS checked_at FROM dq_rows")

    assert con.execute("SELECT count(*) FROM ops.dq_results").fetchone()[0] == len(report.results)
    [(name, count, sample)] = con.execute(
        "SELECT expectation, unexpected_count, unexpected_sample FROM ops.dq_results"
        " WHERE NOT success"
    ).fetchall()
    assert name == "sentences.expect_column_values_to_be_in_set(tokens_rejoin_text)"
    assert count == 1 and docs[4].document_id in sample[0]


def test_published_at_source_values_match_the_date_voter():
    """The suite's accepted provenances are exactly what the date voter can name."""
    import json

    from zhnews.parse.dates import SOURCES

    suite = json.loads((ROOT / "expectations" / "articles.json").read_text(encoding="utf-8"))
    (spec,) = [
        e
        for e in suite["expectations"]
        if e["type"] == "expect_column_values_to_be_in_set"
        and e["kwargs"]["column"] == "published_at_source"
    ]
    assert set(spec["kwargs"]["value_set"]) == set(SOURCES)
