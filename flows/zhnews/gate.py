"""The data-quality gate: decide what of a load may be published.

Each JSON file in `expectations/` is one suite: a SQL `query` over the staging tables
(filtered to the load by `$load_id`, free to compute derived columns), the `key_columns` that
name a failing row (always including `document_id`), what a failing row `rejects` (`article`
or `document`) and a list of Great Expectations 1.x expectation configurations whose `meta`
says `severity` (critical|warning) and `scope` (row|table). `expectations/gate.json` holds the
global settings and the per-source thresholds, each with the reason for its value.

Decision rules:
- a failed critical row-scope expectation of an article-level suite (rows keyed by
  article_id: articles, paragraphs, sentences, authors, stock mentions) rejects those
  articles; their sibling articles publish and the document is partial. A document whose
  articles are all rejected is rejected as a document;
- a failed critical row-scope expectation of a document-level suite rejects the documents of
  its failing rows;
- a failed critical table-scope expectation (keys, referential integrity, the schema of the
  suite's query) fails the whole load;
- each source (the parent folder of a document's file) is judged against its own history:
  its rejected share (documents refused while reading/decoding/parsing plus documents
  rejected here, each once) far above its baseline holds the source: none of its documents
  publish in this load (`decide_sources`); the other sources publish;
- warnings are recorded and never block.

GX 1.24's SQL route cannot validate DuckDB, so each suite's query result is validated as
pandas DataFrames in an ephemeral GX context. Great Expectations is imported only inside
`run_gate` because the import alone takes several seconds.

Batches: so that the gate's frames do not grow with the load, a load of more than
`batch_documents` staged documents (gate.json) is validated in batches of about that many
documents, and each frame holds one batch of one suite. The batches are ranges of
document_id cut from the sorted staged documents (`document_ranges`), the same for every
suite. A suite's query runs once, over the whole load (its IN/JOIN/window columns stay
exact), into a DuckDB temporary table (bounded by DuckDB's memory_limit, spilled beyond it);
each batch is a selection from it (`… WHERE q.document_id >= … AND q.document_id < …`). How each
expectation type is batched, and why the result equals one frame's (`batch_split`):
- row-local types (`ROW_LOCAL_TYPES`: null, between, in set, regex, …) judge a row by its own
  values: they run on the document batches; failing rows are the union, element and
  unexpected counts add up, and `mostly` is re-applied to the sums;
- uniqueness (`SAME_VALUE_TYPES`) judges a row by the rows with the same value: it runs in
  batches cut by a hash of that value, so equal values always meet in one batch, on a frame
  of the key columns and that value only;
- any other type (means and other aggregates, row counts, the query's column names, order)
  runs once on the whole load, on a frame of only the columns it names (row counts read
  document_id, column-name checks an empty frame).
A failing row's sample is taken in key order, so it is the same whatever the batches.
"""

from __future__ import annotations

import json
import math
import os
import re
import time
from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, fields
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import duckdb
    import pandas as pd

SEVERITIES = ("critical", "warning")
SCOPES = ("row", "table")
REJECTS = ("article", "document")  # what a failing row of a suite rejects
DECISIONS = ("publish", "partial", "held", "fail")
GATE_CONFIG_FILE = "gate.json"
DEFAULT_SAMPLE_SIZE = 10
DEFAULT_BATCH_DOCUMENTS = 10_000
DEFAULT_DOCUMENTS_QUERY = (
    "SELECT d.document_id, d.source, count(DISTINCT a.article_id) AS articles "
    "FROM staging.documents d LEFT JOIN staging.articles a "
    "ON a.load_id = d.load_id AND a.document_id = d.document_id "
    "WHERE d.load_id = $load_id GROUP BY d.document_id, d.source"
)
DEFAULT_REFUSED_QUERY = (
    "SELECT source, count(DISTINCT source_path) AS refused FROM staging.rejections "
    "WHERE load_id = $load_id GROUP BY source"
)
SOURCE_STATS_TABLE = "ops.source_stats"
_LOAD_ID_PARAM = re.compile(r"\$load_id\b")
_NAME = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.()\-]*$")
_SAMPLE_VALUE_CHARS = 60

# GX types whose verdict on a row reads that row's values alone (whole-load facts such as
# "the article's document is in the load" are columns the suite's SQL computed over the whole
# load): validated per document batch, their failing rows and counts add up exactly.
ROW_LOCAL_TYPES = frozenset(
    {
        "expect_column_values_to_not_be_null",
        "expect_column_values_to_be_null",
        "expect_column_values_to_be_between",
        "expect_column_values_to_be_in_set",
        "expect_column_values_to_not_be_in_set",
        "expect_column_values_to_match_regex",
        "expect_column_values_to_not_match_regex",
        "expect_column_values_to_match_regex_list",
        "expect_column_values_to_not_match_regex_list",
        "expect_column_values_to_match_strftime_format",
        "expect_column_values_to_be_dateutil_parseable",
        "expect_column_values_to_be_json_parseable",
        "expect_column_values_to_match_json_schema",
        "expect_column_value_lengths_to_be_between",
        "expect_column_value_lengths_to_equal",
        "expect_column_pair_values_to_be_equal",
        "expect_column_pair_values_a_to_be_greater_than_b",
        "expect_column_pair_values_to_be_in_set",
        "expect_multicolumn_sum_to_equal",
        "expect_select_column_values_to_be_unique_within_record",
    }
)
# GX types whose verdict on a row reads the other rows with the same value(s) of the named
# column(s): batched by a hash of those values, so equal values always share a batch.
SAME_VALUE_TYPES = frozenset(
    {"expect_column_values_to_be_unique", "expect_compound_columns_to_be_unique"}
)
# GX types that read only the names of the query's columns: an empty frame is exact.
COLUMN_NAME_TYPES = frozenset(
    {
        "expect_column_to_exist",
        "expect_table_columns_to_match_ordered_list",
        "expect_table_columns_to_match_set",
        "expect_table_column_count_to_equal",
        "expect_table_column_count_to_be_between",
    }
)
# GX types that read only how many rows the query returned: one column of the load is exact.
ROW_COUNT_TYPES = frozenset(
    {"expect_table_row_count_to_be_between", "expect_table_row_count_to_equal"}
)
_BATCH_FROM, _BATCH_TO = "zhnews_batch_from", "zhnews_batch_to"  # the range's parameters


class SuiteError(ValueError):
    """A suite or gate file that cannot be used; the message names the file and the field."""

    def __init__(self, path: Path, where: str, problem: str):
        super().__init__(f"{path}: {where}: {problem}" if where else f"{path}: {problem}")
        self.path = path
        self.where = where
        self.problem = problem

    def __reduce__(self):  # raised in the gate's process, re-raised in the flow's
        return (SuiteError, (self.path, self.where, self.problem))


@dataclass(frozen=True)
class ExpectationSpec:
    """One expectation of a suite, as written in its JSON file."""

    name: str  # "<suite>.<meta.name>" or "<suite>.<type>(<column>)"; names quarantined docs
    type: str  # GX expectation type, e.g. "expect_column_values_to_not_be_null"
    kwargs: dict[str, Any]
    severity: str  # critical | warning
    scope: str  # row | table
    why: str
    meta: dict[str, Any]

    @property
    def column(self) -> str | None:
        return _column_of(self.kwargs)


@dataclass(frozen=True)
class Suite:
    name: str
    path: Path
    query: str  # DuckDB SQL with a `$load_id` named parameter
    key_columns: tuple[str, ...]  # name a failing row; includes document_id
    expectations: tuple[ExpectationSpec, ...]
    description: str = ""
    rejects: str = "document"  # article: a failing row rejects (document_id, article_id)


@dataclass(frozen=True)
class SourceGateConfig:
    """Thresholds of the per-source decision; values and reasons live in gate.json."""

    prior_share: float = 0.05  # rejected share expected from a source with no history
    prior_weight: float = 20.0  # how many documents that expectation is worth
    history_loads: int = 10  # the last K loads of a source (not held) form its baseline
    history_max_weight: float = 200.0  # the history counts as at most this many documents
    alpha: float = 0.001  # hold when so many rejections have less than this probability
    min_rejected: int = 3  # fewer rejected documents never hold a source
    floor_share: float = 0.10  # a rejected share below this never holds a source
    margin: float = 0.05  # nor a share less than this above the baseline


@dataclass(frozen=True)
class GateConfig:
    sample_size: int = DEFAULT_SAMPLE_SIZE
    documents_query: str = DEFAULT_DOCUMENTS_QUERY  # staged documents: id, source, articles
    refused_query: str = DEFAULT_REFUSED_QUERY  # files refused before the gate, per source
    sources: SourceGateConfig = field(default_factory=SourceGateConfig)
    path: Path | None = None
    batch_documents: int = DEFAULT_BATCH_DOCUMENTS  # documents per validated frame at most


@dataclass(frozen=True)
class SourceCounts:
    """One source in one load: documents read and how many of them did not publish."""

    documents: int  # staged documents + files refused while reading, decoding or parsing
    # refused files + documents rejected by a critical row expectation; a document that
    # lost some of its articles still publishes and is not counted
    rejected: int
    held: bool = False  # history rows: the gate held the source in that load


@dataclass(frozen=True)
class SourceDecision:
    source: str
    documents: int
    rejected: int
    baseline_share: float  # expected rejected share: prior and recent history together
    baseline_loads: int  # loads of the history used (0: prior only, a new source)
    baseline_documents: int  # documents of those loads
    allowed_rejected: int  # the most rejected documents that would not hold the source
    tail_probability: float  # P(at least `rejected` of `documents`) under the baseline
    held: bool
    message: str  # one line naming the source, its share and its baseline

    @property
    def share(self) -> float:
        return self.rejected / self.documents if self.documents else 0.0


@dataclass
class ExpectationResult:
    """One row of ops.dq_results."""

    suite: str
    expectation: str
    column: str | None
    severity: str
    scope: str
    success: bool
    unexpected_count: int | None
    unexpected_sample: list[str]  # <= sample_size keys of failing rows (with their value)
    observed_value: str | None
    failed_document_ids: list[str]  # documents with a failing row (both levels)
    error: str | None = None  # set when GX could not evaluate the expectation
    rejects: str = "document"  # the suite's level
    # article-level suites: (document_id, article_id) of failing rows; article_id None when
    # the row had none (such a row rejects its document)
    failed_articles: list[tuple[str, str | None]] = field(default_factory=list)


@dataclass
class GateReport:
    """The gate's verdict on one load; `decision` says what the publish step must do.

    - publish: everything staged publishes;
    - partial: publish all but `rejected` documents and `rejected_articles` (quarantine
      them), and files refused before the gate are quarantined too;
    - held: as partial, and additionally keep `held_documents` (the documents of
      `held_sources`) out of this load for `zhnews retry`; the run ends non-zero with the
      messages of `held_sources`;
    - fail: publish nothing (`reasons` says why).
    """

    load_id: str
    decision: str
    documents_in: int  # staged documents the suites checked
    rejected: dict[str, list[str]]  # document_id -> expectations that rejected the document
    results: list[ExpectationResult]
    reasons: list[str]  # why a "fail" happened, human readable
    # document_id -> article_id -> expectations that rejected that article (its siblings
    # publish); never lists a document of `rejected` or of `held_documents`
    rejected_articles: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    refused: int = 0  # files refused before the gate (staging.rejections)
    sources: dict[str, SourceDecision] = field(default_factory=dict)
    held_sources: dict[str, str] = field(default_factory=dict)  # source -> message
    held_documents: list[str] = field(default_factory=list)  # staged, not rejected
    decided_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    suite_seconds: dict[str, float] = field(default_factory=dict)

    @property
    def failed_expectations(self) -> list[ExpectationResult]:
        return [r for r in self.results if not r.success]

    @property
    def articles_rejected(self) -> int:
        return sum(len(a) for a in self.rejected_articles.values())

    @property
    def published(self) -> bool:
        """Whether the publish step runs at all (held sources aside)."""
        return self.decision != "fail"

    @property
    def message(self) -> str | None:
        """One line for ops.loads.message and the run's exit: why it failed or what was held."""
        if self.decision == "fail":
            return "; ".join(self.reasons)
        if self.decision == "held":
            return "; ".join(self.held_sources[s] for s in sorted(self.held_sources))
        return None


# --------------------------------------------------------------------------- suite files


def load_gate_config(directory: Path) -> GateConfig:
    """Read `gate.json` (optional: defaults otherwise).

    Each per-source threshold is written as `{"value": ..., "why": "..."}` under `sources`, so
    its reason sits next to it.
    """
    path = Path(directory) / GATE_CONFIG_FILE
    raw: dict[str, Any] = _read_json(path) if path.exists() else {}
    if not isinstance(raw, dict):
        raise SuiteError(path, "", "expected a JSON object at the top level")
    unknown = set(raw) - {
        "description",
        "why",
        "sample_size",
        "batch_documents",
        "documents_query",
        "refused_query",
        "sources",
    }
    if unknown:
        raise SuiteError(path, "", f"unknown field(s) {sorted(unknown)}")
    sample_size = raw.get("sample_size", DEFAULT_SAMPLE_SIZE)
    if not isinstance(sample_size, int) or isinstance(sample_size, bool) or sample_size < 0:
        raise SuiteError(path, "sample_size", f"expected an integer >= 0, got {sample_size!r}")
    batch_documents = raw.get("batch_documents", DEFAULT_BATCH_DOCUMENTS)
    if (
        not isinstance(batch_documents, int)
        or isinstance(batch_documents, bool)
        or batch_documents < 1
    ):
        raise SuiteError(
            path, "batch_documents", f"expected an integer >= 1, got {batch_documents!r}"
        )
    documents_query = _query_text(
        path, "documents_query", raw.get("documents_query", DEFAULT_DOCUMENTS_QUERY)
    )
    refused_query = _query_text(
        path, "refused_query", raw.get("refused_query", DEFAULT_REFUSED_QUERY)
    )
    return GateConfig(
        min(sample_size, DEFAULT_SAMPLE_SIZE),
        documents_query,
        refused_query,
        _source_config(path, raw.get("sources", {})),
        path,
        batch_documents,
    )


def _source_config(path: Path, raw: Any) -> SourceGateConfig:
    if not isinstance(raw, dict):
        raise SuiteError(path, "sources", "expected an object of thresholds")
    known = {f.name: f for f in fields(SourceGateConfig)}
    unknown = set(raw) - set(known)
    if unknown:
        raise SuiteError(
            path, "sources", f"unknown threshold(s) {sorted(unknown)}; known: {sorted(known)}"
        )
    values: dict[str, Any] = {}
    for name, entry in raw.items():
        where = f"sources.{name}"
        if not isinstance(entry, dict) or set(entry) != {"value", "why"}:
            raise SuiteError(path, where, 'expected {"value": ..., "why": "..."}')
        if not isinstance(entry["why"], str) or not entry["why"].strip():
            raise SuiteError(path, f"{where}.why", "expected a sentence saying why this value")
        value = entry["value"]
        integral = known[name].type in ("int", int)
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or (integral and not isinstance(value, int))
            or value < 0
        ):
            kind = "an integer" if integral else "a number"
            raise SuiteError(path, f"{where}.value", f"expected {kind} >= 0, got {value!r}")
        values[name] = value
    config = SourceGateConfig(**values)
    for name in ("prior_share", "alpha", "floor_share", "margin"):
        _check_share(path, f"sources.{name}.value", getattr(config, name))
    if not 0 < config.prior_share < 1 or config.prior_weight <= 0:
        raise SuiteError(
            path, "sources", "prior_share must be strictly between 0 and 1, prior_weight > 0"
        )
    return config


def load_suites(directory: Path) -> list[Suite]:
    """Parse and check every suite file in `directory` (all *.json except gate.json)."""
    directory = Path(directory)
    if not directory.is_dir():
        raise SuiteError(directory, "", "expectations directory not found")
    suites: list[Suite] = []
    seen: dict[str, Path] = {}
    for path in sorted(directory.glob("*.json")):
        if path.name == GATE_CONFIG_FILE:
            continue
        suite = _parse_suite(path, _read_json(path))
        if suite.name in seen:
            raise SuiteError(
                path, "name", f"suite {suite.name!r} is also defined in {seen[suite.name]}"
            )
        seen[suite.name] = path
        suites.append(suite)
    if not suites:
        raise SuiteError(directory, "", "no suite files (*.json) found")
    return suites


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as err:
        raise SuiteError(
            path, f"line {err.lineno} column {err.colno}", f"invalid JSON: {err.msg}"
        ) from None
    except UnicodeDecodeError as err:
        raise SuiteError(path, "", f"not UTF-8: {err}") from None


def _parse_suite(path: Path, raw: Any) -> Suite:
    if not isinstance(raw, dict):
        raise SuiteError(path, "", "expected a JSON object at the top level")
    name = raw.get("name")
    if not isinstance(name, str) or not _NAME.match(name):
        raise SuiteError(path, "name", f"expected a suite name such as 'articles', got {name!r}")
    query = _query_text(path, "query", raw.get("query"))
    keys = raw.get("key_columns")
    if not isinstance(keys, list) or not keys or not all(isinstance(k, str) and k for k in keys):
        raise SuiteError(
            path, "key_columns", f"expected a non-empty list of column names, got {keys!r}"
        )
    if "document_id" not in keys:
        raise SuiteError(
            path, "key_columns", "must include 'document_id' so failures map to documents"
        )
    items = raw.get("expectations")
    if not isinstance(items, list) or not items:
        raise SuiteError(path, "expectations", "expected a non-empty list")
    description = raw.get("description", "")
    if not isinstance(description, str):
        raise SuiteError(path, "description", "expected a string")
    rejects = raw.get("rejects")
    if rejects not in REJECTS:
        raise SuiteError(
            path,
            "rejects",
            f"expected one of {REJECTS} (what a failing row quarantines), got {rejects!r}",
        )
    if rejects == "article" and "article_id" not in keys:
        raise SuiteError(
            path, "key_columns", "must include 'article_id' when the suite rejects articles"
        )
    unknown = set(raw) - {"name", "description", "query", "key_columns", "rejects", "expectations"}
    if unknown:
        raise SuiteError(path, "", f"unknown field(s) {sorted(unknown)}")

    specs: list[ExpectationSpec] = []
    names: set[str] = set()
    for i, item in enumerate(items):
        spec = _parse_expectation(path, f"expectations[{i}]", name, item)
        if spec.name in names:
            raise SuiteError(
                path,
                f"expectations[{i}]",
                f"duplicate expectation name {spec.name!r}; give one of them a distinct meta.name",
            )
        names.add(spec.name)
        specs.append(spec)
    return Suite(name, path, query, tuple(keys), tuple(specs), description, rejects)


def _parse_expectation(path: Path, where: str, suite: str, item: Any) -> ExpectationSpec:
    if not isinstance(item, dict):
        raise SuiteError(path, where, "expected an object with type, kwargs and meta")
    unknown = set(item) - {"type", "kwargs", "meta", "mostly"}
    if unknown:
        raise SuiteError(path, where, f"unknown field(s) {sorted(unknown)}")
    etype = item.get("type")
    if not isinstance(etype, str) or not re.fullmatch(r"expect_[a-z0-9_]+", etype):
        raise SuiteError(path, f"{where}.type", f"expected a GX expectation type, got {etype!r}")
    kwargs = item.get("kwargs", {})
    if not isinstance(kwargs, dict):
        raise SuiteError(path, f"{where}.kwargs", "expected an object")
    kwargs = dict(kwargs)
    if "mostly" in item:
        kwargs["mostly"] = item["mostly"]
    if "mostly" in kwargs:
        _check_share(path, f"{where}.mostly", kwargs["mostly"])
    meta = item.get("meta")
    if not isinstance(meta, dict):
        raise SuiteError(path, f"{where}.meta", "expected an object with severity, scope and why")
    severity = meta.get("severity")
    if severity not in SEVERITIES:
        raise SuiteError(
            path, f"{where}.meta.severity", f"expected one of {SEVERITIES}, got {severity!r}"
        )
    scope = meta.get("scope")
    if scope not in SCOPES:
        raise SuiteError(path, f"{where}.meta.scope", f"expected one of {SCOPES}, got {scope!r}")
    why = meta.get("why")
    if not isinstance(why, str) or not why.strip():
        raise SuiteError(
            path, f"{where}.meta.why", "expected a sentence saying why this check exists"
        )
    short = meta.get("name")
    if short is None:
        column = _column_of(kwargs)
        short = f"{etype}({column})" if column else etype
    elif not isinstance(short, str) or not _NAME.match(short):
        raise SuiteError(
            path, f"{where}.meta.name", f"expected letters, digits, _ . ( ) -, got {short!r}"
        )
    return ExpectationSpec(
        f"{suite}.{short}", etype, kwargs, severity, scope, why.strip(), dict(meta)
    )


def _query_text(path: Path, where: str, query: Any) -> str:
    """A query is a SQL string or, for readable JSON, a list of lines."""
    if isinstance(query, list) and all(isinstance(line, str) for line in query):
        query = "\n".join(query)
    if not isinstance(query, str) or not query.strip():
        raise SuiteError(path, where, "expected a SQL string or a list of SQL lines")
    if not _LOAD_ID_PARAM.search(query):
        raise SuiteError(path, where, "must filter to the load with the named parameter $load_id")
    return query


def _check_share(path: Path, where: str, value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        raise SuiteError(path, where, f"expected a number between 0 and 1, got {value!r}")


def _column_of(kwargs: Mapping[str, Any]) -> str | None:
    if isinstance(kwargs.get("column"), str):
        return kwargs["column"]
    if isinstance(kwargs.get("column_list"), list):
        return ",".join(str(c) for c in kwargs["column_list"])
    if "column_A" in kwargs and "column_B" in kwargs:
        return f"{kwargs['column_A']},{kwargs['column_B']}"
    return None


# --------------------------------------------------------------------------- the gate


def run_gate(
    con: duckdb.DuckDBPyConnection,
    load_id: str,
    directory: Path,
    history: Mapping[str, list[SourceCounts]] | None = None,
) -> GateReport:
    """Validate the staging rows of `load_id` against every suite in `directory`, then judge
    each source against its history.

    `history` maps a source to its recent loads, newest first; None reads it from
    ops.source_stats on `con` (`source_history`). A load with nothing staged and nothing
    refused publishes nothing and is not a failure (re-runs are no-ops).
    """
    directory = Path(directory)
    config = load_gate_config(directory)
    suites = load_suites(directory)

    params = {"load_id": load_id}
    documents = _staged_documents(con, config, params)
    refused = _refused_per_source(con, config, params)
    report = GateReport(load_id, "publish", len(documents), {}, [], [])
    report.refused = sum(refused.values())

    if documents:
        ranges = document_ranges(documents, config.batch_documents)
        validator = _Validator(config.sample_size)
        for suite in suites:
            started = time.perf_counter()
            report.results += _run_suite(con, suite, params, ranges, validator, config.sample_size)
            report.suite_seconds[suite.name] = time.perf_counter() - started

    _reject(report, {d: n for d, (_, n) in documents.items()})
    current = _source_counts(documents, refused, report.rejected)
    if history is None:
        history = source_history(con, list(current), config.sources.history_loads)
    report.sources = decide_sources(current, history, config.sources)
    _decide(report, {d: s for d, (s, _) in documents.items()})
    return report


def _staged_documents(
    con: duckdb.DuckDBPyConnection, config: GateConfig, params: dict
) -> dict[str, tuple[str, int]]:
    """document_id -> (source, articles staged) for the load."""
    rows = _config_query(con, config, "documents_query", params)
    return {str(d): (str(s), int(n or 0)) for d, s, n, *_ in rows}


def _refused_per_source(
    con: duckdb.DuckDBPyConnection, config: GateConfig, params: dict
) -> dict[str, int]:
    rows = _config_query(con, config, "refused_query", params)
    return {str(s): int(n) for s, n, *_ in rows if n}


def _config_query(
    con: duckdb.DuckDBPyConnection, config: GateConfig, field: str, params: dict
) -> list[tuple]:
    """Run one of gate.json's queries; a broken one is reported against gate.json."""
    try:
        return con.execute(getattr(config, field), params).fetchall()
    except Exception as err:
        raise SuiteError(config.path or Path(GATE_CONFIG_FILE), field, f"DuckDB: {err}") from err


def _source_counts(
    documents: Mapping[str, tuple[str, int]],
    refused: Mapping[str, int],
    rejected: Collection[str],
) -> dict[str, SourceCounts]:
    """Every document of the load counted once per source: staged or refused, and rejected
    when refused before the gate or rejected by it."""
    staged: dict[str, int] = dict.fromkeys(refused, 0)
    bad: dict[str, int] = dict(refused)
    for document_id, (source, _) in documents.items():
        staged[source] = staged.get(source, 0) + 1
        if document_id in rejected:
            bad[source] = bad.get(source, 0) + 1
    return {s: SourceCounts(staged[s] + refused.get(s, 0), bad.get(s, 0)) for s in sorted(staged)}


def source_history(
    con: duckdb.DuckDBPyConnection,
    sources: Collection[str],
    k: int,
    table: str = SOURCE_STATS_TABLE,
) -> dict[str, list[SourceCounts]]:
    """The last `k` loads of each source that were not held, newest first (ops.source_stats).

    Held loads are left out: a broken batch must not teach the gate that broken is normal.
    """
    if not sources or k <= 0:
        return {}
    rows = con.execute(
        f"""
        SELECT source, documents, rejected FROM (
            SELECT source, documents, rejected,
                   row_number() OVER (PARTITION BY source
                                      ORDER BY decided_at DESC, load_id DESC) AS recency
            FROM {table}
            WHERE NOT held AND list_contains($sources, source))
        WHERE recency <= $k
        ORDER BY source, recency""",
        {"sources": sorted(sources), "k": k},
    ).fetchall()
    history: dict[str, list[SourceCounts]] = {}
    for source, documents, rejected in rows:
        history.setdefault(source, []).append(SourceCounts(int(documents), int(rejected)))
    return history


def document_ranges(
    document_ids: Iterable[str], batch_documents: int
) -> list[tuple[str | None, str | None]]:
    """[from, to) ranges of document_id holding `batch_documents` staged documents each.

    The first range is open below (and takes rows whose document_id is NULL), the last open
    above, so every row of every suite's query falls in exactly one range, even a row whose
    document is not staged (an orphan the referential checks must still see). One range
    (None, None) means: validate each suite as one frame.
    """
    cuts = sorted(document_ids)[batch_documents::batch_documents]
    edges: list[str | None] = [None, *cuts, None]
    return list(zip(edges[:-1], edges[1:], strict=True))


def batch_split(spec: ExpectationSpec) -> str:
    """How an expectation is validated when a load comes in several batches: "documents"
    (row-local: any partition of the rows is exact), "values" (by a hash of the values it
    compares) or "whole" (once, on the whole load's rows of the columns it reads)."""
    if spec.type in ROW_LOCAL_TYPES:
        return "documents"
    if spec.type in SAME_VALUE_TYPES and _named_columns(spec.kwargs):
        return "values"
    return "whole"


@dataclass(frozen=True)
class _Pass:
    """Expectations of one suite validated together, frame by frame, on one split of its rows."""

    expectations: tuple[tuple[ExpectationSpec, Any, bool], ...]  # (spec, GX object, is_map)
    split: str  # documents | values | whole
    columns: tuple[str, ...] | None = None  # None: all of the query's columns
    values: tuple[str, ...] = ()  # "values": the columns whose hash picks a row's batch
    no_rows: bool = False  # "whole": only the column names are read


def _passes(
    suite: Suite,
    expectations: list[tuple[ExpectationSpec, Any, bool]],
    columns: Collection[str],
    batches: int,
) -> list[_Pass]:
    """Group a suite's expectations by how they are batched (see the module docstring)."""
    if batches <= 1:
        return [_Pass(tuple(expectations), "whole")]
    by_documents = [e for e in expectations if batch_split(e[0]) == "documents"]
    passes = [_Pass(tuple(by_documents), "documents")] if by_documents else []
    whole: dict[tuple[tuple[str, ...] | None, bool], list] = {}
    for item in expectations:
        spec, _, is_map = item
        split = batch_split(spec)
        if split == "documents":
            continue
        named = tuple(c for c in _named_columns(spec.kwargs) if c in columns)
        # a row_condition may name any column; the key columns name failing rows
        narrow = "row_condition" not in spec.kwargs
        keys = suite.key_columns if is_map else ()
        wanted = _unique((*keys, *named)) if narrow else None
        if split == "values":
            passes.append(_Pass((item,), "values", wanted, named))
        elif spec.type in COLUMN_NAME_TYPES:
            whole.setdefault((None, True), []).append(item)
        elif spec.type in ROW_COUNT_TYPES and narrow:
            whole.setdefault((("document_id",), False), []).append(item)
        else:
            # no exact batching is known for this type (aggregates such as a mean, the order
            # of rows, types of columns): it sees the whole load, on the columns it names
            whole.setdefault((wanted if named or not narrow else None, False), []).append(item)
    for (wanted, no_rows), items in whole.items():
        passes.append(_Pass(tuple(items), "whole", wanted, no_rows=no_rows))
    return passes


def _named_columns(kwargs: Mapping[str, Any]) -> tuple[str, ...]:
    """The columns an expectation's kwargs name (column, column_A/B, column_list)."""
    names: list[str] = []
    for key in ("column", "column_A", "column_B"):
        if isinstance(kwargs.get(key), str):
            names.append(kwargs[key])
    if isinstance(kwargs.get("column_list"), list):
        names += [c for c in kwargs["column_list"] if isinstance(c, str)]
    return _unique(names)


def _unique(names: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(names))


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _pass_queries(
    suite: Suite,
    p: _Pass,
    ranges: list[tuple[str | None, str | None]],
    params: dict,
    rows: str | None = None,
) -> Iterator[tuple[str, dict]]:
    """The SQL (and parameters) of each frame of a pass: a selection from `rows` (a table
    holding the suite's query result) or else from the suite's query, wrapped."""
    if p.split == "whole" and p.columns is None and not p.no_rows and rows is None:
        yield suite.query, params  # the unbatched gate: the query as written
        return
    if rows is None:
        source = f"(\n{suite.query.rstrip().rstrip(';')}\n)"
    else:
        source, params = rows, {}
    select = "*" if p.columns is None else ", ".join(f"q.{_quote(c)}" for c in p.columns)
    wrapped = f"SELECT {select} FROM {source} q"
    if p.split == "whole":
        yield wrapped + (" LIMIT 0" if p.no_rows else ""), params
    elif p.split == "values":
        hashed = ", ".join(f"q.{_quote(c)}" for c in p.values)
        for part in range(len(ranges)):
            yield f"{wrapped} WHERE hash({hashed}) % {len(ranges)} = {part}", params
    else:
        for start, end in ranges:
            where, bounds = [], {}
            if start is not None:
                where.append(f"q.document_id >= ${_BATCH_FROM}")
                bounds[_BATCH_FROM] = start
            if end is not None:
                below = f"q.document_id < ${_BATCH_TO}"
                where.append(below if start is not None else f"({below} OR q.document_id IS NULL)")
                bounds[_BATCH_TO] = end
            yield f"{wrapped} WHERE {' AND '.join(where) or 'true'}", {**params, **bounds}


def _frames(
    con: duckdb.DuckDBPyConnection, suite: Suite, queries: Iterable[tuple[str, dict]]
) -> Iterator[pd.DataFrame]:
    """The frames that have rows, one at a time; the last empty one when none has any (GX
    then sees an empty result, as it would unbatched)."""
    empty, seen_rows = None, False
    for sql, params in queries:
        frame = _fetch(con, suite, sql, params)
        if len(frame):
            seen_rows = True
            yield frame
        elif empty is None:
            empty = frame
        del frame
    if not seen_rows and empty is not None:
        yield empty


def _fetch(con: duckdb.DuckDBPyConnection, suite: Suite, sql: str, params: dict) -> pd.DataFrame:
    try:
        frame = con.execute(sql, params).df()
    except Exception as err:  # a broken query is a suite bug: name the file
        raise SuiteError(suite.path, "query", f"DuckDB could not run it: {err}") from err
    return frame.reset_index(drop=True)


def _query_columns(con: duckdb.DuckDBPyConnection, suite: Suite, params: dict) -> list[str]:
    """The columns of a suite's query (an empty result), checked against its key_columns."""
    inner = suite.query.rstrip().rstrip(";")
    try:
        description = con.execute(f"SELECT * FROM (\n{inner}\n) q LIMIT 0", params).description
    except Exception as err:
        raise SuiteError(suite.path, "query", f"DuckDB could not run it: {err}") from err
    columns = [d[0] for d in description]
    missing = [k for k in suite.key_columns if k not in columns]
    if missing:
        raise SuiteError(
            suite.path, "key_columns", f"{missing} are not columns of the query result"
        )
    return columns


def _materialize(con: duckdb.DuckDBPyConnection, suite: Suite, params: dict) -> str:
    """Run the suite's query once into a temporary table that the batches select from.

    Its joins, windows and regular expressions then run once, not once per batch (each
    batch would otherwise scan the whole load again); the table lives in DuckDB's buffer
    pool, which is bounded by its memory_limit and spills to disk, and is far more compact
    than the pandas frame of the whole load.
    """
    name = "temp.main.zhnews_gate_suite_rows"
    try:
        con.execute(
            f"CREATE OR REPLACE TEMP TABLE zhnews_gate_suite_rows AS\n"
            f"{suite.query.rstrip().rstrip(';')}",
            params,
        )
    except Exception as err:
        raise SuiteError(suite.path, "query", f"DuckDB could not run it: {err}") from err
    return name


def _run_suite(
    con: duckdb.DuckDBPyConnection,
    suite: Suite,
    params: dict,
    ranges: list[tuple[str | None, str | None]],
    validator: _Validator,
    sample_size: int,
) -> list[ExpectationResult]:
    """Validate one suite, pass by pass and frame by frame; one result per expectation, in
    the suite's order. Only one frame is held at a time."""
    expectations = validator.expectations(suite)
    columns = _query_columns(con, suite, params)
    outcomes: dict[str, list[_Outcome]] = {spec.name: [] for spec in suite.expectations}
    rows = _materialize(con, suite, params) if len(ranges) > 1 else None
    try:
        for index, p in enumerate(_passes(suite, expectations, columns, len(ranges))):
            queries = _pass_queries(suite, p, ranges, params, rows)
            for frame in _frames(con, suite, queries):
                for spec, gx_result, is_map in validator.validate(suite, index, p, frame):
                    outcomes[spec.name].append(
                        _outcome(suite, spec, gx_result, is_map, frame, sample_size)
                    )
                del frame
    finally:
        if rows is not None:
            con.execute(f"DROP TABLE IF EXISTS {rows}")
    maps = {spec.name: is_map for spec, _, is_map in expectations}
    return [
        _merge(suite, spec, maps[spec.name], outcomes[spec.name], sample_size)
        for spec in suite.expectations
    ]


def warm_up(directory: Path, sample_size: int = 5) -> None:
    """Run every suite of `directory` once on a row of nulls, to no effect: the first
    validation in a process pays ~2.4 s that later ones do not (GX's lazy imports, metric
    registration, the pandas execution engine). A process that keeps its gate warm between
    loads (`zhnews watch`) pays it before the first file lands, not in its load."""
    validator = _Validator(sample_size)
    for suite in load_suites(directory):
        validator.warm(suite)


def _no_frame_fingerprints() -> None:
    """GX's pandas engine hashes every frame it is given below 1 GB (`HASH_THRESHOLD`) for a
    "pandas_data_fingerprint" batch marker: metadata only (a batch's id is its datasource,
    asset and options, not this hash), and on a 100,000-document load ~2 s of the gate's
    ~10 s. The threshold is a module constant of the pinned GX (uv.lock); the gate sets it to
    0 (tests/test_gate_rules.py fails if GX stops reading it)."""
    from great_expectations.execution_engine import pandas_execution_engine

    pandas_execution_engine.HASH_THRESHOLD = 0


class _Validator:
    """One ephemeral GX context for the whole gate; a data asset per pass of a suite."""

    def __init__(self, sample_size: int):
        os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
        import great_expectations as gx
        from great_expectations.data_context.types.base import ProgressBarsConfig

        self._gx = gx
        _no_frame_fingerprints()
        context = gx.get_context(mode="ephemeral")
        context.config.analytics_enabled = False  # 1.24 ships no telemetry client
        context.variables.progress_bars = ProgressBarsConfig(
            globally=False, metric_calculations=False
        )
        self._source = context.data_sources.add_pandas("staging")
        self._batches: dict[str, tuple[Any, Any]] = {}  # asset name -> (definition, suite)
        # Keyless positional indices: GX looks up `unexpected_index_column_names` row by row
        # (~0.1 ms per failing row), so we map positions to keys ourselves, vectorised.
        self._result_format = {
            "result_format": "COMPLETE",
            "return_unexpected_index_query": False,
            "partial_unexpected_count": max(sample_size, 1),
        }

    def expectations(self, suite: Suite) -> list[tuple[ExpectationSpec, Any, bool]]:
        """(spec, GX expectation, is_map) per expectation; a row-scoped aggregate is refused."""
        from great_expectations.expectations.expectation import (
            ColumnMapExpectation,
            ColumnPairMapExpectation,
            MulticolumnMapExpectation,
        )
        from great_expectations.expectations.expectation_configuration import (
            ExpectationConfiguration,
        )

        map_types = (ColumnMapExpectation, ColumnPairMapExpectation, MulticolumnMapExpectation)
        out = []
        for i, spec in enumerate(suite.expectations):
            try:
                expectation = ExpectationConfiguration(
                    type=spec.type, kwargs=spec.kwargs, meta={**spec.meta, "gate_name": spec.name}
                ).to_domain_obj()
            except Exception as err:
                raise SuiteError(
                    suite.path, f"expectations[{i}]", f"GX rejected {spec.type}: {err}"
                ) from err
            is_map = isinstance(expectation, map_types)
            if spec.scope == "row" and not is_map:
                raise SuiteError(
                    suite.path,
                    f"expectations[{i}].meta.scope",
                    f"{spec.type} checks the table as a whole and cannot name failing rows; "
                    "use scope 'table'",
                )
            out.append((spec, expectation, is_map))
        return out

    def warm(self, suite: Suite) -> None:
        """Validate the suite's expectations once on a one-row frame of nulls, results
        dropped: see `warm_up`."""
        import pandas as pd

        expectations = self.expectations(suite)
        columns = sorted({c for spec, _, _ in expectations for c in _named_columns(spec.kwargs)})
        frame = pd.DataFrame({c: [None] for c in columns or ["_"]})
        name = f"warm-up.{suite.name}"
        asset = self._source.add_dataframe_asset(name)
        batch = asset.add_batch_definition_whole_dataframe("load").get_batch(
            batch_parameters={"dataframe": frame}
        )
        gx_suite = self._gx.ExpectationSuite(
            name=name, expectations=[e for _, e, _ in expectations]
        )
        batch.validate(gx_suite, result_format=self._result_format)

    def validate(
        self, suite: Suite, index: int, p: _Pass, frame: pd.DataFrame
    ) -> list[tuple[ExpectationSpec, Any, bool]]:
        """GX's result of each expectation of pass `index` of `suite` on `frame`."""
        name = f"{suite.name}.{index}"
        if name not in self._batches:
            asset = self._source.add_dataframe_asset(name)
            self._batches[name] = (
                asset.add_batch_definition_whole_dataframe("load"),
                self._gx.ExpectationSuite(
                    name=name, expectations=[e for _, e, _ in p.expectations]
                ),
            )
        definition, gx_suite = self._batches[name]
        batch = definition.get_batch(batch_parameters={"dataframe": frame})
        validation = batch.validate(gx_suite, result_format=self._result_format)
        by_name = {spec.name: (spec, is_map) for spec, _, is_map in p.expectations}
        out = []
        for gx_result in validation.results:
            spec, is_map = by_name[gx_result.expectation_config.meta["gate_name"]]
            out.append((spec, gx_result, is_map))
        return out


@dataclass
class _Outcome:
    """One expectation on one frame, reduced to what adds up across frames."""

    success: bool
    error: str | None
    observed: str | None
    element_count: int
    considered: int  # rows GX judged: all of them, or the non-null ones (GX's `mostly` base)
    unexpected_count: int | None
    documents: list[str]  # of failing rows (also when `mostly` let this frame pass)
    articles: list[tuple[str, str | None]]
    first_failing: pd.DataFrame | None  # the failing rows that sort first, for the sample


def _outcome(
    suite: Suite,
    spec: ExpectationSpec,
    gx_result: Any,
    is_map: bool,
    frame: pd.DataFrame,
    sample_size: int,
) -> _Outcome:
    details: dict[str, Any] = dict(gx_result.result or {})
    error = _exception_message(gx_result.exception_info)
    unexpected_count = details.get("unexpected_count")
    element_count = int(details.get("element_count") or 0)
    observed: str | None
    if "observed_value" in details:
        observed = _text(details["observed_value"])
    elif is_map and "element_count" in details:
        observed = f"{unexpected_count} of {details['element_count']} rows unexpected"
    else:
        observed = None
    documents: list[str] = []
    articles: list[tuple[str, str | None]] = []
    first = None
    positions = details.get("unexpected_index_list")
    if is_map and positions:
        failing = frame.take(positions)
        documents = [str(d) for d in failing["document_id"].drop_duplicates().tolist()]
        if suite.rejects == "article":
            pairs = failing[["document_id", "article_id"]].drop_duplicates()
            articles = [
                (str(d), None if _is_missing(a) else str(a))
                for d, a in pairs.itertuples(index=False, name=None)
            ]
        first = _first_failing(failing, suite.key_columns, spec.column, sample_size)
    return _Outcome(
        success=bool(gx_result.success) and error is None,
        error=error,
        observed=observed,
        element_count=element_count,
        considered=element_count - int(details.get("missing_count") or 0),
        unexpected_count=None if unexpected_count is None else int(unexpected_count),
        documents=documents,
        articles=articles,
        first_failing=first,
    )


def _first_failing(
    rows: pd.DataFrame, keys: tuple[str, ...], column: str | None, n: int
) -> pd.DataFrame:
    """The `n` failing rows first in key order (ties by the shown value): the sample is then
    the same rows whichever batches they came from, and whatever order DuckDB returned."""
    shown = column if column in rows.columns and column not in keys else None
    slim = rows[[*keys, shown] if shown else list(keys)].copy()
    slim["_order"] = slim[shown].map(str) if shown else ""
    return slim.sort_values([*keys, "_order"], kind="stable").head(n)


def _merge(
    suite: Suite, spec: ExpectationSpec, is_map: bool, outcomes: list[_Outcome], sample_size: int
) -> ExpectationResult:
    """One expectation's result over all the frames it was validated on."""
    error = next((o.error for o in outcomes if o.error is not None), None)
    counts = [o.unexpected_count for o in outcomes if o.unexpected_count is not None]
    unexpected_count = sum(counts) if counts else None
    if len(outcomes) == 1 or not is_map:
        success = all(o.success for o in outcomes)
        observed = outcomes[0].observed if outcomes else None
    else:  # GX's own rule, on the sums: the unexpected share of the rows it judged
        elements = sum(o.element_count for o in outcomes)
        considered = sum(o.considered for o in outcomes)
        mostly = float(spec.kwargs.get("mostly", 1.0))
        success = error is None and (
            considered == 0
            or (float(considered) - float(unexpected_count or 0)) / float(considered) >= mostly
        )
        observed = f"{unexpected_count} of {elements} rows unexpected"

    sample: list[str] = []
    failed_documents: list[str] = []
    failed_articles: list[tuple[str, str | None]] = []
    if is_map and not success:
        failed_documents = sorted({d for o in outcomes for d in o.documents})
        failed_articles = sorted(
            {a for o in outcomes for a in o.articles},
            key=lambda a: (a[0], a[1] is not None, a[1] or ""),
        )
        firsts = [o.first_failing for o in outcomes if o.first_failing is not None]
        if firsts:
            import pandas as pd

            rows = pd.concat(firsts, ignore_index=True) if len(firsts) > 1 else firsts[0]
            rows = rows.sort_values([*suite.key_columns, "_order"], kind="stable")
            sample = _sample(rows.head(sample_size), suite.key_columns, spec.column)
    elif not is_map and not success and observed is not None:
        sample = [observed]
    return ExpectationResult(
        suite=suite.name,
        expectation=spec.name,
        column=spec.column,
        severity=spec.severity,
        scope=spec.scope,
        success=success,
        unexpected_count=unexpected_count,
        unexpected_sample=sample,
        observed_value=observed if error is None else f"error: {error}",
        failed_document_ids=failed_documents,
        error=error,
        rejects=suite.rejects,
        failed_articles=failed_articles,
    )


def _sample(rows: pd.DataFrame, keys: tuple[str, ...], column: str | None) -> list[str]:
    """'document_id=…, article_id=…: <value>' per failing row; booleans and nulls say nothing."""
    shown_value = column if column in rows.columns and column not in keys else None
    out = []
    for record in rows.to_dict("records"):
        text = ", ".join(f"{k}={record[k]}" for k in keys)
        value = record.get(shown_value) if shown_value else None
        if not _is_missing(value) and type(value).__name__ not in ("bool", "bool_"):
            text += f": {_text(value)[:_SAMPLE_VALUE_CHARS]}"
        out.append(text)
    return out


def _reject(report: GateReport, articles_per_document: Mapping[str, int]) -> None:
    """Turn failed critical expectations into rejected documents and articles, or reasons to
    fail the load. A document whose staged articles are all rejected is rejected whole."""
    articles: dict[str, dict[str, list[str]]] = {}
    for result in report.results:
        if result.success or result.severity != "critical":
            continue
        if result.scope == "table":
            report.reasons.append(
                f"table-level critical expectation {result.expectation} failed"
                f" (observed: {result.observed_value})"
            )
        elif result.error is not None or not result.failed_document_ids:
            report.reasons.append(
                f"row-level critical expectation {result.expectation} failed without naming"
                f" documents ({result.observed_value})"
            )
        elif result.rejects == "article":
            for document_id, article_id in result.failed_articles:
                if article_id is None:  # no article to blame: the document goes
                    _add(report.rejected.setdefault(document_id, []), result.expectation)
                else:
                    names = articles.setdefault(document_id, {}).setdefault(article_id, [])
                    _add(names, result.expectation)
        else:
            for document_id in result.failed_document_ids:
                _add(report.rejected.setdefault(document_id, []), result.expectation)
    for document_id, by_article in articles.items():
        if document_id in report.rejected:
            continue
        if len(by_article) >= articles_per_document.get(document_id, 0):
            names = report.rejected.setdefault(document_id, [])
            for article_names in by_article.values():
                for name in article_names:
                    _add(names, name)
        else:
            report.rejected_articles[document_id] = by_article


def _add(names: list[str], name: str) -> None:
    if name not in names:
        names.append(name)


def _decide(report: GateReport, document_sources: Mapping[str, str]) -> None:
    """Held sources keep their documents for a retry; the decision names the outcome."""
    report.held_sources = {s: d.message for s, d in report.sources.items() if d.held}
    if report.held_sources:
        report.held_documents = sorted(
            d
            for d, s in document_sources.items()
            if s in report.held_sources and d not in report.rejected
        )
        held = set(report.held_documents)
        report.rejected_articles = {
            d: a for d, a in report.rejected_articles.items() if d not in held
        }
    if report.reasons:
        report.decision = "fail"
    elif report.held_sources:
        report.decision = "held"
    elif report.rejected or report.rejected_articles or report.refused:
        report.decision = "partial"
    else:
        report.decision = "publish"


# --------------------------------------------------------------------------- sources


def decide_sources(
    current: Mapping[str, SourceCounts],
    history: Mapping[str, list[SourceCounts]],
    cfg: SourceGateConfig,
) -> dict[str, SourceDecision]:
    """Hold the sources whose rejected share is far above their own baseline.

    The baseline of a source is a Beta distribution over its rejection rate: the prior
    Beta(prior_share x prior_weight, (1 - prior_share) x prior_weight), updated with the
    documents and rejections of its last `history_loads` loads that were not held, whose
    weight is capped at `history_max_weight` documents (load-to-load variation is larger than
    binomial sampling). The number of rejections in this load is then Beta-binomial; a
    source is held when all of these hold:
    - at least `min_rejected` documents were rejected (one bad file is a file problem);
    - its share is at least `floor_share` and at least the baseline mean + `margin`;
    - that many rejections or more had probability below `alpha` under the baseline.
    `allowed_rejected` is the most rejections that pass all of them for this load's size.
    """
    decisions: dict[str, SourceDecision] = {}
    for source, now in sorted(current.items()):
        past = [h for h in history.get(source, []) if not h.held][: cfg.history_loads]
        seen = sum(h.documents for h in past)
        bad = sum(h.rejected for h in past)
        scale = min(1.0, cfg.history_max_weight / seen) if seen else 0.0
        a = cfg.prior_share * cfg.prior_weight + scale * bad
        b = (1 - cfg.prior_share) * cfg.prior_weight + scale * (seen - bad)
        baseline = a / (a + b)
        n, r = now.documents, now.rejected
        first_held = max(
            cfg.min_rejected,
            math.ceil(cfg.floor_share * n - 1e-9),
            math.ceil((baseline + cfg.margin) * n - 1e-9),
            _first_improbable_count(n, a, b, cfg.alpha),
            1,
        )
        allowed = min(n, first_held - 1)
        held = n > 0 and r > allowed
        tail = _beta_binomial_tail(r, n, a, b)
        decisions[source] = SourceDecision(
            source=source,
            documents=n,
            rejected=r,
            baseline_share=baseline,
            baseline_loads=len(past),
            baseline_documents=seen,
            allowed_rejected=allowed,
            tail_probability=tail,
            held=held,
            message=_source_message(source, n, r, baseline, len(past), seen, allowed, held),
        )
    return decisions


def _source_message(
    source: str, n: int, r: int, baseline: float, loads: int, seen: int, allowed: int, held: bool
) -> str:
    share = r / n if n else 0.0
    basis = (
        f"over its last {loads} load{'s' if loads != 1 else ''} ({seen} documents)"
        if loads
        else "(prior for a new source)"
    )
    verdict = "held" if held else "accepted"
    return (
        f"source {source!r} {verdict}: {r} of {n} documents rejected ({share:.1%});"
        f" baseline {baseline:.1%} {basis}, at most {allowed} of {n}"
        f" ({allowed / n if n else 0:.1%}) pass"
    )


def _log_beta_binomial(k: int, n: int, a: float, b: float) -> float:
    """log P(X = k) for X ~ BetaBinomial(n, a, b)."""
    lg = math.lgamma
    return (
        lg(n + 1)
        - lg(k + 1)
        - lg(n - k + 1)
        + lg(k + a)
        + lg(n - k + b)
        - lg(n + a + b)
        - lg(a)
        - lg(b)
        + lg(a + b)
    )


def _beta_binomial_tail(r: int, n: int, a: float, b: float) -> float:
    """P(X >= r); terms past the mean shrink fast, so the sum stops once they are negligible."""
    if r <= 0:
        return 1.0
    if r > n:
        return 0.0
    mean = n * a / (a + b)
    total = 0.0
    for k in range(r, n + 1):
        term = math.exp(_log_beta_binomial(k, n, a, b))
        total += term
        if k > mean and term < total * 1e-12:
            break
    return min(total, 1.0)


def _first_improbable_count(n: int, a: float, b: float, alpha: float) -> int:
    """The smallest r with P(X >= r) < alpha (n + 1 when no count is that improbable)."""
    total = 0.0
    log_term = _log_beta_binomial(n, n, a, b)
    for k in range(n, -1, -1):
        total += math.exp(log_term)
        if total >= alpha:
            return k + 1
        if k:  # P(k-1) / P(k) = k (n - k + b) / ((n - k + 1) (k - 1 + a))
            log_term += math.log(k * (n - k + b)) - math.log((n - k + 1) * (k - 1 + a))
    return 0


def _exception_message(info: Any) -> str | None:
    """GX reports either {raised_exception, exception_message} or {metric_id: {...}}."""
    if not isinstance(info, dict) or not info:
        return None
    entries = (
        [info] if "raised_exception" in info else [v for v in info.values() if isinstance(v, dict)]
    )
    messages = [str(e.get("exception_message")) for e in entries if e.get("raised_exception")]
    return "; ".join(messages) if messages else None


def _is_missing(value: Any) -> bool:
    if value is None or type(value).__name__ == "NAType":
        return True
    try:
        return bool(value != value)  # NaN, NaT, pd.NA
    except (TypeError, ValueError):
        return False


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and math.isfinite(value):
        return f"{value:.6g}"
    if hasattr(value, "item") and not isinstance(value, list | dict | str):
        try:
            return _text(value.item())
        except (TypeError, ValueError):
            pass
    return str(value)


# --------------------------------------------------------------------------- outputs


def render_markdown(report: GateReport) -> str:
    """The gate's verdict for a Prefect markdown artifact."""
    passed = sum(r.success for r in report.results)
    lines = [
        f"# Data-quality gate — load `{report.load_id}`: **{report.decision.upper()}**",
        "",
        f"- decision: **{report.decision}**",
        f"- documents checked: {report.documents_in}; refused before the gate: {report.refused}",
        f"- documents rejected: {len(report.rejected)}; articles rejected (siblings publish):"
        f" {report.articles_rejected}",
        f"- sources held: {len(report.held_sources)} of {len(report.sources)}"
        f" ({len(report.held_documents)} documents kept for `zhnews retry`)",
        f"- expectations passed: {passed} of {len(report.results)}",
    ]
    if report.reasons:
        lines += ["", "## Why the load failed", ""]
        lines += [f"- {_md(reason)}" for reason in report.reasons]
    if report.held_sources:
        lines += ["", "## Held sources", ""]
        lines += [f"- {_md(report.held_sources[s])}" for s in sorted(report.held_sources)]
    if report.sources:
        lines += [
            "",
            "## Sources",
            "",
            "| source | documents | rejected | share | baseline | history | allowed | decision |",
            "|---|---:|---:|---:|---:|---|---:|---|",
        ]
        for d in report.sources.values():
            history = (
                f"{d.baseline_loads} loads, {d.baseline_documents} docs"
                if d.baseline_loads
                else "new (prior)"
            )
            lines.append(
                f"| {_md(d.source)} | {d.documents} | {d.rejected} | {d.share:.1%}"
                f" | {d.baseline_share:.1%} | {history} | {d.allowed_rejected}"
                f" | {'**held**' if d.held else 'publish'} |"
            )
    failed = report.failed_expectations
    if failed:
        lines += [
            "",
            "## Failed expectations",
            "",
            "| suite | expectation | column | severity | scope | unexpected_count | sample |",
            "|---|---|---|---|---|---:|---|",
        ]
        for r in sorted(failed, key=lambda r: (r.severity != "critical", r.suite, r.expectation)):
            count = "" if r.unexpected_count is None else str(r.unexpected_count)
            sample = "<br>".join(_md(s) for s in r.unexpected_sample[:DEFAULT_SAMPLE_SIZE])
            lines.append(
                f"| {r.suite} | `{_md(r.expectation)}` | {_md(r.column or '')} | {r.severity}"
                f" | {r.scope} | {count} | {sample or _md(r.observed_value or '')} |"
            )
    if report.rejected:
        shown = sorted(report.rejected.items())[:50]
        lines += ["", "## Quarantined documents", "", "| document_id | rejected by |", "|---|---|"]
        lines += [f"| `{doc}` | {_md(', '.join(names))} |" for doc, names in shown]
        if len(report.rejected) > len(shown):
            lines.append(f"| … | {len(report.rejected) - len(shown)} more |")
    if report.rejected_articles:
        rows = [
            (doc, art, names)
            for doc, by_article in sorted(report.rejected_articles.items())
            for art, names in sorted(by_article.items())
        ]
        lines += [
            "",
            "## Quarantined articles (the rest of their documents publishes)",
            "",
            "| document_id | article_id | rejected by |",
            "|---|---|---|",
        ]
        lines += [f"| `{d}` | `{a}` | {_md(', '.join(n))} |" for d, a, n in rows[:50]]
        if len(rows) > 50:
            lines.append(f"| … | | {len(rows) - 50} more |")
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    """Table-cell safe: samples such as '<p>' or '&nbsp;' must show, not render."""
    text = str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace("|", "\\|").replace("\n", " ")


def dq_rows(report: GateReport) -> list[dict[str, Any]]:
    """Rows for ops.dq_results, one per expectation checked (passing ones too)."""
    return [
        {
            "load_id": report.load_id,
            "suite": r.suite,
            "expectation": r.expectation,
            "column_name": r.column,
            "severity": r.severity,
            "scope": r.scope,
            "success": r.success,
            "unexpected_count": r.unexpected_count,
            "unexpected_sample": list(r.unexpected_sample),
            "observed_value": r.observed_value,
        }
        for r in report.results
    ]


def source_rows(report: GateReport) -> list[dict[str, Any]]:
    """Rows for ops.source_stats, one per source of the load.

    None for a failed load: it published nothing, its documents come back in the next load
    and would otherwise count twice in the baseline.
    """
    if report.decision == "fail":
        return []
    return [
        {
            "load_id": report.load_id,
            "source": d.source,
            "documents": d.documents,
            "rejected": d.rejected,
            "held": d.held,
            "baseline_share": d.baseline_share,
            "allowed_rejected": d.allowed_rejected,
            "decided_at": report.decided_at,
        }
        for d in report.sources.values()
    ]
