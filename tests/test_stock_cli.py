"""The README's stock DuckDB CLI line works on a warehouse a fresh load made (offline)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SEEDS, run_etl
from zhnews.store.lake import WarehousePaths

pytestmark = pytest.mark.usefixtures("prefect_api")


def test_stock_duckdb_cli_reads_the_lake(tmp_path):
    db = tmp_path / "w"
    assert run_etl([SEEDS], db)["status"] == "published"
    cli = Path(sys.executable).with_name("duckdb")  # the duckdb-cli package, same DuckDB version
    assert cli.exists(), "duckdb-cli is a locked dependency"
    out = subprocess.run(
        [
            str(cli),
            "-init",
            str(WarehousePaths.of(db).attach_script),
            "-csv",
            "-c",
            "SELECT count(*) AS n FROM marts.articles",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,  # the init file uses absolute paths: any folder works
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-1] == "6"
