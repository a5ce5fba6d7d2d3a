"""Flow runs that zhnews starts in its own process send no flow-run heartbeats.

Prefect 3.8 turned them on (every 180 s) and joins the heartbeat thread, which sleeps in
one-second steps, at the end of every run: up to a second per `zhnews run`. A user who sets
PREFECT_FLOWS_HEARTBEAT_FREQUENCY (for a zombie-run automation) keeps it.
"""

from __future__ import annotations

import pytest
from zhnews.settings import configure_prefect_env, without_flow_heartbeats

configure_prefect_env()

from prefect.settings import get_current_settings  # noqa: E402


@pytest.fixture
def no_user_setting(monkeypatch):
    for name in ("PREFECT_FLOWS_HEARTBEAT_FREQUENCY", "PREFECT_RUNNER_HEARTBEAT_FREQUENCY"):
        monkeypatch.delenv(name, raising=False)


def test_runs_started_by_zhnews_send_no_heartbeats(no_user_setting):
    with without_flow_heartbeats():
        assert get_current_settings().flows.heartbeat_frequency is None


@pytest.mark.parametrize(
    "name", ["PREFECT_FLOWS_HEARTBEAT_FREQUENCY", "PREFECT_RUNNER_HEARTBEAT_FREQUENCY"]
)
def test_a_frequency_the_user_set_is_kept(no_user_setting, monkeypatch, name):
    before = get_current_settings().flows.heartbeat_frequency
    monkeypatch.setenv(name, "60")
    with without_flow_heartbeats():
        assert get_current_settings().flows.heartbeat_frequency == before
