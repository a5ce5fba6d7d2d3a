"""The data-quality gate: decide which documents of a load may be published.

Each JSON file in `expectations/` is one suite: a SQL `query` over the staging tables
(filtered to the load by `$load_id`, free to compute derived columns), the `key_columns` that
name a failing row (always including `document_id`) and a list of Great Expectations 1.x
expectation configurations whose `meta` says `severity` (critical|warning) and `scope`
(row|table). `expectations/gate.json` holds the global settings.

Decision rules:
- a failed critical row-scope expectation quarantines the documents of its failing rows;
- a failed critical table-scope expectation fails the whole load;
- so does a rejected share (rejected documents / documents in the load) above
  `max_rejected_share`;
- warnings are recorded and never block.

GX 1.24's SQL route cannot validate DuckDB, so each suite's query result is validated as a
pandas DataFrame in an ephemeral GX context. Great Expectations is imported only inside
`run_gate` because the import alone takes several seconds.
"""

from __future__ import annotations

import json
import math
import os
import re
import time
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import duckdb
    import pandas as pd

SEVERITIES = ("critical", "warning")
SCOPES = ("row", "table")
DECISIONS = ("publish", "partial", "fail")
GATE_CONFIG_FILE = "gate.json"
MAX_REJECTED_SHARE_ENV = "ZHNEWS_MAX_REJECTED_SHARE"
DEFAULT_MAX_REJECTED_SHARE = 0.05
DEFAULT_SAMPLE_SIZE = 10
DEFAULT_DOCUMENTS_QUERY = (
    "SELECT DISTINCT document_id FROM staging.documents WHERE load_id = $load_id"
)
_LOAD_ID_PARAM = re.compile(r"\$load_id\b")
_NAME = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.()\-]*$")
_SAMPLE_VALUE_CHARS = 60


class SuiteError(ValueError):
    """A suite or gate file that cannot be used; the message names the file and the field."""

    def __init__(self, path: Path, where: str, problem: str):
        super().__init__(f"{path}: {where}: {problem}" if where else f"{path}: {problem}")
        self.path = path
        self.where = where
        self.problem = problem


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


@dataclass(frozen=True)
class GateConfig:
    max_rejected_share: float = DEFAULT_MAX_REJECTED_SHARE
    sample_size: int = DEFAULT_SAMPLE_SIZE
    documents_query: str = DEFAULT_DOCUMENTS_QUERY  # the documents a load is made of
    path: Path | None = None


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
    failed_document_ids: list[str]
    error: str | None = None  # set when GX could not evaluate the expectation


@dataclass
class GateReport:
    load_id: str
    decision: str  # "publish" (nothing rejected), "partial" (some docs quarantined), "fail"
    documents_in: int
    rejected: dict[str, list[str]]  # document_id -> names of expectations that rejected it
    results: list[ExpectationResult]
    reasons: list[str]  # why a "fail" happened, human readable
    max_rejected_share: float = DEFAULT_MAX_REJECTED_SHARE
    suite_seconds: dict[str, float] = field(default_factory=dict)

    @property
    def failed_expectations(self) -> list[ExpectationResult]:
        return [r for r in self.results if not r.success]

    @property
    def rejected_share(self) -> float:
        return len(self.rejected) / self.documents_in if self.documents_in else 0.0

    @property
    def published(self) -> bool:
        return self.decision != "fail"


# --------------------------------------------------------------------------- suite files


def load_gate_config(directory: Path) -> GateConfig:
    """Read `gate.json` (optional); the env var ZHNEWS_MAX_REJECTED_SHARE overrides it."""
    path = Path(directory) / GATE_CONFIG_FILE
    raw: dict[str, Any] = _read_json(path) if path.exists() else {}
    if not isinstance(raw, dict):
        raise SuiteError(path, "", "expected a JSON object at the top level")
    unknown = set(raw) - {
        "description",
        "why",
        "max_rejected_share",
        "sample_size",
        "documents_query",
    }
    if unknown:
        raise SuiteError(path, "", f"unknown field(s) {sorted(unknown)}")
    share = raw.get("max_rejected_share", DEFAULT_MAX_REJECTED_SHARE)
    env_share = os.environ.get(MAX_REJECTED_SHARE_ENV)
    if env_share not in (None, ""):
        try:
            share = float(env_share)
        except ValueError:
            raise SuiteError(
                path, f"env {MAX_REJECTED_SHARE_ENV}", f"expected a number, got {env_share!r}"
            ) from None
    _check_share(path, "max_rejected_share", share)
    sample_size = raw.get("sample_size", DEFAULT_SAMPLE_SIZE)
    if not isinstance(sample_size, int) or isinstance(sample_size, bool) or sample_size < 0:
        raise SuiteError(path, "sample_size", f"expected an integer >= 0, got {sample_size!r}")
    documents_query = _query_text(
        path, "documents_query", raw.get("documents_query", DEFAULT_DOCUMENTS_QUERY)
    )
    return GateConfig(float(share), min(sample_size, DEFAULT_SAMPLE_SIZE), documents_query, path)


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
    unknown = set(raw) - {"name", "description", "query", "key_columns", "expectations"}
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
    return Suite(name, path, query, tuple(keys), tuple(specs), description)


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
    max_rejected_share: float | None = None,
) -> GateReport:
    """Validate the staging rows of `load_id` against every suite in `directory`.

    `max_rejected_share` overrides ZHNEWS_MAX_REJECTED_SHARE, which overrides gate.json.
    A load without documents publishes nothing and is not a failure (re-runs are no-ops).
    """
    directory = Path(directory)
    config = load_gate_config(directory)
    suites = load_suites(directory)
    limit = config.max_rejected_share if max_rejected_share is None else float(max_rejected_share)
    if not 0 <= limit <= 1:
        raise ValueError(f"max_rejected_share must be between 0 and 1, got {limit}")

    params = {"load_id": load_id}
    documents = [str(row[0]) for row in con.execute(config.documents_query, params).fetchall()]
    report = GateReport(load_id, "publish", len(documents), {}, [], [], limit)
    if not documents:
        return report

    def frames() -> Iterator[tuple[Suite, pd.DataFrame]]:
        """One suite's rows at a time, so only one frame is held in memory."""
        for suite in suites:
            started = time.perf_counter()
            try:
                frame = con.execute(suite.query, params).df()
            except Exception as err:  # a broken query is a suite bug: name the file
                raise SuiteError(suite.path, "query", f"DuckDB could not run it: {err}") from err
            missing = [k for k in suite.key_columns if k not in frame.columns]
            if missing:
                raise SuiteError(
                    suite.path, "key_columns", f"{missing} are not columns of the query result"
                )
            report.suite_seconds[suite.name] = time.perf_counter() - started
            yield suite, frame.reset_index(drop=True)

    for suite, frame, gx_results, seconds in _validate(frames(), config.sample_size):
        report.suite_seconds[suite.name] += seconds
        for spec, gx_result, is_map in gx_results:
            report.results.append(
                _to_result(suite, spec, gx_result, is_map, frame, config.sample_size)
            )

    _decide(report)
    return report


def _validate(
    frames: Iterable[tuple[Suite, pd.DataFrame]], sample_size: int
) -> Iterator[tuple[Suite, pd.DataFrame, list[tuple[ExpectationSpec, Any, bool]], float]]:
    """Run each suite on its frame in one ephemeral GX context."""
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig
    from great_expectations.expectations.expectation import (
        ColumnMapExpectation,
        ColumnPairMapExpectation,
        MulticolumnMapExpectation,
    )
    from great_expectations.expectations.expectation_configuration import (
        ExpectationConfiguration,
    )

    map_types = (ColumnMapExpectation, ColumnPairMapExpectation, MulticolumnMapExpectation)
    context = gx.get_context(mode="ephemeral")
    context.config.analytics_enabled = False  # 1.24 ships no telemetry client; belt and braces
    context.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
    source = context.data_sources.add_pandas("staging")
    # Keyless positional indices: GX looks up `unexpected_index_column_names` row by row
    # (~0.1 ms per failing row), so we map positions to keys ourselves, vectorised.
    result_format = {
        "result_format": "COMPLETE",
        "return_unexpected_index_query": False,
        "partial_unexpected_count": max(sample_size, 1),
    }

    for suite, frame in frames:
        started = time.perf_counter()
        by_name: dict[str, tuple[ExpectationSpec, bool]] = {}
        expectations = []
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
            by_name[spec.name] = (spec, is_map)
            expectations.append(expectation)

        asset = source.add_dataframe_asset(suite.name)
        batch = asset.add_batch_definition_whole_dataframe("load").get_batch(
            batch_parameters={"dataframe": frame}
        )
        validation = batch.validate(
            gx.ExpectationSuite(name=suite.name, expectations=expectations),
            result_format=result_format,
        )
        gx_results = []
        for gx_result in validation.results:
            spec, is_map = by_name[gx_result.expectation_config.meta["gate_name"]]
            gx_results.append((spec, gx_result, is_map))
        order = {spec.name: i for i, spec in enumerate(suite.expectations)}
        gx_results.sort(key=lambda item: order[item[0].name])
        yield suite, frame, gx_results, time.perf_counter() - started


def _to_result(
    suite: Suite,
    spec: ExpectationSpec,
    gx_result: Any,
    is_map: bool,
    frame: pd.DataFrame,
    sample_size: int,
) -> ExpectationResult:
    details: dict[str, Any] = dict(gx_result.result or {})
    error = _exception_message(gx_result.exception_info)
    success = bool(gx_result.success) and error is None
    unexpected_count = details.get("unexpected_count")
    observed: str | None
    if "observed_value" in details:
        observed = _text(details["observed_value"])
    elif is_map and "element_count" in details:
        observed = f"{unexpected_count} of {details['element_count']} rows unexpected"
    else:
        observed = None

    sample: list[str] = []
    failed_documents: list[str] = []
    positions = details.get("unexpected_index_list")
    if is_map and not success and positions:
        failing = frame.take(positions)
        failed_documents = [str(d) for d in failing["document_id"].drop_duplicates().tolist()]
        sample = _sample(failing.head(sample_size), suite.key_columns, spec.column)
    elif not is_map and not success and observed is not None:
        sample = [observed]
    return ExpectationResult(
        suite=suite.name,
        expectation=spec.name,
        column=spec.column,
        severity=spec.severity,
        scope=spec.scope,
        success=success,
        unexpected_count=int(unexpected_count) if unexpected_count is not None else None,
        unexpected_sample=sample,
        observed_value=observed if error is None else f"error: {error}",
        failed_document_ids=failed_documents,
        error=error,
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


def _decide(report: GateReport) -> None:
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
        else:
            for document_id in result.failed_document_ids:
                report.rejected.setdefault(document_id, []).append(result.expectation)
    if report.rejected and report.rejected_share > report.max_rejected_share:
        report.reasons.append(
            f"{len(report.rejected)} of {report.documents_in} documents rejected"
            f" ({report.rejected_share:.1%}), above max_rejected_share"
            f" {report.max_rejected_share:.1%}"
        )
    if report.reasons:
        report.decision = "fail"
    elif report.rejected:
        report.decision = "partial"
    else:
        report.decision = "publish"


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
        f"- documents in load: {report.documents_in}",
        f"- documents rejected: {len(report.rejected)} ({report.rejected_share:.1%};"
        f" max {report.max_rejected_share:.1%})",
        f"- expectations passed: {passed} of {len(report.results)}",
    ]
    if report.reasons:
        lines += ["", "## Why the load failed", ""]
        lines += [f"- {_md(reason)}" for reason in report.reasons]
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
