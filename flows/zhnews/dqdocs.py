"""Great Expectations Data Docs for the quality gate's recent loads (`zhnews dq-docs`).

The gate validates each load in an ephemeral GX context and keeps, per expectation, what it
found in `ops.dq_results` (the staging rows it checked are gone after the load). This module
turns those rows back into GX validation results (`ExpectationSuiteValidationResult`, one per
suite and load, with the suite's expectation configurations from `expectations/`), puts them
in a GX context's validation-results store next to the suites, and lets GX's own site builder
render the HTML: an index page listing suites and validation runs, one page per suite and one
per suite × load, as users of GX know them.

Everything runs offline with GX analytics off. GX's page templates load Bootstrap, jQuery and
GX's logo from public CDNs when a browser opens them; without a network the pages are plain
but complete.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from zhnews.settings import PROJECT_ROOT

if TYPE_CHECKING:
    import duckdb

    from zhnews.gate import ExpectationSpec, Suite

DEFAULT_OUT = PROJECT_ROOT / "dq-docs"
SITE_NAME = "zhnews"
DATASOURCE = "staging"  # the gate's pandas data source; assets are named after the suites
_ROWS_UNEXPECTED = re.compile(r"^(\d+) of (\d+) rows unexpected$")


@dataclass
class DqRow:
    """One row of ops.dq_results (see warehouse/ops/dq_results.sql)."""

    load_id: str
    suite: str
    expectation: str
    column_name: str | None
    severity: str
    scope: str
    success: bool
    unexpected_count: int | None
    unexpected_sample: list[str] | None
    observed_value: str | None
    checked_at: datetime | None


@dataclass
class Built:
    index: Path
    loads: list[str]
    validations: int
    unmatched: list[str]  # recorded names no suite defines any more (shown by type, or left out)


def recent_results(con: duckdb.DuckDBPyConnection, loads: int) -> dict[str, list[DqRow]]:
    """ops.dq_results of the `loads` most recent loads that have any, newest load first."""
    rows = con.execute(
        """
        WITH recent AS (
            SELECT r.load_id, max(coalesce(l.started_at, r.checked_at)) AS started
            FROM ops.dq_results r LEFT JOIN ops.loads l USING (load_id)
            GROUP BY r.load_id ORDER BY started DESC LIMIT ?)
        SELECT r.load_id, r.suite, r.expectation, r.column_name, r.severity, r.scope, r.success,
               r.unexpected_count, r.unexpected_sample, r.observed_value, r.checked_at
        FROM ops.dq_results r JOIN recent USING (load_id)
        ORDER BY recent.started DESC, r.suite, r.expectation
        """,
        [loads],
    ).fetchall()
    out: dict[str, list[DqRow]] = {}
    for row in rows:
        out.setdefault(row[0], []).append(DqRow(*row))
    return out


def _result_dict(row: DqRow) -> dict[str, Any]:
    """The `result` part of a GX ExpectationValidationResult, from what the gate kept."""
    observed = row.observed_value
    m = _ROWS_UNEXPECTED.match(observed or "")
    if row.unexpected_count is not None or m:
        unexpected = row.unexpected_count if row.unexpected_count is not None else int(m.group(1))
        result: dict[str, Any] = {"unexpected_count": unexpected}
        if m:
            element_count = int(m.group(2))
            result["element_count"] = element_count
            result["unexpected_percent"] = (
                100.0 * unexpected / element_count if element_count else 0.0
            )
        result["partial_unexpected_list"] = list(row.unexpected_sample or [])
        return result
    if observed is not None and not observed.startswith("error: "):
        return {"observed_value": observed}
    return {}


def _config(spec: ExpectationSpec | None, row: DqRow | None = None):
    """A GX expectation configuration: the suite file's, or what the gate recorded in `row`."""
    from great_expectations.expectations.expectation_configuration import (
        ExpectationConfiguration,
    )
    from great_expectations.expectations.metadata_types import FailureSeverity

    if spec is not None:
        severity = row.severity if row is not None else spec.severity
        return ExpectationConfiguration(
            type=spec.type,
            kwargs=dict(spec.kwargs),
            meta={**spec.meta, "gate_name": spec.name},
            notes=spec.why or None,  # GX shows notes under the expectation
            severity=FailureSeverity(severity),
        )
    assert row is not None
    kwargs = {"column": row.column_name} if row.column_name else {}
    return ExpectationConfiguration(
        type=_type_from_name(row.expectation),
        kwargs=kwargs,
        meta={"scope": row.scope, "gate_name": row.expectation},
        severity=FailureSeverity(row.severity),
    )


def _validation_result(row: DqRow, spec: ExpectationSpec | None):
    from great_expectations.core.expectation_validation_result import (
        ExpectationValidationResult,
    )

    config = _config(spec, row)
    error = (row.observed_value or "")[len("error: ") :] if _is_error(row) else None
    return ExpectationValidationResult(
        success=row.success,
        expectation_config=config,
        result=_result_dict(row),
        exception_info={
            "raised_exception": error is not None,
            "exception_message": error,
            "exception_traceback": None,
        },
    )


def _is_error(row: DqRow) -> bool:
    return (row.observed_value or "").startswith("error: ")


def _type_from_name(name: str) -> str | None:
    """`articles.expect_x(col)` → `expect_x`: the GX type in a gate name without meta.name."""
    m = re.search(r"\.(expect_[a-z0-9_]+)", name)
    return m.group(1) if m else None


def _known_type(expectation_type: str | None) -> bool:
    """Whether GX can render an expectation of this type (an unknown one breaks its page)."""
    from great_expectations.exceptions import ExpectationNotFoundError
    from great_expectations.expectations.registry import get_expectation_impl

    if expectation_type is None:
        return False
    try:
        get_expectation_impl(expectation_type)
    except ExpectationNotFoundError:
        return False
    return True


def _suite_result(
    load_id: str, suite_name: str, rows: list[DqRow], specs: dict[str, ExpectationSpec]
):
    import great_expectations as gx
    from great_expectations.core.expectation_validation_result import (
        ExpectationSuiteValidationResult,
    )

    results = [_validation_result(r, specs.get(r.expectation)) for r in rows]
    ok = sum(1 for r in rows if r.success)
    checked = [r.checked_at for r in rows if r.checked_at is not None]
    validation_time = max(checked).isoformat() if checked else None
    return ExpectationSuiteValidationResult(
        success=all(r.success for r in rows),
        results=results,
        suite_name=suite_name,
        statistics={
            "evaluated_expectations": len(rows),
            "successful_expectations": ok,
            "unsuccessful_expectations": len(rows) - ok,
            "success_percent": 100.0 * ok / len(rows) if rows else None,
        },
        meta={
            "great_expectations_version": gx.__version__,
            "run_id": {"run_name": load_id, "run_time": validation_time},
            "validation_time": validation_time,
            "batch_spec": {
                "batch_data": "PandasDataFrame",
                "data_asset_name": suite_name,
                "load_id": load_id,
            },
            "active_batch_definition": {
                "datasource_name": DATASOURCE,
                "data_connector_name": "fluent",
                "data_asset_name": suite_name,
                "batch_identifiers": {"load_id": load_id},
            },
        },
        batch_id=f"{DATASOURCE}-{suite_name}",
    )


def _gx_suite(suite: Suite):
    import great_expectations as gx

    expectations = [_config(s).to_domain_obj() for s in suite.expectations]
    meta = {"notes": {"format": "markdown", "content": [suite.description]}}
    return gx.ExpectationSuite(name=suite.name, expectations=expectations, meta=meta)


def build(
    con: duckdb.DuckDBPyConnection,
    out: Path = DEFAULT_OUT,
    loads: int = 10,
    expectations_dir: Path | None = None,
) -> Built:
    """Write GX Data Docs for the last `loads` gated loads into `out`; returns the index page."""
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    import great_expectations as gx
    from great_expectations.core.run_identifier import RunIdentifier
    from great_expectations.data_context.types.base import ProgressBarsConfig
    from great_expectations.data_context.types.resource_identifiers import (
        ExpectationSuiteIdentifier,
        ValidationResultIdentifier,
    )

    from zhnews.gate import load_suites
    from zhnews.settings import Settings

    suites = load_suites(expectations_dir or Settings().expectations_dir)
    specs = {s.name: s for suite in suites for s in suite.expectations}
    by_load = recent_results(con, loads)

    out = Path(out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    context = gx.get_context(mode="ephemeral")
    context.config.analytics_enabled = False
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    context.add_data_docs_site(
        SITE_NAME,
        {
            "class_name": "SiteBuilder",
            "show_how_to_buttons": False,
            "store_backend": {
                "class_name": "TupleFilesystemStoreBackend",
                "base_directory": str(out),
            },
            "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
        },
    )
    for suite in suites:
        context.suites.add(_gx_suite(suite))

    validations = 0
    unmatched: set[str] = set()
    for load_id, rows in by_load.items():
        per_suite: dict[str, list[DqRow]] = {}
        for row in rows:
            if row.expectation in specs or _known_type(_type_from_name(row.expectation)):
                per_suite.setdefault(row.suite, []).append(row)
            if row.expectation not in specs:
                unmatched.add(row.expectation)
        for suite_name, suite_rows in per_suite.items():
            result = _suite_result(load_id, suite_name, suite_rows, specs)
            run_time = result.meta["validation_time"]
            key = ValidationResultIdentifier(
                ExpectationSuiteIdentifier(suite_name),
                RunIdentifier(run_name=load_id, run_time=run_time),
                f"{DATASOURCE}-{suite_name}",
            )
            context.validation_results_store.set(key, result)
            validations += 1
    context.build_data_docs(site_names=[SITE_NAME])
    return Built(out / "index.html", list(by_load), validations, sorted(unmatched))
