"""The gate validates a load in batches of documents and decides exactly as on one frame.

Real fixture documents are parsed and staged by the pipeline (as in test_gate_rules), then
broken in many ways at once (every tamper of tests/fixtures/gate_rules/rules.json, plus the
broken input files), so that row failures, duplicate keys and orphans fall in different
batches. The gate runs with `batch_documents` = 2 and with one batch; the reports must agree
to the last sample.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import pytest
from test_gate_rules import MANIFEST, RULES, RULES_DIR, new_warehouse, parse, stage
from zhnews import gate
from zhnews.gate import (
    GateReport,
    SuiteError,
    batch_split,
    document_ranges,
    load_gate_config,
    load_suites,
    render_markdown,
    run_gate,
)

ROOT = Path(__file__).resolve().parents[1]
EXPECTATIONS = ROOT / "expectations"
LOAD = "rules-0001"  # the load id test_gate_rules' parse() stages
GROUPS = ("accept", "archive_1946", "reject")

SHORT = 20  # characters: the `mostly` check below counts sentences shorter than this
# Expectations of other batching kinds than the shipped ones, added to copies of the suites:
# a `mostly` that only the whole load can judge (its value is set per load, `_mostly`), a
# uniqueness whose duplicates lie in different documents, a compound uniqueness, a row
# count, the query's column names, an outlier check and a maximum, which GX cannot batch.
EXTRA = {
    "sentences.json": [
        {
            "type": "expect_column_values_to_be_between",
            "kwargs": {"column": "text_chars", "min_value": SHORT},
            "mostly": None,
            "meta": {
                "name": "test_most_sentences_long",
                "severity": "warning",
                "scope": "row",
                "why": "a mostly over the whole load",
            },
        },
        {
            "type": "expect_compound_columns_to_be_unique",
            "kwargs": {
                "column_list": ["document_id", "article_id", "paragraph_ordinal", "ordinal"]
            },
            "meta": {
                "name": "test_compound_key",
                "severity": "warning",
                "scope": "table",
                "why": "uniqueness of several columns",
            },
        },
    ],
    "documents.json": [
        {
            "type": "expect_column_values_to_be_unique",
            "kwargs": {"column": "articles_in_document"},
            "meta": {
                "name": "test_unique_across_documents",
                "severity": "warning",
                "scope": "table",
                "why": "equal values in different documents, so in different batches",
            },
        },
        {
            "type": "expect_table_row_count_to_be_between",
            "kwargs": {"min_value": 1, "max_value": 5},
            "meta": {
                "name": "test_row_count",
                "severity": "warning",
                "scope": "table",
                "why": "a row count of the whole load",
            },
        },
        {
            "type": "expect_table_columns_to_match_set",
            "kwargs": {"column_set": ["document_id", "n_articles"], "exact_match": False},
            "meta": {
                "name": "test_columns",
                "severity": "warning",
                "scope": "table",
                "why": "the query's column names",
            },
        },
        {
            "type": "expect_column_value_z_scores_to_be_less_than",
            "kwargs": {"column": "articles_in_document", "threshold": 1.5, "double_sided": True},
            "meta": {
                "name": "test_outliers",
                "severity": "warning",
                "scope": "table",
                "why": "a map check against the whole column's mean and spread: not batchable",
            },
        },
        {
            "type": "expect_column_max_to_be_between",
            "kwargs": {"column": "n_articles", "max_value": 1},
            "meta": {
                "name": "test_max",
                "severity": "warning",
                "scope": "table",
                "why": "an aggregate of the whole load",
            },
        },
    ],
}


@pytest.fixture(scope="module", autouse=True)
def _gx_imported():
    """Import Great Expectations once for the module (the import alone takes seconds)."""
    import great_expectations  # noqa: F401


@pytest.fixture(scope="module")
def staged() -> dict:
    """The fixture folders parsed once; each test stages them into its own DuckDB."""
    return {group: parse([RULES_DIR / group]) for group in GROUPS}


def _load(staged: dict, tampered: bool) -> duckdb.DuckDBPyConnection:
    con = new_warehouse()
    for group in GROUPS:
        stage(con, staged[group])
    if tampered:
        done: set[str] = set()
        for entry in RULES.values():
            reject = entry["reject"]
            if "tamper" not in reject or reject["file"] in done:
                continue  # one tamper per document, so each one bites
            done.add(reject["file"])
            path = str((RULES_DIR / reject["file"]).resolve())
            (doc,) = con.execute(
                "SELECT document_id FROM staging.documents WHERE source_path = ?", [path]
            ).fetchone()
            sql = reject["tamper"]
            con.execute(sql, {"doc": doc} if "$doc" in sql else {})
    return con


def _suites(tmp_path: Path, batch_documents: int, mostly: float | None = None) -> Path:
    """A copy of the shipped suites with `batch_documents`; with `mostly`, plus EXTRA."""
    directory = tmp_path / f"expectations-{batch_documents}"
    shutil.copytree(EXPECTATIONS, directory)
    config_path = directory / "gate.json"
    config = json.loads(config_path.read_text(encoding="utf-8"))
    config["batch_documents"] = batch_documents
    config_path.write_text(json.dumps(config, ensure_ascii=False), encoding="utf-8")
    for name, expectations in (EXTRA if mostly is not None else {}).items():
        path = directory / name
        suite = json.loads(path.read_text(encoding="utf-8"))
        suite["expectations"] += [
            {**e, "mostly": mostly} if "mostly" in e else e for e in expectations
        ]
        path.write_text(json.dumps(suite, ensure_ascii=False), encoding="utf-8")
    return directory


def _summary(report: GateReport) -> dict:
    return {
        "decision": report.decision,
        "documents_in": report.documents_in,
        "rejected": report.rejected,
        "rejected_articles": report.rejected_articles,
        "held_sources": report.held_sources,
        "held_documents": report.held_documents,
        "reasons": report.reasons,
        "results": [
            (
                r.expectation,
                r.success,
                r.unexpected_count,
                r.observed_value,
                r.unexpected_sample,
                r.failed_document_ids,
                r.failed_articles,
                r.error,
            )
            for r in report.results
        ],
    }


@pytest.mark.parametrize("tampered", [False, True], ids=["broken-inputs", "every-tamper"])
def test_batched_gate_reports_exactly_what_one_frame_reports(staged, tmp_path, tampered):
    con = _load(staged, tampered)
    ids = [d for (d,) in con.execute("SELECT document_id FROM staging.documents").fetchall()]
    ranges = document_ranges(ids, 2)
    assert len(ranges) >= 6
    mostly = _mostly(con, ranges)
    one = run_gate(_load(staged, tampered), LOAD, _suites(tmp_path, 10**6, mostly), history={})
    batched = run_gate(con, LOAD, _suites(tmp_path, 2, mostly), history={})
    failing = {d for r in one.results if not r.success for d in r.failed_document_ids}
    batches_with_failures = {
        i for i, (lo, hi) in enumerate(ranges) for d in failing if _within(d, lo, hi)
    }
    assert len(batches_with_failures) >= (6 if tampered else 2), render_markdown(one)
    if tampered:
        assert one.decision == "fail" and len(one.reasons) >= 4, render_markdown(one)
    else:
        assert one.decision == "partial" and one.rejected and one.rejected_articles
    assert _summary(batched) == _summary(one)


def _mostly(con: duckdb.DuckDBPyConnection, ranges: list) -> float:
    """A `mostly` the whole load meets while its batch with the most short sentences does
    not: summing the batches' verdicts instead of their counts would fail it."""
    shares = []
    for lo, hi in [(None, None), *ranges]:
        (share,) = con.execute(
            f"SELECT avg((length(trim(text)) < {SHORT})::INTEGER) FROM staging.sentences"
            " WHERE ($lo IS NULL OR document_id >= $lo) AND ($hi IS NULL OR document_id < $hi)",
            {"lo": lo, "hi": hi},
        ).fetchone()
        shares.append(share or 0.0)
    whole, worst = shares[0], max(shares[1:])
    assert worst > whole, "no batch has more short sentences than the load"
    return 1 - (whole + worst) / 2


def _within(document_id: str, lo: str | None, hi: str | None) -> bool:
    return (lo is None or document_id >= lo) and (hi is None or document_id < hi)


def test_each_batched_frame_holds_at_most_one_batch_of_documents(staged, tmp_path, monkeypatch):
    """Frames of the document split hold ≤ 2 staged documents; frames of the whole load are
    narrow (the columns their expectations name)."""
    frames: list[tuple[str, int, list[str]]] = []
    fetch = gate._fetch

    def recording(con, suite, sql, params):
        frame = fetch(con, suite, sql, params)
        frames.append(
            (
                sql,
                frame["document_id"].nunique() if "document_id" in frame else 0,
                list(frame.columns),
            )
        )
        return frame

    monkeypatch.setattr(gate, "_fetch", recording)
    con = _load(staged, tampered=False)
    run_gate(con, LOAD, _suites(tmp_path, 2), history={})

    by_documents = [f for f in frames if gate._BATCH_TO in f[0] or gate._BATCH_FROM in f[0]]
    assert by_documents and max(n for _, n, _ in by_documents) <= 2
    whole = [f for f in frames if "WHERE" not in f[0].rsplit(") q", 1)[-1]]
    # the shipped suites' whole-load checks are means: one column each
    assert whole and all(len(columns) == 1 for _, _, columns in whole), whole


def test_document_ranges_cover_every_id_once():
    ids = [f"{i:04x}" for i in range(0, 4000, 7)]
    ranges = document_ranges(reversed(ids), 100)
    assert len(ranges) == -(-len(ids) // 100)
    assert ranges[0][0] is None and ranges[-1][1] is None
    for probe in [*ids, "", "zzzz", "0000x"]:
        assert sum(_within(probe, lo, hi) for lo, hi in ranges) == 1, probe
    sizes = [sum(_within(d, lo, hi) for d in ids) for lo, hi in ranges]
    assert sizes[:-1] == [100] * (len(ranges) - 1) and 0 < sizes[-1] <= 100
    assert document_ranges(ids, len(ids)) == [(None, None)]


def test_shipped_row_checks_are_batched_and_table_checks_say_how():
    """No shipped row-level expectation needs the whole load in one frame."""
    for suite in load_suites(EXPECTATIONS):
        for spec in suite.expectations:
            split = batch_split(spec)
            if spec.scope == "row":
                assert split == "documents", spec.name
            elif spec.type == "expect_column_values_to_be_unique":
                assert split == "values", spec.name


def test_batch_documents_is_a_documented_setting(tmp_path):
    config = load_gate_config(EXPECTATIONS)
    raw = json.loads((EXPECTATIONS / "gate.json").read_text(encoding="utf-8"))
    assert config.batch_documents == raw["batch_documents"] >= 1000
    assert raw["why"]["batch_documents"].strip()
    directory = _suites(tmp_path, 0)
    with pytest.raises(SuiteError, match=r"gate\.json: batch_documents: expected an integer"):
        load_gate_config(directory)


def test_fixture_manifest_still_lists_the_tampers():
    """The scenarios above rely on rules.json's tampers; a manifest without them would make
    the every-tamper load a clean one."""
    assert sum("tamper" in e["reject"] for e in RULES.values()) >= 10
    assert set(GROUPS) == {rel.split("/")[0] for rel in MANIFEST["fixtures"]}
