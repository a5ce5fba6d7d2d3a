"""Shared fixtures. Prefect runs against one temporary ephemeral API for the whole session."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
SEEDS = ROOT / "seeds"

os.environ.setdefault("ZHNEWS_LOCK_TIMEOUT", "30")


@pytest.fixture(scope="session")
def prefect_api():
    """A throw-away Prefect API (ephemeral, no server process to manage, telemetry off)."""
    from zhnews.settings import configure_prefect_env, without_flow_heartbeats

    configure_prefect_env()
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=180), without_flow_heartbeats():
        yield


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A private copy of the seeds and the finews posts, safe to modify."""
    root = tmp_path / "inbox"
    shutil.copytree(SEEDS, root / "seeds")
    shutil.copytree(FIXTURES / "finews", root / "finews")
    return root


def run_etl(paths, db: Path, **env):
    """Run the real flow in-process; returns its summary dict."""
    from zhnews.flow import etl

    old = {k: os.environ.get(k) for k in env}
    os.environ.update({k: str(v) for k, v in env.items()})
    try:
        return etl(paths=[str(p) for p in paths], db=str(db))
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def query(db: Path, sql: str, params=None):
    """Read the published warehouse the way analysts do (sandboxed, read-only)."""
    from zhnews.db import open_published

    con = open_published(db)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()
