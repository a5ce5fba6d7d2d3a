"""A real local Prefect server, the scheduled inbox deployment served by `zhnews serve`.

Two runs triggered together through the API: one loads (Completed, with its artifacts), the
other is cancelled by the deployment's concurrency limit. Stopping `serve` leaves the schedule
active. The server and serve processes are killed whatever happens.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS, query
from zhnews import ops

pytestmark = pytest.mark.timeout(420)

DEPLOYMENT = "ops-test"
CRON = "0 0 1 1 *"  # fires once a year: the test triggers its runs itself


@pytest.fixture(scope="module")
def prefect_server(tmp_path_factory):
    home = tmp_path_factory.mktemp("prefect-server-home")
    server = ops.start_server(ops.free_port(), home=home, timeout_s=240)
    try:
        yield server
    finally:
        server.stop()
        assert server.proc.poll() is not None


@pytest.fixture
def serving(prefect_server, tmp_path: Path):
    """`zhnews serve` in its own process group, pointed at the test server."""
    inbox = tmp_path / "inbox"
    shutil.copytree(SEEDS, inbox)
    db = tmp_path / "zhnews.duckdb"
    env = {
        **os.environ,
        "PREFECT_API_URL": prefect_server.api_url,
        "PREFECT_HOME": str(tmp_path / "client-home"),
        "PREFECT_RUNNER_POLL_FREQUENCY": "2",
        "ZHNEWS_LOCK_TIMEOUT": "30",
    }
    for quiet in ("PREFECT_LOGGING_LEVEL", "PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL"):
        env.pop(quiet, None)  # serve's own default (INFO) applies, as for a user
    log = open(tmp_path / "serve.log", "w")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "zhnews",
            "serve",
            "--inbox",
            str(inbox),
            "--db",
            str(db),
            "--cron",
            CRON,
            "--name",
            DEPLOYMENT,
        ],
        env=env,
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        yield proc, inbox, db, tmp_path / "serve.log"
    finally:
        ops.stop_process_group(proc, timeout_s=20)
        log.close()


async def _wait_for_deployment(client, proc, timeout_s: float):
    from prefect.exceptions import ObjectNotFound

    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        assert proc.poll() is None, "zhnews serve exited early"
        try:
            return await client.read_deployment_by_name(f"etl/{DEPLOYMENT}")
        except ObjectNotFound:
            await asyncio.sleep(1)
    raise AssertionError(f"deployment etl/{DEPLOYMENT} not registered within {timeout_s}s")


async def _wait_final(client, run_ids, timeout_s: float):
    deadline = time.monotonic() + timeout_s
    while True:
        runs = [await client.read_flow_run(i) for i in run_ids]
        if all(r.state and r.state.is_final() for r in runs) or time.monotonic() > deadline:
            return runs
        await asyncio.sleep(2)


async def _artifact_keys(client, flow_run_id) -> set[str]:
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId

    artifacts = await client.read_artifacts(
        artifact_filter=ArtifactFilter(flow_run_id=ArtifactFilterFlowRunId(any_=[flow_run_id]))
    )
    return {a.key for a in artifacts}


def test_served_deployment_runs_once_at_a_time_with_artifacts(prefect_server, serving):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.objects import ConcurrencyLimitStrategy, StateType
    from prefect.settings import PREFECT_API_URL, temporary_settings

    proc, inbox, db, serve_log = serving

    async def scenario():
        async with get_client() as client:
            deployment = await _wait_for_deployment(client, proc, 120)
            assert deployment.entrypoint == "zhnews.flow.etl"
            assert deployment.parameters == {
                "paths": [str(inbox.resolve())],
                "db": str(db.resolve()),
            }
            assert [(s.active, s.schedule.cron) for s in deployment.schedules] == [(True, CRON)]
            assert deployment.global_concurrency_limit.limit == 1
            assert (
                deployment.concurrency_options.collision_strategy
                == ConcurrencyLimitStrategy.CANCEL_NEW
            )

            # two runs at once: one loads, the other finds the slot taken and is cancelled
            ids = [
                (await client.create_flow_run_from_deployment(deployment.id)).id for _ in range(2)
            ]
            runs = await _wait_final(client, ids, 240)
            by_type = {r.state.type: r for r in runs}
            assert set(by_type) == {StateType.COMPLETED, StateType.CANCELLED}, [
                (r.state.type, r.state.message) for r in runs
            ]
            assert "concurrency limit" in by_type[StateType.CANCELLED].state.message
            done = by_type[StateType.COMPLETED]
            assert {"dq-report", "stage-counts", "etl-progress"} <= await _artifact_keys(
                client, done.id
            )
            assert await _artifact_keys(client, by_type[StateType.CANCELLED].id) == set()
            return deployment.id

    with temporary_settings({PREFECT_API_URL: prefect_server.api_url}):
        deployment_id = asyncio.run(scenario())
        assert query(db, "SELECT count(*) FROM marts.articles")[0][0] == 6
        assert "Aborted submission" in serve_log.read_text()  # the skipped run, logged

        ops.stop_process_group(proc, timeout_s=20)  # Ctrl-C

        async def after_stop():
            async with get_client() as client:
                return await client.read_deployment(deployment_id)

        deployment = asyncio.run(after_stop())
    assert deployment.paused is False
    assert [s.active for s in deployment.schedules] == [True]
